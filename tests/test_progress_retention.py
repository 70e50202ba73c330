"""Retention: unused accounts and accounts of adults are deleted on schedule."""

import time
import uuid
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from accounts.models import User
from accounts.strongid.identity import helsinki_today
from progress import retention
from progress.enrolments import enrol
from progress.models import Enrolment
from progress.tasks import apply_retention
from reminders.models import ReminderPreference


def _person(name, last_seen_days_ago=1, turned_18_days_ago=None):
    seen = timezone.now() - timedelta(days=last_seen_days_ago)
    turns = (
        helsinki_today() - timedelta(days=turned_18_days_ago)
        if turned_18_days_ago is not None
        else helsinki_today() + timedelta(days=700)
    )
    user = User.objects.create_user(
        name, is_young_person=True, identified_at=seen, turns_18_on=turns
    )
    User.objects.filter(pk=user.pk).update(date_joined=seen)
    enrolment, _ = enrol(user, uuid.uuid4(), uuid.uuid4())
    Enrolment.objects.filter(pk=enrolment.pk).update(last_activity_at=seen)
    return user


@pytest.mark.django_db(transaction=True)
def test_scheduled_task_deletes_expired_accounts(celery_worker):
    """The Celery task deletes inactive and adult accounts and keeps the rest."""
    _person("y-inactive", last_seen_days_ago=400)
    _person("y-adult", turned_18_days_ago=40)
    _person("y-active")
    apply_retention.delay()
    deadline = time.monotonic() + 30
    while User.objects.count() > 1 and time.monotonic() < deadline:
        time.sleep(0.3)
    assert list(User.objects.values_list("username", flat=True)) == ["y-active"]


@pytest.mark.django_db
def test_notice_goes_once_to_a_verified_reminder_address():
    """Two weeks before deletion a discreet e-mail goes out, once."""
    user = _person("y-soon", last_seen_days_ago=355)
    ReminderPreference.objects.create(
        enrolment=user.enrolments.get(),
        email="nuori@example.fi",
        email_verified_at=timezone.now(),
    )
    assert retention.send_notices() == 1
    assert retention.send_notices() == 0
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["nuori@example.fi"]
    assert "Polku" in mail.outbox[0].subject
    assert retention.delete_expired() == 0
