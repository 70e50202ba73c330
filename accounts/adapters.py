"""allauth adapters: closed sign-up for staff, minimal young-person accounts,
and encrypted MFA secrets."""

import base64
import hashlib
import logging
import secrets

import requests
from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.totp.internal.auth import generate_totp_secret
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.providers.base.constants import AuthError
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.shortcuts import render

from . import audit
from .strongid.identity import AgeRefused, IdentityRefused
from .strongid.views import ProviderUnavailable

logger = logging.getLogger("accounts.strongid")
mfa_logger = logging.getLogger("accounts.mfa")


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        # Staff and editors are invited by an administrator; young people
        # arrive only through strong identification (the social adapter).
        return False

    def send_password_reset_mail(self, user, email, context):
        audit.record(user, "polku.password_reset_requested")
        return super().send_password_reset_mail(user, email, context)


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def is_open_for_signup(self, request, sociallogin):
        return sociallogin.account.provider == "strongid"

    def populate_user(self, request, sociallogin, data):
        user = sociallogin.user
        user.username = f"y-{secrets.token_hex(8)}"
        user.is_young_person = True
        _apply_identity(user, data)
        return user

    def pre_social_login(self, request, sociallogin):
        if sociallogin.is_existing and sociallogin.account.provider == "strongid":
            user = sociallogin.user
            _apply_identity(user, sociallogin.identity_data)
            user.save(
                update_fields=[
                    "turns_18_on",
                    "born_on_leap_day",
                    "identified_at",
                    "identity_acr",
                    "identity_issuer",
                ]
            )

    def on_authentication_error(
        self, request, provider, error=None, exception=None, extra_context=None
    ):
        """Every failure of identification ends on a kind, translated page."""
        if isinstance(exception, AgeRefused):
            template, status = "account/strongid_age.html", 403
        elif isinstance(exception, ProviderUnavailable | requests.RequestException):
            # Also allauth's own requests (userinfo) to a broker that is down.
            exception = ProviderUnavailable(str(exception))
            template, status = "account/strongid_unavailable.html", 503
        elif error == AuthError.CANCELLED:
            template, status = "account/strongid_cancelled.html", 200
        else:
            template, status = "account/strongid_failed.html", 400
        reason = refusal_reason(error, exception, extra_context or {})
        # The one log line of a refusal: a reason code, never the claims.
        logger.warning("strong identification refused: reason=%s", reason)
        audit.record_unattributed(audit.IDENTIFICATION_REFUSED, reason=reason[:40])
        raise ImmediateHttpResponse(render(request, template, status=status))


def refusal_reason(error, exception, context):
    """The short reason code of a refused identification (docs/auth.md)."""
    reason = getattr(exception, "reason", None)
    if reason:
        return reason
    if error == AuthError.CANCELLED:
        return "cancelled"
    if exception is not None:
        return {"PermissionDenied": "state", "OAuth2Error": "token_endpoint"}.get(
            type(exception).__name__, "other"
        )
    if "state_id" in context:
        # No state of ours for this callback: replayed, or another browser.
        return "state"
    return "broker_error"


def _apply_identity(user, data):
    user.turns_18_on = data.get("turns_18_on")
    user.born_on_leap_day = data.get("born_on_leap_day", False)
    user.identified_at = data.get("identified_at")
    user.identity_acr = data.get("acr", "")
    user.identity_issuer = data.get("iss", "")


class MFAAdapter(DefaultMFAAdapter):
    """TOTP secrets and recovery seeds are encrypted at rest.

    Keys derive from MFA_ENCRYPTION_KEYS (newest first); MultiFernet decrypts
    with any of them, so keys rotate without re-enrolling anyone.
    """

    def _fernet(self):
        keys = settings.MFA_ENCRYPTION_KEYS or [settings.SECRET_KEY]
        return MultiFernet(
            [
                Fernet(base64.urlsafe_b64encode(hashlib.sha256(k.encode()).digest()))
                for k in keys
            ]
        )

    def encrypt(self, text):
        return self._fernet().encrypt(text.encode()).decode()

    def decrypt(self, encrypted_text):
        try:
            return self._fernet().decrypt(encrypted_text.encode()).decode()
        except InvalidToken:
            # A key left out of MFA_ENCRYPTION_KEYS (or another deployment's
            # data). Fail closed without a 500: a fresh random secret matches
            # no code, so the person sees "incorrect code" and operators see
            # this line.
            mfa_logger.error(
                "an MFA secret cannot be decrypted with MFA_ENCRYPTION_KEYS: "
                "was a key removed or changed?"
            )
            return generate_totp_secret()


__all__ = ["AccountAdapter", "IdentityRefused", "MFAAdapter", "SocialAccountAdapter"]
