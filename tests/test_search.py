"""Search a teenager can use: inflected, partly typed and slang words find pages."""

import pytest
from django.test import Client

FINNISH = {
    "ahdistuksesta": "Mitä huoli on?",
    "paniikissa": "Mitä huoli on?",
    "paniikkikohtauksen": "Mitä huoli on?",
    "kiusaamisesta": "Kaverit",
    "ahistaa": "Mitä huoli on?",  # the synonym list: ahistaa = ahdistus
    "kiusataan": "Kaverit",  # kiusataan = kiusaaminen
    "ahdis": "Mitä huoli on?",  # partly typed
}
SWEDISH = {
    "ångesten": "Vad är oro?",
    "paniken": "Vad är oro?",
    "mobbningen": "Vänner",
    "mobbad": "Vänner",
}


def results(client, language, query):
    response = client.get(f"/{language}/search/", {"query": query})
    assert response.status_code == 200
    html = response.content.decode()
    return html[html.index("<h1>") : html.index('class="site-footer"')]


@pytest.mark.django_db(transaction=True)
def test_inflected_and_slang_words_find_the_demo_pages(demo_site):
    """Seven Finnish and four Swedish words in forms the pages do not use find the
    right step, shown with its path and step number."""
    client = Client()
    for language, queries in (("fi", FINNISH), ("sv", SWEDISH)):
        for query, title in queries.items():
            html = results(client, language, query)
            assert f">{title}</a>" in html, (language, query)
    html = results(client, "fi", "paniikissa")
    assert "Polku: Huoli ja alakulo" in html and "Vaihe " in html


@pytest.mark.django_db(transaction=True)
def test_nothing_found_offers_the_themes_and_help(demo_site):
    """A search that finds nothing says so kindly and offers the themes and the help
    box; odd input is answered, never a 500."""
    client = Client()
    html = client.get("/fi/search/", {"query": "qwxzzy"}).content.decode()
    assert "Ei tuloksia haulla" in html
    assert "?theme=mieli" in html and 'class="help-box"' in html
    for odd in ("&|!:*", "'", "a" * 500, "ahdis:* | x"):
        assert client.get("/fi/search/", {"query": odd}).status_code == 200
