"""Health by purpose: /livez/ (alive), /readyz/ (can serve pages), /healthz/ (all)."""

import time

import pytest
import redis
from django.conf import settings
from django.test import override_settings

from portal import health
from portal.celery import WORKER_HEARTBEAT_PREFIX, WorkerHeartbeat

from .conftest import on_redis


@pytest.mark.django_db
def test_liveness_and_readiness_stay_200_with_redis_down(client, own_redis):
    """A load balancer keeps a web node whose Redis is down: it still serves pages."""
    port, process = own_redis
    with on_redis(port):
        process.kill()
        process.wait()
        assert client.get("/healthz/").status_code == 503
        live = client.get("/livez/")
        ready = client.get("/readyz/")
    assert live.status_code == 200
    assert ready.status_code == 200
    assert ready.json()["checks"] == {"database": "up"}


@pytest.mark.django_db
def test_readiness_fails_without_the_database_but_liveness_does_not(
    client, monkeypatch
):
    """Without its database a web node is taken out, not restarted in a loop."""

    def broken():
        raise RuntimeError("database away")

    monkeypatch.setitem(health.CHECKS, "database", broken)
    assert client.get("/readyz/").status_code == 503
    assert client.get("/livez/").status_code == 200


@pytest.mark.django_db
@override_settings(ALLOWED_HOSTS=["polku.example.fi"], SECURE_SSL_REDIRECT=True)
def test_probes_answer_an_orchestrator_that_uses_the_pod_address(client):
    """Kubernetes probes by pod IP over HTTP; they get an answer, not a 400 or 301."""
    assert client.get("/livez/", HTTP_HOST="10.1.2.3:8000").status_code == 200
    assert client.get("/readyz/", HTTP_HOST="10.1.2.3:8000").status_code == 200
    assert client.get("/fi/", HTTP_HOST="10.1.2.3:8000").status_code == 400


@pytest.mark.django_db
def test_worker_health_reads_the_heartbeat_each_worker_writes(client, own_redis):
    """A worker counts as up while its heartbeat is fresh, as down when it is old."""
    port, _process = own_redis
    with on_redis(port), override_settings(HEALTH_BEAT_MAX_AGE=10):
        assert client.get("/healthz/").json()["checks"]["worker"] == "down"

        WorkerHeartbeat("busy-worker@host").beat()
        assert client.get("/healthz/").json()["checks"]["worker"] == "up"

        broker = redis.Redis(port=port, db=0)
        assert broker.ttl(WORKER_HEARTBEAT_PREFIX + "busy-worker@host") > 0
        broker.set(WORKER_HEARTBEAT_PREFIX + "busy-worker@host", time.time() - 60)
        assert client.get("/healthz/").json()["checks"]["worker"] == "down"


@pytest.mark.django_db
def test_a_running_worker_keeps_its_heartbeat_fresh(celery_worker):
    """The real worker process writes its heartbeat again and again."""

    broker = redis.Redis.from_url(settings.CELERY_BROKER_URL)

    def stamps():
        keys = list(broker.scan_iter(match=WORKER_HEARTBEAT_PREFIX + "test-worker@*"))
        return [float(v) for v in broker.mget(keys)] if keys else []

    deadline = time.monotonic() + 30
    while not stamps() and time.monotonic() < deadline:
        time.sleep(0.2)
    first = max(stamps())
    time.sleep(settings.HEALTH_BEAT_INTERVAL * 2.5)
    assert max(stamps()) > first
