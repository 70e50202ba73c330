"""Backups restore: a dump restored into a new database reads its answers back,
and wrong keys after a restore say so clearly instead of a 500 per page."""

import contextlib
import subprocess
import uuid

import psycopg
import pytest
from django.core import checks
from django.db import connections
from django.test import override_settings

from accounts.models import User
from progress import keys
from progress.models import Answer, Enrolment, Feedback

from .journey import build_path, young_person

ANSWER = {"text": "Minulla menee nyt paremmin", "ticked": [1, 3]}


def _stored_answer():
    user = User.objects.create_user(f"nuori-{uuid.uuid4().hex[:8]}")
    enrolment = Enrolment.objects.create(user=user, path_key=uuid.uuid4())
    return Answer.objects.create(
        enrolment=enrolment, step_key=uuid.uuid4(), block_id="b1", value=ANSWER
    )


def _pg_args(db):
    return ["-h", db["HOST"], "-p", str(db["PORT"] or 5432), "-U", db["USER"]]


@pytest.fixture
def restored_database(transactional_db):
    """pg_dump of the test database, restored into a database of its own."""
    answer = _stored_answer()
    db = connections["default"].settings_dict
    name = f"polku_restore_{uuid.uuid4().hex[:10]}"
    dump = subprocess.run(
        ["pg_dump", *_pg_args(db), "--format=custom", db["NAME"]],
        capture_output=True,
        check=True,
    ).stdout
    subprocess.run(["createdb", *_pg_args(db), name], check=True)
    subprocess.run(
        ["pg_restore", *_pg_args(db), "--no-owner", "--exit-on-error", "-d", name],
        input=dump,
        capture_output=True,
        check=True,
    )
    yield answer, f"postgres://{db['USER']}@{db['HOST']}:{db['PORT'] or 5432}/{name}"
    subprocess.run(["dropdb", *_pg_args(db), "--force", name], check=True)


def test_a_restored_backup_reads_its_encrypted_answers(restored_database):
    """After a restore from the nightly dump, a young person's answers are there."""
    answer, url = restored_database
    with psycopg.connect(url) as restored:
        (stored,) = restored.execute(
            "SELECT value FROM progress_answer WHERE id = %s", [answer.pk]
        ).fetchone()
    assert "paremmin" not in stored, "the dump holds the answer encrypted"
    field = Answer._meta.get_field("value")
    assert field.from_db_value(stored, None, None) == ANSWER


@contextlib.contextmanager
def wrong_keys():
    """Settings as after a restore with another deployment's salts. The fields
    cache their derived keys: forget them on the way in and on the way out."""

    def forget():
        for model, name in ((Answer, "value"), (Feedback, "comment")):
            field = model._meta.get_field(name)
            for attribute in ("keys", "f"):
                field.__dict__.pop(attribute, None)

    forget()
    try:
        with override_settings(SALT_KEY=["a-salt-of-another-deployment"]):
            yield
    finally:
        forget()


@pytest.mark.django_db
def test_the_start_up_check_names_keys_that_cannot_read_the_answers():
    """`migrate` (the release job) stops with a clear error about the keys."""
    _stored_answer()
    with wrong_keys():
        errors = keys.check_field_keys(databases=["default"])
        from_django = checks.run_checks(
            databases=["default"], tags=[checks.Tags.database]
        )
    assert [error.id for error in errors] == ["polku.E001"]
    assert "FIELD_ENCRYPTION_SALTS" in errors[0].hint
    assert "polku.E001" in [error.id for error in from_django]


@pytest.mark.django_db
def test_the_start_up_check_is_quiet_when_the_keys_read_the_answers():
    """With the right keys the check finds nothing."""
    _stored_answer()
    assert keys.check_field_keys(databases=["default"]) == []


@pytest.mark.django_db
def test_wrong_keys_give_one_clear_page_not_a_500(client):
    """A young person with saved answers sees "not available right now", no crash."""
    path = build_path()
    client.force_login(young_person())
    client.post(f"/fi/aloita/{path.path_key}/")
    step = path.get_steps()[0]
    block_id = step.answerable_blocks()[0][0]
    client.post(f"/fi/vastaus/{step.step_key}/", {"block_id": block_id, "answer": "x"})
    assert client.get(step.url).status_code == 200

    with wrong_keys():
        response = client.get(step.url)
    assert response.status_code == 503
    assert "Tallennetut vastauksesi eivät ole juuri nyt saatavilla" in (
        response.content.decode()
    )
    assert "no-store" in response["Cache-Control"]
