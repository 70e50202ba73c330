from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Polku"

    def ready(self):
        from . import keys  # noqa: F401 - registers the field-keys system check
