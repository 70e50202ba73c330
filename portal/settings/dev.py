"""Local development and the `make run` demo: embedded defaults, test IdP."""

import os

from .base import *  # noqa: F403
from .base import VAR_DIR

DEBUG = os.environ.get("DEBUG", "1") != "0"
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-change-me"
STRONGID_ALLOW_TEST_CODES = True
STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.StaticFilesStorage"
)
DEMO_ADMIN_PASSWORD = os.environ.get("DEMO_ADMIN_PASSWORD", "polku-demo-admin")
EMAIL_FILE_PATH = str(VAR_DIR / "outbox")
# Web push to a push service on loopback (a local browser or a test server).
REMINDERS_PUSH_ALLOW_LOOPBACK = True
# Staff MFA stays mandatory in development; this code stands in for the demo
# admin's authenticator app. allauth refuses it whenever DEBUG is off.
MFA_TOTP_INSECURE_BYPASS_CODE = "000000" if DEBUG else None
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True

try:
    from .local import *  # noqa: F403
except ImportError:
    pass
