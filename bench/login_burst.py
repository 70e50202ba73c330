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

--spawn migrates, loads the demo content, and runs gunicorn with the worker
count docker-compose uses (3 sync workers; `--runserver` for `make run`'s
threaded server) and `python -m testidp` on free loopback ports with the
settings in DJANGO_SETTINGS_MODULE (default portal.settings.dev, DEBUG off);
point DATABASE_URL / CACHE_URL at databases of the benchmark's own.
"""

import argparse
import datetime
import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from accounts.hetu import birth_date_for_age, make_code  # noqa: E402

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
PATH_LINK = re.compile(r'href="(/fi/[^"/]+/[^"/]+/)"')
START = re.compile(r'name="next" value="(/fi/[^"]*/[0-9a-f-]{36}/)"')
COMPOSE_WORKERS = 3
LOA2 = "http://ftn.ficora.fi/2017/loa2"


def pupil_codes(count, age=15):
    """Distinct pupils of one age with test (9xx) identity codes."""
    born = birth_date_for_age(age, datetime.date.today())
    return [
        make_code(born - datetime.timedelta(days=i // 100), individual=900 + i % 100)
        for i in range(count)
    ]


def one_login(portal, intro, code, barrier, results, index):
    session = requests.Session()
    try:
        barrier.wait()
        started = time.perf_counter()
        page = session.get(f"{portal}{intro}", timeout=60)
        start = START.search(page.text).group(1)
        token = CSRF.search(page.text).group(1)
        begin = session.post(
            f"{portal}/accounts/strongid/login/",
            data={"csrfmiddlewaretoken": token, "next": start},
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
        callback = urljoin(portal, answer.headers["Location"])
        callback_started = time.perf_counter()
        done = session.get(callback, allow_redirects=False, timeout=60)
        callback_finished = time.perf_counter()
        signed_in = done.status_code == 302 and done.headers.get("Location") == start
        step = session.get(urljoin(portal, done.headers["Location"]), timeout=60)
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


def burst(portal, intro, count, age=15, first=0):
    codes = pupil_codes(count + first, age)[first:]
    barrier = threading.Barrier(count)
    results = [None] * count
    threads = [
        threading.Thread(
            target=one_login, args=(portal, intro, code, barrier, results, i)
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


def report(results, wall):
    good = [r for r in results if r and r[0]]
    failed = [r for r in results if not r or not r[0]]
    print(
        f"{len(results)} logins started at once; {len(good)} signed in, "
        f"{len(failed)} failed; wall time {wall:.2f} s"
    )
    for _, _, _, reason in failed[:5]:
        print(f"  failed: {reason or 'not signed in'}")
    if not good:
        return 1
    for label, column in (("whole login", 1), ("portal callback", 2)):
        values = sorted(r[column] for r in good)
        print(
            f"{label:16} p50 {percentile(values, 50) * 1000:7.0f} ms   "
            f"p95 {percentile(values, 95) * 1000:7.0f} ms   "
            f"max {values[-1] * 1000:7.0f} ms"
        )
    return 1 if failed else 0


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url, seconds=240):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            if requests.get(url, timeout=2).status_code < 500:
                return
        except requests.RequestException:
            pass
        time.sleep(0.3)
    sys.exit(f"{url} did not come up")


def path_intro(portal):
    """The first path linked from the Finnish home page."""
    home = requests.get(f"{portal}/fi/", timeout=60).text
    for link in PATH_LINK.findall(home):
        if START.search(requests.get(f"{portal}{link}", timeout=60).text):
            return link
    sys.exit("No path intro with a start button is linked from /fi/.")


def spawn(runserver=False):
    """Web and IdP of our own on free loopback ports; returns (url, processes)."""
    web, idp = free_port(), free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": os.environ.get(
            "DJANGO_SETTINGS_MODULE", "portal.settings.dev"
        ),
        "STRONGID_ISSUER": f"http://127.0.0.1:{idp}",
        "TESTIDP_ISSUER": f"http://127.0.0.1:{idp}",
        "DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "LOG_LEVEL": os.environ.get("LOG_LEVEL", "WARNING"),
    }
    python = sys.executable
    for command in (["migrate", "--no-input", "-v0"], ["load_demo"]):
        subprocess.run(
            [python, "manage.py", *command],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    processes = [
        subprocess.Popen(
            [python, "-m", "testidp", f"127.0.0.1:{idp}"],
            cwd=ROOT,
            env=env,
            stderr=subprocess.DEVNULL,
        ),
        subprocess.Popen(
            [python, "manage.py", "runserver", f"127.0.0.1:{web}", "--noreload"]
            if runserver
            else [
                str(Path(python).parent / "gunicorn"),
                "portal.wsgi:application",
                "--bind",
                f"127.0.0.1:{web}",
                "--workers",
                str(COMPOSE_WORKERS),
                "--no-control-socket",
            ],
            cwd=ROOT,
            env=env,
            stderr=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
        ),
    ]
    try:
        wait_for(f"http://127.0.0.1:{idp}/.well-known/openid-configuration")
        # Not /healthz/: it answers 503 without a Celery worker and beat.
        wait_for(f"http://127.0.0.1:{web}/fi/")
    except SystemExit:
        stop(processes)
        raise
    return f"http://127.0.0.1:{web}", processes


def stop(processes):
    for process in processes:
        process.terminate()
    for process in processes:
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--portal", default="http://127.0.0.1:8000")
    parser.add_argument("--logins", type=int, default=30)
    parser.add_argument("--spawn", action="store_true")
    parser.add_argument(
        "--runserver", action="store_true", help="with --spawn: runserver, not gunicorn"
    )
    args = parser.parse_args()
    processes = []
    portal = args.portal.rstrip("/")
    if args.spawn:
        portal, processes = spawn(args.runserver)
    else:
        try:
            requests.get(f"{portal}/healthz/", timeout=5)
        except requests.RequestException:
            sys.exit(f"No portal at {portal}: start `make run` or use --spawn.")
    try:
        # One warm-up login: the first request compiles templates and fetches
        # the IdP's discovery document and keys, which a class would not pay.
        intro = path_intro(portal)
        for _warm in range(COMPOSE_WORKERS):
            burst(portal, intro, 1, age=16, first=_warm)
        results, wall = burst(portal, intro, args.logins)
    finally:
        stop(processes)
    return report(results, wall)


if __name__ == "__main__":
    sys.exit(main())
