"""Hostile values in every public and personal URL and form field: never a 5xx,
and every refusal (4xx) a translated page, in the language of the address.

The URLs come from the URLconf (each converter filled with a hostile value as
well as with a real one), the field names from the project's templates, its
forms and the request parameters its views read.
"""

import re
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import translation
from django.utils.html import escape

from accounts.models import User
from paths.models import PathPage
from reminders import forms

from .staff import make_staff, password_step

ROOT = Path(__file__).resolve().parent.parent
APPS = ("accounts", "home", "paths", "progress", "referrals", "reminders", "search")
APPS += ("directory", "portal", "templates")
HOSTILE = [
    "\x00",
    "a\x00b",
    "²",
    "9" * 5000,
    "not-a-uuid",
    "'\"<>",
    "x" * 100_000,
]
INVALID_UTF8 = "%FF%FE%C3%28"
# Staff-only areas answer anonymous people with a redirect to sign in; the
# staff sign-in forms under /accounts/ have a test of their own below.
# Wagtail's page tree has its own catch-all below.
SKIP = ("admin/", "django-admin/", "documents/", "accounts/", "i18n/")
# /healthz/ answers 503 on purpose when the queue is not running (no beat here).
SKIP += ("healthz/",)


def _field_names():
    names = set()
    for app in APPS:
        for path in (ROOT / app).rglob("*"):
            if path.suffix == ".html":
                names |= set(re.findall(r'name="([a-z_0-9]+)"', path.read_text()))
            elif path.suffix == ".py" and "migrations" not in path.parts:
                text = path.read_text()
                names |= set(
                    re.findall(
                        r'request\.(?:GET|POST)\.get(?:list)?\("([a-z_0-9]+)"', text
                    )
                )

    for form in vars(forms).values():
        names |= set(getattr(form, "base_fields", {}))
    names.discard("csrfmiddlewaretoken")
    return sorted(names)


def _routes(patterns, prefix=""):
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            yield route


def _urls(real):
    """(URLs with real values, URLs with hostile values) of every project route."""
    good, bad = set(), set()
    for route in _routes(get_resolver().url_patterns):
        route = route.replace("^", "").replace("$", "")
        bare = re.sub(r"^(fi|sv|en)/", "", route)
        if bare.startswith(SKIP) or "(?" in route or "\\" in route:
            continue
        converters = re.findall(r"<(?:(\w+):)?\w+>", route)
        good.add("/" + _fill(route, [real.get(c or "str", "x") for c in converters]))
        if converters:
            for value in ["\x00", "²", "9" * 5000, "not-a-uuid", "'\"<>"]:
                bad.add("/" + _fill(route, [quote(value, safe="")] * len(converters)))
            bad.add("/" + _fill(route, [INVALID_UTF8] * len(converters)))
    # Wagtail's page tree: real pages, and hostile page paths.
    good |= {"/fi/", "/fi/polut/"}
    bad |= {"/fi/%00/", "/fi/%C2%B2/", f"/fi/{'x' * 300}/", "/fi/%FF%FE/"}
    return sorted(good), sorted(bad)


# What a refusal in each language says at least: its <html lang>.
LANG = re.compile(r"^/(fi|sv|en)/")


def _untranslated(url, response):
    """Why a 4xx answer is not a translated page (None when it is)."""
    if not 400 <= response.status_code < 500:
        return None
    language = LANG.match(url)
    language = language.group(1) if language else "fi"
    body = response.content.decode("utf-8", "replace")
    if response.get("Content-Type", "").startswith("application/json"):
        return None if re.search(r"[a-zåäö]{3}", body) else "a JSON answer, no message"
    if f'<html lang="{language}"' not in body:
        return f"no <html lang={language}> page: {body[:80]!r}"
    if "<h1" not in body:
        return "no heading saying what happened"
    return None


def _fill(route, values):
    for value in values:
        route = re.sub(r"<(?:\w+:)?\w+>", lambda _m, v=value: v, route, count=1)
    return route


@pytest.mark.usefixtures("identity_provider")
def test_hostile_values_never_give_a_server_error(client, demo_site):
    """NUL bytes, superscript digits, 5,000-digit numbers, non-UUIDs, quotes,
    invalid UTF-8 and 100 KB strings in any URL or field: a normal answer or a
    4xx that is a translated page in the address's language (never Django's
    English or empty one), signed out and signed in, never a 5xx."""

    path = PathPage.objects.live().first()
    real = {"uuid": str(path.translation_key), "str": "x", "slug": "abc", "int": "1"}
    good, bad = _urls(real)
    fields = _field_names()
    person = User.objects.create(username="y-hostile", is_young_person=True)
    failures = []

    def send(method, url, data):
        try:
            response = getattr(client, method)(url, data)
        except Exception as exc:  # noqa: BLE001 - a 500 in the test client
            failures.append((method, url[:60], repr(data)[:40], repr(exc)[:160]))
            return
        if response.status_code >= 500:
            failures.append((method, url[:60], repr(data)[:40], response.status_code))
        elif why := _untranslated(url, response):
            failures.append((method, url[:60], response.status_code, why))

    query_names = ("query", "page", "next", "revision", "score", "step_key")
    for signed_in in (False, True):
        for url in good:
            for value in HOSTILE:
                # Chunks keep a request under DATA_UPLOAD_MAX_MEMORY_SIZE, so
                # the 100 KB strings reach the view instead of a 400 first.
                size = 20 if len(value) > 10_000 else len(fields)
                for start in range(0, len(fields), size):
                    if signed_in:
                        client.force_login(person)
                    chunk = fields[start : start + size]
                    send("post", url, dict.fromkeys(chunk, value))
                send("get", url, dict.fromkeys(query_names, value[:5000]))
            send("get", url + "?query=" + INVALID_UTF8 + "&page=" + INVALID_UTF8, {})
        for url in bad:
            if signed_in:
                client.force_login(person)
            send("get", url, {})
            send("post", url, {})
    assert not failures, "\n".join(map(str, failures))


STAFF_FORMS = [
    ("/accounts/login/", ("login", "password")),
    ("/accounts/password/reset/", ("email",)),
]
FORM = "application/x-www-form-urlencoded"


def _bodies(names):
    """Form bodies with every hostile value in `names`, and invalid UTF-8."""
    for value in HOSTILE:
        yield repr(value)[:20], urlencode(dict.fromkeys(names, value))
    yield "invalid UTF-8", "&".join(f"{name}={INVALID_UTF8}" for name in names)


def _staff_answer(response, language):
    """(status, the form's errors shown on the page, the page's language)."""

    body = response.content.decode("utf-8", "replace")
    page_language = re.search(r'<html lang="(\w+)"', body)
    form = (response.context or {}).get("form")
    with translation.override(language):
        errors = [
            str(e) for errs in (form.errors.values() if form else []) for e in errs
        ]
    shown = [error for error in errors if escape(error) in body]
    return response.status_code, shown, page_language and page_language.group(1)


def _staff_form_answers(language, address):
    """Each hostile body sent to each staff form by a browser in `language`."""

    client = Client(HTTP_ACCEPT_LANGUAGE=language, REMOTE_ADDR=address)
    answers = {}
    for url, names in STAFF_FORMS:
        for label, body in _bodies(names):
            answers[url, label] = client.post(url, body, content_type=FORM)
    code_step = Client(HTTP_ACCEPT_LANGUAGE=language, REMOTE_ADDR=address)
    password_step(code_step, "hostile-staff")
    for label, body in _bodies(["code"]):
        answers["/accounts/2fa/authenticate/", label] = code_step.post(
            "/accounts/2fa/authenticate/", body, content_type=FORM
        )
    return answers


@pytest.mark.django_db
def test_hostile_values_in_the_staff_forms_get_a_finnish_field_error():
    """The staff sign-in, password reset and MFA code forms answer every hostile
    value with the form again and a Finnish field error (not the English
    one an English browser gets), never a 5xx."""

    make_staff("hostile-staff")
    finnish = _staff_form_answers("fi", "10.9.0.1")
    english = _staff_form_answers("en", "10.9.0.2")
    failures = []
    for (url, label), response in finnish.items():
        status, errors, language = _staff_answer(response, "fi")
        _, english_errors, _ = _staff_answer(english[url, label], "en")
        if status >= 400 and not _untranslated(url, response):
            continue  # a translated refusal (e.g. the 429 page) is fine too
        if (status, language) != (200, "fi") or not errors:
            failures.append((url, label, status, language, errors))
        elif set(errors) & set(english_errors) or not english_errors:
            failures.append((url, label, "untranslated", errors, english_errors))
    assert not failures, "\n".join(map(str, failures))
