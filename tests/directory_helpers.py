"""Helpers of the directory tests: the demo site as `make run` loads it, demo
organisations and services by key, and a finder with services whose opening
state is known at any hour."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Collection, Locale

from directory import demo
from directory.models import ContactChannel, Municipality, Organisation, Service


def demo_service(key, language="fi"):
    return Service.objects.get(
        translation_key=demo.key(f"service:{key}"),
        locale=Locale.objects.get(language_code=language),
    )


@pytest.fixture
def directory_site(transactional_db):
    """The demo site and directory, loaded as `make run` loads them."""
    # transactional_db flushes Wagtail's root collection too; the paths demo
    # needs it for its image (reported to the lead).
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    call_command("load_demo", verbosity=0)


def published_service(
    name,
    channels,
    municipalities=(),
    organisation=("Testijärjestö", Organisation.Kind.NGO),
    **fields,
):
    """A Finnish service with `channels` (ContactChannel fields), saved and
    published as an editor leaves it, read back as the finder reads it."""
    locale = Locale.objects.get_or_create(language_code="fi")[0]
    owner, _created = Organisation.objects.get_or_create(
        name=organisation[0], kind=organisation[1], locale=locale
    )
    fields.setdefault("description", "Kuvaus")
    service = Service(
        name=name, organisation=owner, languages=["fi"], locale=locale, **fields
    )
    service.channels = [ContactChannel(**channel) for channel in channels]
    service.save()
    service.municipalities.add(*municipalities)
    service.save_revision().publish()
    return Service.objects.get(pk=service.pk)


def make_service(name, municipality=None, themes=(), **channel):
    """A municipality's service with one channel, for the finder's tests."""
    return published_service(
        name,
        [channel],
        municipalities=[municipality] if municipality else [],
        organisation=("Testikunta", Organisation.Kind.MUNICIPALITY),
        description=f"{name}: kuvaus",
        themes=list(themes),
    )


@pytest.fixture
def finder(directory_site):
    """The demo finder page plus three services whose state is known at any hour."""
    kotka = Municipality.objects.get(code="kotka")
    hamina = Municipality.objects.get(code="hamina")
    today = timezone.localdate()
    make_service(
        "Aina auki -testilinja",
        kotka,
        ["paihteet"],
        kind="phone",
        value="05 9999 0001",
        always_open=True,
    )
    make_service(
        "Tänään kiinni -testichat",
        kotka,
        ["paihteet"],
        kind="chat",
        value="https://example.org/testichat",
        hours=[
            (
                "period",
                {"days": list("0123456"), "opens": dt.time(0), "closes": dt.time(0)},
            )
        ],
        exceptions=[
            (
                "exception",
                {
                    "start_date": today - dt.timedelta(days=1),
                    "end_date": today + dt.timedelta(days=1),
                    "opens": None,
                    "closes": None,
                    "note": "",
                },
            )
        ],
    )
    make_service(
        "Haminan testipalvelu",
        hamina,
        ["mieli"],
        kind="phone",
        value="05 9999 0003",
        always_open=True,
    )


def organisation(key):
    return Organisation.objects.get(
        translation_key=demo.key(f"organisation:{key}"),
        locale=Locale.objects.get(language_code="fi"),
    )
