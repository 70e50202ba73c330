"""A school class identifies at once: time 30 strong identifications.

Not a test: a benchmark. Each simulated pupil has a cookie jar of their own and
goes through the real flow a QR code starts: the path intro -> "Start the
path" -> local test IdP -> callback -> enrolment -> the first step page, all
starting together behind a barrier. Prints p50/p95/max of the whole login
(intro to first step rendered) and of the portal's callback (the part that
verifies the token and saves the account).

    .venv/bin/python bench/login_burst.py                 # against `make run`
    .venv/bin/python bench/login_burst.py --spawn         # starts web + IdP itself
    .venv/bin/python bench/login_burst.py --logins 60 --portal http://127.0.0.1:8000

--spawn creates a database of its own (dropped at the end; cache prefix of
the run too), migrates it, loads the demo content, and runs gunicorn with the
worker count docker-compose uses (3 sync workers; `--runserver` for `make run`'s
threaded server) and `python -m testidp` on free loopback ports (settings
DJANGO_SETTINGS_MODULE, default portal.settings.dev, DEBUG off; Redis
BENCH_REDIS_URL, default redis://127.0.0.1:6379).

    .venv/bin/python bench/login_burst.py --spawn --webs 1,2

runs the class once against one web process and once against two (issue #15:
each pupil starts on one and finishes the callback and first step on the
other), and prints the figures side by side with the load average.
"""

import argparse
import datetime
import os
import re
import signal
import statistics
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from accounts.hetu import birth_date_for_age, make_code
from portal import processes
from portal.processes import ROOT

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
PATH_LINK = re.compile(r'href="(/fi/[^"/]+/[^"/]+/)"')
# The intro's "Start the path" form: it posts to the start view, which sends
# an anonymous visitor on to identification and enrols them on the way back.
START = re.compile(
    r'<form class="path-cta" method="post" action="(/fi/[^"]*/[0-9a-f-]{36}/)"'
)
COMPOSE_WORKERS = 3
PG = "postgres://postgres@127.0.0.1:5432"
LOA2 = "http://ftn.ficora.fi/2017/loa2"


def pupil_codes(count, age=15):
    """Distinct pupils of one age with test (9xx) identity codes."""
    born = birth_date_for_age(age, datetime.date.today())
    return [
        make_code(born - datetime.timedelta(days=i // 100), individual=900 + i % 100)
        for i in range(count)
    ]


def on(portal, url):
    """`url` (absolute or not) sent to the web process at `portal`."""
    return urljoin(portal + "/", urlsplit(url)._replace(scheme="", netloc="").geturl())


def one_login(portals, intro, code, barrier, results, index):
    """One pupil; with two web processes the login hops between them.

    The intro, the start and the IdP redirect go to one process, the callback
    and the first step to the other: the state, nonce and session saved by one
    process must be read by the other (sessions are in PostgreSQL).
    """
    portal = portals[index % len(portals)]
    other = portals[(index + 1) % len(portals)]
    # As behind a load balancer: every process sees the same host name (the
    # OIDC redirect URI is built from it and must match at the token call).
    host = {"Host": urlsplit(portal).netloc}
    session = requests.Session()
    try:
        barrier.wait()
        started = time.perf_counter()
        page = session.get(f"{portal}{intro}", timeout=60)
        start = START.search(page.text).group(1)
        token = CSRF.search(page.text).group(1)
        begin = session.post(
            f"{portal}{start}",
            data={"csrfmiddlewaretoken": token},
            headers={"Referer": f"{portal}{intro}"},
            allow_redirects=False,
            timeout=60,
        )
        authorize = begin.headers["Location"]
        params = {k: v[0] for k, v in parse_qs(urlsplit(authorize).query).items()}
        session.get(authorize, timeout=60)
        answer = session.post(
            authorize.split("?")[0],
            data={**params, "hetu": code, "acr": LOA2, "broken": "", "action": "login"},
            allow_redirects=False,
            timeout=60,
        )
        callback = on(other, answer.headers["Location"])
        callback_started = time.perf_counter()
        done = session.get(callback, headers=host, allow_redirects=False, timeout=60)
        callback_finished = time.perf_counter()
        signed_in = done.status_code == 302 and done.headers.get("Location") == start
        step = session.get(
            on(other, done.headers["Location"]), headers=host, timeout=60
        )
        finished = time.perf_counter()
        ok = signed_in and step.status_code == 200 and "step__progress" in step.text
        results[index] = (
            ok,
            finished - started,
            callback_finished - callback_started,
            "" if ok else f"ended on {step.url} ({step.status_code})",
        )
    except (requests.RequestException, KeyError, AttributeError) as exc:
        # A benchmark reports failures; it does not stop at the first.
        results[index] = (False, 0.0, 0.0, f"{type(exc).__name__}: {exc}")


def burst(portals, intro, count, age=15, first=0):
    codes = pupil_codes(count + first, age)[first:]
    barrier = threading.Barrier(count)
    results = [None] * count
    threads = [
        threading.Thread(
            target=one_login, args=(portals, intro, code, barrier, results, i)
        )
        for i, code in enumerate(codes)
    ]
    wall = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, time.perf_counter() - wall


def percentile(values, p):
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1]


def report(results, wall, label):
    """Prints one burst; returns its figures (None if nobody signed in)."""
    good = [r for r in results if r and r[0]]
    failed = [r for r in results if not r or not r[0]]
    print(
        f"{label}: {len(results)} logins started at once; {len(good)} signed in, "
        f"{len(failed)} failed; wall time {wall:.2f} s; load average {load_average()}"
    )
    for _, _, _, reason in failed[:5]:
        print(f"  failed: {reason or 'not signed in'}")
    if not good:
        return None
    figures = {"errors": len(failed), "wall": wall}
    for name, column in (("whole login", 1), ("portal callback", 2)):
        values = sorted(r[column] for r in good)
        figures[name] = (
            percentile(values, 50),
            percentile(values, 95),
            values[-1],
        )
    return figures


def load_average():
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def wait_for(url, seconds=240):
    if not processes.wait_for_url(url, seconds, ok=lambda s: s and s < 500):
        sys.exit(f"{url} did not come up")


def path_intro(portal):
    """The first path linked from the Finnish home page."""
    home = requests.get(f"{portal}/fi/", timeout=60).text
    for link in PATH_LINK.findall(home):
        if START.search(requests.get(f"{portal}{link}", timeout=60).text):
            return link
    sys.exit("No path intro with a start button is linked from /fi/.")


def spawn_env(run_id):
    """Settings for the spawned processes: a database and cache prefix of this run."""
    redis = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379").rstrip("/")
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": os.environ.get(
            "DJANGO_SETTINGS_MODULE", "portal.settings.dev"
        ),
        "DATABASE_URL": f"{PG}/polku_burst_{run_id}",
        "REDIS_URL": redis,
        "CACHE_URL": f"{redis}/6",
        "CACHE_KEY_PREFIX": f"burst-{run_id}",
        "CELERY_BROKER_URL": f"{redis}/5",
        "DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "LOG_LEVEL": os.environ.get("LOG_LEVEL", "WARNING"),
    }


def prepare(env):
    """Creates the run's database, migrates it and loads the demo content."""
    name = urlsplit(env["DATABASE_URL"]).path.lstrip("/")
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", name], check=True)
    for command in (["migrate", "--no-input", "-v0"], ["load_demo"]):
        subprocess.run(
            processes.manage_command(*command),
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )


def drop(env):
    name = urlsplit(env["DATABASE_URL"]).path.lstrip("/")
    subprocess.run(
        ["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", "--force", name],
        check=False,
    )


def spawn(env, webs=1, runserver=False):
    """`webs` web processes and an IdP on free loopback ports; (urls, processes)."""
    idp = f"127.0.0.1:{processes.free_port()}"
    webs = [f"127.0.0.1:{processes.free_port()}" for _ in range(webs)]
    env = processes.idp_env(env, f"http://{idp}")
    started = [
        processes.start(processes.idp_command(idp), env=env, stderr=subprocess.DEVNULL)
    ]
    for web in webs:
        started.append(
            processes.start(
                processes.runserver_command(web)
                if runserver
                else processes.gunicorn_command(
                    web, workers=COMPOSE_WORKERS, log_level=None
                ),
                env=env,
                stderr=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
            )
        )
    try:
        wait_for(f"http://{idp}/.well-known/openid-configuration")
        # Not /healthz/: it answers 503 without a Celery worker and beat.
        for web in webs:
            wait_for(f"http://{web}/fi/")
    except SystemExit:
        processes.stop(*started, timeout=30)
        raise
    return [f"http://{web}" for web in webs], started


def measure(portals, logins, first):
    """Warm-up logins, then `logins` new pupils at once; the printed figures."""
    # Warm-up: the first requests compile templates and fetch the IdP's
    # discovery document and keys, which a class would not pay.
    intro = path_intro(portals[0])
    for warm in range(COMPOSE_WORKERS * len(portals)):
        burst(portals, intro, 1, age=16, first=first + warm)
    results, wall = burst(portals, intro, logins, first=first)
    count = len(portals)
    label = f"{count} web process{'es' if count > 1 else ''}"
    return label, report(results, wall, label)


def table(rows):
    print(
        f"\n{'':22} {'errors':>6} {'login p50':>10} {'p95':>7} {'max':>7} "
        f"{'callback p50':>13} {'p95':>7}"
    )
    for label, figures in rows:
        if figures is None:
            print(f"{label:22} nobody signed in")
            continue
        p50, p95, top = figures["whole login"]
        c50, c95, _ = figures["portal callback"]
        print(
            f"{label:22} {figures['errors']:6d} {p50 * 1000:8.0f}ms "
            f"{p95 * 1000:5.0f}ms {top * 1000:5.0f}ms {c50 * 1000:11.0f}ms "
            f"{c95 * 1000:5.0f}ms"
        )
    print(
        f"(gunicorn {COMPOSE_WORKERS} sync workers per web process; "
        f"{os.cpu_count()} cores; goal p95 <= 2.5 s and 0 errors; on a shared "
        "machine the figures move with the load average printed above)"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--portal", default="http://127.0.0.1:8000")
    parser.add_argument("--logins", type=int, default=30)
    parser.add_argument("--spawn", action="store_true")
    parser.add_argument(
        "--webs",
        default="1",
        help="with --spawn: web process counts to run one after the other, e.g. 1,2",
    )
    parser.add_argument(
        "--runserver", action="store_true", help="with --spawn: runserver, not gunicorn"
    )
    args = parser.parse_args()
    if not args.spawn:
        portal = args.portal.rstrip("/")
        try:
            requests.get(f"{portal}/healthz/", timeout=5)
        except requests.RequestException:
            sys.exit(f"No portal at {portal}: start `make run` or use --spawn.")
        label, figures = measure([portal], args.logins, first=0)
        table([(label, figures)])
        return 0 if figures and not figures["errors"] else 1
    # A stopped run still stops its servers and drops its database.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("stopped"))
    env = spawn_env(uuid.uuid4().hex[:8])
    print(f"load average before: {load_average()}", flush=True)
    rows = []
    try:
        prepare(env)
        for number, webs in enumerate(int(n) for n in args.webs.split(",")):
            portals, started = spawn(env, webs, args.runserver)
            try:
                # Each configuration signs in pupils of its own (new accounts).
                rows.append(measure(portals, args.logins, first=number * 1000))
            finally:
                processes.stop(*started, timeout=30)
    finally:
        drop(env)
    table(rows)
    return 0 if all(f and not f["errors"] for _, f in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
