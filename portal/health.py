"""Health endpoints, one per question (docs/operations.md):

- /livez/: is this web process alive? No I/O at all, so that a restart is
  only ever asked for a process that a restart can help (Kubernetes'
  livenessProbe).
- /readyz/: can this web process serve pages? It asks the database, which
  every page needs, and nothing else: pages render with Redis down, so a load
  balancer, a container healthcheck or a readinessProbe must not take web
  nodes out for it.
- /healthz/: the state of every part the portal runs on, for monitoring.

Each check is bounded in time and can only answer up or down; the views
never raise, so a prober always gets JSON and a 200 or a 503.
"""

import logging
import time

import redis
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from .celery import BEAT_HEARTBEAT_KEY, WORKER_HEARTBEAT_PREFIX

logger = logging.getLogger(__name__)


def _broker_client():
    return redis.Redis.from_url(
        settings.CELERY_BROKER_URL, socket_connect_timeout=0.5, socket_timeout=0.5
    )


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone()[0] == 1


def check_cache():
    # django-redis swallows connection errors for pages; health asks directly.
    client = cache.client.get_client(write=True)
    return bool(client.ping())


def check_broker():
    return bool(_broker_client().ping())


def _fresh(value):
    return value is not None and time.time() - float(value) < (
        settings.HEALTH_BEAT_MAX_AGE
    )


def check_worker():
    """At least one worker wrote its heartbeat recently (portal/celery.py)."""
    client = _broker_client()
    keys = list(client.scan_iter(match=WORKER_HEARTBEAT_PREFIX + "*", count=100))
    return any(_fresh(value) for value in client.mget(keys)) if keys else False


def check_beat():
    return _fresh(_broker_client().get(BEAT_HEARTBEAT_KEY))


CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "broker": check_broker,
    "worker": check_worker,
    "beat": check_beat,
}


def run_checks(names=None):
    results = {}
    for name, check in CHECKS.items():
        if names and name not in names:
            continue
        try:
            results[name] = "up" if check() else "down"
        except Exception as exc:  # noqa: BLE001 - any failure means "down"
            logger.warning("health check %s failed: %s", name, type(exc).__name__)
            results[name] = "down"
    return results


@never_cache
def livez(request):
    return JsonResponse({"status": "ok"})


@never_cache
def readyz(request):
    results = run_checks(["database"])
    ready = results["database"] == "up"
    return JsonResponse(
        {"status": "ok" if ready else "unavailable", "checks": results},
        status=200 if ready else 503,
    )


PROBES = {"/livez/": livez, "/readyz/": readyz}


@never_cache
def healthz(request):
    # A broker outage must not make the worker check hang: skip it then.
    results = run_checks(["database", "cache", "broker"])
    if results["broker"] == "up":
        results.update(run_checks(["worker", "beat"]))
    else:
        results.update(worker="down", beat="down")
    healthy = all(state == "up" for state in results.values())
    return JsonResponse(
        {"status": "ok" if healthy else "degraded", "checks": results},
        status=200 if healthy else 503,
    )
