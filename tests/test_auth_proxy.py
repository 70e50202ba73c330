"""Behind reverse proxies: allauth and axes find the same client address, and
a forged X-Forwarded-For changes nothing."""

import pytest
from allauth.core.internal import ratelimit
from axes.helpers import get_client_ip_address
from axes.models import AccessAttempt
from django.test import Client, RequestFactory

from accounts.models import User

from .staff import PASSWORD

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.1"


def _request(xff=None, remote=PROXY):
    headers = {"HTTP_X_FORWARDED_FOR": xff} if xff else {}
    return RequestFactory().post("/accounts/login/", REMOTE_ADDR=remote, **headers)


def _allauth_key(request):
    rate = ratelimit.parse_rate("10/m/ip")
    return ratelimit.get_cache_key(
        request, app="allauth.account", action="login_failed", rate=rate
    )


def test_without_trusted_proxies_a_forged_header_is_ignored():
    """By default X-Forwarded-For is ignored by both: the connecting address counts."""
    forged = _request(xff="198.51.100.9")
    plain = _request()
    assert get_client_ip_address(forged) == PROXY
    assert _allauth_key(forged) == _allauth_key(plain)


def test_forged_header_does_not_escape_the_failed_login_limit():
    """Ten failed logins, each with a new forged X-Forwarded-For, stop the next."""
    client = Client(REMOTE_ADDR="192.0.2.50")
    pages = [
        client.post(
            "/accounts/login/",
            {"login": f"nobody-{n}", "password": "wrong"},
            HTTP_X_FORWARDED_FOR=f"198.51.100.{n}",
        ).content.decode()
        for n in range(11)
    ]
    too_many = "Liian monta epäonnistunutta"
    assert too_many not in pages[9] and too_many in pages[10]


def test_forged_header_does_not_escape_the_axes_lockout():
    """Five wrong passwords with five forged addresses lock the account there."""
    User.objects.create_user("editor", password=PASSWORD, is_staff=True)
    client = Client(REMOTE_ADDR="192.0.2.60")
    answers = [
        client.post(
            "/accounts/login/",
            {"login": "editor", "password": "wrong-password"},
            HTTP_X_FORWARDED_FOR=f"198.51.100.{n}",
        ).status_code
        for n in range(5)
    ]
    assert answers[-1] == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {
        "192.0.2.60"
    }


def test_one_trusted_proxy_gives_the_real_client_to_both(settings):
    """With one proxy, the address it appended counts, not what the client wrote."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    first = _request(xff="198.51.100.9, 203.0.113.7")
    second = _request(xff="192.0.2.1, 203.0.113.7")
    other_pupil = _request(xff="203.0.113.8")
    assert get_client_ip_address(first) == "203.0.113.7"
    assert get_client_ip_address(second) == "203.0.113.7"
    assert get_client_ip_address(other_pupil) == "203.0.113.8"
    assert _allauth_key(first) == _allauth_key(second)
    assert _allauth_key(first) != _allauth_key(other_pupil)
    assert "203.0.113.7" in _allauth_key(first)


def test_behind_a_proxy_one_person_cannot_lock_out_another(settings):
    """Behind the proxy, an attacker's failures lock out their address only."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    User.objects.create_user("editor", password=PASSWORD, is_staff=True)
    attacker = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.66")
    for _ in range(5):
        attacker.post("/accounts/login/", {"login": "editor", "password": "wrong"})
    assert AccessAttempt.objects.get().ip_address == "198.51.100.66"
    editor = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.20")
    response = editor.post(
        "/accounts/login/", {"login": "editor", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert "_auth_user_id" in editor.session
