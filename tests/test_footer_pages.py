"""The accessibility statement and the privacy notice, linked from every page."""

import re
from urllib.parse import urlparse

import pytest
from django.test import Client

STATEMENT = {
    "fi": "Saavutettavuusseloste",
    "sv": "Tillgänglighetsutlåtande",
    "en": "Accessibility statement",
}
PRIVACY = {
    "fi": "Tietosuojaseloste",
    "sv": "Dataskyddsbeskrivning",
    "en": "Privacy notice",
}
LINK = re.compile(r'<a href="([^"]+)">([^<]+)</a>')


def sitemap_paths(client):
    xml = client.get("/sitemap.xml").content.decode()
    return [urlparse(url).path for url in re.findall(r"<loc>([^<]+)</loc>", xml)]


def footer(html):
    return html[html.index('class="site-footer"') :]


@pytest.mark.django_db(transaction=True)
def test_every_page_links_the_statement_and_the_notice(demo_site):
    """Every sitemap page, in Finnish, Swedish and English, has footer links to the
    accessibility statement and the privacy notice of its own language."""
    client = Client()
    paths = sitemap_paths(client)
    assert len(paths) > 20
    seen = set()
    for path in paths + ["/fi/search/", "/sv/municipality/"]:
        response = client.get(path, follow=True)
        assert response.status_code == 200, path
        html = response.content.decode()
        language = re.search(r'<html lang="(\w+)"', html).group(1)
        links = {text: href for href, text in LINK.findall(footer(html))}
        assert STATEMENT[language] in links and PRIVACY[language] in links, path
        assert links[STATEMENT[language]].startswith(f"/{language}/"), path
        seen.add(language)
    assert seen == {"fi", "sv", "en"}


@pytest.mark.django_db(transaction=True)
def test_statement_and_notice_say_what_the_law_asks(demo_site):
    """The statement names the law, its shortcomings, feedback, the authority and a
    date; the notice names the controller, bases, retention, rights and the
    Ombudsman — each starting with a short summary, demo facts marked."""
    client = Client()
    home = client.get("/fi/").content.decode()
    links = {text: href for href, text in LINK.findall(footer(home))}
    statement = client.get(links["Saavutettavuusseloste"]).content.decode()
    for words in ("Lyhyesti", "306/2019", "osittain", "Mikä ei vielä toimi",
                  "Anna palautetta", "14 päivän", "Valvontaviranomainen",
                  "saavutettavuusvaatimukset.fi", "1.12.2026", "Demo"):  # fmt: skip
        assert words in statement, words
    notice = client.get(links["Tietosuojaseloste"]).content.decode()
    for words in ("Lyhyesti", "Rekisterinpitäjä", "Tietosuojavastaava",
                  "Miksi tietoja käsitellään", "6 artikla", "Mitä tietoja",
                  "Kuka tietoja näkee", "Kuinka kauan", "Sinun oikeutesi",
                  "tietosuojavaltuutetun", "Demo"):  # fmt: skip
        assert words.casefold() in notice.casefold(), words
    assert notice.index("Lyhyesti") < notice.index("Rekisterinpitäjä")
