from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Locale, Page

from home.models import HelpContact

register = template.Library()


@register.inclusion_tag("components/help_box.html", takes_context=True)
def help_box(context):
    """The crisis contacts of the active language (Finnish as a fallback)."""
    contacts = list(HelpContact.objects.filter(locale=Locale.get_active()))
    if not contacts:
        contacts = list(HelpContact.objects.filter(locale=Locale.get_default()))
    return {"contacts": contacts, "request": context.get("request")}


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
