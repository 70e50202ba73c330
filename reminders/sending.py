"""Sending a recorded delivery at most once, alone or several in parallel.

Each delivery is claimed with a conditional UPDATE before it is sent, so a
task that runs twice (at-least-once delivery) sends nothing twice.
"""

import datetime as dt
from concurrent.futures import ThreadPoolExecutor

from django.db import close_old_connections
from django.db.models import F, Q
from django.utils import timezone

from . import channels, conf, texts
from .lifecycle import channel_ready, stop
from .links import reminder_url, unsubscribe_token
from .models import Channel, Delivery, QueueEvent, ReminderPreference

Stop = ReminderPreference.Stop
Status = Delivery.Status


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
        "url": reminder_url("reminders:open", language, public_id),
        "stop_url": reminder_url("reminders:unsubscribe", language, token),
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


_pool = None


def _in_thread(delivery_id):
    close_old_connections()
    return send_delivery(delivery_id)


def send_many(delivery_ids):
    """Send several deliveries at once from one worker process.

    A small thread pool per process (threads keep their own database
    connection and HTTP session); each delivery is still claimed on its own,
    so a chunk that runs twice sends nothing twice.
    """
    global _pool
    if len(delivery_ids) == 1:
        return [send_delivery(delivery_ids[0])]
    if _pool is None:
        _pool = ThreadPoolExecutor(
            max_workers=conf.get("REMINDERS_SEND_CHUNK"),
            thread_name_prefix="reminders-send",
        )
    return list(_pool.map(_in_thread, delivery_ids))
