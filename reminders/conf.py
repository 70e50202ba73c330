"""Reminder settings with their defaults; override any of them in settings."""

from datetime import time

from django.conf import settings

DEFAULTS = {
    # Wall clock of the quiet hours and the time window (a young person may
    # change them on their own preferences).
    "REMINDERS_TIME_ZONE": "Europe/Helsinki",
    "REMINDERS_QUIET_START": time(21, 0),
    "REMINDERS_QUIET_END": time(8, 0),
    "REMINDERS_WINDOW_START": time(16, 0),
    "REMINDERS_WINDOW_END": time(20, 0),
    "REMINDERS_INACTIVE_DAYS": 3,
    # Reminders stop after this many in a row without the person continuing.
    "REMINDERS_MAX_UNANSWERED": 3,
    # Dispatcher: rows claimed per transaction, seconds one run may take.
    "REMINDERS_DISPATCH_BATCH": 500,
    "REMINDERS_DISPATCH_BUDGET": 50.0,
    # Deliveries per send task, sent in parallel by one worker process.
    "REMINDERS_SEND_CHUNK": 10,
    # A delivery "sending" longer than this is taken to be on a dead worker.
    "REMINDERS_SEND_LEASE": 120,
    # A delivery "queued" this long without a worker claiming it is queued
    # again (its message may have been lost with Redis).
    "REMINDERS_REQUEUE_AFTER": 300,
    # Channel failures: attempts and the first back-off (doubled each time).
    "REMINDERS_MAX_ATTEMPTS": 6,
    "REMINDERS_RETRY_BASE": 60,
    "REMINDERS_RETENTION_DAYS": 30,
    "REMINDERS_HTTP_TIMEOUT": 10.0,
    # Web push (VAPID). Production gives the key from the environment;
    # development and tests generate one into VAR_DIR.
    "REMINDERS_VAPID_PRIVATE_KEY": "",
    "REMINDERS_VAPID_SUBJECT": "mailto:polku@localhost",
    "REMINDERS_PUSH_TTL": 24 * 60 * 60,
    # Push endpoints we accept from browsers: the vendors' push services.
    "REMINDERS_PUSH_SERVICE_HOSTS": [
        ".googleapis.com",
        ".push.services.mozilla.com",
        ".push.apple.com",
        ".notify.windows.com",
    ],
    # Development and tests run a push service on loopback.
    "REMINDERS_PUSH_ALLOW_LOOPBACK": False,
    # The backend reminder e-mail goes through; SMTP in production so that a
    # permanent refusal (5xx) at send time disables the address.
    "REMINDERS_EMAIL_BACKEND": None,
    "REMINDERS_EMAIL_VERIFY_MAX_AGE": 2 * 24 * 60 * 60,
    # Where links in e-mail point (defaults to WAGTAILADMIN_BASE_URL).
    "REMINDERS_BASE_URL": None,
}


def get(name):
    value = getattr(settings, name, DEFAULTS[name])
    if name == "REMINDERS_EMAIL_BACKEND" and not value:
        return settings.EMAIL_BACKEND
    if name == "REMINDERS_BASE_URL" and not value:
        return settings.WAGTAILADMIN_BASE_URL
    return value
