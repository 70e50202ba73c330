"""Per-client limits on public actions that cost us or count something.

Identification start (each one is a paid call at the broker), feedback and the
"opened" count of referral links: a script must not flood the broker or the
aggregates. Limits live in `POLKU_RATE_LIMITS` ("amount/seconds"), counted per
client address in the default cache (Redis) in fixed windows.

Hand-written (a dozen lines) rather than allauth's `ratelimit.consume`: that
one takes a cache lock first and answers "limited" whenever the lock cannot be
had, so with Redis down every young person would get 429. Here a cache that
does not answer lets the request through: these limits protect aggregates
and the broker, not accounts, and identification must keep working.
"""

from functools import wraps

from allauth.core.internal.ratelimit import get_ip
from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render


def _allowed(request, action):
    amount, _, seconds = settings.POLKU_RATE_LIMITS[action].partition("/")
    # allauth's client address: the same trusted-proxy rule as its own limits,
    # IPv6 addresses reduced to their /64.
    key = f"ratelimit:{action}:{get_ip(request)}"
    cache.add(key, 0, int(seconds))
    count = cache.incr(key) if cache.get(key) is not None else None
    return count is None or count <= int(amount)


def rate_limited(action, methods=("POST",)):
    """Answer a translated 429 page once a client passes the action's limit."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method in methods and not _allowed(request, action):
                response = render(request, "429.html", status=429)
                response["Retry-After"] = settings.POLKU_RATE_LIMITS[action].split("/")[
                    1
                ]
                return response
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
