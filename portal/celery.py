"""The Celery application, and the beat scheduler that reports it is alive."""

import os
import time

from celery import Celery
from celery.beat import PersistentScheduler

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

app = Celery("portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

BEAT_HEARTBEAT_KEY = "polku:health:beat"


class HeartbeatScheduler(PersistentScheduler):
    """Beat's own scheduler, plus a heartbeat that /healthz/ reads.

    The key is written from beat's tick, not from a task, so that a dead
    worker does not make beat look dead too.
    """

    _last_beat = 0.0

    def tick(self, *args, **kwargs):
        from django.conf import settings

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
