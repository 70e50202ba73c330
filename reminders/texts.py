"""The words of a reminder: discreet by default, in the enrolment's language.

A reminder may be read by anyone who glances at a lock screen or a shared
inbox, so it never carries the path's topic or a name. The defaults are
data rather than UI strings so that a reminder is always in the language of
the enrolment, whatever language the sending worker runs in.
"""

import time

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from .models import ReminderText

DEFAULT_TEXTS = {
    "fi": ("Polku", "Polku odottaa sinua"),
    "sv": ("Polku", "Din stig väntar"),
    "en": ("Polku", "Your path is waiting"),
}
# Labels in the message itself (push action button, e-mail footer).
STOP_LABEL = {
    "fi": "Lopeta muistutukset",
    "sv": "Sluta med påminnelser",
    "en": "Stop reminders",
}
OPEN_LABEL = {"fi": "Jatka", "sv": "Fortsätt", "en": "Continue"}
EMAIL_FOOTER = {
    "fi": "Sait tämän viestin, koska pyysit muistutuksia Polusta.",
    "sv": "Du får det här meddelandet eftersom du bad om påminnelser från Polku.",
    "en": "You get this message because you asked Polku for reminders.",
}
VERIFY_SUBJECT = {
    "fi": "Vahvista sähköpostiosoitteesi",
    "sv": "Bekräfta din e-postadress",
    "en": "Confirm your e-mail address",
}
VERIFY_BODY = {
    "fi": "Vahvista, että haluat muistutukset tähän osoitteeseen:",
    "sv": "Bekräfta att du vill ha påminnelser till den här adressen:",
    "en": "Confirm that you want reminders at this address:",
}
VERIFY_IGNORE = {
    "fi": "Jos et pyytänyt tätä, voit jättää viestin huomiotta.",
    "sv": "Om du inte bad om det här kan du strunta i meddelandet.",
    "en": "If you did not ask for this, you can ignore this message.",
}


def pick(table, language):
    return table.get(language) or table["fi"]


def default_text(language):
    return pick(DEFAULT_TEXTS, language)


_variants_cache = {}
VARIANTS_TTL = 60.0  # seconds an editor's change takes to reach the workers


def _variants(path_key, language):
    key = (path_key, language)
    now = time.monotonic()
    cached = _variants_cache.get(key)
    if cached and cached[0] > now:
        return cached[1]
    variants = list(
        ReminderText.objects.filter(defaults__path_key=path_key, language=language)
        .order_by("sort_order", "pk")
        .values_list("title", "body")
    )
    _variants_cache[key] = (now + VARIANTS_TTL, variants)
    return variants


def text_for(enrolment, number):
    """(title, body) for the ``number``-th reminder (1-based) in a row.

    The path's editors may have written variants; they are used in turn.
    """
    variants = _variants(enrolment.path_key, enrolment.language)
    if not variants:
        return default_text(enrolment.language)
    return variants[(max(number, 1) - 1) % len(variants)]


def _path_titles(path_key):
    titles = set()
    for title in Page.objects.filter(translation_key=path_key).values_list(
        "title", flat=True
    ):
        titles.add(title.strip().lower())
    return {t for t in titles if len(t) >= 4}


def check_discreet(text):
    """Refuse a variant that names the path (its title in any language)."""
    parent = getattr(text, "defaults", None)
    if parent is None or not parent.path_id:
        return
    words = f"{text.title} {text.body}".lower()
    for title in _path_titles(parent.path.translation_key):
        if title in words:
            raise ValidationError(
                _(
                    "Reminders must be discreet: do not use the name of the "
                    "path (“%(title)s”)."
                ),
                params={"title": title},
            )
