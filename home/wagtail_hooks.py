from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import HelpContact


class HelpContactSnippetViewSet(SnippetViewSet):
    model = HelpContact
    icon = "help"
    menu_label = "Help box"
    list_display = ["name", "phone", "availability", "locale"]
    search_fields = ["name", "description"]


register_snippet(HelpContactSnippetViewSet)
