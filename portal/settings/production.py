"""Production: every secret from the environment, hardened transport.

Refuses to start rather than run with a development default.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, DATABASES, STRONGID_ACCEPTED_ACR, env_bool
from .checks import issuer_problem

DEBUG = False


def _require(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"{name} must be set in production.")
    return value


SECRET_KEY = _require("SECRET_KEY")
_require("DATABASE_URL")
_require("REDIS_URL")
_require("ALLOWED_HOSTS")
STRONGID_CLIENT_SECRET = _require("STRONGID_CLIENT_SECRET")
STRONGID_ISSUER = _require("STRONGID_ISSUER")
STRONGID_UID_KEYS = [k.strip() for k in _require("STRONGID_UID_KEYS").split(",") if k]
MFA_ENCRYPTION_KEYS = [
    k.strip() for k in _require("MFA_ENCRYPTION_KEYS").split(",") if k
]
SALT_KEY = [s.strip() for s in _require("FIELD_ENCRYPTION_SALTS").split(",") if s]

# Every problem at once, so that an operator fixes them in one round.
_problems = []


def _is_placeholder(value):
    """`.env.example`'s and the development settings' stand-ins."""
    lowered = value.lower()
    return any(
        marker in lowered
        for marker in ("change-me", "changeme", "dev-only", "polku-dev", "polku-local")
    ) or lowered.startswith("django-insecure")


def _check_secret(name, values, min_length):
    for value in values:
        if _is_placeholder(value):
            _problems.append(f"{name} still holds a placeholder value: set a real one.")
        elif len(value) < min_length:
            _problems.append(
                f"{name}: every value must be at least {min_length} random characters."
            )


_check_secret("SECRET_KEY", [SECRET_KEY], 50)
_check_secret("FIELD_ENCRYPTION_SALTS", SALT_KEY, 16)
_check_secret("MFA_ENCRYPTION_KEYS", MFA_ENCRYPTION_KEYS, 32)
_check_secret(
    "STRONGID_UID_KEYS", [k.partition(":")[2] or k for k in STRONGID_UID_KEYS], 32
)
_check_secret("STRONGID_CLIENT_SECRET", [STRONGID_CLIENT_SECRET], 1)
for _name in ("REMINDERS_VAPID_PRIVATE_KEY", "EMAIL_HOST_PASSWORD", "DATABASE_URL"):
    if _is_placeholder(os.environ.get(_name, "")):
        _problems.append(f"{_name} still holds a placeholder value: set a real one.")

_issuer_problem = issuer_problem(STRONGID_ISSUER)
if _issuer_problem:
    _problems.append(f"STRONGID_ISSUER {_issuer_problem}.")
if "*" in ALLOWED_HOSTS:
    _problems.append("ALLOWED_HOSTS must name the site's hosts, not '*'.")
if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
    _problems.append(
        "DATABASE_URL must point at PostgreSQL (SQLite has no Finnish or Swedish "
        "search and locks under a burst of logins)."
    )
if env_bool("STRONGID_ALLOW_TEST_CODES"):
    _problems.append("Test identity codes are never allowed in production.")
STRONGID_ALLOW_TEST_CODES = False
# Suomi.fi's test assurance level must never be accepted in production.
SUOMIFI_TEST_ACR = "urn:oid:1.2.246.517.3002.110.999"
if SUOMIFI_TEST_ACR in STRONGID_ACCEPTED_ACR:
    _problems.append("A test assurance level is never accepted.")
if _problems:
    raise ImproperlyConfigured(
        "Production settings refuse to start:\n- " + "\n- ".join(_problems)
    )

# HTML compressed here: gunicorn does not compress and compose puts no proxy in
# front. Outside WhiteNoise (static files are precompressed); public pages
# only, see core.middleware.PublicGZipMiddleware for the BREACH precautions.
MIDDLEWARE = [*MIDDLEWARE]  # noqa: F405
MIDDLEWARE.insert(
    MIDDLEWARE.index("whitenoise.middleware.WhiteNoiseMiddleware") + 1,
    "core.middleware.PublicGZipMiddleware",
)

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# __Host- cookies are only accepted over https, for this host, on path "/":
# no subdomain or plain-http page can plant or overwrite them.
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"
LANGUAGE_COOKIE_SECURE = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
