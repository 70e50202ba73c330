"""Drive a strong identification through the portal and the local IdP."""

import datetime
from urllib.parse import parse_qs, urlsplit

import requests
from django.test import Client

from accounts.hetu import birth_date_for_age, make_code
from accounts.strongid.identity import helsinki_today

LOA2 = "http://ftn.ficora.fi/2017/loa2"


def code_for_age(age, days=0, **kwargs):
    """A test identity code for someone `age` years old (+`days` older)."""
    born = birth_date_for_age(age, helsinki_today()) - datetime.timedelta(days=days)
    return make_code(born, **kwargs)


def portal_client():
    """A browser-like client on a loopback host, as the IdP only redirects there."""
    return Client(SERVER_NAME="127.0.0.1", enforce_csrf_checks=False)


def start(client, next_url="/fi/", extra_query=""):
    """Press "identify" in the portal: returns the IdP authorization URL."""
    response = client.post(
        f"/accounts/strongid/login/{extra_query}", {"next": next_url}
    )
    assert response.status_code == 302, response.content[:500]
    return response["Location"]


def at_idp(authorize_url, hetu, acr=LOA2, broken="", action="login"):
    """Fill the IdP's login page: returns the portal callback path with query."""
    params = {k: v[0] for k, v in parse_qs(urlsplit(authorize_url).query).items()}
    page = requests.get(authorize_url, timeout=5)
    assert page.status_code == 200, page.text
    response = requests.post(
        authorize_url.split("?")[0],
        data={**params, "hetu": hetu, "acr": acr, "broken": broken, "action": action},
        allow_redirects=False,
        timeout=5,
    )
    location = urlsplit(response.headers["Location"])
    return f"{location.path}?{location.query}"


def identify(client, hetu, next_url="/fi/", **idp):
    """The whole round trip; returns the portal's answer to the callback."""
    callback = at_idp(start(client, next_url), hetu, **idp)
    return client.get(callback)


def identify_in_browser(page, idp, code, start=None):
    """Chromium presses the portal's `start` button (if given), then gives the
    identity code at the IdP's login page and identifies."""
    if start:
        page.get_by_role("button", name=start).tap()
    page.wait_for_url(f"{idp}/authorize**")
    page.get_by_label("Henkilötunnus").fill(code)
    page.get_by_role("button", name="Tunnistaudu").tap()
