"""The Celery application, and the heartbeats of its worker and beat."""

import os
import threading
import time

from celery import Celery
from celery.beat import PersistentScheduler
from celery.signals import worker_ready, worker_shutdown
from django.conf import settings

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

app = Celery("portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

BEAT_HEARTBEAT_KEY = "polku:health:beat"
WORKER_HEARTBEAT_PREFIX = "polku:health:worker:"


class WorkerHeartbeat:
    """Each worker writes "I was alive at <time>" into the broker's Redis.

    /healthz/ reads these keys instead of pinging the workers: a ping has to
    be answered within a second by a worker that may be busy or starved of
    CPU, while a heartbeat only has to be younger than HEALTH_BEAT_MAX_AGE.
    A thread of its own, so that neither a long task nor a blocked event
    loop stops it; it never logs (no lock is held across a pool fork).
    """

    def __init__(self, hostname):
        self.key = WORKER_HEARTBEAT_PREFIX + hostname
        self._stop = threading.Event()
        self._thread = None

    def beat(self):
        with app.connection_for_write() as conn:
            conn.default_channel.client.set(
                self.key, str(time.time()), ex=settings.HEALTH_BEAT_MAX_AGE
            )

    def _run(self):
        while True:
            try:
                self.beat()
            except Exception:  # noqa: BLE001 - Redis may be away; try again
                pass
            if self._stop.wait(settings.HEALTH_BEAT_INTERVAL):
                return

    def start(self):
        self._thread = threading.Thread(
            target=self._run, name="polku-heartbeat", daemon=True
        )
        self._thread.start()

    def stop(self):
        self._stop.set()
        try:
            with app.connection_for_write() as conn:
                conn.default_channel.client.delete(self.key)
        except Exception:  # noqa: BLE001 - the key expires by itself
            pass


_worker_heartbeat = None


@worker_ready.connect
def _start_worker_heartbeat(sender=None, **kwargs):
    global _worker_heartbeat
    _worker_heartbeat = WorkerHeartbeat(sender.hostname)
    _worker_heartbeat.start()


@worker_shutdown.connect
def _stop_worker_heartbeat(**kwargs):
    if _worker_heartbeat is not None:
        _worker_heartbeat.stop()


class HeartbeatScheduler(PersistentScheduler):
    """Beat's own scheduler, plus a heartbeat that /healthz/ reads.

    The key is written from beat's tick, not from a task, so that a dead
    worker does not make beat look dead too.
    """

    _last_beat = 0.0

    def tick(self, *args, **kwargs):
        now = time.time()
        if now - self._last_beat >= settings.HEALTH_BEAT_INTERVAL:
            try:
                with self.app.connection_for_write() as conn:
                    conn.default_channel.client.set(
                        BEAT_HEARTBEAT_KEY, str(now), ex=settings.HEALTH_BEAT_MAX_AGE
                    )
                self._last_beat = now
            except Exception:  # noqa: BLE001 - a heartbeat must never stop beat
                pass
        interval = super().tick(*args, **kwargs)
        return min(interval, settings.HEALTH_BEAT_INTERVAL)
