from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReferralsConfig(AppConfig):
    name = "referrals"
    verbose_name = _("Referrals")
    demo_staff = "referrals.demo.load"

    def ready(self):
        # The receivers import the models: only once the registry is ready.
        from . import signals  # noqa: F401
