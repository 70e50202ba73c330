"""Evidence dashboard benchmark (not a test; numbers are printed).

Builds N enrolments with step completions, feedback, referrals and reminders
by bulk inserts (COPY-free, `generate_series` in SQL) in a PostgreSQL database
of its own (created, migrated and dropped by this run), then times the nightly
aggregation and each dashboard view through Django's test client, signed in
as a manager. Target: ≤ 300 ms per view at 100,000 enrolments and 1,000,000
step completions (`--enrolments 100000 --steps 10`). See docs/evidence.md.
"""

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--enrolments", type=int, default=2000)
    parser.add_argument("--steps", type=int, default=5, help="completions each")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--server", default="postgres://postgres@127.0.0.1:5432", help="no db name"
    )
    args = parser.parse_args()
    name = f"polku_bench_evidence_{os.getpid()}"
    os.environ["TEST_DATABASE_URL"] = f"{args.server}/{name}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    import psycopg

    with psycopg.connect(f"{args.server}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        run(args)
    finally:
        from django.db import connections

        connections.close_all()
        with psycopg.connect(f"{args.server}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')


def run(args):
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    print("migrating and loading the demo (minutes on a busy machine)", flush=True)
    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    from evidence import aggregate
    from paths.models import PathPage
    from referrals.models import ReferralLink
    from tests.staff import make_staff, sign_in

    paths = list(PathPage.objects.live().filter(locale__language_code="fi"))
    path = paths[0]
    steps = [str(step.step_key) for step in path.get_steps()]
    steps = (steps * (args.steps // max(len(steps), 1) + 1))[: args.steps]
    from directory.models import Service

    services = list(Service.objects.filter(locale__language_code="fi")[:6])
    user, _secret = make_staff("bench-manager", "Managers")
    for service in services:
        ReferralLink.objects.create(
            path_key=path.path_key, service=service, language="fi", created_by=user
        )
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO accounts_user (password, is_superuser, username, first_name,
                last_name, email, is_staff, is_active, date_joined, is_young_person,
                turns_18_on, identity_acr, identity_issuer)
            SELECT '!', false, 'bench-' || g, '', '', '', false, true, now(), true,
                   current_date + (g % 1800) * interval '1 day', '', ''
            FROM generate_series(1, %s) g""",
            [args.enrolments],
        )
        cursor.execute(
            """
            INSERT INTO progress_enrolment (public_id, user_id, path_key,
                language, started_at, last_activity_at, completed_at)
            SELECT gen_random_uuid(), u.id, %s,
                   (ARRAY['fi','fi','fi','sv'])[1 + u.id %% 4],
                   now() - (u.id %% 180) * interval '1 day',
                   now(), CASE WHEN u.id %% 3 = 0 THEN now() END
            FROM accounts_user u WHERE u.username LIKE 'bench-%%'""",
            [str(path.path_key)],
        )
        cursor.execute(
            """
            INSERT INTO progress_stepcompletion (enrolment_id, step_key, completed_at)
            SELECT e.id, s.key::uuid, e.started_at + s.n * interval '1 hour'
            FROM progress_enrolment e
            CROSS JOIN unnest(%s::text[]) WITH ORDINALITY AS s(key, n)
            ON CONFLICT DO NOTHING""",
            [list(dict.fromkeys(steps))],
        )
        cursor.execute(
            """
            INSERT INTO referrals_referredenrolment (enrolment_id, link_id,
                completion_counted)
            SELECT e.id, l.id, false FROM progress_enrolment e
            JOIN LATERAL (SELECT id FROM referrals_referrallink
                          ORDER BY id OFFSET e.id %% 12 LIMIT 1) l ON true""",
        )
        cursor.execute(
            """
            INSERT INTO progress_feedback (path_key, step_key, helpful,
                recommend_score, comment, age_band, day)
            SELECT path_key, NULL, NULL, id %% 11, NULL,
                   (ARRAY['13-15','16-17'])[1 + id %% 2], started_at::date
            FROM progress_enrolment WHERE id %% 2 = 0""",
        )
        cursor.execute("SELECT count(*) FROM progress_stepcompletion")
        completions = cursor.fetchone()[0]
    print(
        f"built {args.enrolments} enrolments, {completions} step completions "
        f"in {time.perf_counter() - started:.1f} s"
    )
    started = time.perf_counter()
    rows = aggregate.rebuild()
    print(f"nightly aggregation: {time.perf_counter() - started:.2f} s, {rows} rows")

    client = Client()
    user.set_password("bench-password-0000")
    user.save()
    from allauth.mfa.models import Authenticator

    secret = None
    Authenticator.objects.filter(user=user).delete()
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    import tests.staff

    tests.staff.PASSWORD = "bench-password-0000"
    client = sign_in(user.username, secret)
    query = f"path={path.path_key}&language=fi"
    views = {
        "dashboard (6 months)": f"/admin/evidence/?{query}",
        "dashboard (12 months, quarters)": f"/admin/evidence/?{query}&by=quarter",
        "export funnel CSV": f"/admin/evidence/export/funnel/?{query}&export=csv",
        "export services XLSX": f"/admin/evidence/export/services/?{query}&export=xlsx",
        "referral numbers": "/admin/referrals/numbers/",
        "admin home (staff panel)": "/admin/",
    }
    for label, url in views.items():
        timings = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            response = client.get(url)
            if hasattr(response, "streaming_content"):
                b"".join(response.streaming_content)
            timings.append(time.perf_counter() - started)
            assert response.status_code == 200, (url, response.status_code)
        timings.sort()
        print(
            f"{label:34} median {1000 * timings[len(timings) // 2]:6.0f} ms, "
            f"best {1000 * timings[0]:6.0f} ms"
        )


if __name__ == "__main__":
    main()
