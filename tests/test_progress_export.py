"""The data download reads like the person's own notes: questions, chosen
options, plan items, results, dates and reminder settings, not ids."""

import json

import pytest

from .journey import build_path, young_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(client):
    path = build_path(order_mode="free")
    client.force_login(young_person())
    client.post(f"/fi/aloita/{path.path_key}/")
    steps = path.get_steps()
    ids = [step.answerable_blocks()[0][0] for step in steps[:3]]
    client.post(
        f"/fi/vastaus/{steps[0].step_key}/",
        {"block_id": ids[0], f"{ids[0]}-answer": "Koulu stressaa", "done": "1"},
    )
    client.post(
        f"/fi/vastaus/{steps[1].step_key}/",
        {
            "block_id": ids[1],
            f"{ids[1]}-checked": "1",
            f"{ids[1]}-own_items": "Kävelen",
        },
    )
    client.post(
        f"/fi/vastaus/{steps[2].step_key}/",
        {"block_id": ids[2], f"{ids[2]}-q0": "1", f"{ids[2]}-q1": "1"},
    )
    return path, ids


def test_readable_download_shows_questions_and_labels_not_ids(client, answered):
    """The readable page names the questions, the chosen options, the plan and
    the self-check's result, with dates, and never shows a block id."""
    path, ids = answered
    html = client.get("/fi/omat-tiedot/yhteenveto/").content.decode()
    for text in (
        "Mikä sinua huolettaa?",
        "Koulu stressaa",
        "Oma suunnitelma",
        "Puhun jollekulle",
        "Kävelen",
        "Olen ollut huolissani: Usein",
        "Paljon kuormitusta",
        "Puhu jollekulle, johon luotat.",
        "Vaihe 1 – tehty",
    ):
        assert text in html, text
    assert "Menen ajoissa nukkumaan" not in html
    for block_id in ids:
        assert block_id not in html
    assert "<title>Polku</title>" in html


def test_json_download_has_the_texts_beside_the_ids(client, answered):
    """The JSON file carries the same texts beside the ids, and the steps,
    the feedback note and the reminder settings."""
    path, ids = answered
    data = json.loads(client.get("/fi/omat-tiedot/lataa.json").content)
    answers = {a["block_id"]: a for a in data["paths"][0]["answers"]}
    assert answers[ids[0]]["question"] == "Mikä sinua huolettaa?"
    assert answers[ids[1]]["answer"] == ["Puhun jollekulle", "Kävelen"]
    assert answers[ids[2]]["result"] == "Paljon kuormitusta"
    assert answers[ids[2]]["value"]["choices"] == [1, 1]
    assert data["paths"][0]["steps"][0]["done"]
    assert "reminders" in data["paths"][0] and data["feedback"]
