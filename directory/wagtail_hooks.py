from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Municipality, Organisation, Service


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
