"""Sessions end with the account: on every device, and expired ones daily."""

from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

from accounts.sessions import purge_expired_sessions
from accounts.tasks import purge_sessions
from progress.retention import delete_expired

from .journey import young_person

pytestmark = pytest.mark.django_db

PSEUDONYM = "v1:4f1c0ffee0ddba11"


def _device(user):
    """A signed-in browser whose session also carries allauth's record."""
    client = Client()
    client.force_login(user)
    session = client.session
    session["account_authentication_records"] = [
        {"method": "socialaccount", "provider": "strongid", "uid": PSEUDONYM}
    ]
    session.save()
    return client


def _sessions_holding(needle):
    return [s for s in Session.objects.all() if needle in str(s.get_decoded())]


def test_deleting_an_account_ends_its_sessions_on_every_device():
    """After deletion, the phone and the laptop are signed out; nobody else is."""
    person = young_person()
    other = young_person(username="y-other")
    phone, laptop, classmate = _device(person), _device(person), _device(other)
    assert len(_sessions_holding(PSEUDONYM)) == 3
    person_pk = person.pk
    person.delete()
    assert classmate.session.get("_auth_user_id") == str(other.pk)
    for client in (phone, laptop):
        assert (
            Session.objects.filter(session_key=client.session.session_key).count() == 0
        )
    remaining = [s.get_decoded().get("_auth_user_id") for s in Session.objects.all()]
    assert str(person_pk) not in remaining and remaining == [str(other.pk)]


def test_retention_ends_the_sessions_of_deleted_accounts():
    """The retention task's deletion also signs the person out everywhere."""
    person = young_person()
    phone = _device(person)
    person.date_joined = timezone.now() - timedelta(days=400)
    person.identified_at = None
    person.save()
    assert delete_expired() == 1
    assert not Session.objects.filter(session_key=phone.session.session_key).exists()
    assert _sessions_holding(PSEUDONYM) == []


def test_expired_sessions_are_purged_by_the_beat_task(settings):
    """Expired sessions leave the database; live ones stay."""
    live = _device(young_person())
    old = _device(young_person(username="y-old"))
    Session.objects.filter(session_key=old.session.session_key).update(
        expire_date=timezone.now() - timedelta(minutes=1)
    )
    assert purge_sessions() == 1
    assert Session.objects.filter(session_key=live.session.session_key).exists()
    assert purge_expired_sessions() == 0
    assert (
        settings.CELERY_BEAT_SCHEDULE["accounts-purge-sessions"]["task"]
        == "accounts.purge_expired_sessions"
    )
