from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from core.menu import PermissionMenuItem

from .report import link_numbers
from .urls import admin_urlpatterns


@hooks.register("register_admin_urls")
def register_evidence_urls():
    return [path("", include((admin_urlpatterns, "evidence_admin")))]


@hooks.register("register_admin_menu_item")
def register_evidence_menu_item():
    return PermissionMenuItem(
        _("Evidence"),
        reverse("evidence_admin:dashboard"),
        icon_name="table",
        order=255,
        permissions=["referrals.view_all_aggregates", "referrals.add_referrallink"],
    )


@hooks.register("insert_global_admin_css")
def evidence_admin_css():
    """The counts tables ("my links" on the admin home, the hand-on and the
    numbers pages) scroll inside themselves on a phone."""
    return format_html('<link rel="stylesheet" href="{}">', static("css/evidence.css"))


@hooks.register("polku_link_numbers")
def referral_link_numbers(links):
    """The numbers beside each staff member's links (referrals.staff)."""
    return link_numbers(links)
