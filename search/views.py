from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Locale, Page


def search(request):
    """Full-text search over the live pages of the active language."""
    # Control characters (a NUL byte is refused by PostgreSQL) are dropped.
    raw = request.GET.get("query", "")[:200]
    query = "".join(ch for ch in raw if ch.isprintable() or ch == " ").strip()
    results = Page.objects.none()
    if query:
        results = (
            Page.objects.live()
            .public()
            .filter(locale=Locale.get_active())
            .specific()
            .search(query)
        )
    page = Paginator(results, 10).get_page(request.GET.get("page"))
    return TemplateResponse(
        request, "search/search.html", {"search_query": query, "search_results": page}
    )
