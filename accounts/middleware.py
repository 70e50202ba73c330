"""Session lifetimes, and MFA that staff cannot skip."""

import time

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

SEEN_KEY = "polku_seen_at"
START_KEY = "polku_auth_at"
# Touch the session at most this often (seconds): one write a minute, not one
# a request.
TOUCH_EVERY = 60


class SessionPolicyMiddleware:
    """Idle and absolute lifetimes per kind of user (settings.SESSION_POLICY)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            policy = settings.SESSION_POLICY[
                "young" if user.is_young_person else "staff"
            ]
            now = time.time()
            started = request.session.setdefault(START_KEY, now)
            seen = request.session.get(SEEN_KEY, now)
            if now - seen > policy["idle"] or now - started > policy["absolute"]:
                logout(request)
                messages.info(
                    request, _("You were signed out after a while without activity.")
                )
            elif now - seen > TOUCH_EVERY or SEEN_KEY not in request.session:
                request.session[SEEN_KEY] = now
        return self.get_response(request)


MFA_EXEMPT_PREFIXES = ("/accounts/", "/static/", "/healthz/")


def passed_mfa(request):
    return any(
        record.get("method") == "mfa"
        for record in get_authentication_records(request, request.user)
    )


class StaffMFAMiddleware:
    """No staff session reaches the admin without a second factor.

    allauth.mfa has no "required" switch: staff without an authenticator are
    sent to enrol, and a staff session that signed in without an MFA step is
    asked to sign in again.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and (user.is_staff or user.is_superuser)
            and request.path.startswith(("/admin/", "/django-admin/"))
        ):
            if not Authenticator.objects.filter(user=user).exists():
                messages.info(request, _("Staff must set up two-factor sign-in first."))
                return redirect(reverse("mfa_activate_totp"))
            if not passed_mfa(request):
                logout(request)
                return redirect(f"{reverse('account_login')}?next={request.path}")
        return self.get_response(request)
