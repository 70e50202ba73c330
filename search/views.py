"""Site search: each language's own text search, synonyms, path and step shown."""

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Locale, Page

from core.models import SiteSettings
from paths.models import PathIndexPage, PathStepPage, Theme

from . import synonyms


def _themes(locale):
    """The themes of the path index, for the empty state: somewhere to go next."""
    index = PathIndexPage.objects.live().filter(locale=locale).first()
    if index is None:
        return None, []
    return index, list(Theme.objects.filter(locale=locale))


def search(request):
    """Full-text search over the live pages of the active language."""
    # Control characters (a NUL byte is refused by PostgreSQL) are dropped.
    raw = request.GET.get("query", "")[:200]
    query = "".join(ch for ch in raw if ch.isprintable() or ch == " ").strip()
    locale = Locale.get_active()
    results = Page.objects.none()
    if query:
        words = synonyms.parse(SiteSettings.load(request).search_synonyms)
        expanded = synonyms.expand(query, words)
        if expanded is not None:
            results = (
                Page.objects.live()
                .public()
                .filter(locale=locale)
                .specific()
                .search(expanded)
            )
    page = Paginator(results, 10).get_page(request.GET.get("page"))
    for result in page:
        # A step is shown with its path: "Huoli ja alakulo · Vaihe 2".
        if isinstance(result, PathStepPage):
            result.path_title = result.path_page.title
    index, themes = (None, [])
    if query and not page.paginator.count:
        index, themes = _themes(locale)
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": query,
            "search_results": page,
            "paths_index": index,
            "themes": themes,
        },
    )
