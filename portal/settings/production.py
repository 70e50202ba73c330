"""Production: every secret from the environment, hardened transport.

Refuses to start rather than run with a development default.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import STRONGID_ACCEPTED_ACR, env_bool

DEBUG = False


def _require(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"{name} must be set in production.")
    return value


SECRET_KEY = _require("SECRET_KEY")
if len(SECRET_KEY) < 50 or SECRET_KEY.startswith("django-insecure"):
    raise ImproperlyConfigured("SECRET_KEY must be a long random value.")
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

_loopback = ("http://127.", "http://localhost", "https://127.", "https://localhost")
if STRONGID_ISSUER.startswith(_loopback):
    raise ImproperlyConfigured("STRONGID_ISSUER must not be a loopback address.")
if env_bool("STRONGID_ALLOW_TEST_CODES"):
    raise ImproperlyConfigured("Test identity codes are never allowed in production.")
STRONGID_ALLOW_TEST_CODES = False
# Suomi.fi's test assurance level must never be accepted in production.
SUOMIFI_TEST_ACR = "urn:oid:1.2.246.517.3002.110.999"
if SUOMIFI_TEST_ACR in STRONGID_ACCEPTED_ACR:
    raise ImproperlyConfigured("A test assurance level is never accepted.")

# HTML compressed here: gunicorn does not compress and compose puts no proxy in
# front. Outside WhiteNoise (static files are precompressed); public pages
# only, see home.pagecache.PublicGZipMiddleware for the BREACH precautions.
MIDDLEWARE = [*MIDDLEWARE]  # noqa: F405
MIDDLEWARE.insert(
    MIDDLEWARE.index("whitenoise.middleware.WhiteNoiseMiddleware") + 1,
    "home.pagecache.PublicGZipMiddleware",
)

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
