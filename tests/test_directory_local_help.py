"""Local help: a young person who chose their municipality sees its services."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from directory import local
from paths.models import PathPage
from progress.models import Enrolment

from .conftest import PHONE, axe_violations
from .journey import young_person
from .strongid import code_for_age, identify_in_browser

HUOLI = "huoli-ja-alakulo"


def demo_path():
    return PathPage.objects.live().get(locale__language_code="fi", slug=HUOLI)


def step_with(path, block_type, **match):
    for step in path.get_steps():
        for child in step.specific.body:
            if child.block_type == block_type and all(
                child.value.get(k) == v for k, v in match.items()
            ):
                return step
    raise AssertionError(f"no {block_type} step in {path}")


def kind_step(path):
    return step_with(path, "service_contact", kind="ohjaamo")


def self_check_step(path):
    return step_with(path, "self_check")


def open_path(path):
    PathPage.objects.filter(pk=path.pk).update(order_mode="free")


def choose(client, code, next_url):
    return client.post(
        "/fi/municipality/", {"municipality": code, "next": next_url}, follow=False
    )


def enrolled(person, path):
    client = Client()
    client.force_login(person)
    with translation.override("fi"):
        client.post(reverse("progress:start_path", kwargs={"path_key": path.path_key}))
    return client


@pytest.mark.django_db(transaction=True)
def test_chosen_municipality_shows_its_own_ohjaamo_on_every_device(demo_site):
    """The step asks once and guesses no town; after choosing Hamina it shows
    Ohjaamo Hamina only, and the same person on another phone sees it too."""
    path = demo_path()
    open_path(path)
    step = kind_step(path)
    person = young_person()
    client = enrolled(person, path)
    html = client.get(step.url).content.decode()
    assert html.count("Missä asut?") == 1
    assert "Ohjaamo Kouvola" not in html
    response = choose(client, "hamina", step.url)
    assert response.status_code == 302 and response["Location"] == step.url
    assert client.cookies[local.COOKIE].value == "hamina"
    html = client.get(step.url).content.decode()
    assert "Ohjaamo Hamina" in html
    assert "Ohjaamo Kouvola" not in html and "Ohjaamo Kotka" not in html
    assert "Missä asut?" not in html  # asked once
    assert Enrolment.objects.get(user=person).municipality == "hamina"
    other_phone = Client()
    other_phone.force_login(person)
    html = other_phone.get(step.url).content.decode()
    assert "Ohjaamo Hamina" in html and "Missä asut?" not in html


@pytest.mark.django_db(transaction=True)
def test_not_now_is_respected_and_bad_input_is_refused(demo_site):
    """ "Not now" stops the question; an unknown municipality gets a 400, not a 500."""
    path = demo_path()
    open_path(path)
    step = kind_step(path)
    client = enrolled(young_person(), path)
    client.post("/fi/municipality/", {"skip": "1", "next": step.url})
    assert client.cookies[local.COOKIE].value == local.DECLINED
    html = client.get(step.url).content.decode()
    assert "Missä asut?" not in html and "Ohjaamo Kouvola" not in html
    response = client.post("/fi/municipality/", {"municipality": "atlantis"})
    assert response.status_code == 400
    assert "Valitse kunta listasta" in response.content.decode()
    response = client.post(
        "/fi/municipality/", {"municipality": "kotka", "next": "https://evil.test/"}
    )
    assert response["Location"] == "/fi/"  # an outside "next" is not followed


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_hamina_on_a_phone_step_and_self_check(
    browser, live_server, demo_site, identity_provider
):
    """At 375 px a young person from Hamina sees Hamina's Ohjaamo on a step and in
    the self-check result; the highest band shows the crisis lines first."""
    portal = live_server.url.replace("localhost", "127.0.0.1")
    path = demo_path()
    open_path(path)
    context = browser.new_context(
        viewport=PHONE, locale="fi-FI", has_touch=True, is_mobile=True
    )
    page = context.new_page()
    page.goto(f"{portal}{path.url}")
    page.get_by_role("button", name="Aloita polku").first.tap()
    identify_in_browser(page, identity_provider, code_for_age(15))
    page.wait_for_url(f"{portal}/fi/**")

    page.goto(f"{portal}{kind_step(path).url}")
    # Inside the step's form the question is a link to the chooser page.
    with page.expect_navigation():
        page.locator(".local-help__ask a").first.tap()
    page.get_by_label("Kuntasi").select_option("hamina")
    with page.expect_navigation():
        page.get_by_role("button", name="Näytä palvelut").tap()
    local_help = page.locator(".local-help").first
    assert local_help.get_by_role("heading", name="Ohjaamo Hamina").is_visible()
    assert "Ohjaamo Kouvola" not in local_help.inner_text()
    assert axe_violations(page) == []
    page.screenshot(path="/tmp/shots-issue-14/local-step-375.png", full_page=True)

    page.goto(f"{portal}{self_check_step(path).url}")
    form = page.locator(".self-check").first
    for fieldset in form.locator("fieldset").all():
        fieldset.locator("input[type=radio]").last.check()
    with page.expect_navigation():
        form.get_by_role("button", name="Näytä tulokseni").tap()
    result = page.locator(".self-check__result").first
    text = result.inner_text()
    crisis = result.locator(".crisis-lines")
    assert crisis.count() == 1
    feedback = result.locator(".rich-text")
    crisis_top = crisis.bounding_box()["y"]
    assert crisis_top < feedback.bounding_box()["y"]
    assert crisis.get_by_role("link", name="Soita 112").count()
    assert result.get_by_role("heading", name="Ohjaamo Hamina").count() == 1
    assert "Ohjaamo Kouvola" not in text
    assert axe_violations(page) == []
    result.screenshot(path="/tmp/shots-issue-14/self-check-result-375.png")
    context.close()
