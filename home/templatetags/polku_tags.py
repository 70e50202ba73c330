from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import timezone, translation
from wagtail.models import Page

from directory import cards

register = template.Library()


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
        cards.card_for(service.canonical, now, text=service)
        for service in cards.help_box_services()
    ]
    return {
        "lines": lines,
        "finder": cards.finder_page(),
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
        for translated in page.get_translations(inclusive=True).live():
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
