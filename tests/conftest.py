"""Fixtures that start the real parts: Celery worker and beat, the test IdP,
and Chromium. PostgreSQL and Redis are started by `make test` (bin/test)."""

import os
import subprocess
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import redis
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.core.cache import cache, caches
from django.core.management import call_command
from django.test import override_settings
from playwright.sync_api import sync_playwright

from portal import processes
from portal.celery import app

PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Fixtures shared by several test modules: the demo directory (`directory_site`,
# `finder`), the site's locales and the local push service (`locales`,
# `push_service`).
pytest_plugins = ["tests.directory_helpers", "tests.reminders_helpers"]


def _child_env(db_name):
    """The environment a worker or beat needs to share the test database."""
    db = settings.DATABASES["default"]
    return processes.child_env(
        DJANGO_SETTINGS_MODULE="portal.settings.test",
        TEST_DATABASE_URL=(
            f"postgres://{db['USER']}:{db.get('PASSWORD') or ''}@{db['HOST']}:"
            f"{db['PORT']}/{db_name}"
        ),
    )


@pytest.fixture(autouse=True, scope="session")
def _clean_redis():
    """Each run starts with empty test databases in Redis."""
    for url in (settings.CELERY_BROKER_URL, settings.CACHES["default"]["LOCATION"]):
        redis.Redis.from_url(url).flushdb()


@pytest.fixture(autouse=True)
def _fresh_cache(request):
    """Each test starts with an empty cache, and with no rate limits or used
    TOTP codes: one test's failed logins must not lock out the next.

    The security cache is a PostgreSQL table: a test in a rolled-back
    transaction leaves nothing there, a transactional one is cleaned up here
    (the flush between tests empties only model tables)."""

    cache.clear()
    marker = request.node.get_closest_marker("django_db")
    transactional = bool(
        {"transactional_db", "live_server"} & set(request.fixturenames)
        or (marker and marker.kwargs.get("transaction"))
    )
    if transactional:
        request.getfixturevalue("transactional_db")
        caches["security"].clear()
    yield
    if transactional:
        caches["security"].clear()


@pytest.fixture(scope="session")
def celery_worker(django_db_setup, django_db_blocker):
    """A real Celery worker process on the real Redis and the test database."""

    db_name = settings.DATABASES["default"]["NAME"]
    process = processes.start(
        processes.worker_command(loglevel="WARNING", hostname="test-worker@%h"),
        env=_child_env(db_name),
    )
    deadline = time.monotonic() + 60
    while not app.control.ping(timeout=0.5):
        if process.poll() is not None or time.monotonic() > deadline:
            processes.stop(process)
            raise RuntimeError("the Celery worker did not start")
    yield process
    processes.stop(process)


@pytest.fixture(scope="session")
def celery_beat(celery_worker, tmp_path_factory):
    """A real Celery beat process with the portal's heartbeat scheduler."""
    schedule = tmp_path_factory.mktemp("beat") / "schedule"
    process = processes.start(
        processes.beat_command(schedule, loglevel="WARNING"),
        env=_child_env(settings.DATABASES["default"]["NAME"]),
    )
    yield process
    processes.stop(process)


@pytest.fixture(scope="session")
def identity_provider():
    """The local test identity provider, a real OIDC server on loopback."""

    issuer = urlsplit(settings.STRONGID_ISSUER)
    process = processes.start(
        processes.idp_command(f"{issuer.hostname}:{issuer.port}"),
        env=processes.idp_env(os.environ, settings.STRONGID_ISSUER),
    )
    if not processes.wait_for_port(issuer.hostname, issuer.port):
        processes.stop(process)
        raise RuntimeError(f"nothing listens on {issuer.netloc} after 30s")
    yield settings.STRONGID_ISSUER
    processes.stop(process)


@pytest.fixture
def own_redis():
    """A Redis server of this test's own, so that stopping it harms nobody else."""
    port = processes.free_port()
    process = processes.start(processes.redis_command(port), stdout=subprocess.DEVNULL)
    processes.wait_for_port("127.0.0.1", port, timeout=5)
    yield port, process
    processes.kill(process)


def on_redis(port):
    """Settings that put the cache and the broker on the Redis at `port`."""
    url = f"redis://127.0.0.1:{port}"
    caches = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"{url}/1",
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        }
    }
    return override_settings(CACHES=caches, CELERY_BROKER_URL=f"{url}/0")


@pytest.fixture
def demo_site(transactional_db):
    """The demo content, loaded through the same command `make run` uses."""

    call_command("load_demo", verbosity=0)


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven by Playwright (which cannot download one here)."""

    if not Path(processes.CHROMIUM).exists():
        pytest.fail(f"{processes.CHROMIUM} is missing: `make test` installs it")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=processes.CHROMIUM,
            args=processes.CHROMIUM_ARGS,
            headless=True,
        )
        yield instance
        instance.close()


@pytest.fixture
def phone(browser):
    """A fresh browser context at 375 px, like a young person's phone."""
    context = browser.new_context(
        viewport=PHONE, locale="fi-FI", has_touch=True, is_mobile=True
    )
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def desktop(browser):
    """A fresh browser context at 1280 px."""
    context = browser.new_context(viewport=DESKTOP, locale="fi-FI")
    page = context.new_page()
    yield page
    context.close()


def axe_violations(page):
    """axe-core's violations on the page as readable lines (empty when clean)."""

    results = Axe().run(page)
    return [
        f"{item['id']}: {item['help']} ({len(item['nodes'])} nodes: "
        f"{item['nodes'][0]['target']})"
        for item in results.response["violations"]
    ]


# --- Browser helpers shared by the browser tests -----------------------------


def phone_context(browser, javascript=True):
    """A new 375 px phone context and its page (the caller closes the context)."""
    context = browser.new_context(
        viewport=PHONE,
        locale="fi-FI",
        has_touch=True,
        is_mobile=True,
        java_script_enabled=javascript,
    )
    return context, context.new_page()


def assert_accessible(page):
    """axe-core finds nothing on the page."""
    violations = axe_violations(page)
    assert violations == [], (page.url, violations)
