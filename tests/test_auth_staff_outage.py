"""Staff sign-in while Redis is down: rate limits and TOTP replay still hold."""

import copy

import pytest
from allauth.core.internal import ratelimit
from allauth.mfa.totp.internal import auth
from django.core.cache import cache, caches
from django.db import connection
from django.test import Client

from .staff import current_totp_code, make_staff, password_step

pytestmark = pytest.mark.django_db

DEAD_REDIS = "redis://127.0.0.1:9/0"  # the discard port: nothing listens


@pytest.fixture
def redis_down(settings):
    """The default cache points at a Redis that does not answer."""
    caches_setting = copy.deepcopy(settings.CACHES)
    caches_setting["default"]["LOCATION"] = DEAD_REDIS
    settings.CACHES = caches_setting
    assert cache.set("probe", 1) is None and cache.get("probe") is None
    return settings


def _sign_in(username, code, address="10.1.1.1"):
    client = Client(REMOTE_ADDR=address)
    first = password_step(client, username)
    assert first.status_code == 302, first.status_code
    client.post("/accounts/2fa/authenticate/", {"code": code})
    return client


def test_staff_sign_in_with_password_and_totp_while_redis_is_down(redis_down):
    """During a Redis outage an editor still signs in with password and code."""
    _user, secret = make_staff("editor", superuser=True)
    client = _sign_in("editor", current_totp_code(secret))
    assert client.get("/admin/").status_code == 200


def test_a_used_totp_code_is_refused_while_redis_is_down(redis_down):
    """A code already used cannot open a second session, Redis or not."""
    _user, secret = make_staff("editor", superuser=True)
    code = current_totp_code(secret)
    assert _sign_in("editor", code).get("/admin/").status_code == 200
    second = _sign_in("editor", code, address="10.1.1.2")
    assert second.get("/admin/").status_code == 302
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM polku_security_cache")
        assert cursor.fetchone()[0] > 0


def test_failed_login_limits_hold_while_redis_is_down(redis_down):
    """Ten failed logins from one address in a minute stop the next one with
    a "too many attempts" message; past thirty tries a minute the answer is 429."""
    client = Client(REMOTE_ADDR="10.2.2.2")

    def attempt(n):
        return client.post(
            "/accounts/login/", {"login": f"nobody-{n}", "password": "wrong"}
        )

    answers = [attempt(n) for n in range(11)]
    assert [a.status_code for a in answers] == [200] * 11
    too_many = "Liian monta epäonnistunutta kirjautumisyritystä"
    assert too_many not in answers[9].content.decode()
    assert too_many in answers[10].content.decode()
    statuses = [attempt(n).status_code for n in range(11, 31)]
    assert statuses[-1] == 429
    assert statuses[:-1] == [200] * 19


def test_allauth_security_state_uses_the_database_cache():
    """allauth's rate limits and TOTP guard write to PostgreSQL, not Redis."""

    assert ratelimit.cache._alias == "security"
    assert auth.cache._alias == "security"
    assert caches["security"].__class__.__name__ == "DatabaseCache"
