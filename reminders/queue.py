"""Putting send tasks on the Celery queue without waiting for a Redis that is down.

A failure to enqueue loses nothing: the rows stay in PostgreSQL and the
sweeper (reminders.sweeper) puts them on the queue again.
"""

import logging

from celery import current_app

from . import conf
from .models import QueueEvent

log = logging.getLogger(__name__)


def broker_connection():
    """A broker connection that gives up at once when Redis is down.

    Celery's default is to retry the connection for seconds; here a failure
    only means "the sweeper sends it later", so a page or a dispatcher must
    not wait for it.
    """
    conn = current_app.connection_for_write()
    conn.ensure_connection(max_retries=1, interval_start=0, interval_step=0)
    return conn


def enqueue_deliveries(delivery_ids):
    """Put send tasks on the queue; on failure the rows wait for the sweeper.

    One task carries up to REMINDERS_SEND_CHUNK deliveries and sends them in
    parallel: a reminder spends most of its time waiting for the push service
    or the SMTP relay, and one message per reminder would cost more in queue
    round trips than the sending itself.
    """
    # tasks.py imports the callers of this module
    from .tasks import send_deliveries

    size = conf.get("REMINDERS_SEND_CHUNK")
    chunks = [delivery_ids[i : i + size] for i in range(0, len(delivery_ids), size)]
    sent = 0
    try:
        with broker_connection() as conn:
            for chunk in chunks:
                send_deliveries.apply_async((chunk,), connection=conn, retry=False)
                sent += len(chunk)
    except Exception:  # noqa: BLE001 - Redis down must not lose the rows
        log.warning(
            "queue unreachable: %d deliveries wait for the sweeper",
            len(delivery_ids) - sent,
        )
        QueueEvent.bump(QueueEvent.Kind.ENQUEUE_FAILED, len(delivery_ids) - sent)
    return sent


def enqueue_verification(pref_id):
    # tasks.py imports the callers of this module
    from .tasks import send_verification

    try:
        with broker_connection() as conn:
            send_verification.apply_async((pref_id,), connection=conn, retry=False)
    except Exception:  # noqa: BLE001 - the sweeper sends it later
        log.warning("queue unreachable: verification e-mail waits for the sweeper")
        QueueEvent.bump(QueueEvent.Kind.ENQUEUE_FAILED)
        return False
    return True
