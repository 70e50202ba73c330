"""Redirect targets from forms go only to this site."""

import pytest

from .journey import build_path, young_person

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example/",
        "\\\\evil.example",
        "javascript:alert(1)",
        "http://testserver.evil.example/",
        "",
    ],
)
def test_feedback_never_sends_a_person_to_another_site(client, target):
    """After feedback, a forged `next` leads back to the path, not elsewhere."""
    path = build_path()
    client.force_login(young_person())
    client.post(f"/fi/aloita/{path.path_key}/")
    response = client.post(
        f"/fi/palaute/{path.path_key}/", {"helpful": "yes", "next": target}
    )
    assert response.status_code == 302
    assert response["Location"] == path.url


def test_feedback_returns_to_the_page_it_came_from(client):
    """A `next` on this site is honoured."""
    path = build_path()
    client.force_login(young_person())
    client.post(f"/fi/aloita/{path.path_key}/")
    step = path.get_steps()[0]
    response = client.post(
        f"/fi/palaute/{path.path_key}/",
        {"step_key": step.step_key, "helpful": "yes", "next": step.url},
    )
    assert response["Location"] == step.url
