"""Anonymous public pages from a full-page cache.

Only Wagtail pages, only for a visitor who is not signed in and has no
message waiting, only 200 HTML answers that no view marked private. A cached
page is keyed by its address (with the language prefix), by the generations
of everything it shows (pages, directory, settings, locales, sites, view
restrictions: `core.caching`), so that publishing or saving anything, or
putting a password on a page, purges it at once, and
by the minute in Helsinki, so that "open now" in the help box and the finder
flips at the right minute. Signed-in people and personal pages never reach it
(`progress.middleware.PrivateWhenSignedInMiddleware` marks theirs no-store).

Forms on public pages (identify, start a path) carry a CSRF token. The cached
copy keeps a placeholder instead, and each visitor gets a token of their own
on a hit, so a cached page never hands out another visitor's token.

Why hand-written: Django's cache middleware varies on the CSRF cookie (one
copy per visitor) and knows nothing of publishing; wagtail-cache purges on
publish but has no per-minute key and serves the first visitor's CSRF token.
"""

from __future__ import annotations

import hashlib
import re
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.messages import get_messages
from django.urls import Resolver404, resolve
from django.utils import timezone, translation
from django.utils.cache import cc_delim_re

from . import caching

HELSINKI = ZoneInfo("Europe/Helsinki")
DEPENDS = caching.NAMES  # a page shows all of it
PLACEHOLDER = "polku-csrf-placeholder"
TOKEN_RE = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*(")')
HEADER = "X-Polku-Page-Cache"
TIMEOUT = 120  # seconds; a key is good for one minute anyway
KEPT_HEADERS = ("Content-Type", "Content-Language")


def enabled():
    return getattr(settings, "POLKU_PAGE_CACHE", True)


def is_page(request):
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return False
    return match.url_name == "wagtail_serve"


def is_private(response):
    control = {
        part.split("=")[0].strip().lower()
        for part in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    return bool(control & {"private", "no-store", "no-cache"})


def key_for(request):
    generations = caching.generations(DEPENDS)
    if generations is None:
        return None
    minute = timezone.localtime(timezone.now(), HELSINKI).strftime("%Y%m%d%H%M")
    address = hashlib.sha256(
        f"{request.get_host()}|{request.get_full_path()}".encode()
    ).hexdigest()
    language = translation.get_language()
    digest = hashlib.sha256("|".join(generations).encode()).hexdigest()[:16]
    return f"polku:page:{digest}:{minute}:{language}:{address}"


def anonymous_without_messages(request):
    if request.user.is_authenticated:
        return False
    return not len(get_messages(request))
