"""The tags of every page: menu, meta description, help box, language switcher.

Core knows no area app. What the areas put on every page comes through two
Wagtail hooks, registered in their `wagtail_hooks.py`:

- `polku_navigation(locale)` returns menu pages to add to `navigation()`
  (paths: the path index; directory: the service finder);
- `polku_help_box_lines(now)` returns the help box's lines (directory: the
  crisis lines marked with a help-box position).
"""

import html

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import Locale, Page

from core import caching
from core.models import SiteSettings

register = template.Library()


def _navigation():
    locale = Locale.get_active()
    site_settings = SiteSettings.load()
    help_page = site_settings.help_page
    statement = site_settings.accessibility_page
    privacy = site_settings.privacy_page
    menu = {
        "quick_exit_url": site_settings.quick_exit_url,
        "help_page": help_page.localized if help_page else None,
        # The footer's statement and notice (every page links to both).
        "accessibility_page": statement.localized if statement else None,
        "privacy_page": privacy.localized if privacy else None,
    }
    for menu_pages in hooks.get_hooks("polku_navigation"):
        menu.update(menu_pages(locale))
    return menu


def navigation():
    """The menu's pages and the site settings of the active language.

    The same for every visitor of a language: kept in memory until an editor
    publishes, moves or deletes a page or saves the settings (core.signals).
    """
    language = translation.get_language()
    return caching.memo(
        ("navigation", language), _navigation, ("pages", "settings", "locales")
    )


@register.simple_tag
def site_navigation():
    return navigation()


@register.simple_tag
def meta_description(page=None):
    """The page's search description, else its introduction or summary.

    Pages without either (and views that are not pages) get the portal's own
    sentence, so that every page has a description for search engines.
    """
    for name in ("search_description", "introduction", "summary", "intro"):
        value = getattr(page, name, "") if page is not None else ""
        text = " ".join(html.unescape(strip_tags(str(value or ""))).split())
        if text:
            return Truncator(text).chars(300)
    return _(
        "Polku: self-care paths for young people, with help contacts that are open now."
    )


@register.inclusion_tag("components/help_box.html", takes_context=True)
def help_box(context, inline=False):
    """The crisis lines from the directory, in the active language.

    `inline=True` renders it inside page content (a path step's help box
    block): a region with its own heading id, beside the site-wide aside.

    The same records as the finder and the contact cards: a number edited in
    the directory changes here too (docs/directory.md).
    """
    now = timezone.now()
    lines = [
        line for hook in hooks.get_hooks("polku_help_box_lines") for line in hook(now)
    ]
    return {
        "lines": lines,
        "finder": navigation().get("finder"),
        "request": context.get("request"),
        "inline": inline,
    }


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in each language, or to that language's home page."""
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    links = []
    translations = {}
    if isinstance(page, Page):
        for translated in (
            page.get_translations(inclusive=True).live().select_related("locale")
        ):
            translations[translated.locale.language_code] = translated
    for code, name in settings.LANGUAGES:
        if code in translations:
            url = translations[code].get_url(request)
        elif request is not None:
            url = translate_url(request.path, code)
            if page is not None and url == request.path and code != current:
                url = f"/{code}/"
        else:
            url = f"/{code}/"
        links.append(
            {"code": code, "name": name, "url": url, "current": code == current}
        )
    return {"links": links}
