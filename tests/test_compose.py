"""docker-compose.yml describes the stack the tests exercise."""

from pathlib import Path

import yaml

COMPOSE = yaml.safe_load(
    (Path(__file__).resolve().parent.parent / "docker-compose.yml").read_text()
)
SERVICES = COMPOSE["services"]


def test_compose_has_the_whole_stack():
    """PostgreSQL, Redis, web, a worker and a beat are all described."""
    assert {"db", "redis", "web", "worker", "beat"} <= set(SERVICES)


def test_exactly_one_beat_with_the_heartbeat_scheduler():
    """Only one beat runs, and it is the one whose heartbeat /healthz/ reads."""
    beats = [s for s in SERVICES.values() if "beat" in " ".join(s.get("command", []))]
    assert len(beats) == 1
    assert beats[0].get("deploy", {}).get("replicas", 1) == 1
    assert "--scheduler=portal.celery.HeartbeatScheduler" in beats[0]["command"]


def test_app_services_run_production_settings():
    """web, worker and beat use the production settings the tests check."""
    for name in ("web", "worker", "beat"):
        env = SERVICES[name]["environment"]
        assert env["DJANGO_SETTINGS_MODULE"] == "portal.settings.production"
        assert env["REDIS_URL"].startswith("redis://")


def test_broker_redis_never_evicts():
    """The Redis that holds the Celery queue is told never to evict keys."""
    assert "noeviction" in SERVICES["redis"]["command"]


def test_web_runs_a_production_wsgi_server_with_a_health_check():
    """web runs gunicorn and is health-checked on /readyz/, which Redis cannot fail."""
    assert SERVICES["web"]["command"][0] == "gunicorn"
    assert "/readyz/" in " ".join(SERVICES["web"]["healthcheck"]["test"])


def test_uploads_survive_a_new_web_container():
    """Images uploaded in the admin stay when the web container is replaced."""
    assert "media" in COMPOSE["volumes"]
    for name in ("web", "worker"):
        assert "media:/app/var/media" in SERVICES[name]["volumes"]
