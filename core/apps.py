from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Polku core"

    def ready(self):
        # Signal receivers and Wagtail's lookups need the app registry ready.
        from . import lookups, signals  # noqa: F401

        lookups.install()
