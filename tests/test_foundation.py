"""The foundation: pages in three languages, sitemap, robots, health."""

import time

import pytest

from portal import health
from portal.settings.base import BASE_DIR as ROOT

from .conftest import on_redis
from .production import manage_in_production


@pytest.fixture
def client_demo(demo_site, client):
    return client


def test_root_redirects_to_finnish(client_demo):
    """A visitor at / lands on the Finnish front page."""
    response = client_demo.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/fi/"


@pytest.mark.parametrize(
    ("lang", "title"),
    [
        ("fi", "Polku – tukea arkeen"),
        ("sv", "Polku – stöd i vardagen"),
        ("en", "Polku – support for everyday life"),
    ],
)
def test_home_page_in_each_language(client_demo, lang, title):
    """The home page renders in fi, sv and en with the right lang and help box."""
    response = client_demo.get(f"/{lang}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in html
    assert title in html
    assert 'href="tel:112"' in html  # the help box is on every page
    assert "data-quick-exit" in html


def test_ui_strings_are_translated(client_demo):
    """Interface strings follow the page language, Finnish first."""
    fi = client_demo.get("/fi/").content.decode()
    sv = client_demo.get("/sv/").content.decode()
    assert "Poistu sivulta" in fi
    assert "Lämna sidan" in sv
    assert "Tarvitsetko apua heti?" in fi


def test_language_switcher_links_to_the_translation(client_demo):
    """The language switcher on a content page points at that page's translations."""
    html = client_demo.get("/fi/apua-heti/").content.decode()
    assert 'href="/sv/hjalp-genast/"' in html
    assert 'href="/en/help-now/"' in html


def test_sitemap_lists_every_page_in_every_language(client_demo):
    """sitemap.xml has each public page in fi, sv and en."""
    xml = client_demo.get("/sitemap.xml").content.decode()
    for path in ("/fi/", "/sv/", "/en/", "/fi/tietosuoja/", "/sv/dataskydd/"):
        assert f"{path}</loc>" in xml
    assert "/en/privacy/</loc>" in xml


def test_robots_txt_points_at_sitemap(client):
    """robots.txt keeps crawlers out of the admin and names the sitemap."""
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in text
    assert "/sitemap.xml" in text


def test_search_finds_pages_in_the_active_language(client_demo):
    """Search returns pages of the language being browsed, not the others."""
    html = client_demo.get("/en/search/", {"query": "privacy"}).content.decode()
    assert "/en/privacy/" in html
    assert "/fi/tietosuoja/" not in html


def test_public_pages_send_a_strict_content_security_policy(client_demo):
    """Public pages forbid every third-party source through CSP."""
    policy = client_demo.get("/fi/")["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy


@pytest.mark.django_db
def test_healthz_all_up(client, celery_worker, celery_beat):
    """/healthz/ answers 200 when database, cache, broker, worker and beat are up."""
    deadline = time.monotonic() + 90  # beat may take half a minute to start
    while True:
        response = client.get("/healthz/")
        if response.status_code == 200 or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    assert response.status_code == 200, response.json()
    assert set(response.json()["checks"].values()) == {"up"}


def test_stopping_redis_degrades_health_but_not_pages(demo_site, client, own_redis):
    """With Redis stopped, /healthz/ says 503 while content pages still render."""
    port, process = own_redis
    with on_redis(port):
        before = client.get("/healthz/").json()["checks"]
        assert before["cache"] == before["broker"] == "up"

        process.kill()
        process.wait()

        response = client.get("/healthz/")
        assert response.status_code == 503
        assert response.json()["checks"]["cache"] == "down"
        assert response.json()["checks"]["broker"] == "down"
        page = client.get("/fi/apua-heti/")
        assert page.status_code == 200
        assert "Tarvitsetko apua heti?" in page.content.decode()


@pytest.mark.django_db
def test_healthz_never_raises_when_the_database_fails(client, monkeypatch):
    """A failing check turns into "down" and a 503, never a 500."""

    def broken():
        raise RuntimeError("boom")

    monkeypatch.setitem(health.CHECKS, "database", broken)
    response = client.get("/healthz/")
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == "down"


def test_production_settings_refuse_to_start_without_secrets():
    """Production settings stop at import when a required secret is missing."""
    result = manage_in_production("check", SECRET_KEY=None)
    assert result.returncode != 0
    assert "SECRET_KEY must be set in production" in result.stderr


def test_production_settings_pass_the_deploy_check():
    """With real secrets, `manage.py check --deploy` finds nothing to warn about."""
    result = manage_in_production("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_settings_refuse_a_loopback_identity_provider():
    """Production refuses to start with the local test IdP as its issuer."""
    result = manage_in_production("check", STRONGID_ISSUER="http://127.0.0.1:8001")
    assert result.returncode != 0
    assert "loopback" in result.stderr


def test_production_settings_refuse_test_identity_codes():
    """Production refuses to start when test identity codes are allowed."""
    result = manage_in_production("check", STRONGID_ALLOW_TEST_CODES="1")
    assert result.returncode != 0
    assert "Test identity codes" in result.stderr


def _env_example():
    """`.env.example` as shipped, read like docker compose reads it."""
    values = {}
    for line in (ROOT / ".env.example").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            key, _, value = line.partition("=")
            values[key.strip()] = value.strip()
    values["DATABASE_URL"] = (
        f"postgres://polku:{values.pop('POSTGRES_PASSWORD')}@db:5432/polku"
    )
    values.setdefault("REDIS_URL", "redis://redis:6379")
    return values


def test_deploy_check_fails_with_env_example_as_shipped():
    """`check --deploy` with `.env.example` unchanged stops, naming each placeholder."""
    result = manage_in_production("check", "--deploy", **_env_example())
    assert result.returncode != 0
    for name in (
        "SECRET_KEY",
        "FIELD_ENCRYPTION_SALTS",
        "STRONGID_UID_KEYS",
        "MFA_ENCRYPTION_KEYS",
        "STRONGID_CLIENT_SECRET",
        "REMINDERS_VAPID_PRIVATE_KEY",
        "DATABASE_URL",
    ):
        assert f"{name} still holds a placeholder value" in result.stderr, name


@pytest.mark.parametrize(
    "name,value",
    [
        ("SECRET_KEY", "x" * 49),
        ("FIELD_ENCRYPTION_SALTS", "Jq8vN3xZ0pLwTr5d,short"),
        ("STRONGID_UID_KEYS", "3:too-short-a-key"),
        ("MFA_ENCRYPTION_KEYS", "short-mfa-key"),
    ],
)
def test_production_refuses_short_secrets(name, value):
    """A short secret or key stops production at start, naming the setting."""
    result = manage_in_production("check", **{name: value})
    assert result.returncode != 0
    assert f"{name}: every value must be at least" in result.stderr


@pytest.mark.parametrize(
    "issuer",
    [
        "http://[::1]:8001",
        "https://[::1]",
        "http://0.0.0.0:8001",
        "https://0.0.0.0",
        "HTTP://LOCALHOST:8001",
        "https://LOCALHOST",
        "https://localhost.",
        "https://idp.localhost",
        "https://127.0.0.1",
        "https://127.8.9.10",
        "https://127.1",
        "https://2130706433",
        "https://[::ffff:127.0.0.1]",
        "https://[::]",
    ],
)
def test_production_refuses_any_loopback_issuer(issuer):
    """Every spelling of a loopback or unspecified address is refused as issuer."""
    result = manage_in_production("check", STRONGID_ISSUER=issuer)
    assert result.returncode != 0
    assert "STRONGID_ISSUER must not be a loopback address" in result.stderr


def test_production_refuses_a_plain_http_issuer():
    """An issuer without TLS is refused."""
    result = manage_in_production("check", STRONGID_ISSUER="http://broker.example.fi")
    assert result.returncode != 0
    assert "STRONGID_ISSUER must be an https:// address" in result.stderr


def test_production_refuses_any_host():
    """ALLOWED_HOSTS=* is refused."""
    result = manage_in_production("check", ALLOWED_HOSTS="*")
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must name the site's hosts" in result.stderr


def test_production_refuses_sqlite():
    """A SQLite DATABASE_URL is refused: production runs on PostgreSQL."""
    result = manage_in_production("check", DATABASE_URL="sqlite:////tmp/polku.db")
    assert result.returncode != 0
    assert "DATABASE_URL must point at PostgreSQL" in result.stderr
