"""Fixtures that start the real parts: Celery worker and beat, the test IdP,
and Chromium. PostgreSQL and Redis are started by `make test` (bin/test)."""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis
from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _wait_for_port(host, port, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            sock.settimeout(0.5)
            if sock.connect_ex((host, port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"nothing listens on {host}:{port} after {timeout}s")


def _stop(process):
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _child_env(db_name):
    """The environment a worker or beat needs to share the test database."""
    db = settings.DATABASES["default"]
    env = os.environ.copy()
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.test",
        TEST_DATABASE_URL=(
            f"postgres://{db['USER']}:{db.get('PASSWORD') or ''}@{db['HOST']}:"
            f"{db['PORT']}/{db_name}"
        ),
        PYTHONUNBUFFERED="1",
    )
    return env


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
    from django.core.cache import cache, caches

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
    from portal.celery import app

    db_name = settings.DATABASES["default"]["NAME"]
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "portal",
            "worker",
            "--loglevel=WARNING",
            "--concurrency=2",
            "--hostname=test-worker@%h",
        ],
        cwd=ROOT,
        env=_child_env(db_name),
    )
    deadline = time.monotonic() + 60
    while not app.control.ping(timeout=0.5):
        if process.poll() is not None or time.monotonic() > deadline:
            _stop(process)
            raise RuntimeError("the Celery worker did not start")
    yield process
    _stop(process)


@pytest.fixture(scope="session")
def celery_beat(celery_worker, tmp_path_factory):
    """A real Celery beat process with the portal's heartbeat scheduler."""
    schedule = tmp_path_factory.mktemp("beat") / "schedule"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "portal",
            "beat",
            "--loglevel=WARNING",
            "--scheduler=portal.celery.HeartbeatScheduler",
            f"--schedule={schedule}",
        ],
        cwd=ROOT,
        env=_child_env(settings.DATABASES["default"]["NAME"]),
    )
    yield process
    _stop(process)


@pytest.fixture(scope="session")
def identity_provider():
    """The local test identity provider, a real OIDC server on loopback."""
    from urllib.parse import urlsplit

    issuer = urlsplit(settings.STRONGID_ISSUER)
    process = subprocess.Popen(
        [sys.executable, "-m", "testidp", f"{issuer.hostname}:{issuer.port}"],
        cwd=ROOT,
        env={**os.environ, "TESTIDP_ISSUER": settings.STRONGID_ISSUER},
    )
    try:
        _wait_for_port(issuer.hostname, issuer.port)
    except RuntimeError:
        _stop(process)
        raise
    yield settings.STRONGID_ISSUER
    _stop(process)


@pytest.fixture
def demo_site(transactional_db):
    """The demo content, loaded through the same command `make run` uses."""
    from django.core.management import call_command

    call_command("load_demo", verbosity=0)


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven by Playwright (which cannot download one here)."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs it")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
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
    from axe_playwright_python.sync_playwright import Axe

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
