"""Scheduled publishing, run by Celery beat instead of a cron job."""

from celery import shared_task
from django.core.management import call_command


@shared_task(
    name="paths.publish_scheduled",
    acks_late=True,
    ignore_result=True,
)
def publish_scheduled():
    """Publish what is due and unpublish what has expired (Wagtail's command).

    Wagtail's `publish_scheduled` is idempotent: a page published twice by a
    redelivered task is published once, so at-least-once delivery is harmless.
    """
    call_command("publish_scheduled", verbosity=0)
