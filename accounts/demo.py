"""Demo staff logins (development only): one way to make them, for every
app's `demo_staff` loader, and the demo admin itself."""

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group


def ensure_staff(username, password, groups=(), **defaults):
    """The staff login `username`: made once with `password` and `groups`
    (names), kept as an editor has left it after that; TOTP enrolled, since
    MFA is mandatory for staff (code 000000 in DEBUG)."""
    user, created = get_user_model().objects.get_or_create(
        username=username, defaults={"is_staff": True, **defaults}
    )
    if created:
        user.set_password(password)
        user.save()
        user.groups.set(Group.objects.filter(name__in=groups))
    if not Authenticator.objects.filter(user=user).exists():
        TOTP.activate(user, generate_totp_secret())
    return user


def load_staff(password):
    """The demo admin, a superuser; the first of the demo logins."""
    ensure_staff("admin", password, is_superuser=True, email="admin@localhost")
