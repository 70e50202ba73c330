"""Requests per second of Polku's pages beside an unchanged `wagtail start` project.

The bare project is made by `wagtail start` (the Wagtail and Django of this
virtualenv) in a temporary folder; its only addition is the `local.py` its
own `dev.py` imports, pointing it at PostgreSQL and Redis like Polku and adding
a second address that serves the same welcome page through Django's
`cache_page`. Both run on gunicorn with one sync worker, DEBUG off, on
databases and Redis key prefixes unique to this run. `wrk` (Debian's, not this
Python) loads one server at a time; rounds are interleaved A B A B … and each
ratio is Polku's rate over the bare page's rate in the same round.

    .venv/bin/python bench/beside_bare_wagtail.py [--rounds 3] [--seconds 5]

Printed, not asserted (issue #16): identified step >= 0.7x the bare welcome
page; anonymous pages >= 1.0x bare without Polku's page cache and >= 0.5x
the bare page's `cache_page` with it.
"""

import argparse
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from portal import processes
from portal.processes import BIN, ROOT

PG = "postgres://postgres@127.0.0.1:5432"
REDIS = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379")

LOCAL_PY = """
import os
DEBUG = False
ALLOWED_HOSTS = ["*"]
SECRET_KEY = "bench-only"
DATABASES = {{"default": {{"ENGINE": "django.db.backends.postgresql",
    "NAME": "{db}", "USER": "postgres", "HOST": "127.0.0.1", "PORT": "5432",
    "CONN_MAX_AGE": 60}}}}
CACHES = {{"default": {{"BACKEND": "django.core.cache.backends.redis.RedisCache",
    "LOCATION": "{redis}/7", "KEY_PREFIX": "{prefix}"}}}}
ROOT_URLCONF = "bench_urls"
"""
# The welcome page as it is, and the same page through Django's cache_page.
BENCH_URLS = """
from django.views.decorators.cache import cache_page
from wagtail import views
from bare.urls import urlpatterns as bare
from django.urls import path
urlpatterns = [path("cached/", cache_page(60)(views.serve), {"path": ""})] + bare
"""

PREPARE = """
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.utils import timezone
from accounts.models import User
from accounts.strongid.identity import anniversary, helsinki_today
from home.models import ContentPage
from directory.models import ServiceFinderPage
from paths.models import PathPage
from progress.enrolments import complete_step, enrol, save_answer

def weight(step):
    kinds = [child.block_type for child in step.body]
    services = sum(
        len(band["services"])
        for child in step.body if child.block_type == "self_check"
        for band in child.value["bands"])
    return ("self_check" in kinds) + (kinds.count("service_contact") > 0), services

paths = PathPage.objects.live().filter(locale__language_code="fi")
step, path = max(((s, p) for p in paths for s in p.get_steps()),
                 key=lambda pair: weight(pair[0]))
born = anniversary(helsinki_today(), -15)
user, _ = User.objects.get_or_create(username="y-bench", defaults=dict(
    is_young_person=True, turns_18_on=anniversary(born, 18)))
user.identified_at = timezone.now(); user.save()
enrolment, _ = enrol(user, path.path_key, path.get_steps()[0].step_key)
for other in path.get_steps():
    complete_step(enrolment, other.step_key)
for block_id, kind, value in step.answerable_blocks():
    if kind == "self_check":
        top = max(value["bands"], key=lambda band: len(band["services"]))
        index = list(value["bands"]).index(top)
        answer = {"choices": [0] * len(value["questions"]), "score": top["min_score"],
                  "band": index}
    elif kind == "checklist":
        answer = {"checked": [0], "own": "oma"}
    else:
        answer = {"text": "vastaus"}
    save_answer(enrolment, step.step_key, block_id, answer)
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.create()
content = ContentPage.objects.live().filter(locale__language_code="fi").first()
finder = ServiceFinderPage.objects.live().filter(locale__language_code="fi").first()
print(session.session_key, path.url, content.url, finder.url, step.url)
"""


def load_average():
    """The machine's 1/5/15-minute load: rates mean little without it."""
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def run(command, **kwargs):
    return subprocess.run(command, check=True, **kwargs)


def createdb(name):
    run(["createdb", "-h", "127.0.0.1", "-U", "postgres", name])


def dropdb(name):
    subprocess.run(
        ["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", name],
        check=False,
    )


def wait_for(url, session=None, seconds=120):
    """Exit unless `url` answers 200 within `seconds` (signed in with the
    `session` key, when given)."""
    headers = {"Cookie": f"sessionid={session}"} if session else None
    if not processes.wait_for_url(url, seconds, headers=headers):
        sys.exit(f"{url} did not answer 200")


def gunicorn(cwd, env, module, port):
    return processes.start(
        processes.gunicorn_command(f"127.0.0.1:{port}", app=f"{module}:application"),
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
    )


def wrk(url, seconds, connections, cookie=None):
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s"]
    if cookie:
        command += ["-H", f"Cookie: sessionid={cookie}"]
    out = run([*command, url], capture_output=True, text=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors:
        print(f"  ! {url}: {errors.group(1)} non-2xx answers")
    return rate


def bare_project(tmp, db, prefix):
    run([str(BIN / "wagtail"), "start", "bare", str(tmp)], stdout=subprocess.DEVNULL)
    (tmp / "bare" / "settings" / "local.py").write_text(
        LOCAL_PY.format(db=db, redis=REDIS, prefix=prefix)
    )
    (tmp / "bench_urls.py").write_text(BENCH_URLS)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bare.settings.dev",
        "PYTHONPATH": str(tmp),
    }
    createdb(db)
    run(processes.manage_command("migrate", "-v0"), cwd=tmp, env=env)
    return env


def polku_env(db, prefix, page_cache):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DEBUG": "0",
        "DATABASE_URL": f"{PG}/{db}",
        "REDIS_URL": REDIS,
        "CACHE_URL": f"{REDIS}/6",
        "CACHE_KEY_PREFIX": prefix,
        "CELERY_BROKER_URL": f"{REDIS}/5",
        "LOG_LEVEL": "WARNING",
        "ALLOWED_HOSTS": "*",
        "POLKU_PAGE_CACHE": "1" if page_cache else "0",
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=4)
    args = parser.parse_args()
    # A stopped run still drops its databases and stops its servers.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("stopped"))
    run_id = uuid.uuid4().hex[:8]
    polku_db, bare_db = f"polku_bench_{run_id}", f"bare_bench_{run_id}"
    tmp = Path(tempfile.mkdtemp(prefix="bare-wagtail-"))
    servers = []
    try:
        bare = bare_project(tmp, bare_db, f"bare-{run_id}")
        createdb(polku_db)
        env = polku_env(polku_db, f"polku-{run_id}", page_cache=False)
        manage = processes.manage_command
        run(manage("migrate", "-v0"), cwd=ROOT, env=env)
        run(manage("load_demo", "-v0"), cwd=ROOT, env=env)
        out = run(
            manage("shell", "-c", PREPARE),
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        ).stdout.split()
        cookie, path_url, content_url, finder_url, step_url = out[-5:]
        ports = {name: processes.free_port() for name in ("polku", "cached", "bare")}
        servers.append(gunicorn(ROOT, env, "portal.wsgi", ports["polku"]))
        cached_env = polku_env(polku_db, f"polku-{run_id}", page_cache=True)
        servers.append(gunicorn(ROOT, cached_env, "portal.wsgi", ports["cached"]))
        servers.append(gunicorn(tmp, bare, "bare.wsgi", ports["bare"]))
        polku = f"http://127.0.0.1:{ports['polku']}"
        cached = f"http://127.0.0.1:{ports['cached']}"
        bare_url = f"http://127.0.0.1:{ports['bare']}"
        pages = {
            "home": "/fi/",
            "path intro": path_url,
            "content page": content_url,
            "service finder": finder_url,
        }
        for base in (polku, cached):
            for address in pages.values():
                wait_for(base + address)
        wait_for(polku + step_url, session=cookie)
        wait_for(bare_url + "/")
        wait_for(bare_url + "/cached/")
        # (label, Polku URL, cookie, bare URL, goal)
        pairs = [
            (f"{name}", polku + url, None, bare_url + "/", 1.0)
            for name, url in pages.items()
        ]
        pairs.append(("identified step", polku + step_url, cookie, bare_url + "/", 0.7))
        pairs += [
            (f"{name}, page cache", cached + url, None, bare_url + "/cached/", 0.5)
            for name, url in pages.items()
        ]
        ratios = {label: [] for label, *_ in pairs}
        started_load, loads = load_average(), []
        rates = {label: [] for label, *_ in pairs}
        for number in range(args.rounds):
            for label, url, session, bare_target, _goal in pairs:
                a = wrk(url, args.seconds, args.connections, session)
                b = wrk(bare_target, args.seconds, args.connections)
                ratios[label].append(a / b)
                rates[label].append((a, b))
            loads.append(load_average())
            print(
                f"round {number + 1}/{args.rounds} done (load average {loads[-1]})",
                flush=True,
            )
        print(
            f"\n{args.rounds} interleaved rounds, wrk -c{args.connections} "
            f"{args.seconds}s each, gunicorn 1 sync worker each, DEBUG off"
        )
        print(
            f"load average (1/5/15 min) before: {started_load}; after each round: "
            + "; ".join(loads)
        )
        print(
            f"{os.cpu_count()} cores. On a shared machine the rates are noisy; "
            "compare the ratios of one run, not rates across runs.\n"
        )
        rounds = " ".join(f"{'r' + str(n + 1):>5}" for n in range(args.rounds))
        print(
            f"{'page':28} {'Polku r/s':>10} {'bare r/s':>9} {rounds} "
            f"{'median':>6} {'spread':>11}  goal"
        )
        for label, *_rest, goal in pairs:
            values = ratios[label]
            polku_rate = statistics.median(a for a, _ in rates[label])
            bare_rate = statistics.median(b for _, b in rates[label])
            median = statistics.median(values)
            against = "cache_page" if "page cache" in label else "bare"
            each = " ".join(f"{value:5.2f}" for value in values)
            print(
                f"{label:28} {polku_rate:10.1f} {bare_rate:9.1f} {each} "
                f"{median:6.2f} {min(values):5.2f}–{max(values):<5.2f}  "
                f"≥ {goal}× {against} {'met' if median >= goal else 'NOT met'}"
            )
    finally:
        processes.stop(*servers, timeout=15)
        dropdb(polku_db)
        dropdb(bare_db)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
