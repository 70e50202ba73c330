"""Helpers of the reminder tests: a fixed Helsinki afternoon, young people
enrolled with a push subscription, a local SMTP relay handler, a way to wait
for the worker and to point Celery's producer at another broker."""

import datetime as dt
import email
import uuid
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from wagtail.models import Locale

from accounts.factories import UserFactory
from portal.processes import wait_until as wait_until  # the tests import it here
from progress.factories import EnrolmentFactory
from reminders import vapid
from reminders.factories import PushSubscriptionFactory, ReminderPreferenceFactory

from .pushservice import PushService

HKI = ZoneInfo("Europe/Helsinki")


# A Wednesday afternoon inside the default window (16-20), outside quiet hours.
AFTERNOON = dt.datetime(2026, 11, 25, 17, 0, tzinfo=HKI)


@pytest.fixture
def locales(transactional_db):
    """Pages render with the site's locales (a transactional flush drops them)."""
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


class Relay:
    """SMTP relay handler: accepts mail, refuses listed recipients with 550."""

    def __init__(self):
        self.refuse = set()
        self.messages = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 Mailbox does not exist"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content))
        return "250 Message accepted for delivery"


def enrol(username, language="fi", activity=None):
    user = UserFactory(username=username, is_young_person=True)
    return EnrolmentFactory(
        user=user,
        path_key=uuid.uuid4(),
        language=language,
        last_activity_at=activity or AFTERNOON - dt.timedelta(days=3),
    )


def push_pref(push_service, username="nuori", language="fi", due=None, **fields):
    enrolment = enrol(username, language)
    info = push_service.subscribe(username)
    subscription = PushSubscriptionFactory(
        user=enrolment.user,
        endpoint=info["endpoint"],
        p256dh=info["keys"]["p256dh"],
        auth=info["keys"]["auth"],
    )
    return ReminderPreferenceFactory(
        enrolment=enrolment,
        enabled=True,
        channel="push",
        push_subscription=subscription,
        activity_seen_at=enrolment.last_activity_at,
        next_due_at=due or AFTERNOON - dt.timedelta(minutes=5),
        **fields,
    )


def use_broker(app, url):
    """Point this process's Celery producer at another broker URL.

    The producer pool an earlier test built still speaks to the old broker:
    drop the references the way Celery itself does after a fork
    (`Celery._after_fork`). The pools themselves stay open: kombu keeps them
    in process-wide groups keyed by URL, and a closed one would be handed
    back to the next test that uses the same broker ("Acquire on closed pool").
    """
    app.conf.broker_url = url
    app._pool = None
    amqp = app.__dict__.get("amqp")
    if amqp is not None:
        amqp._producer_pool = None


@pytest.fixture
def push_service():
    service = PushService(expected_key=vapid.application_server_key())
    yield service
    service.close()
