from django.apps import AppConfig


class StrongIdConfig(AppConfig):
    name = "accounts.strongid"
    label = "strongid"
    verbose_name = "Strong identification"
