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


def make_service(name, municipality=None, themes=(), **channel):
    locale = Locale.objects.get_or_create(language_code="fi")[0]
    organisation, _created = Organisation.objects.get_or_create(
        name="Testikunta", kind=Organisation.Kind.MUNICIPALITY, locale=locale
    )
    service = Service(
        name=name,
        organisation=organisation,
        description=f"{name}: kuvaus",
        languages=["fi"],
        themes=list(themes),
        locale=locale,
    )
    service.channels = [ContactChannel(**channel)]
    service.save()
    if municipality:
        service.municipalities.add(municipality)
    service.save_revision().publish()
    return service


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
