"""Strong identification through the real OIDC flow against the local IdP."""

import datetime
import json
import logging
import subprocess
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from allauth.socialaccount.models import SocialAccount
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.test import override_settings

from accounts.hetu import make_code
from accounts.models import User
from accounts.strongid.identity import age_on, anniversary, helsinki_today
from accounts.strongid.views import CONFIG_CACHE_KEY, JWKS_CACHE_KEY

from .production import manage_in_production
from .strongid import at_idp, code_for_age, identify, portal_client, start

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _idp(identity_provider):
    yield identity_provider
    requests.post(f"{identity_provider}/_control", data={"endpoint": "token"})


def _signed_in(client):
    return "_auth_user_id" in client.session


def test_fifteen_year_old_is_accepted_and_lands_where_they_started():
    """A 15-year-old is signed in and sent back to the page that asked."""
    client = portal_client()
    response = identify(client, code_for_age(15), next_url="/sv/")
    assert response.status_code == 302
    assert response["Location"] == "/sv/"
    assert _signed_in(client)
    user = User.objects.get()
    assert user.is_young_person and not user.is_staff
    assert user.identity_acr == "http://ftn.ficora.fi/2017/loa2"


@pytest.mark.parametrize(
    ("age", "days", "accepted"),
    [
        (13, 0, True),  # 13th birthday today
        (12, 364, False),  # 13th birthday tomorrow
        (17, 364, True),  # 18th birthday tomorrow
        (18, 0, False),  # 18th birthday today
        (30, 0, False),
    ],
)
def test_audience_edges_in_helsinki_time(age, days, accepted):
    """Only 13-17-year-olds are accepted, counted in Helsinki on the login day."""
    client = portal_client()
    response = identify(client, code_for_age(age, days=days))
    assert _signed_in(client) is accepted
    if not accepted:
        assert response.status_code == 403
        assert "13–17" in response.content.decode()
        assert not User.objects.exists()


def test_leap_day_birthday_counts_from_the_first_of_march():
    """Someone born on 29 Feb turns a year older on 1 Mar in common years."""
    born = datetime.date(2012, 2, 29)
    assert age_on(born, datetime.date(2025, 2, 28)) == 12
    assert age_on(born, datetime.date(2025, 3, 1)) == 13
    assert anniversary(born, 18) == datetime.date(2030, 3, 1)


def test_helsinki_day_starts_before_utc_midnight():
    """23:30 UTC is already the next day in Helsinki, birthdays included."""
    late = datetime.datetime(2026, 6, 9, 23, 30, tzinfo=datetime.UTC)
    assert helsinki_today(late) == datetime.date(2026, 6, 10)
    born = datetime.date(2013, 6, 10)
    assert age_on(born, helsinki_today(late)) == 13


def test_century_sign_tells_two_people_apart():
    """Two codes that differ only by the century sign are two accounts."""
    born = datetime.date(2011, 4, 5)
    first = make_code(born, sign="A")
    second = make_code(born, sign="B")
    assert first[:6] == second[:6] and first != second
    assert _signed_in_as(first) != _signed_in_as(second)


def _signed_in_as(code):
    client = portal_client()
    identify(client, code)
    return client.session["_auth_user_id"]


@pytest.mark.parametrize(
    ("hetu", "broken"),
    [
        ("010110A998X", ""),  # invalid checksum
        ("320110A9987", ""),  # invalid date
        (None, "no_hetu"),
        (None, "birthdate_mismatch"),
        (None, "wrong_acr"),
        (None, "no_acr"),
        (None, "expired"),
        (None, "wrong_aud"),
        (None, "wrong_iss"),
        (None, "wrong_nonce"),
        (None, "no_nonce"),
        (None, "bad_signature"),
        (None, "hs256"),  # signed with the client secret, not the broker key
    ],
)
def test_broken_identifications_are_refused_kindly(hetu, broken):
    """Each protocol or identity fault ends on a 400 page, nobody signed in."""
    client = portal_client()
    response = identify(client, hetu or code_for_age(15), broken=broken)
    assert response.status_code == 400
    assert "Identification did not succeed" in response.content.decode() or (
        "Tunnistautuminen ei onnistunut" in response.content.decode()
    )
    assert not _signed_in(client)
    assert not User.objects.exists()


def test_acr_values_and_scope_cannot_be_changed_from_the_login_url():
    """?auth_params=acr_values=… and ?scope=… in the login URL are ignored."""
    client = portal_client()
    url = start(
        client,
        extra_query="?auth_params=acr_values%3Durn%3Aweak&scope=email,phone",
    )
    query = parse_qs(urlsplit(url).query)
    assert query["acr_values"] == ["http://ftn.ficora.fi/2017/loa2"]
    assert set(query["scope"][0].split()) == {"openid", "profile"}
    assert query["code_challenge_method"] == ["S256"]
    assert query["nonce"][0]


def test_replayed_callback_is_refused():
    """Using the same callback URL twice signs nobody in the second time."""
    client = portal_client()
    callback = at_idp(start(client), code_for_age(15))
    assert client.get(callback).status_code == 302
    client.logout()
    assert client.get(callback).status_code == 400
    assert not _signed_in(client)


def test_callback_in_another_browser_session_is_refused():
    """A callback carried to another browser does not sign that browser in."""
    callback = at_idp(start(portal_client()), code_for_age(15))
    other = portal_client()
    response = other.get(callback)
    assert response.status_code == 400
    assert not _signed_in(other)


def test_cancelling_at_the_idp_says_nothing_was_saved():
    """Cancel at the IdP returns to a calm page with a way to try again."""
    client = portal_client()
    callback = at_idp(start(client), code_for_age(15), action="cancel")
    response = client.get(callback, follow=True)
    assert response.status_code == 200
    assert 'action="/accounts/strongid/login/"' in response.content.decode()
    assert not _signed_in(client)


@pytest.mark.parametrize("endpoint", ["_well_known_openid_configuration", "jwks"])
def test_idp_down_before_login_gives_a_friendly_503(identity_provider, endpoint):
    """Discovery or JWKS down: a translated 503 page with retry, never a 500."""
    cache.delete_many([CONFIG_CACHE_KEY, JWKS_CACHE_KEY])
    client = portal_client()
    if endpoint == "jwks":
        callback = at_idp(start(client), code_for_age(15))
    requests.post(
        f"{identity_provider}/_control", data={"endpoint": endpoint, "status": 503}
    )
    try:
        if endpoint == "jwks":
            response = client.get(callback)
        else:
            response = client.post("/accounts/strongid/login/", {"next": "/fi/"})
    finally:
        requests.post(f"{identity_provider}/_control", data={"endpoint": endpoint})
    assert response.status_code == 503
    assert "Try again" in response.content.decode() or "Yritä" in (
        response.content.decode()
    )


def test_idp_down_at_the_token_endpoint_gives_a_503(identity_provider):
    """The token endpoint failing ends on the 503 page, nobody signed in."""
    client = portal_client()
    callback = at_idp(start(client), code_for_age(15))
    requests.post(
        f"{identity_provider}/_control", data={"endpoint": "token", "status": 503}
    )
    response = client.get(callback)
    assert response.status_code == 503
    assert not _signed_in(client)


def test_idp_unreachable_gives_a_503():
    """With nothing listening at the issuer, the login page answers 503."""
    cache.delete_many([CONFIG_CACHE_KEY, JWKS_CACHE_KEY])
    with override_settings(STRONGID_ISSUER="http://127.0.0.1:9"):
        response = portal_client().post("/accounts/strongid/login/", {"next": "/"})
    cache.delete_many([CONFIG_CACHE_KEY, JWKS_CACHE_KEY])
    assert response.status_code == 503


def test_returning_person_gets_the_same_account_also_after_key_rotation():
    """The same code maps to the same account, before and after HMAC rotation."""
    code = code_for_age(16)
    first = _signed_in_as(code)
    assert _signed_in_as(code) == first
    rotated = ["2:the-new-uid-key", *settings.STRONGID_UID_KEYS]
    with override_settings(STRONGID_UID_KEYS=rotated):
        assert _signed_in_as(code) == first
    account = SocialAccount.objects.get()
    assert account.uid.startswith("v2:")
    assert User.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_no_identity_code_or_name_is_stored_anywhere(caplog):
    """After a login the database dump, sessions and logs hold no code or name."""
    caplog.set_level(logging.DEBUG)
    code = code_for_age(15)
    client = portal_client()
    identify(client, code)
    assert _signed_in(client)
    db = settings.DATABASES["default"]
    dump = subprocess.run(
        ["pg_dump", "-h", db["HOST"], "-U", db["USER"], "--data-only", db["NAME"]],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    sessions = json.dumps([s.get_decoded() for s in Session.objects.all()])
    for haystack in (dump, sessions, caplog.text):
        assert code not in haystack
        assert code[:6] not in haystack  # not even the birth date part
        assert "Testi" not in haystack and "Nuori" not in haystack
    assert "v1:" in dump  # the keyed pseudonym is what identifies the account


def test_young_person_cannot_reach_the_admin():
    """A strongly identified young person is turned away from /admin/."""
    client = portal_client()
    identify(client, code_for_age(15))
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_sign_out_ends_the_session_and_visits_the_broker():
    """Sign out ends the portal session and goes to the broker's end-session."""
    client = portal_client()
    identify(client, code_for_age(15))
    response = client.post("/accounts/sign-out/")
    assert not _signed_in(client)
    assert response.status_code == 302
    assert response["Location"].startswith(settings.STRONGID_ISSUER + "/logout")


def test_session_key_is_cycled_at_login():
    """The session key before identification is not the one after it."""
    client = portal_client()
    client.get("/fi/")
    url = start(client)
    before = client.session.session_key
    client.get(at_idp(url, code_for_age(15)))
    assert client.session.session_key != before


def test_slow_idp_gives_a_503_not_a_hang(identity_provider):
    """A token endpoint slower than STRONGID_TIMEOUT ends on the 503 page."""
    client = portal_client()
    callback = at_idp(start(client), code_for_age(15))
    requests.post(
        f"{identity_provider}/_control", data={"endpoint": "token", "delay": 3}
    )
    with override_settings(STRONGID_TIMEOUT=0.5):
        response = client.get(callback)
    assert response.status_code == 503
    assert not _signed_in(client)


def test_idp_error_answer_at_the_token_endpoint_gives_a_503():
    """The broker answering the token request with a server error: 503 page."""
    client = portal_client()
    response = identify(client, code_for_age(15), broken="error")
    assert response.status_code == 503
    assert not _signed_in(client)


def test_idp_error_in_the_callback_is_a_kind_400():
    """An error other than cancel in the callback ends kindly, not in a 500."""
    client = portal_client()
    callback = at_idp(start(client), code_for_age(15), action="cancel")
    response = client.get(callback.replace("access_denied", "server_error"))
    assert response.status_code == 400
    assert not _signed_in(client)


def test_broker_key_rotation_is_followed_by_kid(identity_provider):
    """After the broker rotates its key, logins go on (JWKS fetched again)."""
    cache.delete(JWKS_CACHE_KEY)
    first = portal_client()
    identify(first, code_for_age(15))
    assert _signed_in(first)
    old_kids = {key["kid"] for key in cache.get(JWKS_CACHE_KEY)["keys"]}
    requests.post(f"{identity_provider}/_control", data={"rotate": 1})
    second = portal_client()
    identify(second, code_for_age(16))
    assert _signed_in(second)
    new_kids = {key["kid"] for key in cache.get(JWKS_CACHE_KEY)["keys"]}
    assert new_kids and not new_kids & old_kids


def test_production_refuses_suomifi_test_assurance():
    """Production settings stop when Suomi.fi's test acr is on the accepted list."""

    result = manage_in_production(
        "check",
        STRONGID_ACCEPTED_ACR="http://ftn.ficora.fi/2017/loa3,"
        "urn:oid:1.2.246.517.3002.110.999",
    )
    assert result.returncode != 0
    assert "test assurance level" in result.stderr
    assert manage_in_production("check").returncode == 0
