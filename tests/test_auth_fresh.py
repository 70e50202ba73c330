"""Fresh authentication at every identification, and leaving ends the
broker's session too: what keeps a shared phone safe."""

from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from django.conf import settings
from django.core.cache import cache
from django.test import override_settings

from accounts.audit import refusal_reasons
from accounts.models import User
from accounts.strongid.views import CONFIG_CACHE_KEY

from .strongid import code_for_age, identify, portal_client, start

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("identity_provider")]


def _query(url):
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}


def _refusal():
    (reason,) = refusal_reasons()
    return reason


def test_identification_asks_the_broker_for_a_fresh_login():
    """Every "identify" asks the broker for a login (prompt=login, max_age)."""
    query = _query(start(portal_client()))
    assert query["prompt"] == "login"
    assert query["max_age"] == str(settings.STRONGID_AUTH_MAX_AGE)


def test_test_idp_answers_from_its_session_unless_asked_to_log_in(identity_provider):
    """The test IdP behaves like a broker: without prompt=login it signs the
    previous person in from its own session, with it the form is shown."""
    browser = requests.Session()
    url = start(portal_client())
    params = _query(url)
    browser.get(url, timeout=5)
    browser.post(
        url.split("?")[0],
        data={**params, "hetu": code_for_age(15), "action": "login"},
        allow_redirects=False,
        timeout=5,
    )
    with override_settings(STRONGID_PROMPT=""):
        again = start(portal_client())
    silent = browser.get(again, allow_redirects=False, timeout=5)
    assert silent.status_code == 302 and "code=" in silent.headers["Location"]
    asked = browser.get(start(portal_client()), allow_redirects=False, timeout=5)
    assert asked.status_code == 200 and 'name="hetu"' in asked.text


@pytest.mark.parametrize("broken", ["no_auth_time", "old_auth_time"])
def test_id_token_without_a_fresh_auth_time_signs_nobody_in(broken):
    """An ID token with no auth_time, or one older than max_age, is refused."""
    client = portal_client()
    response = identify(client, code_for_age(15), broken=broken)
    assert response.status_code == 400
    assert "_auth_user_id" not in client.session
    assert _refusal() == "auth_time"


def test_authentication_older_than_the_request_is_refused():
    """A broker answering from a login made before this identification began
    (e.g. the previous person's) is refused, whatever max_age allows."""
    client = portal_client()
    with override_settings(STRONGID_AUTH_MAX_AGE=7200):
        response = identify(client, code_for_age(15), broken="old_auth_time")
    assert response.status_code == 400
    assert not User.objects.exists()
    assert _refusal() == "auth_time"


def test_sign_out_ends_the_broker_session_without_personal_data(identity_provider):
    """Sign out goes to the broker's logout with only our client id and the
    way back (no ID token: it carries the identity code); the broker's own
    session ends there."""
    client = portal_client()
    browser = requests.Session()
    url = start(client)
    browser.get(url, timeout=5)
    answer = browser.post(
        url.split("?")[0],
        data={**_query(url), "hetu": code_for_age(15), "action": "login"},
        allow_redirects=False,
        timeout=5,
    )
    location = urlsplit(answer.headers["Location"])
    client.get(f"{location.path}?{location.query}")
    before = requests.get(f"{identity_provider}/_control", timeout=5).json()
    logout = client.post("/accounts/sign-out/")["Location"]
    assert logout.startswith(f"{identity_provider}/logout?")
    assert set(_query(logout)) == {"client_id", "post_logout_redirect_uri"}
    back = browser.get(logout, allow_redirects=False, timeout=5)
    assert back.headers["Location"] == _query(logout)["post_logout_redirect_uri"]
    after = requests.get(f"{identity_provider}/_control", timeout=5).json()
    assert after["sessions"] == before["sessions"] - 1


def test_quick_exit_goes_through_the_broker_logout_to_the_neutral_page():
    """A signed-in young person's quick exit button leaves through the
    broker's logout, which returns to a portal address that signs out and
    sends on to the neutral page."""
    client = portal_client()
    identify(client, code_for_age(15))
    page = client.get("/fi/search/").content.decode()
    assert 'data-broker-logout="' in page
    broker = page.split('data-broker-logout="')[1].split('"')[0].replace("&amp;", "&")
    back = _query(broker)["post_logout_redirect_uri"]
    assert urlsplit(back).path == "/quick-exit/away/"
    away = client.get(urlsplit(back).path)
    assert away.status_code == 302
    assert away["Location"] == "https://yle.fi/saa"
    assert "_auth_user_id" not in client.session


def test_quick_exit_without_a_broker_logout_goes_straight_to_the_neutral_page():
    """When discovery is not cached (or the broker offers no logout), the quick
    exit goes straight to the neutral page."""

    client = portal_client()
    identify(client, code_for_age(15))
    cache.delete(CONFIG_CACHE_KEY)
    page = client.get("/fi/search/").content.decode()
    assert "data-quick-exit" in page and "data-broker-logout" not in page
