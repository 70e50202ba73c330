"""The lookups Wagtail makes on every request, answered from memory.

Wagtail asks the database on every page view for the locale of the active
language (several times), the site of the host name, the page at each level of
the URL (two queries a level: the child and its specific row) and the view
restrictions of the page's ancestors (two more). None of that changes between
editors' actions, so each is kept per process (`core.caching.memo`) and built
again when its generation changes (`core.signals`).

`install()` puts them in place (from `CoreConfig.ready`). Why patches and not
settings: Wagtail has no hook for these lookups; each patch keeps Wagtail's
behaviour and falls back to Wagtail's own code whenever the memo has no answer.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.models import sites as wagtail_sites
from wagtail.models.i18n import LocaleManager

from . import caching

LOCALES = ("locales",)
SITES = ("sites", "pages", "locales")
PAGES = ("pages", "locales")


def locales():
    """language code -> Locale, every locale there is."""
    return caching.memo(
        ("locales",),
        lambda: {locale.language_code: locale for locale in Locale.objects.all()},
        LOCALES,
    )


def _get_for_language(manager, language_code):
    """`LocaleManager.get_for_language` without a query."""
    code = get_supported_content_language_variant(language_code)
    try:
        return locales()[code]
    except KeyError:
        raise manager.model.DoesNotExist(code) from None


def _live_routes():
    """url_path -> (pk, content type id) of every live page, and the homes."""
    rows = Page.objects.live().values_list(
        "url_path", "pk", "content_type_id", "translation_key", "locale_id"
    )
    routes = {}
    translations = {}
    for url_path, pk, content_type_id, translation_key, locale_id in rows:
        routes[url_path] = (pk, content_type_id)
        translations[translation_key, locale_id] = url_path
    return routes, translations


def live_routes():
    return caching.memo(("routes",), _live_routes, PAGES)


def find_page(site, path, locale):
    """The live specific page at `path` under the site's home of `locale`."""
    root = site.root_page
    routes, translations = live_routes()
    root_path = translations.get((root.translation_key, locale.pk), root.url_path)
    components = [component for component in path.split("/") if component]
    url_path = root_path + "".join(f"{component}/" for component in components)
    found = routes.get(url_path)
    if found is None:
        return None
    pk, content_type_id = found
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:
        return None
    return model.objects.filter(pk=pk).first()


def install():
    LocaleManager.get_for_language = _get_for_language

    original_site_lookup = wagtail_sites.get_site_for_hostname

    def get_site_for_hostname(hostname, port):
        key = ("site", hostname, port)
        return caching.memo(key, lambda: original_site_lookup(hostname, port), SITES)

    wagtail_sites.get_site_for_hostname = get_site_for_hostname

    original_route = Page.route_for_request

    def route_for_request(request, path):
        if not hasattr(request, "_wagtail_route_for_request"):
            site = wagtail_sites.Site.find_for_request(request)
            if site is not None and getattr(settings, "WAGTAIL_I18N_ENABLED", False):
                try:
                    locale = Locale.get_active()
                except (LookupError, Locale.DoesNotExist):
                    locale = None
                page = find_page(site, path, locale) if locale else None
                if page is not None:
                    try:
                        request._wagtail_route_for_request = page.route(request, [])
                    except Http404:
                        request._wagtail_route_for_request = None
        return original_route(request, path)

    Page.route_for_request = staticmethod(route_for_request)

    original_restrictions = Page.get_view_restrictions

    def get_view_restrictions(self):
        # Most sites have no restricted pages at all: then no page has one.
        if not caching.memo(
            ("any-restriction",),
            PageViewRestriction.objects.exists,
            ("restrictions",),
        ):
            return PageViewRestriction.objects.none()
        return original_restrictions(self)

    Page.get_view_restrictions = get_view_restrictions
