"""Evidence dashboard benchmark (not a test; numbers are printed).

Builds N enrolments with step completions, feedback, referrals and reminders
by set-based inserts (`INSERT … SELECT … generate_series` in PostgreSQL, no
row leaves the server) in a database of its own (created, migrated and
dropped by this run), then times the nightly aggregation and each dashboard
view through Django's test client, signed in as a manager, and prints each
median beside the 300 ms target (≤ 300 ms per view at 100,000 enrolments and
1,000,000 step completions, the defaults). See docs/evidence.md.
"""

import argparse
import datetime
import gc
import os
import signal
import sys
import time
import uuid
from pathlib import Path

import django
import psycopg
from django.core.management import call_command
from django.db import connection, connections
from django.test.utils import setup_test_environment
from django.utils import timezone

TARGET_MS = 300
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--enrolments", type=int, default=100_000)
    parser.add_argument("--steps", type=int, default=10, help="completions each")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--server", default="postgres://postgres@127.0.0.1:5432", help="no db name"
    )
    args = parser.parse_args()
    name = f"polku_bench_evidence_{os.getpid()}"
    # A plain `kill` still drops the run's database (the finally below).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    os.environ["TEST_DATABASE_URL"] = f"{args.server}/{name}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    with psycopg.connect(f"{args.server}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        run(args)
    finally:
        connections.close_all()
        with psycopg.connect(f"{args.server}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')


def run(args):
    django.setup()
    # The apps load once Django is set up on the run's own database (main()
    # names it in the environment first).
    from directory.models import Service
    from evidence import aggregate
    from evidence.months import add_months, last_whole_month
    from paths.models import PathPage
    from referrals.models import ReferralLink
    from reminders.models import Delivery, ReminderPreference
    from tests.staff import make_staff, sign_in

    setup_test_environment()
    print("migrating and loading the demo (minutes on a busy machine)", flush=True)
    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    paths = list(PathPage.objects.live().filter(locale__language_code="fi"))
    path = paths[0]
    # Every enrolment completes `--steps` steps: the path's own, then keys of
    # steps since removed from it (the nightly task counts them all; the
    # dashboard shows the path's steps), so 100,000 x 10 = 1,000,000 rows.
    steps = [str(step.step_key) for step in path.get_steps()][: args.steps]
    steps += [
        str(uuid.uuid5(uuid.NAMESPACE_URL, f"polku-bench-step-{n}"))
        for n in range(args.steps - len(steps))
    ]
    services = list(Service.objects.filter(locale__language_code="fi")[:6])
    user, secret = make_staff("bench-manager", "Managers")
    for service in services:
        ReferralLink.objects.create(
            path_key=path.path_key,
            service=service,
            language="fi",
            created_by=user,
            created_at=timezone.now() - datetime.timedelta(days=400),
        )
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO accounts_user (password, is_superuser, username, first_name,
                last_name, email, is_staff, is_active, date_joined, is_young_person,
                turns_18_on, born_on_leap_day, identity_acr, identity_issuer)
            SELECT '!', false, 'bench-' || g, '', '', '', false, true, now(), true,
                   current_date + (g %% 1800) * interval '1 day', false, '', ''
            FROM generate_series(1, %s) g""",
            [args.enrolments],
        )
        # Started over the last 12 months, most in Finnish, a third completed.
        cursor.execute(
            """
            INSERT INTO progress_enrolment (public_id, user_id, path_key,
                language, municipality, started_at, last_activity_at,
                completed_at)
            SELECT gen_random_uuid(), u.id, %s,
                   (ARRAY['fi','fi','fi','sv'])[1 + u.id %% 4], '',
                   now() - (u.id %% 365) * interval '1 day' - interval '1 hour',
                   now(), CASE WHEN u.id %% 3 = 0 THEN now() END
            FROM accounts_user u WHERE u.username LIKE 'bench-%%'""",
            [str(path.path_key)],
        )
        cursor.execute(
            """
            INSERT INTO progress_stepcompletion (enrolment_id, step_key, completed_at)
            SELECT e.id, s.key::uuid, e.started_at + s.n * interval '1 hour'
            FROM progress_enrolment e
            CROSS JOIN unnest(%s::text[]) WITH ORDINALITY AS s(key, n)""",
            [steps],
        )
        # Half through one of the six links, half without a link.
        cursor.execute(
            """
            INSERT INTO referrals_referredenrolment (enrolment_id, link_id,
                completion_counted)
            SELECT e.id, l.ids[1 + e.id %% 12], false
            FROM progress_enrolment e,
                 (SELECT array_agg(id ORDER BY id) AS ids
                  FROM referrals_referrallink) l
            WHERE e.id %% 12 < array_length(l.ids, 1)""",
            [],
        )
        cursor.execute(
            """
            INSERT INTO referrals_referralopening (link_id, month, n)
            SELECT l.id, date_trunc('month', now() - m * interval '1 month')::date,
                   100 + m
            FROM referrals_referrallink l, generate_series(0, 12) m""",
            [],
        )
        cursor.execute(
            """
            INSERT INTO progress_feedback (path_key, step_key, helpful,
                recommend_score, comment, age_band, day)
            SELECT path_key, NULL, NULL, id %% 11, NULL,
                   (ARRAY['13-15','16-17'])[1 + id %% 2], started_at::date
            FROM progress_enrolment WHERE id %% 2 = 0""",
            [],
        )
        cursor.execute(
            """
            INSERT INTO progress_feedback (path_key, step_key, helpful,
                recommend_score, comment, age_band, day)
            SELECT path_key, %s::uuid, id %% 5 > 0, NULL, NULL,
                   (ARRAY['13-15','16-17'])[1 + id %% 2], started_at::date
            FROM progress_enrolment WHERE id %% 3 = 0""",
            [steps[0]],
        )
        cursor.execute("SELECT id FROM progress_enrolment WHERE id %% 4 = 0", [])
        enrolment_ids = [row[0] for row in cursor.fetchall()]
    # Reminders have many columns with Python defaults: the ORM's bulk insert.
    preferences = ReminderPreference.objects.bulk_create(
        [
            ReminderPreference(enrolment_id=pk, enabled=True, channel="email")
            for pk in enrolment_ids
        ],
        batch_size=5000,
    )
    now = timezone.now()
    Delivery.objects.bulk_create(
        [
            Delivery(
                preference=preference,
                due_at=now - datetime.timedelta(days=preference.enrolment_id % 300),
                channel="email",
                status="sent",
                finished_at=now
                - datetime.timedelta(days=preference.enrolment_id % 300),
            )
            for preference in preferences[::2]
        ],
        batch_size=5000,
    )
    # Let go of the build's Python objects, as a fresh server worker would
    # not hold them: otherwise every garbage collection during the timed
    # requests walks 25,000 model instances and the views look slower.
    del preferences, enrolment_ids
    gc.collect()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        cursor.execute("SELECT count(*) FROM progress_stepcompletion")
        completions = cursor.fetchone()[0]
    print(
        f"built {args.enrolments} enrolments, {completions} step completions "
        f"in {time.perf_counter() - started:.1f} s"
    )
    started = time.perf_counter()
    rows = aggregate.rebuild()
    print(f"nightly aggregation: {time.perf_counter() - started:.2f} s, {rows} rows")

    client = sign_in(user.username, secret)
    last = last_whole_month()
    query = f"path={path.path_key}&language=fi"
    year = f"start={add_months(last, -11):%Y-%m}&end={last:%Y-%m}"
    long = f"start={add_months(last, -35):%Y-%m}&end={last:%Y-%m}"
    views = {
        "dashboard (6 months)": f"/admin/evidence/?{query}",
        "dashboard (12 months)": f"/admin/evidence/?{query}&{year}",
        "dashboard (12 months, quarters)": (
            f"/admin/evidence/?{query}&{year}&by=quarter"
        ),
        "dashboard (36 months)": f"/admin/evidence/?{query}&{long}",
        "export funnel CSV": f"/admin/evidence/export/funnel/?{query}&export=csv",
        "export services XLSX": f"/admin/evidence/export/services/?{query}&export=xlsx",
        "referral numbers": "/admin/referrals/numbers/",
        "admin home (staff panel)": "/admin/",
    }
    print(f"{'view':34} {'median':>8} {'best':>8} {'target':>8}")
    for label, url in views.items():
        client.get(url)  # warm: templates, translations, first queries
        timings = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            response = client.get(url)
            if hasattr(response, "streaming_content"):
                b"".join(response.streaming_content)
            timings.append(time.perf_counter() - started)
            assert response.status_code == 200, (url, response.status_code)
        timings.sort()
        median = 1000 * timings[len(timings) // 2]
        verdict = "ok" if median <= TARGET_MS else "OVER"
        print(
            f"{label:34} {median:5.0f} ms {1000 * timings[0]:5.0f} ms "
            f"{TARGET_MS:5d} ms  {verdict}"
        )
    load = ", ".join(f"{n:.1f}" for n in os.getloadavg())
    print(f"load average {load} on {os.cpu_count()} cores (a shared machine)")


if __name__ == "__main__":
    main()
