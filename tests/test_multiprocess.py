"""Several processes on one machine, as on several hosts: two gunicorn web
processes, two Celery workers and one beat against the same PostgreSQL and
Redis. Nothing a person relies on may live in one process's memory: the
session, the TOTP replay guard and the claim on a due reminder are shared.
"""

import collections
import os
import re
import subprocess

import pytest
import requests
from django.conf import settings

from portal import processes
from portal.celery import app
from reminders import dispatcher
from reminders.models import Delivery

from .conftest import _child_env
from .reminders_helpers import (
    AFTERNOON,
    push_pref,
    wait_until,
)
from .staff import PASSWORD, current_totp_code, make_staff

pytestmark = pytest.mark.usefixtures("locales")

REMINDERS = 20
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _answers(url):
    try:
        return requests.get(url, timeout=2).status_code == 200
    except requests.RequestException:
        return False


def _start_web(env):
    """A gunicorn web process with sync workers on a free port; (process, url)."""
    address = f"127.0.0.1:{processes.free_port()}"
    process = processes.start(
        processes.gunicorn_command(address), env=env, stdout=subprocess.DEVNULL
    )
    return process, f"http://{address}"


@pytest.fixture
def webs(transactional_db):
    """Two web processes (A and B) on the test database; their base URLs.

    Started per test: the flush after a transactional test makes new content
    type rows, which a web process's content type cache would not know.

    MULTIPROCESS_WEB_B_OVERRIDES (JSON, settings) is given to web B only: it
    is how the replay test was broken once on purpose (docs/operations.md).
    """
    env = _child_env(settings.DATABASES["default"]["NAME"])
    env_b = dict(env)
    if os.environ.get("MULTIPROCESS_WEB_B_OVERRIDES"):
        env_b["POLKU_TEST_OVERRIDES"] = os.environ["MULTIPROCESS_WEB_B_OVERRIDES"]
    started = [_start_web(env), _start_web(env_b)]
    try:
        for process, url in started:
            assert wait_until(
                lambda p=process, u=url: (
                    p.poll() is not None or _answers(f"{u}/livez/")
                ),
                timeout=60,
            )
            assert process.poll() is None, f"gunicorn at {url} exited"
        yield [url for _process, url in started]
    finally:
        processes.stop(*(process for process, _url in started))


def _password_step(browser, web, username):
    """Username and password on `web`; answers the TOTP page that follows."""
    form = browser.get(f"{web}/accounts/login/", timeout=30)
    token = CSRF.search(form.text).group(1)
    return browser.post(
        f"{web}/accounts/login/",
        {"login": username, "password": PASSWORD, "csrfmiddlewaretoken": token},
        timeout=30,
    )


def _code_step(browser, web, page, code):
    token = CSRF.search(page.text).group(1)
    return browser.post(
        f"{web}/accounts/2fa/authenticate/",
        {"code": code, "csrfmiddlewaretoken": token},
        timeout=30,
    )


def _admin_status(browser, web):
    """The Django admin's index: it needs no Wagtail page tree (which the
    flush after a transactional test removes), only a signed-in staff member."""
    return browser.get(
        f"{web}/django-admin/", allow_redirects=False, timeout=30
    ).status_code


@pytest.mark.django_db(transaction=True)
def test_a_staff_session_made_on_one_web_process_continues_on_the_other(webs):
    """Signed in through web A, the same cookie opens the admin on web B."""
    web_a, web_b = webs
    _user, secret = make_staff("ohjaaja", superuser=True)
    browser = requests.Session()
    page = _password_step(browser, web_a, "ohjaaja")
    _code_step(browser, web_a, page, current_totp_code(secret))
    assert _admin_status(browser, web_a) == 200

    assert _admin_status(browser, web_b) == 200
    dashboard = browser.get(f"{web_b}/django-admin/", timeout=30)
    assert "ohjaaja" in dashboard.text
    # And a stranger's cookie jar is not signed in on web B.
    assert _admin_status(requests.Session(), web_b) == 302


@pytest.mark.django_db(transaction=True)
def test_a_totp_code_used_on_one_web_process_is_refused_on_the_other(webs):
    """A TOTP code accepted on web A is refused when replayed on web B."""
    web_a, web_b = webs
    _user, secret = make_staff("ohjaaja", superuser=True)
    code = current_totp_code(secret)

    first = requests.Session()
    _code_step(first, web_a, _password_step(first, web_a, "ohjaaja"), code)
    assert _admin_status(first, web_a) == 200

    replay = requests.Session()
    answer = _code_step(replay, web_b, _password_step(replay, web_b, "ohjaaja"), code)
    assert answer.status_code == 200  # the code form again, with an error
    assert "/accounts/2fa/authenticate/" in answer.url
    assert _admin_status(replay, web_b) == 302


@pytest.fixture
def second_worker(celery_worker):
    """One more worker host on the session broker, beside the session worker."""

    hostname = f"second-worker-{os.getpid()}@%h"
    process = processes.start(
        processes.worker_command(loglevel="WARNING", hostname=hostname),
        env=_child_env(settings.DATABASES["default"]["NAME"]),
    )
    try:
        assert wait_until(
            lambda: (
                process.poll() is not None or len(app.control.ping(timeout=0.5)) >= 2
            ),
            timeout=60,
        )
        assert process.poll() is None, "the second worker exited"
        yield process
    finally:
        processes.stop(process)


def _sent_by_worker():
    """Per worker host: how many reminder send tasks it has run."""

    stats = app.control.inspect(timeout=2).stats() or {}
    return {
        name: sum(n for task, n in info.get("total", {}).items() if "send" in task)
        for name, info in stats.items()
    }


@pytest.mark.django_db(transaction=True)
def test_every_due_reminder_is_sent_exactly_once_by_two_workers(
    push_service,
    celery_worker,
    second_worker,
    celery_beat,
    settings,
):
    """20 due reminders, two workers and a beat: each arrives once, none lost."""
    settings.REMINDERS_SEND_CHUNK = 1  # one task each, spread over both workers
    for number in range(REMINDERS):
        push_pref(push_service, username=f"nuori{number}")
    before = _sent_by_worker()

    assert dispatcher.dispatch(now=AFTERNOON) == REMINDERS
    assert dispatcher.dispatch(now=AFTERNOON) == 0  # claimed: not due again
    assert wait_until(
        lambda: Delivery.objects.filter(status="sent").count() == REMINDERS,
        timeout=60,
    ), list(Delivery.objects.values_list("status", "error"))
    assert wait_until(lambda: len(push_service.messages()) >= REMINDERS)

    per_subscription = collections.Counter(m["sub"] for m in push_service.messages())
    assert len(per_subscription) == REMINDERS
    assert set(per_subscription.values()) == {1}
    after = _sent_by_worker()
    busy = [name for name in after if after[name] > before.get(name, 0)]
    assert len(busy) == 2, (before, after)
