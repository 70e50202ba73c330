"""Audit log of sign-ins and MFA changes, without identities."""

from allauth.mfa.signals import authenticator_added, authenticator_removed
from django.contrib.auth.signals import (
    user_logged_in,
    user_logged_out,
    user_login_failed,
)
from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import AuditEvent, User
from .sessions import delete_sessions_of


def _record(event, user=None, detail=""):
    AuditEvent.objects.create(event=event, user=user, detail=detail)


@receiver(user_logged_in)
def on_login(sender, request, user, **kwargs):
    kind = "young_person" if user.is_young_person else "staff"
    _record("login", user, kind)


@receiver(user_logged_out)
def on_logout(sender, request, user, **kwargs):
    if user is not None:
        _record("logout", user)


@receiver(user_login_failed)
def on_login_failed(sender, credentials, request=None, **kwargs):
    # The attempted username is not logged: it may be a mistyped password.
    _record("login_failed")


@receiver(authenticator_added)
def on_authenticator_added(sender, request, user, authenticator, **kwargs):
    _record("mfa_added", user, authenticator.type)


@receiver(authenticator_removed)
def on_authenticator_removed(sender, request, user, authenticator, **kwargs):
    _record("mfa_removed", user, authenticator.type)


@receiver(post_delete, sender=User)
def on_user_deleted(sender, instance, **kwargs):
    """A deleted account is signed out everywhere: no session keeps its id
    or its pseudonym (the "delete my data" view and the retention task)."""
    delete_sessions_of([instance.pk])
