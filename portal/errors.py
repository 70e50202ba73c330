"""Translated pages for refusals (4xx) that Django would answer in English or
with an empty body: a bad request (400, also from SuspiciousOperation) and a
method the address does not take (405, from require_POST and the like)."""

from django.shortcuts import render

NO_BODY_TYPES = ("application/json",)


def bad_request(request, exception=None):
    """handler400: Django's own renders 400.html without the request, so
    without the language or the site's layout."""
    return render(request, "400.html", status=400)


class TranslatedErrorPageMiddleware:
    """An empty-bodied 4xx from a view gets a translated page (the language
    is still active here, and the headers middleware further out see it)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        status = response.status_code
        if (
            400 <= status < 500
            and not response.streaming
            and not response.content
            and request.method != "HEAD"
            and not response.get("Content-Type", "").startswith(NO_BODY_TYPES)
        ):
            page = render(request, "405.html" if status == 405 else "400.html")
            page.status_code = status
            for header in ("Allow", "Retry-After", "Cache-Control"):
                if header in response:
                    page[header] = response[header]
            for name, morsel in response.cookies.items():
                page.cookies[name] = morsel
            return page
        return response
