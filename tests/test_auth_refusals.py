"""Operators see why an identification was refused, and the friendly 503 when
the broker goes down after discovery was cached."""

import logging

import pytest
import requests
from django.core.cache import cache
from wagtail.models import ModelLogEntry

from accounts.audit import IDENTIFICATION_REFUSED, refusal_reasons
from accounts.models import User
from accounts.strongid.views import CONFIG_CACHE_KEY, JWKS_CACHE_KEY

from .strongid import at_idp, code_for_age, identify, portal_client, start

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("identity_provider")]

INVALID_CHECKSUM = code_for_age(15)[:-1] + (
    "A" if not code_for_age(15).endswith("A") else "B"
)


def _assert_refused_for(caplog, reason, code):
    events = list(ModelLogEntry.objects.filter(action=IDENTIFICATION_REFUSED))
    assert refusal_reasons() == [reason]
    lines = [r.getMessage() for r in caplog.records if "refused" in r.getMessage()]
    assert lines == [f"strong identification refused: reason={reason}"]
    everything = caplog.text + " ".join(r.getMessage() for r in caplog.records)
    assert code not in everything and code[:6] not in everything
    assert code not in str(events[0].data) and code not in events[0].label


@pytest.mark.parametrize(
    ("broken", "reason"),
    [
        ("expired", "expired"),
        ("wrong_aud", "aud"),
        ("wrong_iss", "iss"),
        ("wrong_nonce", "nonce"),
        ("no_nonce", "nonce"),
        ("wrong_acr", "acr"),
        ("no_acr", "acr"),
        ("no_auth_time", "auth_time"),
        ("no_hetu", "no_hetu"),
        ("birthdate_mismatch", "birthdate"),
        ("bad_signature", "signature"),
        ("hs256", "signature"),
        ("error", "unavailable"),
    ],
)
def test_refusal_names_its_reason_and_never_the_person(caplog, broken, reason):
    """Each broken ID token is refused with its own reason code in the audit
    log and in one log line; neither holds the identity code."""
    caplog.set_level(logging.DEBUG)
    code = code_for_age(15)
    client = portal_client()
    response = identify(client, code, broken=broken)
    assert response.status_code in (400, 503)
    assert not User.objects.exists()
    _assert_refused_for(caplog, reason, code)


@pytest.mark.parametrize(
    ("code", "reason"),
    [(code_for_age(12), "age"), (INVALID_CHECKSUM, "checksum")],
)
def test_refused_person_is_named_by_reason_only(caplog, code, reason):
    """Too young, or a code whose check character is wrong: the reason is
    logged, the code is not."""
    caplog.set_level(logging.DEBUG)
    identify(portal_client(), code)
    _assert_refused_for(caplog, reason, code)


def test_cancel_and_replay_have_their_reasons(caplog):
    """Cancel at the broker and a replayed callback are told apart."""
    caplog.set_level(logging.DEBUG)
    client = portal_client()
    identify(client, code_for_age(15), action="cancel")
    assert refusal_reasons() == ["cancelled"]
    ModelLogEntry.objects.filter(action=IDENTIFICATION_REFUSED).delete()
    callback = at_idp(start(client), code_for_age(15))
    client.get(callback)
    client.post("/accounts/sign-out/")
    client.get(callback)
    assert refusal_reasons() == ["state"]


# --- The broker down after discovery was cached -------------------------------


def _cache_discovery_pointing_at(**endpoints):
    config = {**cache.get(CONFIG_CACHE_KEY), **endpoints}
    cache.set(CONFIG_CACHE_KEY, config, 3600)


DEAD = "http://127.0.0.1:9"


@pytest.mark.parametrize("endpoint", ["token_endpoint", "jwks_uri"])
def test_broker_down_after_discovery_is_cached_gives_the_friendly_503(caplog, endpoint):
    """Discovery came from the cache, then the broker stopped answering at
    its token endpoint or JWKS: the translated 503 page, nobody signed in."""
    caplog.set_level(logging.DEBUG)
    client = portal_client()
    callback = at_idp(start(client), code_for_age(15))
    cache.delete(JWKS_CACHE_KEY)
    _cache_discovery_pointing_at(**{endpoint: f"{DEAD}/{endpoint}"})
    response = client.get(callback)
    assert response.status_code == 503
    assert "Yritä uudelleen" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert refusal_reasons() == ["unavailable"]


def test_cached_discovery_and_a_dead_broker_at_login_start(identity_provider):
    """Everything cached: starting identification needs no broker, the
    redirect still goes to its login page (no 500 here either)."""
    client = portal_client()
    start(client)
    requests.post(
        f"{identity_provider}/_control",
        data={"endpoint": "_well_known_openid_configuration", "status": 503},
        timeout=5,
    )
    try:
        response = client.post("/accounts/strongid/login/", {"next": "/fi/"})
    finally:
        requests.post(
            f"{identity_provider}/_control",
            data={"endpoint": "_well_known_openid_configuration"},
            timeout=5,
        )
    assert response.status_code == 302
