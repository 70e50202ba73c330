"""The dispatcher: turning due preferences into deliveries, once per due slot.

The shape (see docs/reminders.md): due reminders live in PostgreSQL. Once a
minute the dispatcher claims due preferences with ``SELECT ... FOR UPDATE
SKIP LOCKED`` (so two dispatchers never take the same row), records a
``Delivery`` under a unique (preference, due slot) key and enqueues its send
task only after the transaction commits (reminders.queue). The send task
claims the delivery with a conditional UPDATE (reminders.sending), so a
redelivered or duplicated message is a no-op. The sweeper (reminders.sweeper)
re-queues deliveries whose message was lost (Redis down at enqueue, worker
killed mid-send) and retries failures whose back-off is over.
"""

import time
import uuid

from django.db import transaction
from django.utils import timezone

from . import conf, schedule
from .lifecycle import channel_ready, stop
from .models import Delivery, QueueEvent, ReminderPreference
from .queue import enqueue_deliveries

# What a reminder moved to a later time saves.
RESCHEDULED = ["activity_seen_at", "unanswered", "next_due_at", "updated_at"]

Stop = ReminderPreference.Stop


def _dispatch_one(pref, now, max_unanswered):
    """Decide for one claimed, due preference.

    Returns an unsaved Delivery (the preference advanced in memory) or None
    when nothing is to be sent (then the preference is already saved).
    """
    enrolment = pref.enrolment
    if not pref.enabled:
        stop(pref, Stop.OFF)
        return None
    if enrolment.completed_at:
        stop(pref, Stop.COMPLETED)
        return None
    if enrolment.last_activity_at != pref.activity_seen_at:
        # The person continued since the schedule was made: start again.
        pref.activity_seen_at = enrolment.last_activity_at
        pref.unanswered = 0
        due = schedule.next_due(pref, now, enrolment.last_activity_at)
        if due is not None and due > now:
            pref.next_due_at = due
            pref.save(update_fields=RESCHEDULED)
            return None
    if pref.unanswered >= max_unanswered:
        stop(pref, Stop.UNANSWERED, fields=["activity_seen_at", "unanswered"])
        return None
    if not channel_ready(pref):
        stop(pref, Stop.NO_CHANNEL, fields=["activity_seen_at", "unanswered"])
        return None
    if not schedule.is_allowed(pref, now):
        # Late (the dispatcher was down) or the wall clock moved: never send
        # in quiet hours or outside the window; move to the next allowed time.
        quiet = schedule.is_quiet(pref, now)
        pref.next_due_at = schedule.next_allowed(pref, now)
        pref.save(update_fields=RESCHEDULED)
        QueueEvent.bump(
            QueueEvent.Kind.DEFERRED_QUIET if quiet else QueueEvent.Kind.DEFERRED_WINDOW
        )
        return None
    delivery = Delivery(
        preference=pref,
        due_at=pref.next_due_at,
        channel=pref.channel,
        enqueued_at=now,
        token=uuid.uuid4(),
    )
    pref.unanswered += 1
    pref.last_reminded_at = now
    pref.next_due_at = schedule.next_due(pref, now, enrolment.last_activity_at)
    return delivery  # saved in bulk by dispatch(), with the preference


ADVANCED_FIELDS = [
    "activity_seen_at",
    "unanswered",
    "last_reminded_at",
    "next_due_at",
    "updated_at",
]


def dispatch(now=None, batch=None, budget=None):
    """Claim due preferences batch by batch; returns how many were recorded.

    ``now`` is the clock the decisions use (the real clock unless a test or
    a benchmark fixes it).
    """
    batch = batch or conf.get("REMINDERS_DISPATCH_BATCH")
    budget = budget or conf.get("REMINDERS_DISPATCH_BUDGET")
    max_unanswered = conf.get("REMINDERS_MAX_UNANSWERED")
    fixed_now = now
    started = time.monotonic()
    recorded = 0
    while time.monotonic() - started < budget:
        now = fixed_now or timezone.now()
        with transaction.atomic():
            due = list(
                ReminderPreference.objects.select_for_update(
                    skip_locked=True, of=("self",)
                )
                .select_related("enrolment")
                .filter(enabled=True, next_due_at__lte=now)
                .order_by("next_due_at")[:batch]
            )
            new, advanced = [], []
            for pref in due:
                delivery = _dispatch_one(pref, now, max_unanswered)
                if delivery is not None:
                    new.append(delivery)
                    pref.updated_at = now
                    advanced.append(pref)
            ids = []
            if new:
                # The unique (preference, due slot) key makes a delivery that
                # somehow exists already a no-op instead of a second message.
                Delivery.objects.bulk_create(new, ignore_conflicts=True)
                ids = list(
                    Delivery.objects.filter(
                        token__in=[d.token for d in new]
                    ).values_list("pk", flat=True)
                )
                ReminderPreference.objects.bulk_update(advanced, ADVANCED_FIELDS)
            recorded += len(ids)
            if ids:
                transaction.on_commit(lambda ids=ids: enqueue_deliveries(ids))
        if len(due) < batch:
            break
    return recorded
