from django.apps import AppConfig


class PathsConfig(AppConfig):
    name = "paths"
    verbose_name = "Self-care paths"
    demo_content = "paths.demo.load"
    demo_staff = "paths.demo.load_staff"

    def ready(self):
        # The receivers and the guard import the models: registry ready only.
        from . import localize_guard, signals  # noqa: F401

        localize_guard.install()
