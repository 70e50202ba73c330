"""The demo paths: complete, in three languages, and safe to load twice."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale

from paths import demo as paths_demo
from paths import workflows
from paths.blocks import StepStreamBlock
from paths.models import PathIndexPage, PathPage, PathStepPage
from paths.workflows import WORKFLOW_NAME

from .paths_helpers import open_all_steps, young_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("load_demo", verbosity=0)


def test_every_demo_step_renders_in_finnish_swedish_and_english(demo, client):
    """Each demo path intro and step answers 200 in fi, sv and en with its title."""
    person = young_person()
    client.force_login(person)
    for path in PathPage.objects.filter(locale__language_code="fi"):
        open_all_steps(person, path)
    for code in ("fi", "sv", "en"):
        locale = Locale.objects.get(language_code=code)
        paths = PathPage.objects.live().filter(locale=locale)
        assert paths.count() >= 3
        for path in paths:
            response = client.get(path.url)
            assert response.status_code == 200
            assert path.title in response.content.decode()
            steps = path.get_steps()
            assert 5 <= len(steps) <= 8
            for step in steps:
                response = client.get(step.url)
                html = response.content.decode()
                assert response.status_code == 200, step.url
                assert response.headers["Content-Language"] == code
                assert f"{step.number}/{len(steps)}" in html
                assert step.title in html


def test_demo_paths_use_every_block_type(demo):
    """Together the demo paths show editors every block type there is."""
    used = {
        child.block_type
        for step in PathStepPage.objects.filter(locale__language_code="fi")
        for child in step.body
    }
    assert used == set(StepStreamBlock.base_blocks)


def test_translations_share_step_keys_and_block_ids(demo):
    """A step's Swedish and English pages keep the Finnish step key and block ids."""
    fi_step = PathStepPage.objects.filter(locale__language_code="fi").first()
    fi_ids = [child.id for child in fi_step.body]
    for translated in fi_step.get_translations():
        translated = translated.specific
        assert translated.step_key == fi_step.step_key
        assert [child.id for child in translated.body] == fi_ids


def test_loading_twice_keeps_editors_changes(demo):
    """A second load neither duplicates pages nor overwrites an editor's edit."""
    path = PathPage.objects.filter(locale__language_code="fi").first()
    path.summary = "Toimittajan muokkaama tiivistelmä."
    path.save_revision().publish()
    counts = (PathPage.objects.count(), PathStepPage.objects.count())
    paths_demo.load()
    path.refresh_from_db()
    assert path.summary == "Toimittajan muokkaama tiivistelmä."
    assert (PathPage.objects.count(), PathStepPage.objects.count()) == counts
    assert PathIndexPage.objects.count() == 3


def test_every_demo_path_is_under_the_two_step_review(demo):
    """Paths and steps of every language inherit the content + safeguarding review."""

    for page in [
        *PathIndexPage.objects.all(),
        *PathPage.objects.all(),
        *PathStepPage.objects.all()[:3],
    ]:
        workflow = page.get_workflow()
        assert workflow.name == WORKFLOW_NAME
        assert [task.name for task in workflow.tasks] == [
            "Sisällön tarkastus",
            "Turvallisuustarkastus",
        ]


@pytest.mark.django_db(transaction=True)
def test_a_fresh_demo_has_no_redirects_and_review_logins(settings):
    """A fresh `make run` has no redirects, and an editor and both reviewers."""

    settings.DEMO_ADMIN_PASSWORD = "polku-demo-admin"
    call_command("load_demo", verbosity=0)
    call_command("load_demo", verbosity=0)
    assert Redirect.objects.count() == 0
    users = get_user_model().objects
    for username, group in paths_demo.STAFF.items():
        user = users.get(username=username)
        assert user.check_password("polku-demo-admin")
        assert list(user.groups.values_list("name", flat=True)) == [group]
    assert set(paths_demo.STAFF.values()) == {
        workflows.EDITORS,
        workflows.CONTENT_REVIEWERS,
        workflows.SAFEGUARDING_REVIEWERS,
    }
