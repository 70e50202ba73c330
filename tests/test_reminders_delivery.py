"""Reminder delivery through the real parts: PostgreSQL, Redis, a Celery worker
(and beat), a local Web Push service and a local SMTP relay.

Only the push service and the SMTP relay are stand-ins, at their protocol
boundary (tests/pushservice.py; aiosmtpd). The dispatcher is called with a
fixed clock where a test is about the time of day; the sending always runs
in the worker process.
"""

import datetime as dt
import threading
import time

import pytest
from aiosmtpd.controller import Controller
from django.conf import settings
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from portal.celery import app
from progress.models import Enrolment
from reminders import dispatcher, lifecycle, links, sweeper
from reminders.models import Delivery, PushSubscription, QueueEvent, ReminderPreference

from .reminders_helpers import (
    AFTERNOON,
    HKI,
    Relay,
    enrol,
    push_pref,
    use_broker,
    wait_until,
)

pytestmark = pytest.mark.usefixtures("celery_worker", "locales")


@pytest.fixture
def smtp_relay():
    relay = Relay()
    controller = Controller(relay, hostname="127.0.0.1", port=settings.EMAIL_PORT)
    controller.start()
    yield relay
    controller.stop()


def settled(expected_sent):
    return wait_until(
        lambda: Delivery.objects.filter(status="sent").count() >= expected_sent
    )


@pytest.mark.django_db(transaction=True)
def test_due_reminder_arrives_once_encrypted_and_discreet(push_service):
    """A due reminder reaches the push service once: VAPID-signed, encrypted,
    decryptable with the subscription's key, and saying only "Polku odottaa
    sinua" with a tag and Topic that identify this one reminder."""
    pref = push_pref(push_service)
    assert dispatcher.dispatch(now=AFTERNOON) == 1
    assert dispatcher.dispatch(now=AFTERNOON) == 0  # nothing due twice
    assert settled(1)
    messages = push_service.wait_for(1, "nuori")
    time.sleep(1.0)
    assert len(push_service.messages("nuori")) == 1
    assert push_service.rejected == []
    message = messages[0]
    delivery = Delivery.objects.get()
    assert message["data"]["title"] == "Polku"
    assert message["data"]["body"] == "Polku odottaa sinua"
    assert message["topic"] == message["data"]["tag"] == delivery.token.hex
    assert b"Polku odottaa" not in message["body"]  # encrypted on the wire
    assert "nuori" not in str(message["data"])
    assert str(pref.enrolment.path_key) not in str(message["data"])
    pref.refresh_from_db()
    assert pref.unanswered == 1
    assert pref.next_due_at == AFTERNOON + dt.timedelta(days=3)
    # Running the task again (a redelivered message) sends nothing new.
    from reminders.tasks import send_delivery

    send_delivery.delay(delivery.pk)
    time.sleep(1.5)
    assert len(push_service.messages("nuori")) == 1


@pytest.mark.django_db(transaction=True)
def test_texts_follow_the_enrolment_language(push_service):
    """Swedish and English enrolments get their discreet text in their language."""
    push_pref(push_service, "svensk", language="sv")
    push_pref(push_service, "english", language="en")
    dispatcher.dispatch(now=AFTERNOON)
    assert push_service.wait_for(1, "svensk")[0]["data"]["body"] == "Din stig väntar"
    body = push_service.wait_for(1, "english")[0]["data"]["body"]
    assert body == "Your path is waiting"


@pytest.mark.django_db(transaction=True)
def test_two_dispatchers_at_once_still_deliver_once(push_service):
    """Two dispatchers claiming the same 40 due rows at once record and send
    each reminder exactly once."""
    for number in range(40):
        push_pref(push_service, f"n{number}")
    barrier = threading.Barrier(2)
    counts = []

    def run():
        barrier.wait()
        try:
            counts.append(dispatcher.dispatch(now=AFTERNOON, batch=3))
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(counts) == 40
    assert all(count > 0 for count in counts)  # both really took part
    assert Delivery.objects.count() == 40
    assert settled(40)
    received = push_service.wait_for(40)
    time.sleep(1.0)
    topics = [m["topic"] for m in push_service.messages()]
    assert len(received) == 40 and len(topics) == len(set(topics)) == 40


@pytest.mark.django_db(transaction=True)
def test_quiet_hours_defer_across_dst_and_then_deliver(push_service):
    """Due at 21:30 on the night clocks go forward, a reminder is held and goes
    out at 08:00 summer time (05:00 UTC), not an hour off."""
    night = dt.datetime(2026, 3, 28, 21, 30, tzinfo=HKI)
    pref = push_pref(
        push_service,
        due=night - dt.timedelta(minutes=1),
        window_start=dt.time(7),
        window_end=dt.time(23),
    )
    assert dispatcher.dispatch(now=night) == 0
    pref.refresh_from_db()
    assert pref.next_due_at == dt.datetime(2026, 3, 29, 5, 0, tzinfo=dt.UTC)
    assert QueueEvent.objects.get(kind="deferred_quiet").count == 1
    assert dispatcher.dispatch(now=pref.next_due_at - dt.timedelta(minutes=1)) == 0
    assert dispatcher.dispatch(now=pref.next_due_at) == 1
    assert push_service.wait_for(1, "nuori")


@pytest.mark.django_db(transaction=True)
def test_completion_opt_out_deletion_and_unanswered_stop_reminders(push_service):
    """Completing the path, turning reminders off, deleting the account and
    three unanswered reminders each stop them; continuing starts them again."""
    done = push_pref(push_service, "valmis")
    Enrolment.objects.filter(pk=done.enrolment_id).update(completed_at=timezone.now())
    off = push_pref(push_service, "pois")
    client = Client()
    client.force_login(off.enrolment.user)
    url = reverse("reminders:preferences", args=[off.enrolment.public_id])
    response = client.post(
        url,
        {
            "channel": "push",
            "rhythm": "inactive",
            "inactive_days": "3",
            "window_start": "16:00",
            "window_end": "20:00",
            "quiet_start": "21:00",
            "quiet_end": "08:00",
        },
    )
    assert response.status_code == 302
    gone = push_pref(push_service, "poistettu")
    gone.enrolment.user.delete()
    quiet = push_pref(push_service, "hiljainen", inactive_days=1)

    now = AFTERNOON
    for _ in range(3):
        assert dispatcher.dispatch(now=now) == 1
        now += dt.timedelta(days=1)
    assert dispatcher.dispatch(now=now) == 0
    quiet.refresh_from_db()
    assert quiet.stopped == "unanswered" and quiet.next_due_at is None
    assert len(push_service.wait_for(3, "hiljainen")) == 3
    done.refresh_from_db()
    assert done.stopped == "completed" and done.next_due_at is None
    for name in ("valmis", "pois", "poistettu"):
        assert push_service.messages(name) == []
    assert Delivery.objects.count() == 3

    # The person continues: the count resets and reminders come again.
    Enrolment.objects.filter(pk=quiet.enrolment_id).update(last_activity_at=now)
    quiet.enabled = True
    lifecycle.reschedule(quiet, now=now)
    quiet.save()
    assert quiet.unanswered == 0 and quiet.next_due_at is not None


@pytest.mark.django_db(transaction=True)
def test_unsubscribe_from_the_delivered_message(push_service):
    """The stop link inside a delivered reminder works with one POST, without
    signing in, and no further reminder is recorded."""
    pref = push_pref(push_service, inactive_days=1)
    dispatcher.dispatch(now=AFTERNOON)
    data = push_service.wait_for(1, "nuori")[0]["data"]
    response = Client().post(
        data["stop_url"],
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    pref.refresh_from_db()
    assert pref.stopped == "unsubscribed" and not pref.enabled
    assert dispatcher.dispatch(now=AFTERNOON + dt.timedelta(days=2)) == 0


@pytest.mark.django_db(transaction=True)
def test_expired_subscription_is_removed(push_service):
    """A 410 Gone from the push service deletes the subscription and stops
    the reminders that used it."""
    pref = push_pref(push_service)
    push_service.status["nuori"] = 410
    dispatcher.dispatch(now=AFTERNOON)
    assert wait_until(lambda: not PushSubscription.objects.exists())
    pref.refresh_from_db()
    assert pref.stopped == "expired" and pref.next_due_at is None
    delivery = Delivery.objects.get()
    assert delivery.status == "failed" and delivery.error == "http 410"


@pytest.mark.django_db(transaction=True)
def test_push_service_failure_retries_with_backoff(push_service):
    """A 503 puts the delivery to wait with back-off in the database (no
    countdown task); the sweeper sends it when the wait is over."""
    push_pref(push_service)
    push_service.status["nuori"] = 503
    dispatcher.dispatch(now=AFTERNOON)
    assert wait_until(lambda: Delivery.objects.filter(status="retry").exists())
    delivery = Delivery.objects.get()
    wait = (delivery.next_attempt_at - timezone.now()).total_seconds()
    assert 30 < wait <= 60 and delivery.attempts == 1
    assert sweeper.sweep() == 0  # the wait is not over yet
    del push_service.status["nuori"]
    Delivery.objects.update(next_attempt_at=timezone.now())  # ...now it is
    assert sweeper.sweep() == 1
    assert settled(1)
    assert len(push_service.wait_for(1, "nuori")) == 1


@pytest.mark.django_db(transaction=True)
def test_e_mail_reminder_and_hard_bounce(smtp_relay):
    """E-mail goes through SMTP with a one-click unsubscribe header and a
    discreet subject; a 550 refusal disables the address."""
    good = ReminderPreference.objects.create(
        enrolment=enrol("posti"),
        enabled=True,
        channel="email",
        email="nuori@example.org",
        email_verified_at=timezone.now(),
        next_due_at=AFTERNOON - dt.timedelta(minutes=1),
    )
    bad = ReminderPreference.objects.create(
        enrolment=enrol("pomppu", language="sv"),
        enabled=True,
        channel="email",
        email="ei-ole@example.org",
        email_verified_at=timezone.now(),
        next_due_at=AFTERNOON - dt.timedelta(minutes=1),
    )
    smtp_relay.refuse.add("ei-ole@example.org")
    assert dispatcher.dispatch(now=AFTERNOON) == 2
    assert wait_until(lambda: smtp_relay.messages)
    assert wait_until(lambda: Delivery.objects.filter(status="failed").exists())
    message = smtp_relay.messages[0]
    assert message["Subject"] == "Polku odottaa sinua"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    stop_url = "".join(message["List-Unsubscribe"].split()).strip("<>")
    token = stop_url.rstrip("/").rsplit("/", 1)[-1]
    assert links.preference_for_unsubscribe(token) == good
    delivery = Delivery.objects.get(preference=good)
    assert delivery.token.hex in message["Message-ID"]
    bad.refresh_from_db()
    assert bad.email_bounced_at is not None and bad.stopped == "bounced"
    assert len(smtp_relay.messages) == 1


@pytest.mark.django_db(transaction=True)
def test_queue_down_loses_nothing_and_the_page_still_saves(push_service, smtp_relay):
    """With the queue unreachable the preferences page still saves, the
    deliveries stay recorded, and the sweeper sends them once it is back."""

    pref = push_pref(push_service)
    client = Client()
    client.force_login(pref.enrolment.user)
    original = app.conf.broker_url
    use_broker(app, "redis://127.0.0.1:9/0")  # nothing listens there
    try:
        started = time.monotonic()
        response = client.post(
            reverse("reminders:preferences", args=[pref.enrolment.public_id]),
            {
                "enabled": "on",
                "channel": "push",
                "rhythm": "inactive",
                "inactive_days": "3",
                "window_start": "16:00",
                "window_end": "20:00",
                "quiet_start": "21:00",
                "quiet_end": "08:00",
                "email": "uusi@example.org",
            },
        )
        assert response.status_code == 302
        assert time.monotonic() - started < 5
        pref.refresh_from_db()
        pref.next_due_at = AFTERNOON - dt.timedelta(minutes=1)
        pref.save()
        assert dispatcher.dispatch(now=AFTERNOON) == 1
    finally:
        use_broker(app, original)
    assert QueueEvent.objects.get(kind="enqueue_failed").count == 2
    assert Delivery.objects.get().status == "queued"
    time.sleep(1.0)
    assert push_service.messages() == [] and smtp_relay.messages == []
    # The page stamped "verification asked at" with the real clock, the
    # dispatcher's rows carry AFTERNOON: the sweeper runs after both.
    later = max(AFTERNOON, timezone.now()) + dt.timedelta(minutes=10)
    assert sweeper.sweep(now=later) == 1
    assert len(push_service.wait_for(1, "nuori")) == 1
    assert wait_until(lambda: smtp_relay.messages)  # the confirmation link
    assert "/reminders/confirm/" in smtp_relay.messages[0].get_payload()


@pytest.mark.django_db(transaction=True)
def test_beat_runs_the_dispatcher(push_service, celery_beat):
    """With the real beat running, a reminder due now is delivered by the
    once-a-minute dispatcher (the one beat entry)."""
    now = timezone.now()
    push_pref(
        push_service,
        due=now - dt.timedelta(minutes=1),
        window_start=dt.time(0, 0),
        window_end=dt.time(23, 59),
        quiet_start=dt.time(0, 0),
        quiet_end=dt.time(0, 0),
    )
    assert len(push_service.wait_for(1, "nuori", timeout=100)) == 1
    assert Delivery.objects.get().status == "sent"
