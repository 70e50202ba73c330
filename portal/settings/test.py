"""The test suite: real PostgreSQL and Redis, on databases of its own.

POLKU_TEST_SLOT (0-11) gives parallel runs on one machine their own database,
Redis databases and identity-provider port, so that they never share a queue.
Slots 0-3 use the Redis on 6379, 4-7 one on 6380, 8-11 one on 6381 (`bin/test` starts
it), four slots to a server of sixteen databases.
"""

import json
import os

import dj_database_url

from .base import *  # noqa: F403

SLOT = int(os.environ.get("POLKU_TEST_SLOT", "0"))

DEBUG = False
SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["*"]
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get(
            "TEST_DATABASE_URL",
            f"postgres://postgres@127.0.0.1:5432/polku{SLOT or ''}",
        )
    )
}

REDIS_URL = os.environ.get("TEST_REDIS_URL", f"redis://127.0.0.1:{6379 + SLOT // 4}")
CELERY_BROKER_URL = f"{REDIS_URL}/{8 + 2 * (SLOT % 4)}"
CACHES["default"]["LOCATION"] = f"{REDIS_URL}/{9 + 2 * (SLOT % 4)}"  # noqa: F405
CACHES["default"]["KEY_PREFIX"] = "polku-test"  # noqa: F405

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.StaticFilesStorage"
)
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STRONGID_ISSUER = f"http://127.0.0.1:{18001 + SLOT}"
CONTENT_SECURITY_POLICY["DIRECTIVES"]["form-action"] = ["'self'", STRONGID_ISSUER]  # noqa: F405
STRONGID_ALLOW_TEST_CODES = True
HEALTH_BEAT_INTERVAL = 1.0
HEALTH_BEAT_MAX_AGE = 10
# Reminders go to the tests' own push service and SMTP relay on loopback.
REMINDERS_PUSH_ALLOW_LOOPBACK = True
REMINDERS_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "127.0.0.1"
EMAIL_PORT = 12525 + SLOT
# The full-page cache is switched on by the tests that test it (test_page_cache).
POLKU_PAGE_CACHE = False
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
# Scheduled publishing runs every two seconds so that a test sees it happen.
CELERY_BEAT_SCHEDULE["paths-publish-scheduled"]["schedule"] = 2.0  # noqa: F405
# Crash tests start workers of their own with shorter leases and timeouts:
# a JSON object of settings in POLKU_TEST_OVERRIDES (tests/test_reminders_crash.py).
for _name, _value in json.loads(os.environ.get("POLKU_TEST_OVERRIDES", "{}")).items():
    globals()[_name] = _value
