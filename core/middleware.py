"""Middleware that every area's pages go through (portal/settings/base.py).

- `PreviewFrameAncestorsMiddleware`: Wagtail's preview may be framed by the
  admin, and nothing else is.
- `TranslatedErrorPageMiddleware`: translated pages for empty-bodied refusals.
- `PublicPageCacheMiddleware` and `PublicGZipMiddleware`: anonymous public
  pages from a full-page cache, and compressed (core/pagecache.py).
"""

from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.middleware.gzip import GZipMiddleware
from django.shortcuts import render

from . import caching
from .pagecache import (
    HEADER,
    KEPT_HEADERS,
    PLACEHOLDER,
    TIMEOUT,
    TOKEN_RE,
    anonymous_without_messages,
    enabled,
    is_page,
    is_private,
    key_for,
)

NO_BODY_TYPES = ("application/json",)


# Wagtail's preview ------------------------------------------------------------
#
# Wagtail's preview may be framed by the admin, and nothing else is.
#
# Wagtail renders a preview by running a made-up request for the page's own
# address through the whole middleware stack (`make_preview_request`), so the
# public pages' `frame-ancestors 'none'` lands on the preview too and blanks
# Wagtail's preview panel and, with it, the accessibility checker in the editor.
# Wagtail marks such requests with `request.is_preview`; only their responses
# get `frame-ancestors 'self'` (the admin's origin). Every other directive of the
# site's policy stays as it is.


class PreviewFrameAncestorsMiddleware:
    """Put after `csp.middleware.CSPMiddleware`, so that it answers first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "is_preview", False):
            # django-csp reads this when it builds the header for the response.
            replace = dict(getattr(response, "_csp_replace", None) or {})
            replace["frame-ancestors"] = ["'self'"]
            response._csp_replace = replace
        return response


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


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with caching.request_scope():
            return self._serve(request)

    def _serve(self, request):
        if (
            not enabled()
            or request.method not in ("GET", "HEAD")
            or not is_page(request)
            or not anonymous_without_messages(request)
        ):
            return self.get_response(request)
        key = key_for(request)
        if key is None:
            return self.get_response(request)
        stored = cache.get(key)
        if stored is not None:
            return self._from_cache(request, stored)
        response = self.get_response(request)
        if self._storable(request, response):
            self._store(key, response)
            response[HEADER] = "miss"
        return response

    def _storable(self, request, response):
        session = getattr(request, "session", None)
        return (
            response.status_code == 200
            and not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
            and not is_private(response)
            and not response.cookies
            and not (session is not None and session.modified)
        )

    def _store(self, key, response):
        content = TOKEN_RE.sub(
            rf"\g<1>{PLACEHOLDER}\g<2>", response.content.decode(response.charset)
        )
        headers = {name: response[name] for name in KEPT_HEADERS if name in response}
        cache.set(key, {"content": content, "headers": headers}, TIMEOUT)

    def _from_cache(self, request, stored):
        content = stored["content"]
        if PLACEHOLDER in content:
            # A fresh mask for each form, as {% csrf_token %} would give.
            parts = content.split(PLACEHOLDER)
            content = parts[0] + "".join(
                get_token(request) + part for part in parts[1:]
            )
        response = HttpResponse(content)
        for name, value in stored["headers"].items():
            response[name] = value
        response[HEADER] = "hit"
        return response


class PublicGZipMiddleware(GZipMiddleware):
    """Django's GZipMiddleware, for responses that no cache may keep private.

    Production only (portal/settings/production.py): gunicorn does not
    compress and the compose file puts no proxy in front of it. BREACH, as
    Django's documentation asks: CSRF tokens are masked per response, Django
    pads every gzip body with random bytes, and pages that are personal
    (signed in: `private, no-store`, holding a person's answers) are sent
    uncompressed, so no secret shares a compressed body with reflected input.
    """

    def process_response(self, request, response):
        if is_private(response):
            return response
        return super().process_response(request, response)
