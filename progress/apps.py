from django.apps import AppConfig


class ProgressConfig(AppConfig):
    name = "progress"
    verbose_name = "Progress and answers"

    def ready(self):
        # Registers the field-keys system check; it reads the models.
        from . import keys  # noqa: F401
