from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.core.cache import cache
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.views.decorators.http import require_POST

from .strongid.views import CONFIG_CACHE_KEY


def broker_logout_url(request, return_path):
    """The broker's RP-initiated logout that comes back to `return_path`.

    None when the broker offers no `end_session_endpoint`. It names only our
    client id and where to come back: no ID token hint (the ID token carries
    the personal identity code, and we never keep it). The endpoint comes
    from the cached discovery document only: leaving must work even when the
    broker is down.
    """
    config = cache.get(CONFIG_CACHE_KEY) or {}
    end_session = config.get("end_session_endpoint")
    if not end_session:
        return None
    query = urlencode(
        {
            "client_id": settings.STRONGID_CLIENT_ID,
            "post_logout_redirect_uri": request.build_absolute_uri(return_path),
        }
    )
    return f"{end_session}?{query}"


@require_POST
def sign_out(request):
    """Sign out here, and at the identity broker when it supports it."""
    was_young = getattr(request.user, "is_young_person", False)
    logout(request)
    home = f"/{get_language() or 'fi'}/"
    broker = broker_logout_url(request, home) if was_young else None
    return HttpResponseRedirect(broker or request.build_absolute_uri(home))


STAFF_PREFIXES = ("/accounts/", "/admin/", "/django-admin/")


def identify(request):
    """The young person's way in: what identification is, and one button.

    `LOGIN_URL` points here, so every personal page opened without a session
    (a reminder link, "My paths", a step, the summary, my data) lands on this
    page in its own language, and the button comes back to exactly that page.
    The staff password form stays at `account_login`.
    """
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = ""
    if next_url.startswith(STAFF_PREFIXES):
        # allauth's own account pages (MFA set-up, …) are staff business.
        return redirect_to_login(next_url, reverse("account_login"))
    if request.user.is_authenticated and next_url:
        return HttpResponseRedirect(next_url)
    return render(
        request,
        "account/identify.html",
        {"next_url": next_url or f"/{get_language() or 'fi'}/"},
    )
