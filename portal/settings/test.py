"""The test suite: real PostgreSQL and Redis, on databases of its own."""

import os

from .base import *  # noqa: F403

os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/polku")

import dj_database_url

DEBUG = False
SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["*"]
DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"])}

# Redis databases 10 (broker) and 11 (cache), apart from a developer's data.
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379")
CELERY_BROKER_URL = f"{REDIS_URL}/10"
CACHES["default"]["LOCATION"] = f"{REDIS_URL}/11"  # noqa: F405
CACHES["default"]["KEY_PREFIX"] = "polku-test"  # noqa: F405

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.StaticFilesStorage"
)
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STRONGID_ISSUER = os.environ.get("STRONGID_ISSUER", "http://127.0.0.1:18001")
STRONGID_ALLOW_TEST_CODES = True
HEALTH_BEAT_INTERVAL = 1.0
HEALTH_BEAT_MAX_AGE = 10
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
