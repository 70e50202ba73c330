"""Caches that never show a stale page: an editor's change shows up at once,
"open now" flips at the right minute, and nobody signed in gets a cached page."""

import datetime as dt
import gzip
import html
import json
import re
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.models import PageViewRestriction

from core.models import SiteSettings
from core.pagecache import HEADER
from directory.models import ContactChannel, Organisation, Service
from home import demo as home_demo
from home.models import ContentPage
from paths.models import PathPage

from .paths_helpers import open_all_steps, young_person
from .production import manage_in_production

pytestmark = pytest.mark.django_db

HELSINKI = ZoneInfo("Europe/Helsinki")


# A Wednesday that is no public holiday: the chat keeps its regular hours
# whatever day the suite runs (the clock is frozen at it, never mixed).
WEDNESDAY = dt.date(2026, 3, 11)


def _wednesday_at(hour, minute, second=0):
    return dt.datetime.combine(
        WEDNESDAY, dt.time(hour, minute, second), tzinfo=HELSINKI
    )


@pytest.fixture
def demo():
    """Home and content pages in three languages, and the site settings."""
    home_demo.load()


@pytest.fixture
def page_cache(settings):
    settings.POLKU_PAGE_CACHE = True


@pytest.fixture
def afternoon_chat(demo):
    """A help-box line whose chat answers 14:00-16:00 every day."""
    organisation = Organisation.objects.create(name="Iltapäivä ry", kind="ngo")
    service = Service.objects.create(
        name="Iltapäivächat",
        organisation=organisation,
        description="Chat iltapäivisin.",
        languages=["fi"],
        help_box_order=0,
    )
    ContactChannel.objects.create(
        service=service,
        kind="chat",
        value="https://example.org/iltapaiva",
        public_holidays="regular",
        hours=[
            (
                "period",
                {"days": list("0123456"), "opens": dt.time(14), "closes": dt.time(16)},
            )
        ],
    )
    return service


def _help_box_line(html, name):
    start = html.index(f'<span class="help-lines__name">{name}</span>')
    return html[start : html.index("</li>", start)]


def test_help_box_flips_to_open_at_the_minute_it_opens(afternoon_chat, page_cache):
    """At 13:59 the chat says closed; at 14:00 the same page says open."""
    client = Client()
    with time_machine.travel(_wednesday_at(13, 59, 30), tick=False):
        client.get("/fi/")
        line = _help_box_line(client.get("/fi/").content.decode(), "Iltapäivächat")
        assert "Closed" in line or "Suljettu" in line
    with time_machine.travel(_wednesday_at(14, 0, 0), tick=False):
        line = _help_box_line(client.get("/fi/").content.decode(), "Iltapäivächat")
        assert "Closed" not in line and "Suljettu" not in line
        assert "16.00" in line or "16:00" in line


def test_a_changed_number_shows_in_the_help_box_at_once(afternoon_chat, page_cache):
    """Saving a service in the directory changes every cached page at once."""
    client = Client()
    client.get("/fi/")
    assert client.get("/fi/")[HEADER] == "hit"
    afternoon_chat.name = "Uusi nimi -chat"
    afternoon_chat.save_revision().publish()
    response = client.get("/fi/")
    assert "Uusi nimi -chat" in response.content.decode()
    assert response[HEADER] == "miss"


def test_second_anonymous_visit_comes_from_the_cache(demo, page_cache):
    """A visitor's second view of a public page costs no SQL at all."""
    page = ContentPage.objects.live().filter(locale__language_code="fi").first()
    client = Client()
    first = client.get(page.url)
    assert first[HEADER] == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = Client().get(page.url)
    assert second[HEADER] == "hit"
    assert len(queries) == 0
    assert second.content.decode().count(page.title) >= 1
    assert second["Content-Language"] == "fi"


def test_publishing_purges_the_cached_page(demo, page_cache):
    """An editor publishes a new title and the next visitor sees it."""
    page = ContentPage.objects.live().filter(locale__language_code="fi").first()
    client = Client()
    client.get(page.url)
    assert client.get(page.url)[HEADER] == "hit"
    page.title = "Aivan uusi otsikko"
    page.save_revision().publish()
    response = client.get(page.url)
    assert "Aivan uusi otsikko" in response.content.decode()


def test_restricting_a_page_purges_its_cached_copy(demo, page_cache):
    """An editor puts a password on a cached page: the next visitor gets the
    password form, not the page from the cache."""

    page = ContentPage.objects.live().filter(locale__language_code="fi").first()
    Client().get(page.url)
    assert Client().get(page.url)[HEADER] == "hit"
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="salasana"
    )
    response = Client().get(page.url)
    assert 'name="password"' in response.content.decode()


def test_menu_follows_the_site_settings_at_once(demo):
    """Changing the quick exit address in the settings changes the next page."""
    client = Client()
    client.get("/fi/")
    site_settings = SiteSettings.load()
    site_settings.quick_exit_url = "https://example.org/saa"
    site_settings.save()
    assert 'href="https://example.org/saa"' in client.get("/fi/").content.decode()


def test_a_cached_page_gives_each_visitor_a_token_of_their_own(demo, page_cache):
    """The identify form of a cached page works for the second visitor too."""
    first = Client(enforce_csrf_checks=True)
    first.get("/fi/")
    second = Client(enforce_csrf_checks=True)
    response = second.get("/fi/")
    assert response[HEADER] == "hit"
    html = response.content.decode()
    assert "polku-csrf-placeholder" not in html
    token = html.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    answer = second.post(reverse("strongid_login"), {"csrfmiddlewaretoken": token})
    assert answer.status_code != 403


def test_signed_in_person_never_gets_a_cached_page(demo, page_cache):
    """After identifying, the same page is rendered for the person, no-store."""
    anonymous = Client()
    anonymous.get("/fi/")
    assert anonymous.get("/fi/")[HEADER] == "hit"
    client = Client()
    client.force_login(young_person())
    response = client.get("/fi/")
    assert HEADER not in response
    assert "no-store" in response["Cache-Control"]
    with translation.override("fi"):
        assert reverse("progress:my_paths") in response.content.decode()


def test_personal_pages_stay_no_store(demo, page_cache):
    """ "My paths" is never cached and says no-store."""
    client = Client()
    client.force_login(young_person())
    with translation.override("fi"):
        url = reverse("progress:my_paths")
    for _ in range(2):
        response = client.get(url)
        assert HEADER not in response
        assert "no-store" in response["Cache-Control"]


def _production_middleware():
    script = (
        "import json; from django.conf import settings as s; "
        "print(json.dumps(s.MIDDLEWARE))"
    )
    result = manage_in_production("shell", "-c", script)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_compresses_public_pages_but_not_personal_ones(demo, settings):
    """In production a public page is sent gzipped; a signed-in page is not."""
    settings.MIDDLEWARE = _production_middleware()
    assert "core.middleware.PublicGZipMiddleware" in settings.MIDDLEWARE
    client = Client(HTTP_ACCEPT_ENCODING="gzip")
    public = client.get("/fi/")
    assert public.status_code == 200
    assert public["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in public["Vary"]
    html = gzip.decompress(public.content).decode()
    assert "Tarvitsetko apua heti?" in html
    client.force_login(young_person())
    personal = client.get("/fi/")
    assert "no-store" in personal["Cache-Control"]
    assert "Content-Encoding" not in personal


def test_every_page_in_the_sitemap_has_a_meta_description(client):
    """Search engines get a description of every listed page, in its language."""
    call_command("load_demo", verbosity=0)
    sitemap = client.get("/sitemap.xml").content.decode()
    # Steps are for the identified: read them as a young person on every path.
    person = young_person()
    for path in PathPage.objects.filter(locale__language_code="fi"):
        open_all_steps(person, path)
    client.force_login(person)
    addresses = [
        urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)
    ]
    assert len(addresses) > 20
    descriptions = {}
    for address in addresses:
        response = client.get(address)
        assert response.status_code == 200, address
        found = re.search(
            r'<meta name="description" content="([^"]*)">', response.content.decode()
        )
        assert found and found.group(1).strip(), address
        descriptions[address] = html.unescape(found.group(1))
    page = ContentPage.objects.live().filter(locale__language_code="fi").first()
    assert descriptions[page.url] == (page.search_description or page.introduction)
