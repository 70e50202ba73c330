from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.menu import PermissionMenuItem

from . import cards
from .models import Municipality, Organisation, Service, ServiceFinderPage
from .views import ServicesToReviewView


class ServiceSnippetViewSet(SnippetViewSet):
    model = Service
    icon = "help"
    menu_label = _("Services")
    list_display = ["name", "organisation", "review_by", "locale"]
    list_filter = ["organisation__kind", "live"]
    search_fields = ["name", "description"]


class OrganisationSnippetViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "kind", "locale"]
    list_filter = ["kind"]


class MunicipalitySnippetViewSet(SnippetViewSet):
    model = Municipality
    icon = "site"
    menu_label = _("Municipalities")
    list_display = ["name", "name_sv", "code"]


class DirectorySnippetViewSetGroup(SnippetViewSetGroup):
    items = (
        ServiceSnippetViewSet,
        OrganisationSnippetViewSet,
        MunicipalitySnippetViewSet,
    )
    menu_icon = "list-ul"
    menu_label = _("Directory")
    menu_name = "directory"


register_snippet(DirectorySnippetViewSetGroup)


@hooks.register("register_admin_urls")
def register_review_report_urls():
    urls = [
        path(
            "reports/services-to-review/",
            ServicesToReviewView.as_view(),
            name="review_due",
        ),
        path(
            "reports/services-to-review/results/",
            ServicesToReviewView.as_view(results_only=True),
            name="review_due_results",
        ),
    ]
    return [path("", include((urls, "directory_admin")))]


@hooks.register("register_reports_menu_item")
def register_review_report_menu_item():
    return PermissionMenuItem(
        _("Services to review"),
        reverse("directory_admin:review_due"),
        permissions=["directory.change_service"],
        name="services-to-review",
        icon_name="calendar-alt",
        order=960,
    )


@hooks.register("polku_navigation")
def finder_in_navigation(locale):
    """The menu's service finder: this language's, else any (core's menu)."""
    finders = ServiceFinderPage.objects.live()
    return {"finder": finders.filter(locale=locale).first() or finders.first()}


@hooks.register("polku_help_box_lines")
def help_box_lines(now):
    """The crisis lines of the help box on every page (core's `help_box`)."""
    return cards.help_box_cards(now)
