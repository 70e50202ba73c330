"""The client's address, found the same way by allauth and django-axes.

Behind reverse proxies the connecting address is the proxy's. Only the last
``TRUSTED_PROXY_COUNT`` hops of ``X-Forwarded-For`` come from proxies we run;
everything to the left of them is whatever the client wrote. allauth
implements exactly that rule (``ALLAUTH_TRUSTED_PROXY_COUNT``); axes is given
the same function (``AXES_CLIENT_IP_CALLABLE``) instead of its own ipware
settings, whose left-most/right-most and count semantics differ, so that a
rate limit and a lockout can never disagree on who the client is.
"""

from allauth.account.adapter import get_adapter
from django.core.exceptions import PermissionDenied


def client_ip(request):
    """The client's address as allauth sees it (trusted proxies skipped).

    None when there is none (a request built in code, e.g. a management
    command's login): axes records such attempts without an address.
    """
    if request is None:
        return None
    try:
        return get_adapter(request).get_client_ip(request)
    except PermissionDenied:
        return None
