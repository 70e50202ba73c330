"""Security headers and cookies under the production settings, page by page."""

import json
import os
import subprocess

import pytest
from django.conf import settings

from accounts.models import User
from portal import processes
from portal.settings.base import BASE_DIR as ROOT

from .production import PRODUCTION_ENV

# Runs inside `manage.py shell` under portal.settings.production.
SCRIPT = r"""
import json
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.test import Client
from django.urls import reverse
from django.utils import translation
from accounts.models import User
from tests.staff import PASSWORD, current_totp_code
from django.conf import settings
from django.test.utils import override_settings

# No collectstatic here: plain static storage instead of the manifest.
storages = {**settings.STORAGES, "staticfiles": {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
override_settings(STORAGES=storages, WHITENOISE_USE_FINDERS=True).enable()

def client():
    return Client(secure=True, HTTP_HOST="polku.example.fi",
                  HTTP_X_FORWARDED_PROTO="https")

def seen(response):
    return {
        "status": response.status_code,
        "headers": dict(response.headers),
        "cookies": {
            name: {"secure": bool(m["secure"]), "path": m["path"],
                   "domain": m["domain"]}
            for name, m in response.cookies.items()
        },
    }

out = {}
anonymous = client()
out["public"] = seen(anonymous.get("/fi/"))
out["not_found"] = seen(anonymous.get("/fi/ei-ole-olemassa/"))
out["login"] = seen(anonymous.get("/accounts/login/"))
out["language"] = seen(anonymous.post("/i18n/setlang/", {"language": "sv"}))

young = client()
young.force_login(User.objects.get(username="y-headers"))
with translation.override("fi"):
    out["personal"] = seen(young.get(reverse("progress:my_paths")))

# The staff account is made here, under the production settings: their
# password hasher and MFA_ENCRYPTION_KEYS, not the test settings' MD5 and key
# (a password or TOTP secret from those would never verify in production).
chief = User.objects.create_superuser("chief", password=PASSWORD)
chief_secret = generate_totp_secret()
TOTP.activate(chief, chief_secret)

staff = client()
out["password_step"] = seen(
    staff.post("/accounts/login/", {"login": "chief", "password": PASSWORD})
)
out["mfa"] = seen(staff.get("/accounts/2fa/authenticate/"))
staff.post("/accounts/2fa/authenticate/",
           {"code": current_totp_code(chief_secret)})
out["admin"] = seen(staff.get("/admin/"))
print("HEADERS=" + json.dumps(out))
"""


@pytest.fixture
def production_pages(demo_site):
    """Every kind of page fetched by a Django test client under production settings."""
    User.objects.create_user("y-headers", is_young_person=True)
    db = settings.DATABASES["default"]
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DJANGO_ALLOW_ASYNC_UNSAFE", "STRONGID_ALLOW_TEST_CODES"}
    }
    env.update(PRODUCTION_ENV)
    env.update(
        DATABASE_URL=f"postgres://{db['USER']}:{db.get('PASSWORD') or ''}@"
        f"{db['HOST']}:{db['PORT']}/{db['NAME']}",
        REDIS_URL=settings.REDIS_URL,
        CACHE_URL=settings.CACHES["default"]["LOCATION"],
        DJANGO_ALLOW_ASYNC_UNSAFE="true",
    )
    result = subprocess.run(
        processes.manage_command("shell", "-c", SCRIPT),
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    line = next(
        (ln for ln in result.stdout.splitlines() if ln.startswith("HEADERS=")), None
    )
    assert line, result.stdout + result.stderr
    return json.loads(line.removeprefix("HEADERS="))


def test_every_kind_of_page_sends_the_security_headers(production_pages):
    """Public, personal, 404, admin and MFA pages all carry CSP, Permissions-Policy,
    HSTS and nosniff in production; the admin's CSP still allows no third party."""
    pages = production_pages
    statuses = {name: page["status"] for name, page in pages.items()}
    assert pages["public"]["status"] == 200, statuses
    assert pages["not_found"]["status"] == 404
    assert pages["personal"]["status"] < 400, statuses
    assert pages["mfa"]["status"] == 200, statuses
    assert pages["admin"]["status"] == 200, statuses
    for name in ("public", "not_found", "personal", "mfa", "admin", "login"):
        headers = pages[name]["headers"]
        csp = headers["Content-Security-Policy"]
        assert "default-src 'self'" in csp, name
        if name != "admin":
            assert "script-src 'self';" in csp + ";", name
        assert "object-src 'none'" in csp, name
        assert "camera=()" in headers["Permissions-Policy"], name
        assert "max-age=31536000" in headers["Strict-Transport-Security"], name
        assert headers["X-Content-Type-Options"] == "nosniff", name
        assert headers["Referrer-Policy"] == "same-origin", name
    assert (
        "frame-ancestors 'none'"
        in pages["public"]["headers"]["Content-Security-Policy"]
    )
    assert (
        "frame-ancestors 'self'" in pages["admin"]["headers"]["Content-Security-Policy"]
    )
    assert "no-store" in pages["personal"]["headers"]["Cache-Control"]


def test_production_cookies_are_host_locked_and_secure(production_pages):
    """Session and CSRF cookies are __Host- cookies; the language cookie is Secure."""
    cookies = {}
    for page in production_pages.values():
        cookies.update(page["cookies"])
    for name in ("__Host-sessionid", "__Host-csrftoken"):
        assert cookies[name] == {"secure": True, "path": "/", "domain": ""}, name
    assert "sessionid" not in cookies and "csrftoken" not in cookies
    assert cookies["django_language"]["secure"] is True
