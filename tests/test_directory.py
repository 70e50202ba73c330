"""The service directory: finder, contact cards, help box, demo data, review report."""

import datetime as dt
import re

from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from directory.models import Municipality, Organisation, Service
from paths.models import PathStepPage
from tests.paths_helpers import client_on_path

from . import staff
from .directory_helpers import demo_service


def staff_client(username="toimittaja", superuser=True):
    """A staff member signed in through allauth with password and TOTP."""
    return staff.staff_client(username, superuser=superuser)


def service_form(service, **changes):
    """The snippet edit form's POST data for `service`, with `changes`."""
    channels = []
    multi = {}
    for index, channel in enumerate(service.channels.all()):
        values = {
            "id": channel.pk,
            "kind": channel.kind,
            "value": channel.value,
            "label": channel.label,
            "public_holidays": channel.public_holidays,
            "hours": streamfield(
                [
                    (
                        "period",
                        {
                            "opens": block.value["opens"].strftime("%H:%M"),
                            "closes": block.value["closes"].strftime("%H:%M"),
                        },
                    )
                    for block in channel.hours
                ]
            ),
            "exceptions": streamfield([]),
        }
        if channel.always_open:
            values["always_open"] = "on"
        values.update(changes.pop(f"channel_{index}", {}))
        channels.append(values)
        for position, block in enumerate(channel.hours):
            multi[f"channels-{index}-hours-{position}-value-days"] = list(
                block.value["days"]
            )
    data = nested_form_data(
        {
            "name": service.name,
            "organisation": service.organisation_id,
            "description": service.description,
            "age_from": service.age_from or "",
            "age_to": service.age_to or "",
            "website": service.website,
            "fallback": service.fallback_id or "",
            "help_box_order": ""
            if service.help_box_order is None
            else service.help_box_order,
            "review_by": service.review_by.isoformat() if service.review_by else "",
            "channels": inline_formset(channels, initial=len(channels)),
        }
    )
    data.update(multi)
    data["themes"] = list(service.themes)
    data["languages"] = list(service.languages)
    data["municipalities"] = [m.pk for m in service.municipalities.all()]
    if service.free:
        data["free"] = "on"
    if service.anonymous:
        data["anonymous"] = "on"
    data.update(changes)
    return data


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_phone_number_edited_once_changes_everywhere(directory_site):
    """An editor changes the Crisis Helpline's number once; the finder, a path's
    contact card and the help box show the new number in Finnish and Swedish."""

    crisis = demo_service("kriisipuhelin")
    step = PathStepPage.objects.filter(locale=crisis.locale).live().first()
    step.body.append(
        ("service_contact", {"service": crisis, "note": "Kun olo on tosi paha"})
    )
    step.save_revision().publish()

    editor = staff_client()
    response = editor.post(
        f"/admin/snippets/directory/service/edit/{crisis.pk}/",
        {
            **service_form(crisis, channel_0={"value": "09 4000 1234"}),
            "action-publish": "action-publish",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]

    anonymous = Client()
    young, _user = client_on_path(step.get_parent().specific)
    for language, finder in (("fi", "/fi/palvelut/"), ("sv", "/sv/tjanster/")):
        for html in (
            html_of(anonymous, finder),
            html_of(anonymous, f"/{language}/"),  # the help box
        ):
            assert 'href="tel:0940001234"' in html
            assert "09 2525 0111" not in html
    step_html = html_of(young, step.url)
    assert "Kun olo on tosi paha" in step_html
    assert 'href="tel:0940001234"' in step_html
    assert "09 2525 0111" not in step_html


def test_help_box_lists_the_national_lines_in_order(directory_site):
    """Every page's help box lists 112, 116 111, the Crisis Helpline, Sekasin and
    116 117 from the directory, in Swedish on Swedish pages."""
    html = html_of(Client(), "/sv/")
    box = html[html.index('class="help-box"') :]
    names = ["Nödnumret 112", "MLL:s Barn", "Kristelefonen", "Sekasin", "Jourhjälpen"]
    positions = [box.index(name) for name in names]
    assert positions == sorted(positions)
    assert 'href="tel:112"' in box and 'href="https://sekasin.fi/"' in box
    assert "Öppet dygnet runt" in box
    assert 'href="/sv/tjanster/"' in box  # the way to every other service


def finder_results(client, url):
    """The finder's list of cards, without the help box below it."""
    html = html_of(client, url)
    return html[html.index('id="finder-results"') : html.index('class="help-box"')]


def card_names(html):
    return re.findall(r'class="service-card__name"[^>]*>([^<]+)<', html)


def test_finder_filters_without_javascript(finder):
    """The finder's plain GET form filters by municipality, topic and open now."""
    client = Client()
    everything = html_of(client, "/fi/palvelut/")
    for name in ("Aina auki", "Tänään kiinni", "Haminan testipalvelu", "Ohjaamo Kotka"):
        assert name in everything
    assert '<form class="finder__form" method="get"' in everything

    url = "/fi/palvelut/?municipality=kotka&theme=paihteet"
    kotka = card_names(finder_results(client, url))
    assert {"Aina auki -testilinja", "Tänään kiinni -testichat"} <= set(kotka)
    assert kotka.index("Ohjaamo Kotka") < kotka.index("Sekasin-chat")  # local first
    assert "Haminan testipalvelu" not in kotka
    assert "Ohjaamo Hamina" not in kotka
    assert "Kriisipuhelin" not in kotka  # a mental-health line, not substances
    assert "Sekasin-chat" in kotka  # national: every municipality, every topic

    open_now = card_names(finder_results(client, url + "&open_now=on"))
    assert "Aina auki -testilinja" in open_now
    assert "Tänään kiinni -testichat" not in open_now
    checkbox = '<input type="checkbox" name="open_now" id="id_open_now" checked>'
    assert checkbox in html_of(client, url + "&open_now=on")


def test_cards_offer_tap_to_call_and_tap_to_chat(finder):
    """Cards link phone numbers as tel: and chats as links, and a closed chat
    names the next open alternative."""
    html = html_of(Client(), "/fi/palvelut/?municipality=kotka&theme=paihteet")
    assert 'href="tel:0599990001"' in html
    assert "Soita 05 9999 0001" in html
    assert 'href="https://example.org/testichat" rel="noopener noreferrer"' in html
    card = html[html.index("Tänään kiinni -testichat") :]
    card = card[: card.index("</article>")]
    assert "Suljettu" in card
    # The first help-box line open right now: which one depends on the hour
    # (MLL's line opens at 14), the 24/7 crisis line is there at any hour.
    alternative = re.search(r"Auki nyt sen sijaan: ([^<\n]+)", card)
    assert alternative, card
    assert alternative.group(1).strip().startswith(("Kriisipuhelin", "MLL"))
    assert 'href="tel:' in card[card.index("Auki nyt sen sijaan") :]


def test_unknown_filter_values_show_everything(finder):
    """A mangled finder link shows the whole list instead of an error."""
    html = html_of(Client(), "/fi/palvelut/?municipality=atlantis&theme=x")
    assert "Ohjaamo Kotka" in html and "Haminan testipalvelu" in html


def test_demo_network_is_complete_and_idempotent(directory_site):
    """The demo has six municipalities, an Ohjaamo in each, the Veturi services
    and the national lines in three languages; loading again keeps edits."""
    assert Municipality.objects.count() == 6
    fi = Locale.objects.get(language_code="fi")
    names = set(Service.objects.filter(locale=fi).values_list("name", flat=True))
    for code in ("Kouvola", "Kotka", "Hamina", "Pyhtää", "Miehikkälä", "Virolahti"):
        assert f"Ohjaamo {code}" in names
    for name in (
        "Walk in -terapia Veturissa",
        "Kohtaamispaikka Veturissa",
        "Nuorten Matala",
        "Kouluterveydenhuolto",
        "Perhekeskus Keltakangas",
        "Sekasin-chat",
        "Päivystysapu",
    ):
        assert name in names
    kinds = set(Organisation.objects.values_list("kind", flat=True))
    assert kinds == {choice for choice, _label in Organisation.Kind.choices}
    for language in ("sv", "en"):
        assert Service.objects.filter(locale__language_code=language).count() == len(
            names
        )
    walk_in = demo_service("walk-in-veturi")
    assert "Demo:" in walk_in.description  # placeholder contacts say so

    walk_in.name = "Walk in -terapia (muokattu)"
    walk_in.save()
    count = Service.objects.count()
    call_command("load_demo", verbosity=0)
    assert Service.objects.count() == count
    assert demo_service("walk-in-veturi").name == "Walk in -terapia (muokattu)"


def test_review_report_lists_outdated_entries(directory_site):
    """The "services to review" report lists entries past their review date."""
    outdated = demo_service("ohjaamo-pyhtaa")
    outdated.review_by = timezone.localdate() - dt.timedelta(days=1)
    outdated.save()
    html = html_of(staff_client(), "/admin/reports/services-to-review/")
    assert "Ohjaamo Pyhtää" in html
    assert "Ohjaamo Kotka" not in html
