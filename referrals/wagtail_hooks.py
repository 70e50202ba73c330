from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component

from core.menu import PermissionMenuItem

from .staff import my_links
from .urls import admin_urlpatterns


@hooks.register("register_admin_urls")
def register_referral_urls():
    return [path("", include((admin_urlpatterns, "referrals_admin")))]


@hooks.register("register_admin_menu_item")
def register_referral_menu_item():
    return PermissionMenuItem(
        _("Hand on a path"),
        reverse("referrals_admin:paths"),
        icon_name="link",
        order=250,
        permissions=["referrals.add_referrallink"],
    )


@hooks.register("register_admin_menu_item")
def register_numbers_menu_item():
    return PermissionMenuItem(
        _("Referral numbers"),
        reverse("referrals_admin:numbers"),
        icon_name="table",
        order=260,
        permissions=[
            "referrals.add_referrallink",
            "referrals.view_all_aggregates",
        ],
    )


class HandOnPanel(Component):
    """A staff member's admin home: hand on a path, their links and numbers."""

    name = "hand_on"
    order = 10
    template_name = "referrals/admin/home_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        return {"rows": my_links(self.request.user)[:8]}


@hooks.register("construct_homepage_panels")
def add_hand_on_panel(request, panels):
    if request.user.has_perm("referrals.add_referrallink"):
        panels.insert(0, HandOnPanel(request))
