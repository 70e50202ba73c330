"""Celery tasks of reminders. Beat runs ``dispatch`` once a minute; nothing
here is ever scheduled with an ETA or countdown (see docs/reminders.md)."""

from celery import shared_task

from . import dispatcher, sending, sweeper, verification

# acks_late + reject_on_worker_lost: a message is only gone from Redis once
# its task has finished, so a killed worker's message comes back. The tasks
# are idempotent, so running one twice is harmless.
RELIABLE = {"acks_late": True, "reject_on_worker_lost": True, "ignore_result": True}


@shared_task(name="reminders.dispatch", **RELIABLE)
def dispatch():
    """Record and enqueue due reminders, then sweep lost and stuck ones."""
    recorded = dispatcher.dispatch()
    requeued = sweeper.sweep()
    return {"recorded": recorded, "requeued": requeued}


@shared_task(name="reminders.send_delivery", **RELIABLE)
def send_delivery(delivery_id):
    return sending.send_delivery(delivery_id)


@shared_task(name="reminders.send_deliveries", **RELIABLE)
def send_deliveries(delivery_ids):
    return sending.send_many(delivery_ids)


@shared_task(name="reminders.send_verification", **RELIABLE)
def send_verification(pref_id):
    return verification.send_verification(pref_id)
