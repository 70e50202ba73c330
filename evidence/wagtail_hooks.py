from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from referrals.wagtail_hooks import PermissionMenuItem

from .urls import admin_urlpatterns


@hooks.register("register_admin_urls")
def register_evidence_urls():
    return admin_urlpatterns


@hooks.register("register_admin_menu_item")
def register_evidence_menu_item():
    return PermissionMenuItem(
        _("Evidence"),
        reverse("evidence_dashboard"),
        icon_name="table",
        order=255,
        permissions=["referrals.view_all_aggregates", "referrals.add_referrallink"],
    )
