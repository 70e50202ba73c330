"""The database cache table for security state (rate limits, used TOTP codes).

Django makes cache tables with `createcachetable`; a migration runs it so that
every deployment and every test database has the table without a manual step.
"""

from django.conf import settings
from django.core.management import call_command
from django.db import migrations


def create_table(apps, schema_editor):
    call_command(
        "createcachetable", database=schema_editor.connection.alias, verbosity=0
    )


def drop_table(apps, schema_editor):
    for alias in settings.CACHES.values():
        if alias["BACKEND"].endswith("db.DatabaseCache"):
            schema_editor.execute(
                f"DROP TABLE IF EXISTS {schema_editor.quote_name(alias['LOCATION'])}"
            )


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_identity_and_audit")]

    operations = [migrations.RunPython(create_table, drop_table)]
