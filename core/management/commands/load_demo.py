"""Load every app's demo content, in the order of INSTALLED_APPS.

Core names no area app. An app takes part by naming its loaders on its
AppConfig, as dotted paths:

- `demo_content`: a function without arguments that creates the app's demo
  content (pages, services, ...); these run first, lower apps before higher
  ones, so that a loader finds what the apps below it made;
- `demo_staff`: a function taking the demo password that creates staff
  logins and what needs them; these run only when the settings give a demo
  password (DEMO_ADMIN_PASSWORD); accounts' makes the demo admin, and
  every app makes its logins with `accounts.demo.ensure_staff`.
"""

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.test.utils import override_settings
from django.utils.module_loading import import_string


def loaders(attribute):
    """The loaders named by `attribute` on the app configs, in app order."""
    return [
        import_string(getattr(config, attribute))
        for config in apps.get_app_configs()
        if getattr(config, attribute, None)
    ]


class Command(BaseCommand):
    help = "Load the Kymenlaakso demo content. Safe to run again: keeps edits."

    def handle(self, *args, **options):
        # The loaders copy pages for translation and then give them their
        # own slugs; to Wagtail that is a rename, and it would add a redirect
        # for every translated page. Nothing was ever published under the old
        # slugs, so no redirect is made while loading.
        with override_settings(WAGTAILREDIRECTS_AUTO_CREATE=False):
            for load in loaders("demo_content"):
                load()
        if settings.DEMO_ADMIN_PASSWORD:
            for load_staff in loaders("demo_staff"):
                load_staff(settings.DEMO_ADMIN_PASSWORD)
        self.stdout.write(self.style.SUCCESS("Demo content is loaded."))
