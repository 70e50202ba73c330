"""Session lifetimes, and MFA that staff cannot skip."""

import time
from urllib.parse import urlencode

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


# Paths a signed-in account that must use MFA can still open without it.
# Everything else waits for the second factor.
MFA_OPEN_PREFIXES = ("/static/", "/healthz/", "/favicon.ico")
# Only the steps that lead to enrolment (and out) are open before it.
ENROL_PREFIXES = (
    "/accounts/2fa/",
    "/accounts/reauthenticate/",
    "/accounts/logout/",
    "/accounts/sign-out/",
    "/i18n/",
)
# A session that skipped the MFA step may only leave.
SIGN_IN_PREFIXES = ("/accounts/login/", "/accounts/logout/", "/accounts/sign-out/")


def passed_mfa(request):
    return any(
        record.get("method") == "mfa"
        for record in get_authentication_records(request, request.user)
    )


# Every view that needs a permission: the Wagtail admin (paths, the directory,
# hand-on and the managers' reports), the Django admin, allauth's pages.
STAFF_VIEW_PREFIXES = ("/admin/", "/django-admin/", "/accounts/")


def needs_mfa(user, path="/admin/"):
    """Whether this account must sign in with a second factor.

    Decided by what the account can do, never by ``is_staff`` alone: Wagtail's
    "Add user" form creates editors with ``is_staff=False``. Any permission
    (the Wagtail admin, referral numbers, reports, the Django admin) or staff
    or superuser status counts. Young people hold no permission at all.
    ``get_all_permissions`` is cached on the user object for the request, so
    Wagtail's own checks later in the request reuse it.
    """
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser or user.is_staff:
        return True
    if user.is_young_person and not path.startswith(STAFF_VIEW_PREFIXES):
        # A young person's own pages: every staff view lives under these
        # prefixes, where the full check below runs. This spares two
        # permission queries on every page a young person opens.
        return False
    return bool(user.get_all_permissions())


class StaffMFAMiddleware:
    """No account that can reach a staff view goes anywhere without MFA.

    allauth.mfa has no "required" switch. An account that needs MFA (see
    ``needs_mfa``) and has no authenticator is sent to enrol before any other
    page; one that has an authenticator but whose session never passed the
    MFA step (a session opened some other way) is signed out and asked to
    sign in again.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and not request.path.startswith(MFA_OPEN_PREFIXES)
            and needs_mfa(user, request.path)
            and not passed_mfa(request)
        ):
            if not Authenticator.objects.filter(user=user).exists():
                if not request.path.startswith(ENROL_PREFIXES):
                    messages.info(
                        request, _("Staff must set up two-factor sign-in first.")
                    )
                    return redirect(reverse("mfa_activate_totp"))
            elif not request.path.startswith(SIGN_IN_PREFIXES):
                logout(request)
                query = urlencode({"next": request.get_full_path()})
                return redirect(f"{reverse('account_login')}?{query}")
        return self.get_response(request)


# The Wagtail admin's policy: still no third-party request, but Wagtail 8's
# page editor runs inline <script>s whose content changes per page (no hash
# can list them, and its templates take no nonce) and sets style attributes;
# it embeds its own preview in a frame. Seen in Chromium:
# tests/test_auth_staff_mfa_browser.py. allauth's pages keep the public policy.
ADMIN_CSP_REPLACE = {
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "frame-src": ["'self'"],
    "frame-ancestors": ["'self'"],
    "worker-src": ["'self'", "blob:"],
}
ADMIN_PREFIXES = ("/admin/", "/django-admin/")
PERMISSIONS_POLICY = (
    ", ".join(
        f"{feature}=()"
        for feature in (
            "accelerometer",
            "autoplay",
            "browsing-topics",
            "camera",
            "display-capture",
            "geolocation",
            "gyroscope",
            "magnetometer",
            "microphone",
            "midi",
            "payment",
            "usb",
            "xr-spatial-tracking",
        )
    )
    + ", publickey-credentials-get=(self), publickey-credentials-create=(self)"
)


class SecurityHeadersMiddleware:
    """A Permissions-Policy on every response, and the admin's own CSP.

    Listed after csp.middleware.CSPMiddleware, so that the CSP middleware sees
    the admin's replacements on the way out.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if request.path.startswith(ADMIN_PREFIXES) and not hasattr(
            response, "_csp_replace"
        ):
            response._csp_replace = ADMIN_CSP_REPLACE
        return response
