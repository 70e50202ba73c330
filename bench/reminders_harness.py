"""Shared parts of the reminder benchmarks (not a test; numbers are printed).

Each run gets a Redis server of its own on a free port (never the shared
6379), a PostgreSQL database whose name is unique to the run (created and
migrated at the start, dropped at the end), a real Celery worker and beat with
``bench.reminders_settings``, a local Web Push service (tests/pushservice.py)
that answers after a fixed latency, and a local SMTP relay (aiosmtpd). The
stub channels sit at the protocol boundaries, so every reminder goes through
the real dispatcher, queue, send task, VAPID signing and aes128gcm encryption,
or the real SMTP backend. ``--email-share`` of the reminders go by e-mail.

A reminder that arrives twice counts as a duplicate even when the second copy
carries the same Topic (push) or Message-ID (e-mail): a person who dismissed
the first notification sees it again.
"""

import argparse
import collections
import datetime as dt
import email
import os
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import django
import psycopg
from aiosmtpd.controller import Controller
from django.db import connection, connections
from django.db.models import Count
from django.utils import timezone

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from portal import processes
from portal.processes import ROOT, free_port
from tests.pushservice import PushService


def arguments(description, count=30_000):
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--count", type=int, default=count, help="due reminders")
    parser.add_argument("--latency", type=float, default=0.05, help="push seconds")
    parser.add_argument("--concurrency", type=int, default=4, help="worker procs")
    parser.add_argument(
        "--redis-port", type=int, default=0, help="default: a free port"
    )
    parser.add_argument("--timeout", type=float, default=900, help="give up after")
    parser.add_argument(
        "--email-share", type=float, default=0.25, help="share sent by e-mail"
    )
    parser.add_argument(
        "--server",
        default=os.environ.get(
            "BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432"
        ),
        help="PostgreSQL server; the database is polku_bench_rem_<run id>",
    )
    return parser


class Relay:
    """SMTP relay handler (aiosmtpd) that keeps every message it accepts."""

    def __init__(self):
        self.lock = threading.Lock()
        self.received = []

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content)
        with self.lock:
            self.received.append((message["To"], message["Message-ID"]))
        return "250 Message accepted for delivery"

    def messages(self):
        with self.lock:
            return list(self.received)


class Harness:
    def __init__(self, args):
        self.args = args
        self.redis = None
        self.worker = None
        self.beat = None
        self.push = None
        self.smtp = None
        self.relay = Relay()
        self.run_id = uuid.uuid4().hex[:8]
        if not args.redis_port:
            args.redis_port = free_port()
        args.database = f"{args.server.rstrip('/')}/polku_bench_rem_{self.run_id}"
        self.smtp_port = free_port()
        self.redis_url = f"redis://127.0.0.1:{args.redis_port}"
        self.env = processes.child_env(
            DJANGO_SETTINGS_MODULE="bench.reminders_settings",
            DATABASE_URL=args.database,
            REDIS_URL=self.redis_url,
            BENCH_SMTP_PORT=self.smtp_port,
            DEBUG="0",
        )
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
        self.start_smtp_relay()
        emails = self.email_count()
        print(
            f"seeding {self.args.count} due reminders ({emails} by e-mail)", flush=True
        )
        self.seed(self.args.count)
        self.start_worker()
        self.start_beat()
        time.sleep(3)
        started = time.monotonic()
        self.kick()
        return started

    def start_redis(self):
        self.redis = processes.start(
            processes.redis_command(self.args.redis_port), stdout=subprocess.DEVNULL
        )
        if not processes.wait_for_port("127.0.0.1", self.args.redis_port, 20):
            raise RuntimeError(f"nothing on port {self.args.redis_port}")

    def stop_redis(self):
        processes.stop(self.redis, timeout=10)

    def manage(self, *args):
        subprocess.run(
            processes.manage_command(*args), cwd=ROOT, env=self.env, check=True
        )

    def _admin(self, statement):
        admin = self.args.database.rsplit("/", 1)[0] + "/postgres"
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(statement)

    def fresh_database(self):
        """A database of this run's own: no other run's is ever dropped."""
        name = self.args.database.rsplit("/", 1)[1]
        self._admin(f'CREATE DATABASE "{name}"')
        self.created_database = True
        self.manage("migrate", "--no-input", "-v0")

    def drop_database(self):
        if not getattr(self, "created_database", False):
            return
        connections.close_all()
        name = self.args.database.rsplit("/", 1)[1]
        self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def setup_django(self):
        os.environ.update(self.env)
        django.setup()

    def start_worker(self):
        # A process group of its own, so that kill -9 takes the whole worker
        # host (main process and pool children) at once.
        self.worker = processes.start(
            processes.worker_command(
                loglevel="WARNING",
                concurrency=self.args.concurrency,
                options=("--without-gossip", "--without-mingle"),
            ),
            env=self.env,
            log=self.logs / "reminders-worker.log",
        )

    def kill_worker(self):
        processes.kill(self.worker)

    def start_beat(self):
        self.beat = processes.start(
            processes.beat_command(
                self.logs / "reminders-beat-schedule", loglevel="WARNING"
            ),
            env=self.env,
            log=self.logs / "reminders-beat.log",
        )

    def stop(self):
        processes.stop(self.beat, self.worker, timeout=20)
        if self.push:
            self.push.close()
        if self.smtp:
            self.smtp.stop()
        self.stop_redis()
        self.drop_database()

    # --- data ---------------------------------------------------------------

    def start_push_service(self):
        # The apps load only once setup_django() has run on this run's settings.
        from reminders import vapid

        self.push = PushService(
            expected_key=vapid.application_server_key(),
            latency=self.args.latency,
            decrypt=False,
        )
        return self.push

    def start_smtp_relay(self):
        self.smtp = Controller(self.relay, hostname="127.0.0.1", port=self.smtp_port)
        self.smtp.start()

    def email_count(self):
        return round(self.args.count * self.args.email_share)

    def seed(self, count):
        """``count`` young people, each with one reminder due now; the last
        ``email_count()`` of them by e-mail, the others by web push."""
        # The apps load only once setup_django() has run on this run's settings.
        from accounts.models import User
        from progress.models import Enrolment
        from reminders.models import PushSubscription, ReminderPreference

        info = self.push.subscribe("template")
        keys = info["keys"]
        now = timezone.now()
        by_email = count - self.email_count()
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
                    **(
                        {"channel": "push", "push_subscription": subscription}
                        if i < by_email
                        else {
                            "channel": "email",
                            "email": f"r{i}@example.org",
                            "email_verified_at": now,
                        }
                    ),
                    window_start=dt.time(0, 0),
                    window_end=dt.time(23, 59, 59),
                    quiet_start=dt.time(0, 0),
                    quiet_end=dt.time(0, 0),
                    activity_seen_at=enrolment.last_activity_at,
                    next_due_at=now - dt.timedelta(minutes=1),
                )
                for i, (enrolment, subscription) in enumerate(
                    zip(enrolments, subscriptions, strict=True)
                )
            ],
            batch_size=2000,
        )

    def kick(self):
        """What beat does every minute, once, right now."""
        # The apps load only once setup_django() has run on this run's settings.
        from reminders.tasks import dispatch

        dispatch.delay()

    def counts(self):
        # The apps load only once setup_django() has run on this run's settings.
        from reminders.models import Delivery

        return dict(Delivery.objects.values_list("status").annotate(n=Count("pk")))

    def wait_all_sent(self, count, started, on_tick=None):
        """Poll until every reminder is sent and arrived; returns seconds."""
        deadline = started + self.args.timeout
        last = ""
        while time.monotonic() < deadline:
            counts = self.counts()
            arrived = len({m["topic"] for m in self.push.messages()}) + len(
                {mid for _to, mid in self.relay.messages()}
            )
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
        """Lost and duplicate counts per channel, from the database and from
        what the push service and the SMTP relay received."""
        # The apps load only once setup_django() has run on this run's settings.
        from reminders.models import Delivery

        deliveries = dict(Delivery.objects.values_list("token", "channel").iterator())
        expected = {
            channel: {t.hex for t, c in deliveries.items() if c == channel}
            for channel in ("push", "email")
        }
        # One (person, Topic) or (address, Message-ID) is one reminder shown.
        shown = {
            "push": collections.Counter(
                (m["sub"], m["topic"]) for m in self.push.messages()
            ),
            "email": collections.Counter(
                (to, (mid or "").strip("<>").split("@")[0])
                for to, mid in self.relay.messages()
            ),
        }
        due = {"push": count - self.email_count(), "email": self.email_count()}
        db_duplicates = (
            Delivery.objects.values("preference")
            .annotate(n=Count("pk"))
            .filter(n__gt=1)
            .count()
        )
        lost = duplicates = 0
        print(f"{'':34}{'push':>8}{'e-mail':>8}")
        rows = {}
        for channel in ("push", "email"):
            arrived = {token for _who, token in shown[channel]}
            people = {who for who, _token in shown[channel]}
            received = sum(shown[channel].values())
            again = sum(n - 1 for n in shown[channel].values())
            # Two different reminders to one person is a duplicate as well.
            tokens = collections.defaultdict(set)
            for who, token in shown[channel]:
                tokens[who].add(token)
            second = sum(len(each) - 1 for each in tokens.values())
            missing = len(expected[channel] - arrived) + max(
                0, due[channel] - len(expected[channel])
            )
            rows[channel] = (
                due[channel],
                len(expected[channel]),
                received,
                len(people),
                missing,
                again,
                second,
            )
            lost += missing
            duplicates += again + second
        labels = (
            "reminders due",
            "deliveries recorded",
            "messages received",
            "people reached",
            "lost",
            "same reminder shown again",
            "a second reminder to one person",
        )
        for number, label in enumerate(labels):
            print(
                f"{label + ':':34}{rows['push'][number]:8d}{rows['email'][number]:8d}"
            )
        print(
            "(a re-send with the same Topic or Message-ID counts: "
            "a dismissed notification shows again)"
        )
        if db_duplicates:
            print(f"preferences with two deliveries: {db_duplicates}")
        duplicates += db_duplicates
        print(f"lost: {lost}   duplicates: {duplicates}")
        return lost, duplicates
