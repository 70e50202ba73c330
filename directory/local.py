"""Local help: the young person's municipality, and services of a kind near them.

The municipality is asked once, never required, and kept on the device in a
cookie set by a plain form (works without JavaScript). When the person is
identified it is also kept with their enrolments, so another device finds it:
progress keeps and recalls it through the `polku_remember_municipality` and
`polku_recall_municipality` hooks (progress/wagtail_hooks.py), as the
enrolments sit above the directory. A municipality code identifies nobody.

`cards_by_kind` turns kinds of service ("ohjaamo", "school_nurse") into
contact cards in one batch: the services of the person's municipality first,
then regional ones, then national ones.
"""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import get_language
from wagtail import hooks

from . import cards, snapshot
from .kinds import ServiceKind
from .models import Municipality, Organisation

COOKIE = "polku_municipality"
# The cookie's value when the person said "not now": we do not ask again.
DECLINED = "-"
COOKIE_AGE = 60 * 60 * 24 * 365


def cookie_value(request):
    """The cookie as set: a municipality code, DECLINED or empty."""
    if request is None:
        return ""
    return (request.COOKIES.get(COOKIE) or "").strip()[:40]


def chosen_municipality(request):
    """The code the person chose, or "": the device first, then their enrolments."""
    value = cookie_value(request)
    if value:
        return "" if value == DECLINED else value
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        for recall in hooks.get_hooks("polku_recall_municipality"):
            code = recall(user)
            if code:
                return code
    return ""


def should_ask(request):
    """Ask once: not when chosen, nor when the person said "not now"."""
    return not cookie_value(request) and not chosen_municipality(request)


def remember(request, response, code):
    """Keep the choice on this device and, when identified, with the enrolments."""
    response.set_cookie(
        COOKIE, code or DECLINED, max_age=COOKIE_AGE, samesite="Lax", httponly=True
    )
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and code:
        for keep in hooks.get_hooks("polku_remember_municipality"):
            keep(user, code)


def _reach(service, municipality):
    """0 the person's municipality, 1 regional, 2 national, None elsewhere."""
    national = (
        service.help_box_order is not None
        or service.organisation.kind == Organisation.Kind.NATIONAL_LINE
    )
    if national:
        return 2
    places = [m.code for m in service.municipalities.all()]
    if not places:
        return 1
    if municipality and municipality in places:
        return 0
    return None


def cards_by_kind(kinds, municipality, now=None):
    """{kind: [ServiceCard, …]} for the person's municipality, in one batch.

    Services of other municipalities are left out: with no municipality chosen
    a kind that exists only locally (every Ohjaamo) gives no card, and the
    page asks for the municipality instead of guessing Kouvola.
    """
    kinds = {kind for kind in kinds if kind}
    if not kinds:
        return {}
    now = now or timezone.now()
    ranked = []
    # The live directory in memory (`directory.snapshot`): no query here.
    for service in snapshot.load().by_pk.values():
        if service.kind not in kinds:
            continue
        reach = _reach(service, municipality)
        if reach is not None:
            ranked.append((reach, service))
    ranked.sort(key=lambda item: (item[0], item[1].name.casefold()))
    services = [service for _reach_, service in ranked]
    result = {kind: [] for kind in kinds}
    for service in services:
        result[service.kind].append(cards.card_for(service, now))
    return result


def block_context(kind, municipality, ask):
    """What a kind-of-service block says: for where, and the question if asked."""
    language = get_language() or "fi"
    context = {
        "kind": kind,
        "kind_label": ServiceKind(kind).label if kind in ServiceKind.values else "",
        "municipality": municipality,
        "municipality_name": "",
        "ask": ask,
        "places": [],
    }
    if ask or municipality:
        places = [
            (m.code, m.localized_name(language)) for m in Municipality.objects.all()
        ]
        context["municipality_name"] = dict(places).get(municipality, "")
        context["places"] = places
    return context
