"""Dispatching, sending and sweeping reminders.

The shape (see docs/reminders.md): due reminders live in PostgreSQL. Once a
minute the dispatcher claims due preferences with ``SELECT ... FOR UPDATE
SKIP LOCKED`` (so two dispatchers never take the same row), records a
``Delivery`` under a unique (preference, due slot) key and enqueues its send
task only after the transaction commits. The send task claims the delivery
with a conditional UPDATE, so a redelivered or duplicated message is a no-op.
The sweeper re-queues deliveries whose message was lost (Redis down at
enqueue, worker killed mid-send) and retries failures whose back-off is over.
"""

import datetime as dt
import logging
import time
import uuid

from django.core import signing
from django.db import transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone, translation

from . import channels, conf, schedule, texts
from .models import Channel, Delivery, QueueEvent, ReminderPreference

log = logging.getLogger(__name__)

UNSUBSCRIBE_SALT = "polku.reminders.unsubscribe"
VERIFY_SALT = "polku.reminders.verify-email"
Stop = ReminderPreference.Stop
Status = Delivery.Status


# --- Signed links -----------------------------------------------------------


def unsubscribe_token(pref):
    """A link token that stops exactly this enrolment's reminders."""
    return signing.dumps(str(pref.enrolment.public_id), salt=UNSUBSCRIBE_SALT)


def preference_for_unsubscribe(token):
    """The preference a token names, or None for a forged or broken token."""
    try:
        public_id = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return (
        ReminderPreference.objects.filter(enrolment__public_id=public_id)
        .select_related("enrolment")
        .first()
    )


def _email_fingerprint(address):
    return signing.Signer(salt=VERIFY_SALT).signature(address.lower())[:16]


def verify_token(pref):
    return signing.dumps(
        {"p": str(pref.enrolment.public_id), "e": _email_fingerprint(pref.email)},
        salt=VERIFY_SALT,
    )


def preference_for_verify(token):
    """The preference whose current address the token confirms, or None."""
    try:
        data = signing.loads(
            token, salt=VERIFY_SALT, max_age=conf.get("REMINDERS_EMAIL_VERIFY_MAX_AGE")
        )
    except signing.BadSignature:
        return None
    pref = ReminderPreference.objects.filter(enrolment__public_id=data.get("p")).first()
    if pref and pref.email and _email_fingerprint(pref.email) == data.get("e"):
        return pref
    return None


def _url(name, language, *args, absolute=False):
    with translation.override(language):
        path = reverse(name, args=args)
    if absolute:
        return conf.get("REMINDERS_BASE_URL").rstrip("/") + path
    return path


# --- Scheduling -------------------------------------------------------------


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


def _broker_connection():
    """A broker connection that gives up at once when Redis is down.

    Celery's default is to retry the connection for seconds; here a failure
    only means "the sweeper sends it later", so a page or a dispatcher must
    not wait for it.
    """
    from celery import current_app

    conn = current_app.connection_for_write()
    conn.ensure_connection(max_retries=1, interval_start=0, interval_step=0)
    return conn


def _enqueue(delivery_ids):
    """Put send tasks on the queue; on failure the rows wait for the sweeper.

    One task carries up to REMINDERS_SEND_CHUNK deliveries and sends them in
    parallel: a reminder spends most of its time waiting for the push service
    or the SMTP relay, and one message per reminder would cost more in queue
    round trips than the sending itself.
    """
    from .tasks import send_deliveries

    size = conf.get("REMINDERS_SEND_CHUNK")
    chunks = [delivery_ids[i : i + size] for i in range(0, len(delivery_ids), size)]
    sent = 0
    try:
        with _broker_connection() as conn:
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


_pool = None


def _in_thread(delivery_id):
    from django.db import close_old_connections

    close_old_connections()
    return send_delivery(delivery_id)


def send_many(delivery_ids):
    """Send several deliveries at once from one worker process.

    A small thread pool per process (threads keep their own database
    connection and HTTP session); each delivery is still claimed on its own,
    so a chunk that runs twice sends nothing twice.
    """
    from concurrent.futures import ThreadPoolExecutor

    global _pool
    if len(delivery_ids) == 1:
        return [send_delivery(delivery_ids[0])]
    if _pool is None:
        _pool = ThreadPoolExecutor(
            max_workers=conf.get("REMINDERS_SEND_CHUNK"),
            thread_name_prefix="reminders-send",
        )
    return list(_pool.map(_in_thread, delivery_ids))


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
            pref.save(
                update_fields=[
                    "activity_seen_at",
                    "unanswered",
                    "next_due_at",
                    "updated_at",
                ]
            )
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
        pref.save(
            update_fields=[
                "activity_seen_at",
                "unanswered",
                "next_due_at",
                "updated_at",
            ]
        )
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
                transaction.on_commit(lambda ids=ids: _enqueue(ids))
        if len(due) < batch:
            break
    return recorded


# --- Sending ----------------------------------------------------------------


def _claim(delivery_id, now):
    lease = now + dt.timedelta(seconds=conf.get("REMINDERS_SEND_LEASE"))
    return (
        Delivery.objects.filter(pk=delivery_id)
        .filter(
            Q(status=Status.QUEUED)
            | Q(status=Status.RETRY, next_attempt_at__lte=now)
            | Q(status=Status.SENDING, claimed_until__lt=now)
        )
        .update(status=Status.SENDING, claimed_until=lease, attempts=F("attempts") + 1)
    )


def _finish(delivery, status, error=""):
    Delivery.objects.filter(pk=delivery.pk).update(
        status=status,
        finished_at=timezone.now(),
        claimed_until=None,
        error=error,
    )


def message_for(delivery):
    """The discreet content of one reminder, in the enrolment's language."""
    pref = delivery.preference
    enrolment = pref.enrolment
    language = enrolment.language
    title, body = texts.text_for(enrolment, pref.unanswered)
    public_id = enrolment.public_id
    token = unsubscribe_token(pref)
    return {
        "title": title,
        "body": body,
        "tag": delivery.token.hex,
        "lang": language,
        "url": _url("reminders:open", language, public_id),
        "stop_url": _url("reminders:unsubscribe", language, token),
        "stop_label": texts.pick(texts.STOP_LABEL, language),
        "open_label": texts.pick(texts.OPEN_LABEL, language),
    }


def _send(delivery, message):
    pref = delivery.preference
    if delivery.channel == Channel.PUSH:
        channels.send_push(pref.push_subscription, message)
        return
    language = message["lang"]
    base = conf.get("REMINDERS_BASE_URL").rstrip("/")
    body = "\n\n".join(
        [
            message["body"],
            f"{message['open_label']}: {base}{message['url']}",
            "-- ",
            texts.pick(texts.EMAIL_FOOTER, language),
            f"{message['stop_label']}: {base}{message['stop_url']}",
        ]
    )
    channels.send_email(
        pref.email,
        message["body"],
        body,
        delivery.token.hex,
        f"{base}{message['stop_url']}",
    )


def send_delivery(delivery_id):
    """Send one delivery at most once; safe to call any number of times."""
    now = timezone.now()
    if not _claim(delivery_id, now):
        return "skipped"
    delivery = (
        Delivery.objects.select_related(
            "preference__enrolment", "preference__push_subscription"
        )
        .filter(pk=delivery_id)
        .first()
    )
    if delivery is None:  # the account was deleted meanwhile
        return "gone"
    pref = delivery.preference
    if (
        not pref.enabled
        or pref.enrolment.completed_at
        or delivery.channel != pref.channel
        or not channel_ready(pref)
    ):
        _finish(delivery, Status.CANCELLED)
        return "cancelled"
    try:
        _send(delivery, message_for(delivery))
    except channels.Gone as exc:
        subscription = pref.push_subscription
        affected = list(subscription.preferences.all())
        subscription.delete()
        for other in affected:
            other.push_subscription = None
            stop(other, Stop.EXPIRED)
        QueueEvent.bump(QueueEvent.Kind.SUBSCRIPTION_EXPIRED)
        _finish(delivery, Status.FAILED, exc.code)
        return "expired"
    except channels.Bounced as exc:
        pref.email_bounced_at = timezone.now()
        stop(pref, Stop.BOUNCED, fields=["email_bounced_at"])
        QueueEvent.bump(QueueEvent.Kind.BOUNCED)
        _finish(delivery, Status.FAILED, exc.code)
        return "bounced"
    except channels.Permanent as exc:
        _finish(delivery, Status.FAILED, exc.code)
        return "failed"
    except channels.Transient as exc:
        attempts = Delivery.objects.values_list("attempts", flat=True).get(
            pk=delivery.pk
        )
        if attempts >= conf.get("REMINDERS_MAX_ATTEMPTS"):
            _finish(delivery, Status.FAILED, exc.code)
            return "failed"
        backoff = conf.get("REMINDERS_RETRY_BASE") * 2 ** (attempts - 1)
        Delivery.objects.filter(pk=delivery.pk).update(
            status=Status.RETRY,
            claimed_until=None,
            next_attempt_at=timezone.now() + dt.timedelta(seconds=backoff),
            error=exc.code,
        )
        QueueEvent.bump(QueueEvent.Kind.RETRIED)
        return "retry"
    _finish(delivery, Status.SENT)
    return "sent"


# --- Sweeping ---------------------------------------------------------------


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
            transaction.on_commit(lambda: _enqueue(ids))
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


# --- E-mail verification ----------------------------------------------------


def enqueue_verification(pref_id):
    from .tasks import send_verification

    try:
        with _broker_connection() as conn:
            send_verification.apply_async((pref_id,), connection=conn, retry=False)
    except Exception:  # noqa: BLE001 - the sweeper sends it later
        log.warning("queue unreachable: verification e-mail waits for the sweeper")
        QueueEvent.bump(QueueEvent.Kind.ENQUEUE_FAILED)
        return False
    return True


def send_verification(pref_id):
    pref = (
        ReminderPreference.objects.select_related("enrolment")
        .filter(pk=pref_id, email_verified_at__isnull=True)
        .first()
    )
    if pref is None or not pref.email or pref.verification_sent_at:
        return "skipped"
    language = pref.enrolment.language
    link = _url("reminders:verify_email", language, verify_token(pref), absolute=True)
    body = "\n\n".join(
        [
            texts.pick(texts.VERIFY_BODY, language),
            link,
            texts.pick(texts.VERIFY_IGNORE, language),
        ]
    )
    try:
        channels.send_email(
            pref.email,
            texts.pick(texts.VERIFY_SUBJECT, language),
            body,
            f"verify-{pref.pk}-{int(pref.verification_requested_at.timestamp())}",
            None,
        )
    except channels.Bounced:
        pref.email_bounced_at = timezone.now()
        pref.save(update_fields=["email_bounced_at", "updated_at"])
        QueueEvent.bump(QueueEvent.Kind.BOUNCED)
        return "bounced"
    except channels.ChannelError:
        return "failed"  # stays unsent: the sweeper tries again
    ReminderPreference.objects.filter(pk=pref.pk).update(
        verification_sent_at=timezone.now()
    )
    return "sent"
