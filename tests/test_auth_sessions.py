"""Session lifetimes, and re-identification before destructive actions."""

import time

import pytest
from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY
from django.conf import settings
from django.test import Client
from django.urls import reverse

from accounts.middleware import SEEN_KEY, START_KEY
from accounts.models import User

from .staff import staff_client
from .strongid import at_idp, code_for_age, identify, portal_client

pytestmark = pytest.mark.django_db
MINUTE = 60
HOUR = 60 * MINUTE


@pytest.fixture(autouse=True)
def _idp(identity_provider):
    return identity_provider


def _signed_in(client):
    return "_auth_user_id" in client.session


def _age_session(client, seen_ago=0, started_ago=0, identified_ago=0):
    """Move the session's clocks back, as if that much time had passed."""
    session = client.session
    now = time.time()
    session[SEEN_KEY] = now - seen_ago
    session[START_KEY] = now - started_ago
    for record in session.get(AUTHENTICATION_METHODS_SESSION_KEY, []):
        record["at"] = now - identified_ago
    session.save()


def _young_person():
    client = portal_client()
    identify(client, code_for_age(15))
    client.get("/fi/")
    assert _signed_in(client)
    return client


def _staff():
    User.objects.create_user("staffer", password="pw-2026-long", is_staff=True)
    client = Client()
    client.force_login(User.objects.get(username="staffer"))
    client.get("/fi/")
    return client


def test_documented_lifetimes_are_the_enforced_ones():
    """Young people 15 min idle / 8 h; staff 30 min idle / 12 h."""
    assert settings.SESSION_POLICY == {
        "young": {"idle": 15 * MINUTE, "absolute": 8 * HOUR},
        "staff": {"idle": 30 * MINUTE, "absolute": 12 * HOUR},
    }


@pytest.mark.parametrize(
    ("seen_ago", "started_ago", "still_in"),
    [
        (14 * MINUTE, 1 * HOUR, True),
        (16 * MINUTE, 1 * HOUR, False),  # idle too long
        (1 * MINUTE, 8 * HOUR + MINUTE, False),  # past the absolute limit
    ],
)
def test_young_person_session_lifetimes(seen_ago, started_ago, still_in):
    """A young person's session ends after 15 idle minutes or 8 hours."""
    client = _young_person()
    _age_session(client, seen_ago=seen_ago, started_ago=started_ago)
    response = client.get("/fi/")
    assert response.status_code == 200
    assert _signed_in(client) is still_in


@pytest.mark.parametrize(
    ("seen_ago", "started_ago", "still_in"),
    [
        (25 * MINUTE, 11 * HOUR, True),
        (31 * MINUTE, 1 * HOUR, False),
        (1 * MINUTE, 12 * HOUR + MINUTE, False),
    ],
)
def test_staff_session_lifetimes(seen_ago, started_ago, still_in):
    """A staff session ends after 30 idle minutes or 12 hours."""
    client = _staff()
    _age_session(client, seen_ago=seen_ago, started_ago=started_ago)
    client.get("/fi/")
    assert _signed_in(client) is still_in


def test_activity_keeps_a_young_person_signed_in():
    """Each visit restarts the idle clock (the absolute one keeps running)."""
    client = _young_person()
    _age_session(client, seen_ago=10 * MINUTE, started_ago=HOUR)
    client.get("/fi/")
    assert time.time() - client.session[SEEN_KEY] < MINUTE
    assert time.time() - client.session[START_KEY] >= HOUR


@pytest.mark.urls("tests.urls_reidentify")
def test_destructive_action_right_after_identification_goes_ahead():
    """Just identified: the guarded action runs without asking again."""
    client = _young_person()
    response = client.post("/forget-me/")
    assert response.status_code == 200
    assert response.content.decode() == f"forgetting {client.session['_auth_user_id']}"


@pytest.mark.urls("tests.urls_reidentify")
def test_destructive_action_asks_to_identify_again_after_a_while():
    """Ten minutes later the action asks for a fresh identification first."""
    client = _young_person()
    user_id = client.session["_auth_user_id"]
    _age_session(client, identified_ago=10 * MINUTE)
    response = client.post("/forget-me/")
    assert response.status_code == 403
    page = response.content.decode()
    assert 'action="/accounts/strongid/login/"' in page
    assert 'name="next" value="/forget-me/"' in page
    assert "Tunnistaudu vielä kerran" in page  # in Finnish, the default
    # Identifying again lands back on the action, which now goes ahead.
    start = client.post("/accounts/strongid/login/", {"next": "/forget-me/"})
    back = client.get(at_idp(start["Location"], code_for_age(15)))
    assert back["Location"] == "/forget-me/"
    assert client.session["_auth_user_id"] == user_id
    assert client.post("/forget-me/").status_code == 200


@pytest.mark.urls("tests.urls_reidentify")
def test_destructive_action_needs_a_signed_in_young_person():
    """Nobody signed in is asked to identify; staff are refused outright."""
    assert portal_client().post("/forget-me/").status_code == 403
    assert "strongid" in portal_client().post("/forget-me/").content.decode()
    staff = staff_client("staffer-mfa", superuser=True)
    response = staff.post("/forget-me/")
    assert response.status_code == 403
    assert "strongid" not in response.content.decode()
    # Staff who never set up MFA do not get that far: they enrol first.
    unenrolled = _staff().post("/forget-me/")
    assert unenrolled.status_code == 302
    assert unenrolled.url == reverse("mfa_activate_totp")
