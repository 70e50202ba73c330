"""Nothing typed on a step is lost: the step is one form, "Done and next"
saves it first, and a plain save comes back to the question it saved."""

import pytest

from progress.models import Answer, StepCompletion

from .journey import build_path, young_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def person_on_path(client):
    path = build_path(order_mode="free")
    client.force_login(young_person())
    client.post(f"/fi/aloita/{path.path_key}/")
    return path, path.get_steps()


def _url(step):
    return f"/fi/vastaus/{step.step_key}/"


def test_done_saves_what_was_typed_before_marking_the_step_done(client, person_on_path):
    """Typing an answer and pressing "Done and next" at once keeps the answer."""
    path, steps = person_on_path
    block_id = steps[0].answerable_blocks()[0][0]
    html = client.get(steps[0].url).content.decode()
    assert f'name="{block_id}-answer"' in html and 'name="done"' in html
    response = client.post(
        _url(steps[0]),
        {"block_id": block_id, f"{block_id}-answer": "Kerron äidille", "done": "1"},
    )
    assert response["Location"] == steps[1].url
    assert Answer.objects.get().value == {"text": "Kerron äidille"}
    assert StepCompletion.objects.filter(step_key=steps[0].step_key).exists()


def test_done_saves_a_ticked_plan_item(client, person_on_path):
    """Ticking an item of "my plan" and pressing done saves the plan."""
    path, steps = person_on_path
    block_id = steps[1].answerable_blocks()[0][0]
    client.post(
        _url(steps[1]),
        {"block_id": block_id, f"{block_id}-checked": "1", "done": "1"},
    )
    assert Answer.objects.get().value == {"checked": [1], "own": ""}


def test_untouched_blocks_leave_no_empty_answers(client, person_on_path):
    """Pressing done without answering stores no empty answers."""
    path, steps = person_on_path
    ids = [b for step in steps[:3] for b, _t, _v in step.answerable_blocks()]
    for step, block_id in zip(steps[:3], ids, strict=True):
        client.post(_url(step), {"block_id": block_id, "done": "1"})
    assert not Answer.objects.exists()
    assert StepCompletion.objects.count() == 3


def test_half_answered_self_check_keeps_choices_and_does_not_finish(
    client, person_on_path
):
    """A self-check left half-answered asks for the rest, keeps the choice
    made, and does not mark the step done."""
    path, steps = person_on_path
    block_id = steps[2].answerable_blocks()[0][0]
    response = client.post(
        _url(steps[2]), {"block_id": block_id, f"{block_id}-q0": "1", "done": "1"}
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert 'role="alert"' in html
    assert f'id="sc-{block_id}-0-1" name="{block_id}-q0" value="1" checked' in html
    assert not StepCompletion.objects.exists()


def test_plain_save_returns_to_the_question_with_the_time(client, person_on_path):
    """Without JavaScript a save comes back to the question, with "Saved at"."""
    path, steps = person_on_path
    block_id = steps[0].answerable_blocks()[0][0]
    response = client.post(
        _url(steps[0]),
        {"block_id": block_id, f"{block_id}-answer": "Mietin", "save": block_id},
    )
    assert response["Location"] == f"{steps[0].url}#block-{block_id}"
    html = client.get(steps[0].url).content.decode()
    assert "Tallennettu klo" in html
    assert "Mietin" in html


def test_autosave_of_the_whole_form_answers_json_per_block(client, person_on_path):
    """Autosave posts the whole step form and learns each block's revision."""
    path, steps = person_on_path
    block_id = steps[0].answerable_blocks()[0][0]
    data = client.post(
        _url(steps[0]),
        {"block_id": block_id, f"{block_id}-answer": "eka"},
        HTTP_ACCEPT="application/json",
    ).json()
    assert data["saved"] and data["revisions"] == {block_id: 1}
    assert data["time"].count(".") == 1


def test_done_on_a_step_with_nothing_to_answer(client):
    """A step of only text and exercises is marked done by the same button."""
    path = build_path(order_mode="free", steps=4)
    client.force_login(young_person())
    client.post(f"/fi/aloita/{path.path_key}/")
    step = path.get_steps()[3]
    assert 'name="done"' in client.get(step.url).content.decode()
    response = client.post(_url(step), {"done": "1"})
    assert response.status_code == 302
    assert StepCompletion.objects.filter(step_key=step.step_key).exists()
    assert client.post(_url(step), {}).status_code == 404
