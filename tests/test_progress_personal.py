"""A young person's own pages: private, theirs to download and delete."""

import json
import time
import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import User
from progress.enrolments import enrol, save_answer
from progress.models import Answer, Enrolment

pytestmark = pytest.mark.django_db


def _person(name, identified_minutes_ago=1):
    return User.objects.create_user(
        name,
        is_young_person=True,
        identified_at=timezone.now() - timedelta(minutes=identified_minutes_ago),
    )


@pytest.fixture
def person_with_answer():
    person = _person("y-one")
    enrolment, _ = enrol(person, uuid.uuid4(), uuid.uuid4())
    save_answer(enrolment, uuid.uuid4(), "q1", {"text": "minun vastaukseni"})
    return person, enrolment


def test_personal_pages_need_identification(client):
    """My paths and my data send an anonymous visitor to identify, not to a
    staff password form."""
    for url in ("/fi/omat-polut/", "/fi/omat-tiedot/", "/fi/omat-tiedot/lataa.json"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/fi/tunnistaudu/?next=")


def test_personal_pages_are_never_cached(client, person_with_answer):
    """Personal pages tell every cache, the browser's included, to keep nothing."""
    client.force_login(person_with_answer[0])
    for url in ("/fi/omat-polut/", "/fi/omat-tiedot/", "/fi/omat-tiedot/yhteenveto/"):
        response = client.get(url)
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]


def test_download_contains_own_answers_only(client, person_with_answer):
    """The JSON download holds the person's answers, and nobody else's."""
    other = _person("y-two")
    other_enrolment, _ = enrol(other, uuid.uuid4(), uuid.uuid4())
    save_answer(other_enrolment, uuid.uuid4(), "q9", {"text": "toisen vastaus"})
    client.force_login(person_with_answer[0])
    data = json.loads(client.get("/fi/omat-tiedot/lataa.json").content)
    answers = [a["value"]["text"] for p in data["paths"] for a in p["answers"]]
    assert answers == ["minun vastaukseni"]


def test_cannot_delete_another_persons_path(client, person_with_answer):
    """Guessing someone else's enrolment id deletes nothing: 404."""
    intruder = _person("y-intruder")
    client.force_login(intruder)
    _identified(client, intruder)
    enrolment = person_with_answer[1]
    response = client.post(
        f"/fi/omat-tiedot/unohda/{enrolment.public_id}/", {"confirm": "yes"}
    )
    assert response.status_code == 404
    assert Enrolment.objects.filter(pk=enrolment.pk).exists()


def test_deleting_one_path_asks_once_then_removes_its_answers(
    client, person_with_answer
):
    """Deleting one path's data asks for confirmation on its own page (no
    JavaScript needed), then really removes the enrolment and its answers."""
    person, enrolment = person_with_answer
    client.force_login(person)
    _identified(client, person)
    url = f"/fi/omat-tiedot/unohda/{enrolment.public_id}/"
    assert url in client.get("/fi/omat-tiedot/").content.decode()
    confirm = client.get(url)
    assert confirm.status_code == 200
    assert 'name="confirm" value="yes"' in confirm.content.decode()
    client.post(url)
    assert Enrolment.objects.exists()
    assert client.post(url, {"confirm": "yes"}).status_code == 302
    assert not Enrolment.objects.exists()
    assert not Answer.objects.exists()


def test_deleting_one_path_needs_a_fresh_identification(client, person_with_answer):
    """Like deleting the account, an old identification must be repeated, and
    the button comes back to the confirmation page."""
    person, enrolment = person_with_answer
    client.force_login(person)
    _identified(client, person, seconds_ago=3600)
    url = f"/fi/omat-tiedot/unohda/{enrolment.public_id}/"
    response = client.post(url, {"confirm": "yes"})
    assert response.status_code == 403
    assert f'name="next" value="{url}"' in response.content.decode()
    assert Enrolment.objects.exists()


def _identified(client, user, seconds_ago=0):
    """Record a strong identification in the session, as allauth does."""
    session = client.session
    session["account_authentication_methods"] = [
        {
            "method": "socialaccount",
            "provider": "strongid",
            "at": time.time() - seconds_ago,
        }
    ]
    session["account_authentication_methods_user"] = str(user.pk)
    session.save()


def test_deleting_the_account_needs_a_fresh_identification(client):
    """An identification older than the limit must be repeated before deletion."""
    person = _person("y-old", identified_minutes_ago=60)
    client.force_login(person)
    _identified(client, person, seconds_ago=3600)
    response = client.post("/fi/omat-tiedot/poista/", {"confirm": "yes"})
    assert response.status_code == 403
    assert 'action="/accounts/strongid/login/"' in response.content.decode()
    assert User.objects.filter(pk=person.pk).exists()


def test_deleting_the_account_removes_everything(client, person_with_answer):
    """After a fresh identification the account and all its data are gone."""
    person, _ = person_with_answer
    client.force_login(person)
    _identified(client, person)
    response = client.post("/fi/omat-tiedot/poista/", {"confirm": "yes"})
    assert response.status_code == 302
    assert not User.objects.filter(pk=person.pk).exists()
    assert not Enrolment.objects.exists() and not Answer.objects.exists()
    assert "_auth_user_id" not in client.session


def test_quick_exit_beacon_ends_the_session(client, person_with_answer):
    """The quick exit's beacon signs the person out, so Back shows nothing."""
    client.force_login(person_with_answer[0])
    html = client.get("/fi/omat-polut/").content.decode()
    assert 'data-end-session="/quick-exit/"' in html
    assert client.post("/quick-exit/").status_code == 204
    assert client.get("/fi/omat-polut/").status_code == 302
