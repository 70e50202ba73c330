"""Staff in tests: a password and a TOTP code, through allauth like a person."""

from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.contrib.auth.models import Group
from django.test import Client

from accounts.models import User

PASSWORD = "a-long-staff-password-2026"


def current_totp_code(secret):
    """The TOTP code an authenticator app would show right now."""
    counters = list(yield_hotp_counters_from_time())
    return format_hotp_value(hotp_value(secret, counters[len(counters) // 2]))


def make_staff(username, *groups, superuser=False):
    """A staff member in `groups` with a TOTP authenticator; returns (user, secret)."""
    user = User.objects.create_user(
        username, password=PASSWORD, is_staff=True, is_superuser=superuser
    )
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return user, secret


def sign_in(username, secret):
    """A client signed in with password and TOTP, already past the admin's door."""
    client = Client()
    client.post("/accounts/login/", {"login": username, "password": PASSWORD})
    client.post("/accounts/2fa/authenticate/", {"code": current_totp_code(secret)})
    assert client.get("/admin/").status_code == 200
    return client


def staff_client(username, *groups, superuser=False):
    """make_staff and sign_in in one."""
    _user, secret = make_staff(username, *groups, superuser=superuser)
    return sign_in(username, secret)
