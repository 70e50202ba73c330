"""Demo directory: the Kymenlaakso family centre network and the national lines.

Every text is our own. Regional phone numbers (05 0000 …), addresses and
chat links are placeholders and each such service says so in its description.
The national lines (112, 116 111, 09 2525 0111, Sekasin, 116 117) are the
real public numbers, with plausible opening hours.

The data lives in `directory/demo_content/`: `organisations.yaml`
(municipalities, organisations, the finder page, the demo note) and
`services.yaml`, each text with its Finnish, Swedish and English side by side
(`{fi: …, sv: …, en: …}`) so that a reviewer sees every translation next to its
original. Opening hours are written "mon-thu 09:00-16:00" and read by `period`.

`load()` is idempotent and never overwrites edits: records are created only
when missing, keyed on fixed translation keys (a renamed service is not
recreated; a deleted one is).
"""

import datetime as dt
import re
import uuid
from pathlib import Path

import yaml
from django.db import transaction
from wagtail.models import Locale

from core.demo import LANGUAGES
from home.models import HomePage

from .models import (
    ContactChannel,
    Municipality,
    Organisation,
    Service,
    ServiceFinderPage,
)

NAMESPACE = uuid.UUID("3f6d2a56-6a0e-4a57-9a0c-6b1c5f0d7e11")
CONTENT = Path(__file__).parent / "demo_content"
DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def period(text):
    """("period", value) of an hours block from "mon-thu,sat 09:00-16:00"."""
    days, opens, closes = re.fullmatch(r"(\S+) (\d\d:\d\d)-(\d\d:\d\d)", text).groups()
    numbers = []
    for part in days.split(","):
        first, _dash, last = part.partition("-")
        start, stop = DAY_NAMES.index(first), DAY_NAMES.index(last or first)
        numbers += range(start, stop + 1)
    return (
        "period",
        {
            "days": [str(number) for number in numbers],
            "opens": dt.time.fromisoformat(opens),
            "closes": dt.time.fromisoformat(closes),
        },
    )


def read(name):
    with open(CONTENT / name, encoding="utf-8") as file:
        return yaml.safe_load(file)


_ORGANISATIONS = read("organisations.yaml")
MUNICIPALITIES = _ORGANISATIONS["municipalities"]
ORGANISATIONS = _ORGANISATIONS["organisations"]
FINDER = _ORGANISATIONS["finder"]
DEMO_NOTE = _ORGANISATIONS["demo_note"]
SERVICES = read("services.yaml")["services"]
for _service in SERVICES:
    for _channel in _service["channels"]:
        _channel["hours"] = [period(text) for text in _channel["hours"]]


def key(name):
    return uuid.uuid5(NAMESPACE, name)


def ensure_locales():
    return {
        code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES
    }


def ensure_municipalities():
    result = {}
    for order, spec in enumerate(MUNICIPALITIES):
        result[spec["code"]], _created = Municipality.objects.get_or_create(
            code=spec["code"],
            defaults={
                "name": spec["name"],
                "name_sv": spec["name_sv"],
                "sort_order": order,
            },
        )
    return result


def ensure_organisations(locales, municipalities):
    result = {}
    for name, spec in ORGANISATIONS.items():
        for code, locale in locales.items():
            organisation, _created = Organisation.objects.get_or_create(
                translation_key=key(f"organisation:{name}"),
                locale=locale,
                defaults={
                    "name": spec["name"][code],
                    "kind": spec["kind"],
                    "municipality": municipalities.get(spec["municipality"]),
                },
            )
            result[name, code] = organisation
    return result


def _channels(spec):
    return [
        ContactChannel(sort_order=order, **channel)
        for order, channel in enumerate(spec["channels"])
    ]


# The kind of each demo service (directory.kinds), by its key or key prefix:
# steps ask for "ohjaamo" and a young person in Hamina gets Ohjaamo Hamina.
KINDS = {
    "ohjaamo-": "ohjaamo",
    "perhekeskus-": "family_centre",
    "seurakunta-": "parish_youth",
    "walk-in-veturi": "walk_in_therapy",
    "kohtaamispaikka-veturi": "meeting_place",
    "kouluterveydenhuolto": "school_nurse",
    "opiskeluhuolto": "student_welfare",
    "nuorten-matala": "youth_substance",
    "nuorisopsykiatria": "youth_psychiatry",
    "112": "emergency",
    "116117": "emergency",
    "mll-116111": "helpline",
    "kriisipuhelin": "helpline",
    "sekasin": "helpline",
}


def kind_of(service_key):
    for prefix, kind in KINDS.items():
        if service_key == prefix or (
            prefix.endswith("-") and service_key.startswith(prefix)
        ):
            return kind
    return ""


def ensure_kinds():
    """Give demo services loaded before kinds existed their kind (blank only)."""
    for spec in SERVICES:
        kind = kind_of(spec["key"])
        if kind:
            Service.objects.filter(
                translation_key=key(f"service:{spec['key']}"), kind=""
            ).update(kind=kind)


def ensure_services(locales, municipalities, organisations):
    created = {}
    today = dt.date.today()
    review_by = today + dt.timedelta(days=365)  # replace(year=…) fails on 29 Feb
    for spec in SERVICES:
        translation_key = key(f"service:{spec['key']}")
        ages = spec.get("ages", (None, None))
        facts = {
            "themes": spec.get("themes", []),
            "age_from": ages[0],
            "age_to": ages[1],
            "languages": spec.get("languages", ["fi"]),
            "anonymous": spec.get("anonymous", False),
            "free": spec.get("free", True),
            "help_box_order": spec.get("help_box"),
            "review_by": review_by,
            "kind": kind_of(spec["key"]),
        }
        for code, locale in locales.items():
            if Service.objects.filter(
                translation_key=translation_key, locale=locale
            ).exists():
                continue
            name, description = spec["name"][code], spec["description"][code]
            if spec.get("demo"):
                description += " " + DEMO_NOTE[code]
            service = Service(
                translation_key=translation_key,
                locale=locale,
                name=name,
                description=description,
                organisation=organisations[spec["organisation"], code],
                **facts,
            )
            service.channels = _channels(spec)
            service.save()
            service.municipalities.set(
                [municipalities[m] for m in spec.get("municipalities", [])]
            )
            service.save()
            service.save_revision().publish()
            created[spec["key"], code] = service
    # Fallbacks point at other services: set them once both exist.
    for spec in SERVICES:
        if not spec.get("fallback"):
            continue
        for code in LANGUAGES:
            service = created.get((spec["key"], code))
            if service is None:
                continue
            target = Service.objects.filter(
                translation_key=key(f"service:{spec['fallback']}"),
                locale=locales[code],
            ).first()
            if target is not None:
                service.fallback = target
                service.save(update_fields=["fallback"])
                service.save_revision().publish()
    return created


def ensure_finder_pages(locales):
    """One finder page under each language's home page, created once."""
    source = None
    for code, locale in locales.items():
        home = HomePage.objects.filter(locale=locale).first()
        if home is None:
            continue
        existing = ServiceFinderPage.objects.filter(locale=locale).first()
        if existing is not None:
            source = source or existing
            continue
        slug, title, intro = (
            FINDER[field][code] for field in ("slug", "title", "introduction")
        )
        if source is None or code == "fi":
            page = ServiceFinderPage(slug=slug, title=title, introduction=intro)
            home.add_child(instance=page)
        else:
            page = source.copy_for_translation(locale).specific
            page.slug, page.title, page.introduction = slug, title, intro
        page.save_revision().publish()
        source = source or page


@transaction.atomic
def load():
    """Create what is missing of the demo directory; keep every edit."""
    locales = ensure_locales()
    municipalities = ensure_municipalities()
    organisations = ensure_organisations(locales, municipalities)
    created = ensure_services(locales, municipalities, organisations)
    ensure_kinds()
    ensure_finder_pages(locales)
    return created
