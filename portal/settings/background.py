"""Celery, its beat schedule and the reminders' channels (docs/reminders.md).

Read by base.py. The broker URL is set beside the cache in base.py.
"""

import os

from celery.schedules import crontab

from .env import VAR_DIR

CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": 3600,
    "socket_connect_timeout": 1,
    "socket_timeout": 2,
}
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
# Seconds after which a missing beat or worker heartbeat makes /healthz/ 503.
HEALTH_BEAT_MAX_AGE = int(os.environ.get("HEALTH_BEAT_MAX_AGE", "90"))
HEALTH_BEAT_INTERVAL = float(os.environ.get("HEALTH_BEAT_INTERVAL", "15"))
# Reminders need one beat entry: the dispatcher claims due rows from PostgreSQL
# every minute (docs/reminders.md). Other periodic tasks go beside it.
CELERY_BEAT_SCHEDULE = {
    # Data retention of young people's accounts (docs/progress.md), daily.
    "progress-retention": {
        "task": "progress.apply_retention",
        "schedule": 24 * 60 * 60.0,
        "options": {"expires": 60 * 60},
    },
    # Expired sessions out of the database (docs/auth.md), daily.
    "accounts-purge-sessions": {
        "task": "accounts.purge_expired_sessions",
        "schedule": 24 * 60 * 60.0,
        "options": {"expires": 60 * 60},
    },
    "reminders-dispatch": {
        "task": "reminders.dispatch",
        "schedule": 60.0,
        "options": {"expires": 55},
    },
    # The evidence counts (docs/evidence.md), rebuilt every night at 03:30.
    "evidence-aggregate": {
        "task": "evidence.aggregate",
        "schedule": crontab(hour=3, minute=30),
        "options": {"expires": 6 * 60 * 60},
    },
    # Wagtail's scheduled publishing (go-live and expiry dates), not cron.
    "paths-publish-scheduled": {
        "task": "paths.publish_scheduled",
        "schedule": float(os.environ.get("PUBLISH_SCHEDULED_INTERVAL", "60")),
        "options": {"expires": 55},
    },
}
# Web push signs with this VAPID key (PEM or base64url); empty in development,
# where one is generated into var/. REMINDERS_EMAIL_BACKEND defaults to
# EMAIL_BACKEND; production uses SMTP so that a 5xx refusal disables an address.
REMINDERS_VAPID_PRIVATE_KEY = os.environ.get("REMINDERS_VAPID_PRIVATE_KEY", "")
REMINDERS_VAPID_SUBJECT = os.environ.get(
    "REMINDERS_VAPID_SUBJECT", "mailto:polku@localhost"
)
REMINDERS_EMAIL_BACKEND = os.environ.get("REMINDERS_EMAIL_BACKEND") or None
