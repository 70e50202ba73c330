"""The sign-in audit (accounts/audit.py): Wagtail's log, without identities."""

from allauth.account.signals import password_changed, password_reset, password_set
from allauth.mfa.signals import (
    authentication_failed,
    authenticator_added,
    authenticator_removed,
    authenticator_reset,
)
from axes.signals import user_locked_out
from django.contrib.auth.signals import (
    user_logged_in,
    user_logged_out,
    user_login_failed,
)
from django.db.models.signals import post_delete
from django.dispatch import receiver

from . import audit
from .models import User
from .sessions import delete_sessions_of


def _account_named(username):
    """The account a username names, or None (never logged: it may be a
    mistyped password)."""
    if not isinstance(username, str) or not username or "\x00" in username:
        return None
    return User.objects.filter(username__iexact=username[:150]).first()


@receiver(user_logged_in)
def on_login(sender, request, user, **kwargs):
    audit.record(user, "polku.login", actor=user)


@receiver(user_logged_out)
def on_logout(sender, request, user, **kwargs):
    if user is not None:
        audit.record(user, "polku.logout", actor=user)


@receiver(user_login_failed)
def on_login_failed(sender, credentials, request=None, **kwargs):
    account = _account_named(credentials.get("username"))
    if account is None:
        audit.record_unattributed("polku.login_failed_unknown")
    else:
        audit.record(account, "polku.login_failed")


@receiver(user_locked_out)
def on_locked_out(sender, request, username, ip_address, **kwargs):
    account = _account_named(username)
    if account is not None:
        audit.record(account, "polku.locked_out")


@receiver(authentication_failed)
def on_mfa_failed(sender, request, user, authenticator, **kwargs):
    audit.record(
        user,
        "polku.mfa_failed",
        type=authenticator.type,
        reauthentication=bool(kwargs.get("reauthentication")),
    )


@receiver(authenticator_added)
def on_authenticator_added(sender, request, user, authenticator, **kwargs):
    audit.record(user, "polku.mfa_added", actor=user, type=authenticator.type)


@receiver(authenticator_removed)
def on_authenticator_removed(sender, request, user, authenticator, **kwargs):
    audit.record(user, "polku.mfa_removed", actor=user, type=authenticator.type)


@receiver(authenticator_reset)
def on_authenticator_reset(sender, request, user, authenticator, **kwargs):
    audit.record(user, "polku.mfa_reset", actor=user, type=authenticator.type)


@receiver(password_reset)
def on_password_reset(sender, request, user, **kwargs):
    audit.record(user, "polku.password_reset", actor=user)


@receiver(password_changed)
def on_password_changed(sender, request, user, **kwargs):
    audit.record(user, "polku.password_changed", actor=user)


@receiver(password_set)
def on_password_set(sender, request, user, **kwargs):
    audit.record(user, "polku.password_set", actor=user)


@receiver(post_delete, sender=User)
def on_user_deleted(sender, instance, **kwargs):
    """A deleted account is signed out everywhere: no session keeps its id
    or its pseudonym (the "delete my data" view and the retention task)."""
    delete_sessions_of([instance.pk])
