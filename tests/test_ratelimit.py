"""Per-client limits on identification start, feedback and referral opens."""

import uuid

import pytest
from django.test import RequestFactory, override_settings

from core.ratelimit import _allowed

from .strongid import portal_client

pytestmark = pytest.mark.django_db

LIMITS = {"strongid_start": "2/600", "feedback": "2/600", "referral_open": "2/600"}


def _third_is_refused(send):
    with override_settings(POLKU_RATE_LIMITS=LIMITS):
        first, second, third = send(), send(), send()
    assert first.status_code != 429 and second.status_code != 429
    assert third.status_code == 429
    assert third["Retry-After"] == "600"
    return third.content.decode()


def test_identification_start_is_limited_per_client(identity_provider):
    """A script pressing "identify" over and over gets a calm Finnish 429 page."""
    client = portal_client()
    page = _third_is_refused(
        lambda: client.post("/accounts/strongid/login/", {"next": "/fi/"})
    )
    assert "Liian monta yritystä" in page
    assert "Odota muutama minuutti" in page


def test_feedback_is_limited_per_client():
    """Feedback sent in a flood is refused after the limit (Swedish page)."""
    client = portal_client()
    url = f"/sv/respons/{uuid.uuid4()}/"
    page = _third_is_refused(lambda: client.post(url, {"score": "5"}))
    assert "För många försök" in page


def test_referral_opened_counts_are_limited_per_client():
    """Opening referral links in a flood stops counting with a 429."""
    client = portal_client()
    _third_is_refused(lambda: client.get("/fi/r/abcdefgh/"))


def test_a_cache_that_does_not_answer_lets_identification_start():
    """With Redis down the limit steps aside: identification still starts."""
    broken = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.2},
        }
    }
    request = RequestFactory().post("/", REMOTE_ADDR="192.0.2.1")
    with override_settings(CACHES=broken, POLKU_RATE_LIMITS=LIMITS):
        assert all(_allowed(request, "strongid_start") for _ in range(5))
