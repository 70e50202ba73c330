"""Settings for the reminder benchmarks: development settings on the bench's
own PostgreSQL database and Redis (DATABASE_URL, REDIS_URL from the harness),
with shorter recovery timers so that a run after kill -9 or a Redis outage
finishes in minutes rather than hours. Everything else is as in production."""

import os

from portal.settings.dev import *  # noqa: F403

# A delivery "sending" on a killed worker is re-queued after this (production:
# 120 s), a "queued" one whose message Redis lost after this (300 s).
REMINDERS_SEND_LEASE = 20
REMINDERS_REQUEUE_AFTER = 30
REMINDERS_PUSH_ALLOW_LOOPBACK = True
# Beat asks for a dispatch + sweep every 15 s instead of 60 s.
CELERY_BEAT_SCHEDULE = {
    "reminders-dispatch": {
        "task": "reminders.dispatch",
        "schedule": 15.0,
        "options": {"expires": 14},
    },
}
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
# E-mail reminders go to the harness's SMTP relay on a port of the run.
EMAIL_BACKEND = REMINDERS_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "127.0.0.1"
EMAIL_PORT = int(os.environ.get("BENCH_SMTP_PORT", "25"))
# With Redis stopped on purpose, django-redis logs every ignored cache error
# with a traceback (thousands per outage); the bench prints what matters.
LOGGING["loggers"]["django_redis.cache"] = {"level": "CRITICAL"}  # noqa: F405
