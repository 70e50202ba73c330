from django import template
from wagtail.models import Locale

from core.templatetags.polku_tags import navigation
from paths.models import PathIndexPage, PathPage, Theme

register = template.Library()


@register.inclusion_tag("paths/includes/paths_overview.html", takes_context=True)
def paths_overview(context):
    """The themes and paths of the active language, for the home page."""
    locale = Locale.get_active()
    index = PathIndexPage.objects.live().filter(locale=locale).first()
    paths = []
    if index is not None:
        paths = list(
            PathPage.objects.child_of(index).live().specific().order_by("path")
        )
    return {
        "index": index,
        "themes": list(Theme.objects.filter(locale=locale)) if index else [],
        "paths": paths,
        "request": context.get("request"),
    }


@register.simple_tag(takes_context=True)
def paths_index_url(context):
    """The address of the active language's path index, for the main menu."""
    index = navigation().get("paths_index")
    return index.get_url(context.get("request")) if index else ""
