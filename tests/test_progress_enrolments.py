"""Progress and answers: idempotent, concurrent-safe, encrypted at rest."""

import uuid

import pytest
from django.db import connection

from accounts.models import User
from progress.enrolments import (
    StaleAnswer,
    complete_step,
    completed_step_keys,
    enrol,
    save_answer,
)
from progress.models import Answer, Enrolment

pytestmark = pytest.mark.django_db
PATH, STEP1, STEP2 = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()


@pytest.fixture
def person():
    return User.objects.create_user("y-test", is_young_person=True)


def test_starting_twice_keeps_one_enrolment(person):
    """Pressing start twice finds the same enrolment instead of a second one."""
    first, created = enrol(person, PATH, STEP1)
    second, created_again = enrol(person, PATH, STEP1)
    assert created and not created_again
    assert first.pk == second.pk
    assert Enrolment.objects.count() == 1


def test_completing_a_step_twice_counts_once(person):
    """A double submit of "step done" records one completion and moves on."""
    enrolment, _ = enrol(person, PATH, STEP1)
    complete_step(enrolment, STEP1, STEP2)
    complete_step(enrolment, STEP1, STEP2)
    assert completed_step_keys(enrolment) == {STEP1}
    enrolment.refresh_from_db()
    assert enrolment.current_step_key == STEP2


def test_same_answer_submitted_twice_is_one_answer(person):
    """A double submit of the same answer stores it once, unchanged."""
    enrolment, _ = enrol(person, PATH, STEP1)
    save_answer(enrolment, STEP1, "q1", {"text": "Nukun huonosti"}, base_revision=None)
    answer = save_answer(enrolment, STEP1, "q1", {"text": "Nukun huonosti"}, 0)
    assert Answer.objects.count() == 1
    assert answer.revision == 1


def test_stale_tab_cannot_overwrite_a_newer_answer(person):
    """A second tab editing an old version is told, and loses nothing."""
    enrolment, _ = enrol(person, PATH, STEP1)
    first = save_answer(enrolment, STEP1, "q1", {"text": "eka"})
    save_answer(enrolment, STEP1, "q1", {"text": "toka"}, base_revision=first.revision)
    with pytest.raises(StaleAnswer) as stale:
        save_answer(enrolment, STEP1, "q1", {"text": "vanha"}, first.revision)
    assert stale.value.current.value == {"text": "toka"}
    assert Answer.objects.get().value == {"text": "toka"}


def test_answers_are_encrypted_in_the_database(person):
    """The answer text never appears in the database in plain form."""
    enrolment, _ = enrol(person, PATH, STEP1)
    save_answer(enrolment, STEP1, "q1", {"text": "salainen ajatus"})
    with connection.cursor() as cursor:
        cursor.execute("SELECT value FROM progress_answer")
        raw = cursor.fetchone()[0]
    assert "salainen" not in raw
    assert Answer.objects.get().value == {"text": "salainen ajatus"}
