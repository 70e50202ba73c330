"""Paths in public: index by theme, intro, steps with their stable identities."""

import re
from io import BytesIO

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import Locale
from wagtail_localize.models import Translation
from wagtail_localize.operations import TranslationCreator

from directory.models import ContactChannel, Organisation, Service
from home import demo as home_demo
from paths.blocks import SelfCheckBlock
from paths.factories import (
    PathIndexPageFactory,
    PathPageFactory,
    PathStepPageFactory,
    ThemeFactory,
    every_step_block,
)
from paths.models import PathStepPage

from .paths_helpers import BLOCK_KINDS, client_on_path, open_all_steps, young_person

pytestmark = pytest.mark.django_db


def publish(page):
    page.save_revision().publish()
    return page


@pytest.fixture
def index():
    return PathIndexPageFactory(parent=home_demo.load()["fi"])


def new_path(index, slug="huoli", themes=(), **fields):
    return PathPageFactory(
        parent=index,
        title=fields.pop("title", slug.capitalize()),
        slug=slug,
        summary=fields.pop("summary", "Tiivistelmä."),
        intro="<p>Johdanto.</p>",
        who_sees_what="<p>Vastauksesi näet vain sinä.</p>",
        completion_message="<p>Valmista!</p>",
        themes=list(themes),
        **fields,
    )


def new_step(path, slug, body=None, live=True):
    return PathStepPageFactory(
        parent=path,
        title=slug.capitalize(),
        slug=slug,
        body=body or [("text", "<p>Hei</p>")],
        live=live,
    )


def test_steps_are_numbered_in_tree_order_and_keyed_by_translation_key(index):
    """get_steps() lists live steps in order; numbers and keys are exposed."""
    path = new_path(index)
    first, second = new_step(path, "eka"), new_step(path, "toka")
    new_step(path, "luonnos", live=False)
    steps = path.get_steps()
    assert [step.slug for step in steps] == ["eka", "toka"]
    assert [step.number for step in steps] == [1, 2]
    assert steps[0].step_key == first.translation_key
    assert path.get_step(second.translation_key).pk == second.pk
    assert PathStepPage.objects.get(pk=second.pk).number == 2


def test_reordering_adding_and_removing_steps_keeps_every_step_key(index):
    """Keys survive moving a step; adding or removing one leaves others alone."""
    path = new_path(index)
    first, second = new_step(path, "eka"), new_step(path, "toka")
    keys = {first.pk: first.step_key, second.pk: second.step_key}
    second.move(first, pos="left")
    third = new_step(path, "kolmas")
    first.unpublish()
    steps = path.get_steps()
    assert [step.slug for step in steps] == ["toka", "kolmas"]
    assert steps[0].step_key == keys[second.pk]
    assert steps[0].number == 1
    assert third.step_key not in keys.values()
    assert path.get_step(keys[first.pk]) is None


def test_a_translated_step_keeps_its_key_and_block_ids(index):
    """The Swedish step has the Finnish step's key and the same block ids."""

    path = new_path(index)
    step = new_step(path, "eka", body=[("reflection", {"question": "Mitä?"})])
    sv = Locale.objects.get(language_code="sv")
    index.copy_for_translation(sv)
    path.copy_for_translation(sv)
    translated = step.copy_for_translation(sv).specific
    assert translated.step_key == step.step_key
    assert [b.id for b in translated.body] == [b.id for b in step.body]
    assert translated.answerable_blocks()[0][0] == step.body[0].id


def test_path_index_groups_paths_by_editable_theme(index):
    """Paths appear under each theme; ?theme= shows only that theme's paths."""
    locale = index.locale
    mieli = ThemeFactory(name="Mieli", slug="mieli", locale=locale)
    uni = ThemeFactory(name="Uni", slug="uni", locale=locale, sort_order=1)
    new_path(index, "huoli", themes=[mieli], title="Huolipolku")
    new_path(index, "nukkuminen", themes=[uni], title="Unipolku")
    html = Client().get(index.url).content.decode()
    assert html.index("Mieli") < html.index("Huolipolku") < html.index("Unipolku")
    filtered = Client().get(index.url + "?theme=uni").content.decode()
    assert "Unipolku" in filtered and "Huolipolku" not in filtered


def test_path_intro_is_public_and_says_who_sees_what(index):
    """Without signing in, the intro shows facts, who sees what and how to start."""
    path = new_path(index, age_min=13, age_max=15, duration_minutes=25)
    new_step(path, "eka")
    html = Client().get(path.url).content.decode()
    assert "13–15" in html
    assert "25" in html
    assert "Vastauksesi näet vain sinä." in html
    assert 'class="button"' in html


def test_step_shows_progress_previous_next_help_box_and_quick_exit(index):
    """A middle step says "2/3", links both ways, and keeps help and exit at hand."""
    path = new_path(index)
    new_step(path, "eka")
    middle = new_step(path, "toka")
    new_step(path, "kolmas")
    client, _ = client_on_path(path)
    html = client.get(middle.url).content.decode()
    assert re.search(r"\b2/3\b", html)
    assert 'href="/fi/polut/huoli/eka/"' in html
    assert 'href="/fi/polut/huoli/kolmas/"' in html
    assert "help-box" in html
    assert "data-quick-exit" in html


def test_answer_forms_carry_their_block_ids(index):
    """Reflection, checklist and self-check blocks post the block id they
    answer, all inside the step's one form."""
    path = new_path(index)
    step = new_step(
        path,
        "eka",
        body=[
            ("reflection", {"question": "Mikä auttaa?"}),
            ("checklist", {"title": "Lista", "items": ["Nuku"], "own_items": True}),
            (
                "self_check",
                {
                    "title": "Kysely",
                    "questions": [
                        {
                            "question": "Nukutko?",
                            "options": [
                                {"label": "Kyllä", "score": 0},
                                {"label": "En", "score": 1},
                            ],
                        }
                    ],
                    "bands": [],
                    "instrument_name": "Omat",
                    "licence": "own",
                },
            ),
        ],
    )
    client, _ = client_on_path(path)
    html = client.get(step.url).content.decode()
    assert len(step.answerable_blocks()) == 3
    for block_id, _type, _value in step.answerable_blocks():
        assert f'name="block_id" value="{block_id}"' in html
    assert len(re.findall(r'<section [^>]*class="answer-form', html)) == 3
    assert len(re.findall(r'<form [^>]*class="step-form', html)) == 1


def test_breathing_exercise_works_as_text_without_javascript(index):
    """The breathing rhythm is written out; the timer only appears with JS."""
    path = new_path(index)
    step = new_step(
        path,
        "eka",
        body=[
            (
                "breathing",
                {"title": "Hengitä", "inhale": 4, "hold": 0, "exhale": 6, "rounds": 3},
            )
        ],
    )
    client, _ = client_on_path(path)
    html = client.get(step.url).content.decode()
    steps = re.search(r'<ol class="breathing__steps">(.*?)</ol>', html, re.S).group(1)
    assert re.search(r"\b4\b", steps) and re.search(r"\b6\b", steps)
    assert "data-breathing-timer hidden" in html
    assert 'type="module" src="/static/js/path-exercises.js"' in html
    with open("static/js/path-exercises.js") as script:
        assert "prefers-reduced-motion" in script.read()


def test_video_loads_nothing_from_another_site_before_a_click(index):
    """A hosted video is a plain link with a transcript: no frame, no script."""
    path = new_path(index)
    step = new_step(
        path,
        "eka",
        body=[
            (
                "video",
                {
                    "title": "Video",
                    "external_url": "https://video.example.org/v/1",
                    "transcript": "<p>Sanottiin näin.</p>",
                },
            )
        ],
    )
    client, _ = client_on_path(path)
    html = client.get(step.url).content.decode()
    assert "<iframe" not in html
    assert 'src="https://video.example.org' not in html
    assert 'href="https://video.example.org/v/1"' in html
    assert "Sanottiin näin." in html


def test_self_check_band_for_a_score():
    """The progress app can find the feedback band of any total score."""
    value = {
        "questions": [
            {"options": [{"score": 0}, {"score": 2}]},
            {"options": [{"score": 0}, {"score": 1}]},
        ],
        "bands": [
            {"min_score": 0, "max_score": 1, "title": "Matala"},
            {"min_score": 2, "max_score": 3, "title": "Korkea"},
        ],
    }
    assert SelfCheckBlock.max_score(value) == 3
    assert SelfCheckBlock.band_for(value, 0)["title"] == "Matala"
    assert SelfCheckBlock.band_for(value, 3)["title"] == "Korkea"


@pytest.mark.parametrize("kind", BLOCK_KINDS)
def test_step_costs_the_same_queries_with_1_or_20_blocks(index, kind):
    """Rendering a step needs a constant number of SQL queries, however long."""

    image = get_image_model().objects.create(
        title="Kuva", file=ContentFile(_png(), name="kuva.png")
    )
    organisation = Organisation.objects.create(name="Ohjaamo", kind="ngo")
    service = Service.objects.create(
        name="Ohjaamo Kotka",
        organisation=organisation,
        description="Neuvoa.",
        languages=["fi"],
    )
    ContactChannel.objects.create(service=service, kind="phone", value="040 123 4567")
    value = dict(
        every_step_block(image, service, index.get_parent(), None, [service.pk])
    )[kind]
    path = new_path(index)
    steps = {}
    for count in (1, 20):
        body = [{"type": "help_box", "value": None}] + [
            {"type": kind, "value": value} for _ in range(count)
        ]
        steps[count] = new_step(path, f"vaihe-{count}", body=body)
    person = young_person()
    open_all_steps(person, path)
    client = Client()
    client.force_login(person)
    counts = {}
    for count in (1, 20, 1, 20):  # the first round warms caches and renditions
        with CaptureQueriesContext(connection) as queries:
            response = client.get(steps[count].url)
        assert response.status_code == 200
        counts[count] = len(queries)
    assert counts[1] == counts[20], counts
    if kind == "text":
        assert 'href="/fi/"' in response.content.decode()


def _png():

    buffer = BytesIO()
    Image.new("RGB", (40, 30), "#0b5c55").save(buffer, format="PNG")
    return buffer.getvalue()


def test_home_page_leads_to_the_paths_by_theme(index):
    """The front page links the path index, each theme and each path."""
    theme = ThemeFactory(name="Mieli", slug="mieli", locale=index.locale)
    path = new_path(index, "huoli", themes=[theme], title="Huolipolku")
    html = Client().get("/fi/").content.decode()
    assert f'href="{index.url}"' in html
    assert f'href="{index.url}?theme=mieli"' in html
    assert f'href="{path.url}"' in html


def test_wagtail_localize_translation_keeps_step_key_and_block_ids(index):
    """Translating a step with wagtail-localize keeps its key and every block id."""

    path = new_path(index)
    step = new_step(
        path,
        "eka",
        body=[
            ("text", "<p>Hei</p>"),
            ("reflection", {"question": "Mikä auttaa?", "help_text": ""}),
            (
                "checklist",
                {
                    "title": "Lista",
                    "introduction": "",
                    "items": ["Nuku"],
                    "own_items": True,
                },
            ),
        ],
    )
    sv = Locale.objects.get(language_code="sv")
    creator = TranslationCreator(None, [sv])
    for page in (index, path, step):
        creator.create_translations(page)
    for translation in Translation.objects.filter(target_locale=sv):
        translation.save_target(publish=True)
    translated = PathStepPage.objects.get(locale=sv, translation_key=step.step_key)
    assert translated.step_key == step.step_key
    assert [b.id for b in translated.body] == [b.id for b in step.body]
    assert [b[0] for b in translated.answerable_blocks()] == [
        b[0] for b in step.answerable_blocks()
    ]
