from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home and content pages"

    def ready(self):
        from . import lookups, signals  # noqa: F401

        lookups.install()
