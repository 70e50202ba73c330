"""Re-identification before destructive actions (e.g. "delete my data").

Hand-written on purpose: allauth's `reauthentication_required` treats a user
who has only a social account as always recently authenticated (see
`did_recently_reauthenticate` in allauth.account.internal.flows), which is
every young person here. So we read allauth's own record of the strong
identifications made in this session and ask for a fresh one when the last is
older than the limit.

Usage::

    @strong_identification_required                 # REIDENTIFY_MINUTES
    def delete_my_data(request): ...

    @strong_identification_required(max_age=120)
    def something_worse(request): ...

Protect both the page that asks for confirmation and the view that acts:
after identifying again, the person lands on the GET of the same URL (a POST
body is never replayed) and confirms there.
"""

import time
from functools import wraps

from allauth.account.authentication import get_authentication_records
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import render


def last_identified_at(request):
    """When this session last went through strong identification (epoch)."""
    records = get_authentication_records(request, request.user)
    times = [
        record["at"]
        for record in records
        if record.get("method") == "socialaccount"
        and record.get("provider") == "strongid"
    ]
    return max(times, default=None)


def identified_within(request, seconds):
    at = last_identified_at(request)
    return at is not None and time.time() - at <= seconds


def strong_identification_required(view=None, *, max_age=None):
    """Let the view run only after a strong identification within max_age s."""

    def decorator(view_func):
        @wraps(view_func)
        def wrapper(request, *args, **kwargs):
            limit = settings.REIDENTIFY_MINUTES * 60 if max_age is None else max_age
            user = request.user
            if user.is_authenticated and not user.is_young_person:
                raise PermissionDenied
            if user.is_authenticated and identified_within(request, limit):
                return view_func(request, *args, **kwargs)
            return render(
                request,
                "account/strongid_reidentify.html",
                {"next_url": request.path},
                status=403,
            )

        return wrapper

    return decorator(view) if view is not None else decorator
