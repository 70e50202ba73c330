"""The young person's journey: start, gated steps, answers, completion, feedback."""

from urllib.parse import quote

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from paths.factories import REFLECTION
from paths.models import PathPage
from progress.models import Answer, Enrolment, Feedback, StepCompletion

from .journey import build_path, young_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def path():
    return build_path()


def _start(client, path):
    return client.post(f"/fi/aloita/{path.path_key}/")


def _steps(path):
    return path.get_steps()


def test_steps_can_be_read_before_identifying_unless_the_editor_says_no(client, path):
    """Anyone reads the intro and the steps (answering asks to identify); a
    path its editors made private asks for identification first."""
    assert client.get(path.url).status_code == 200
    step = _steps(path)[0]
    response = client.get(step.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Tunnistaudu ja vastaa" in html
    assert 'class="step-form' not in html
    assert '<fieldset class="answer-form__fields" disabled>' in html
    PathPage.objects.filter(pk=path.pk).update(readable_without_identification=False)
    response = client.get(step.url)
    assert response.status_code == 302
    assert response["Location"] == f"/fi/tunnistaudu/?next={quote(step.url)}"


def test_identify_to_answer_comes_back_to_the_same_step(client):
    """Pressing "identify to answer" on a step starts the path and returns to
    that step (here in a free-order path)."""
    path = build_path(order_mode="free")
    step = _steps(path)[1]
    client.force_login(young_person())
    response = client.post(f"/fi/aloita/{path.path_key}/", {"next": step.url})
    assert response["Location"] == step.url


def test_start_asks_anonymous_visitors_to_identify(client, path):
    """ "Start" without identification shows the strong identification form."""
    response = client.get(f"/fi/aloita/{path.path_key}/")
    assert f'action="/fi/aloita/{path.path_key}/"' in response.content.decode()
    assert not Enrolment.objects.exists()


def test_starting_twice_makes_one_enrolment_and_lands_on_step_one(client, path):
    """Start leads to step 1, and a second start does not enrol again."""
    client.force_login(young_person())
    first = _start(client, path)
    second = _start(client, path)
    assert first["Location"] == _steps(path)[0].url == second["Location"]
    assert Enrolment.objects.count() == 1


def test_person_outside_the_age_range_is_told_kindly(client):
    """A 17-year-old on a 13-15 path is told so and not enrolled."""
    path = build_path(age_max=15)
    client.force_login(young_person(age=17))
    response = _start(client, path)
    assert response.status_code == 403
    assert "13–15" in response.content.decode()
    assert not Enrolment.objects.exists()


def test_later_step_sends_you_to_the_step_you_are_on(client, path):
    """In an ordered path a direct URL to step 3 leads back to step 1."""
    client.force_login(young_person())
    _start(client, path)
    steps = _steps(path)
    response = client.get(steps[2].url)
    assert response.status_code == 302
    assert response["Location"] == steps[0].url


def test_free_order_paths_open_any_step(client):
    """In a free-order path every step opens at once."""
    path = build_path(order_mode="free")
    client.force_login(young_person())
    _start(client, path)
    assert client.get(_steps(path)[2].url).status_code == 200


def test_answer_is_saved_encrypted_and_shown_again(client, path):
    """A reflection answer saves with a plain form post and shows on return."""
    client.force_login(young_person())
    _start(client, path)
    step = _steps(path)[0]
    block_id = step.answerable_blocks()[0][0]
    response = client.post(
        f"/fi/vastaus/{step.step_key}/", {"block_id": block_id, "answer": "Koeviikko"}
    )
    assert response.status_code == 302
    assert "Koeviikko" in client.get(step.url).content.decode()
    with connection.cursor() as cursor:
        cursor.execute("SELECT value FROM progress_answer")
        assert "Koeviikko" not in cursor.fetchone()[0]


def test_overlong_answer_keeps_what_was_typed(client, path):
    """Too long an answer gets a clear message and the text stays in the box."""
    client.force_login(young_person())
    _start(client, path)
    step = _steps(path)[0]
    block_id = step.answerable_blocks()[0][0]
    text = "pitkä " * 1000
    response = client.post(
        f"/fi/vastaus/{step.step_key}/", {"block_id": block_id, "answer": text}
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert 'role="alert"' in html
    assert text.strip() in html
    assert not Answer.objects.exists()


def test_autosave_answers_in_json(client, path):
    """With JavaScript the same endpoint answers JSON with the new revision."""
    client.force_login(young_person())
    _start(client, path)
    step = _steps(path)[0]
    block_id = step.answerable_blocks()[0][0]
    url = f"/fi/vastaus/{step.step_key}/"
    data = {"block_id": block_id, "answer": "eka"}
    first = client.post(url, data, HTTP_ACCEPT="application/json").json()
    second = client.post(
        url,
        {**data, "answer": "toka", "revision": first["revision"]},
        HTTP_ACCEPT="application/json",
    ).json()
    assert second["saved"] and second["revision"] == 2
    stale = client.post(
        url, {**data, "answer": "vanha", "revision": 1}, HTTP_ACCEPT="application/json"
    )
    assert stale.status_code == 409
    assert Answer.objects.get().value == {"text": "toka"}


def test_self_check_shows_its_band_feedback_at_once(client):
    """A self-check answer shows the band's feedback right away."""
    path = build_path(order_mode="free")
    client.force_login(young_person())
    _start(client, path)
    step = _steps(path)[2]
    block_id = step.answerable_blocks()[0][0]
    client.post(
        f"/fi/vastaus/{step.step_key}/", {"block_id": block_id, "q0": "1", "q1": "1"}
    )
    html = client.get(step.url).content.decode()
    assert "Paljon kuormitusta" in html
    assert "Puhu jollekulle, johon luotat." in html


def test_completing_steps_opens_the_next_and_finishes_the_path(client, path):
    """Step done leads on; the last one completes the path with its message."""
    client.force_login(young_person())
    _start(client, path)
    steps = _steps(path)
    for index, step in enumerate(steps):
        response = client.post(f"/fi/valmis/{step.step_key}/")
        if index < len(steps) - 1:
            assert response["Location"] == steps[index + 1].url
    assert response["Location"] == f"/fi/yhteenveto/{path.path_key}/"
    assert Enrolment.objects.get().completed_at is not None
    summary = client.get(response["Location"]).content.decode()
    assert "Hienoa, pääsit loppuun!" in summary


def test_progress_follows_the_person_across_languages(client, path):
    """The same person sees the same progress in Swedish as in Finnish."""

    person = young_person()
    client.force_login(person)
    _start(client, path)
    first = _steps(path)[0]
    client.post(f"/fi/valmis/{first.step_key}/")
    sv = Locale.objects.get(language_code="sv")
    sv_path = path.copy_for_translation(sv, copy_parents=True)
    sv_path.save_revision().publish()
    for step in _steps(path):
        translated = step.copy_for_translation(sv)
        translated.save_revision().publish()
    sv_path = sv_path.specific
    sv_steps = sv_path.get_steps()
    assert client.get(sv_steps[1].url).status_code == 200
    assert client.get(sv_steps[2].url)["Location"] == sv_steps[1].url


def test_removing_a_step_keeps_progress_and_adding_one_does_not_break_it(client, path):
    """Editors removing or adding steps keep everyone's progress valid."""
    client.force_login(young_person())
    _start(client, path)
    steps = _steps(path)
    client.post(f"/fi/valmis/{steps[0].step_key}/")
    steps[1].unpublish()
    fresh = path.__class__.objects.get(pk=path.pk)
    assert client.get(fresh.get_steps()[1].url).status_code == 200
    assert StepCompletion.objects.count() == 1


def test_feedback_is_not_linked_to_the_person(client, path):
    """Step feedback is stored with the path and step only, never the person."""
    client.force_login(young_person())
    _start(client, path)
    step = _steps(path)[0]
    client.post(
        f"/fi/palaute/{path.path_key}/",
        {"step_key": step.step_key, "helpful": "yes", "next": step.url},
    )
    feedback = Feedback.objects.get()
    assert feedback.helpful is True and feedback.age_band == "13-15"
    field_names = {f.name for f in Feedback._meta.get_fields()}
    assert not {"user", "enrolment", "created_at"} & field_names


def test_someone_elses_answers_cannot_be_read_or_changed(client, path):
    """Guessing step and block ids never shows or changes another's answer."""
    owner = young_person(username="y-owner")
    client.force_login(owner)
    _start(client, path)
    step = _steps(path)[0]
    block_id = step.answerable_blocks()[0][0]
    client.post(
        f"/fi/vastaus/{step.step_key}/",
        {"block_id": block_id, "answer": "omaa-salaista"},
    )
    client.logout()
    client.force_login(young_person(username="y-other"))
    assert "omaa-salaista" not in client.get(step.url).content.decode()
    response = client.post(
        f"/fi/vastaus/{step.step_key}/", {"block_id": block_id, "answer": "vieras"}
    )
    assert response.status_code == 404
    assert client.get(f"/fi/yhteenveto/{path.path_key}/").status_code == 404
    assert Answer.objects.get().value == {"text": "omaa-salaista"}


def test_step_query_count_is_constant(client):
    """A step costs the same queries with 1 or 10 blocks and saved answers."""

    def count(blocks):
        body = [("reflection", REFLECTION)] * blocks + [("text", "<p>T</p>")] * blocks
        path = build_path(order_mode="free", steps=1, body=body)
        client.force_login(young_person(username=f"y-{blocks}"))
        _start(client, path)
        step = path.get_steps()[0]
        for block_id, _type, _value in step.answerable_blocks():
            client.post(
                f"/fi/vastaus/{step.step_key}/", {"block_id": block_id, "answer": "x"}
            )
        client.get(step.url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(step.url).status_code == 200
        return len(queries)

    assert count(1) == count(10)


def test_personal_pages_are_not_cached_anywhere(client, path):
    """A step page for an identified person says no-store."""
    client.force_login(young_person())
    _start(client, path)
    response = client.get(_steps(path)[0].url)
    assert "no-store" in response["Cache-Control"]


def test_a_link_to_start_does_not_enrol_a_signed_in_person(client, path):
    """Opening a "start" address (GET) asks first; only the button enrols."""
    client.force_login(young_person())
    response = client.get(f"/fi/aloita/{path.path_key}/")
    assert response.status_code == 200
    assert f'action="/fi/aloita/{path.path_key}/"' in response.content.decode()
    assert not Enrolment.objects.exists()
    assert _start(client, path)["Location"] == _steps(path)[0].url


def test_continue_goes_straight_to_the_current_step(client, path):
    """ "Continue" (and a reminder link) opens the step the person is on, from
    an address that names no path."""
    client.force_login(young_person())
    _start(client, path)
    enrolment = Enrolment.objects.get()
    steps = _steps(path)
    client.post(f"/fi/valmis/{steps[0].step_key}/")
    response = client.get(f"/fi/jatka/{enrolment.public_id}/")
    assert response["Location"] == steps[1].url
    reminder = client.get(f"/fi/reminders/{enrolment.public_id}/open/", follow=True)
    assert reminder.redirect_chain[-1][0] == steps[1].url
