"""A reminder preference's life: rescheduled when saved, stopped for good reasons."""

from django.utils import timezone

from . import schedule
from .models import Channel, QueueEvent, ReminderPreference

Stop = ReminderPreference.Stop


def stop(pref, reason, fields=()):
    pref.next_due_at = None
    pref.stopped = reason
    pref.save(update_fields=["next_due_at", "stopped", "updated_at", *fields])
    QueueEvent.bump(QueueEvent.Kind.STOPPED)


def channel_ready(pref):
    if pref.channel == Channel.PUSH:
        return pref.push_subscription_id is not None
    return pref.email_usable


def reschedule(pref, now=None):
    """Work out ``next_due_at`` after the person saved their preferences."""
    now = now or timezone.now()
    enrolment = pref.enrolment
    pref.stopped = Stop.NONE
    pref.next_due_at = None
    if not pref.enabled:
        pref.stopped = Stop.OFF
    elif enrolment.completed_at:
        pref.stopped = Stop.COMPLETED
    else:
        if pref.activity_seen_at != enrolment.last_activity_at:
            pref.activity_seen_at = enrolment.last_activity_at
            pref.unanswered = 0
        pref.next_due_at = schedule.next_due(
            pref, now, max(enrolment.last_activity_at, now)
        )
    return pref
