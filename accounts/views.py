from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.core.cache import cache
from django.http import HttpResponseRedirect
from django.utils.translation import get_language
from django.views.decorators.http import require_POST

from .strongid.views import CONFIG_CACHE_KEY


@require_POST
def sign_out(request):
    """Sign out here, and at the identity broker when it supports it.

    The broker's end-session endpoint comes from the cached discovery document
    only: signing out must work even when the broker is down.
    """
    was_young = getattr(request.user, "is_young_person", False)
    logout(request)
    home = request.build_absolute_uri(f"/{get_language() or 'fi'}/")
    config = cache.get(CONFIG_CACHE_KEY) or {}
    end_session = config.get("end_session_endpoint")
    if was_young and end_session:
        query = urlencode(
            {"client_id": settings.STRONGID_CLIENT_ID, "post_logout_redirect_uri": home}
        )
        return HttpResponseRedirect(f"{end_session}?{query}")
    return HttpResponseRedirect(home)
