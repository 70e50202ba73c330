"""The malformed inputs found in review answer 4xx, never a 500 or a raw error."""

import pytest

from progress.models import Feedback

from .journey import build_path
from .paths_helpers import client_on_path

pytestmark = pytest.mark.django_db


@pytest.fixture
def path():
    return build_path()


@pytest.mark.parametrize(
    "data",
    [{"score": "²"}, {"score": "9" * 5000}, {"score": "5", "step_key": "x"}],
)
def test_malformed_feedback_is_refused_calmly(path, data):
    """A superscript or 5,000-digit score, or a step key that is no UUID: no
    500, and nothing stored."""
    client, _ = client_on_path(path)
    response = client.post(f"/fi/palaute/{path.path_key}/", data)
    assert response.status_code in (302, 404)
    assert not Feedback.objects.exists()


def test_superscript_revision_shows_no_python_error(path):
    """revision=² is ignored (no "invalid literal for int()" on the page)."""
    client, _ = client_on_path(path)
    step = path.get_steps()[0]
    block = step.body[0]
    response = client.post(
        f"/fi/vastaus/{step.step_key}/",
        {"block_id": block.id, "answer": "moi", "revision": "²"},
    )
    assert response.status_code in (302, 409)
    assert "invalid literal" not in response.content.decode()


@pytest.mark.parametrize("query", ["a\x00b", '"', "'\"<>", "²"])
def test_search_with_nul_or_quotes_answers(client, query):
    """A NUL byte or quotes in the search box give a normal results page."""
    assert client.get("/fi/search/", {"query": query}).status_code == 200


@pytest.mark.parametrize("code", ["%00", "a%00b", "%27%22"])
def test_referral_code_with_nul_is_not_found(client, code):
    """A NUL byte or quotes in /r/<code> is a 404, not a 500."""
    assert client.get(f"/r/{code}").status_code == 404
    assert client.get(f"/fi/r/{code}/").status_code == 404
