"""Staff in tests: a password and a TOTP code, through allauth like a person.

The one sign-in helper of the suite: `sign_in` for the Django test client,
`sign_in_browser` for Chromium; `make_staff` makes the account (a factory).
"""

import time

from allauth.mfa.totp.internal.auth import (
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.test import Client
from wagtail.users.models import UserProfile

from accounts.factories import STAFF_PASSWORD, StaffFactory

PASSWORD = STAFF_PASSWORD


def current_totp_code(secret):
    """The TOTP code an authenticator app would show right now."""
    counters = list(yield_hotp_counters_from_time())
    return format_hotp_value(hotp_value(secret, counters[len(counters) // 2]))


def fresh_totp_code(secret):
    """The current TOTP code, waiting for the next one if this one is about
    to expire (allauth accepts only the current 30-second window)."""
    if 30 - time.time() % 30 < 5:
        time.sleep(30 - time.time() % 30 + 0.5)
    return current_totp_code(secret)


def make_staff(username, *groups, superuser=False, language=None):
    """A staff member in `groups` with a TOTP authenticator; returns (user, secret).

    `language` is the admin's language for the person (Wagtail's profile).
    """
    user = StaffFactory(username=username, groups=groups, is_superuser=superuser)
    if language:
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
    return user, user.totp_secret


def password_step(client, username, password=PASSWORD):
    """The first step of allauth's sign-in: the answer to the password form."""
    return client.post("/accounts/login/", {"login": username, "password": password})


def code_step(client, secret):
    """The second step: the answer to the TOTP code form."""
    code = current_totp_code(secret)
    return client.post("/accounts/2fa/authenticate/", {"code": code})


def sign_in(username, secret, client=None):
    """A client signed in with password and TOTP, already past the admin's door."""
    client = client or Client()
    password_step(client, username)
    code_step(client, secret)
    assert client.get("/admin/").status_code == 200
    return client


def staff_client(username, *groups, superuser=False, language=None):
    """make_staff and sign_in in one."""
    _user, secret = make_staff(
        username, *groups, superuser=superuser, language=language
    )
    return sign_in(username, secret)


def sign_in_browser(page, base, username, secret=None, password=PASSWORD, shot=None):
    """Chromium signs in at `base` with the password and, given `secret`, the
    TOTP code; `shot(name)` is called before a failed wait is raised."""

    def wait_away_from(fragment, name):
        try:
            page.wait_for_url(lambda url: fragment not in url)
        except Exception:
            if shot:
                shot(f"failed-{name}")
            raise

    page.goto(f"{base}/accounts/login/")
    page.locator("input[name=login]").fill(username)
    page.locator("input[name=password]").fill(password)
    page.locator("input[name=password]").press("Enter")
    wait_away_from("/accounts/login/", f"login-{username}")
    if secret is not None:
        assert "/accounts/2fa/authenticate/" in page.url
        page.locator("input[name=code]").fill(fresh_totp_code(secret))
        page.locator("input[name=code]").press("Enter")
        wait_away_from("/accounts/2fa/", f"code-{username}")
