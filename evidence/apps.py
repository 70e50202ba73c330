from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvidenceConfig(AppConfig):
    name = "evidence"
    verbose_name = _("Evidence")
    # Generated history for the dashboard (development only): needs the staff.
    demo_staff = "evidence.demo.load_staff"
    default_auto_field = "django.db.models.BigAutoField"
