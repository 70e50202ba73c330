"""SiteSettings moved to `core` with its table (core/0001): state only."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('home', '0004_rich_text_named_editors'),
        ('core', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="SiteSettings")],
        ),
    ]
