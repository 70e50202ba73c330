"""The sweeper: re-queueing lost, stuck and retry-ready deliveries; tidying."""

import datetime as dt

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from . import conf
from .models import Delivery, QueueEvent, ReminderPreference
from .queue import enqueue_deliveries, enqueue_verification

Status = Delivery.Status


def sweep(now=None):
    """Re-queue lost, stuck and retry-ready deliveries; tidy old rows."""
    now = now or timezone.now()
    requeue_before = now - dt.timedelta(seconds=conf.get("REMINDERS_REQUEUE_AFTER"))
    with transaction.atomic():
        rows = list(
            Delivery.objects.select_for_update(skip_locked=True)
            .filter(
                Q(status=Status.QUEUED, enqueued_at__lt=requeue_before)
                | Q(status=Status.QUEUED, enqueued_at__isnull=True)
                | Q(status=Status.SENDING, claimed_until__lt=now)
                | Q(status=Status.RETRY, next_attempt_at__lte=now)
            )
            .values_list("pk", "status")[:5000]
        )
        ids = [pk for pk, _status in rows]
        if ids:
            Delivery.objects.filter(pk__in=ids).update(enqueued_at=now)
            stuck = sum(1 for _pk, status in rows if status != Status.RETRY)
            QueueEvent.bump(QueueEvent.Kind.REQUEUED, stuck)
            transaction.on_commit(lambda: enqueue_deliveries(ids))
    # Verification e-mails that never left (queue down when asked).
    pending = ReminderPreference.objects.filter(
        verification_requested_at__lt=requeue_before,
        verification_sent_at__isnull=True,
        email_verified_at__isnull=True,
        email_bounced_at__isnull=True,
    )
    for pref_id in pending.values_list("pk", flat=True)[:500]:
        enqueue_verification(pref_id)
    keep = now - dt.timedelta(days=conf.get("REMINDERS_RETENTION_DAYS"))
    Delivery.objects.filter(
        status__in=[Status.SENT, Status.FAILED, Status.CANCELLED],
        finished_at__lt=keep,
    ).delete()
    return len(ids)
