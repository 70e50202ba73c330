"""Redis stopped for a minute in the middle of a run: nothing lost, the site
stays up, delivery resumes.

    .venv/bin/python bench/reminders_redis_outage.py --count 3000 --outage 60

The bench's own Redis (no persistence, so every queued message is gone when it
stops) is stopped while reminders are being sent and messages wait in the
queue (no earlier than --after seconds). During the outage the
script keeps loading a page and saving reminder preferences through the real
views; after Redis is back the sweeper re-queues what the queue lost.
"""

import datetime as dt
import time

from django.test import Client
from django.urls import reverse
from django.utils import timezone
from reminders_harness import Harness, arguments


def site_checks(harness):
    """A page and a preferences save, through the real views, Redis down."""
    # The apps load only once the harness has set Django up on its settings.
    from accounts.models import User
    from progress.models import Enrolment

    user, _ = User.objects.get_or_create(username="outage-check")
    enrolment, _ = Enrolment.objects.get_or_create(
        user=user,
        path_key="00000000-0000-0000-0000-000000000001",
        defaults={"last_activity_at": timezone.now() - dt.timedelta(days=1)},
    )
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    started = time.monotonic()
    page = client.get("/fi/").status_code
    url = reverse("reminders:preferences", args=[enrolment.public_id])
    shown = client.get(url).status_code
    saved = client.post(
        url,
        {
            "enabled": "on",
            "channel": "email",
            "email": f"nuori{int(time.time())}@example.org",
            "rhythm": "inactive",
            "inactive_days": "3",
            "window_start": "16:00",
            "window_end": "20:00",
            "quiet_start": "21:00",
            "quiet_end": "08:00",
        },
    ).status_code
    return page, shown, saved, time.monotonic() - started


def main():
    parser = arguments(__doc__.splitlines()[0], count=3000)
    parser.add_argument("--outage", type=float, default=60.0)
    parser.add_argument("--after", type=float, default=8.0, help="stop Redis at")
    args = parser.parse_args()
    harness = Harness(args)
    try:
        started = harness.start_run()
        state = {"down": None, "up": None, "checks": []}

        def outage(counts):
            now = time.monotonic()
            # Only while messages wait in the queue: stopping Redis before
            # anything is queued, or after all is sent, tests no message loss.
            queued = counts.get("queued", 0)
            if (
                state["down"] is None
                and now - started >= args.after
                and queued > 0
                and counts.get("sent", 0) > 0
            ):
                harness.stop_redis()
                state["down"] = now
                state["at"] = dict(counts)
                print(
                    f"  Redis STOPPED with {queued} messages queued ({counts})",
                    flush=True,
                )
            elif state["down"] and state["up"] is None:
                state["checks"].append(site_checks(harness))
                if now - state["down"] >= args.outage:
                    harness.start_redis()
                    state["up"] = now
                    print("  Redis started again (empty)", flush=True)

        took = harness.wait_all_sent(args.count, started, on_tick=outage)
        time.sleep(3)
        print()
        checks = state["checks"]
        statuses = {c[:3] for c in checks}
        slowest = max((c[3] for c in checks), default=0)
        print(
            f"Redis down for {state['up'] - state['down']:.0f} s, stopped with "
            f"{state['at'].get('queued', 0)} messages queued (lost with it)"
            if state["up"]
            else "Redis was not stopped (nothing was queued while sending)"
        )
        print(
            f"site during the outage: {len(checks)} rounds, (home page, preferences"
            f" page, save) statuses {sorted(statuses)}, slowest round {slowest:.2f} s"
        )
        if took is None:
            print(f"NOT all delivered within {args.timeout:.0f} s")
        else:
            print(f"all delivered after {took:.1f} s (outage included)")
        lost, duplicates = harness.report(args.count)
        site_up = statuses <= {(200, 200, 302)} and bool(checks)
        print(f"site stayed up:                {site_up}")
        ok = (
            took is not None
            and lost == 0
            and duplicates == 0
            and site_up
            and state["up"] is not None
        )
        return 0 if ok else 1
    finally:
        harness.stop()


if __name__ == "__main__":
    raise SystemExit(main())
