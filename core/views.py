"""Views every area shares: the quick exit, the PWA files at the site root and
the translated 400 page."""

import json

from django.contrib.auth import logout
from django.contrib.staticfiles import finders
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.templatetags.static import static
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from .models import SiteSettings


def bad_request(request, exception=None):
    """handler400: Django's own renders 400.html without the request, so
    without the language or the site's layout."""
    return render(request, "400.html", status=400)


@csrf_exempt
@require_POST
def quick_exit(request):
    """The quick exit's beacon: end the session so Back reveals nothing.

    CSRF-exempt on purpose: a beacon cannot carry the token, and the only thing
    this can do is sign the visitor out.
    """
    logout(request)
    return HttpResponse(status=204)


def quick_exit_away(request):
    """Where the broker's logout returns after a quick exit: the neutral page.

    A GET on purpose (the broker redirects here). It signs out too, in case
    the quick exit's beacon did not arrive; signing out is all it can do.
    """
    logout(request)
    target = SiteSettings.load(request_or_site=request).quick_exit_url
    response = HttpResponseRedirect(target)
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response


@require_GET
def service_worker(request):
    """/sw.js from the site root, so that its scope is the whole portal."""
    path = finders.find("js/sw.js")
    with open(path, "rb") as handle:
        response = HttpResponse(handle.read(), content_type="text/javascript")
    response["Service-Worker-Allowed"] = "/"
    response["Cache-Control"] = "no-cache"
    return response


@require_GET
def manifest(request):
    """The web app manifest: Polku is installable (iOS delivers web push only
    to installed web apps)."""
    data = {
        "name": "Polku",
        "short_name": "Polku",
        "id": "/",
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "background_color": "#fbfaf7",
        "theme_color": "#0b5c55",
        "icons": [
            {
                "src": static(f"img/icon-{size}.png"),
                "sizes": f"{size}x{size}",
                "type": "image/png",
                "purpose": "any maskable" if size == 512 else "any",
            }
            for size in (192, 512)
        ],
    }
    response = HttpResponse(json.dumps(data), content_type="application/manifest+json")
    response["Cache-Control"] = "public, max-age=3600"
    return response
