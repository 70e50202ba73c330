"""Requests per second: an identified step page beside a plain content page.

Both are served by the same gunicorn (2 workers, DEBUG off) from the same
PostgreSQL database with the demo content, asked by the same client loop on
loopback. The step page carries a signed-in session, gating, progress and
saved answers; the content page is what any visitor gets.

    .venv/bin/python bench/step_page_rps.py [--requests 400] [--concurrency 8]
"""

import argparse
import os
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
DB = "polku_bench_rps"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def environment():
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.dev",
        DEBUG="0",
        DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{DB}",
        REDIS_URL=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379"),
        CACHE_URL=os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/13"),
        CELERY_BROKER_URL="redis://127.0.0.1:6379/12",
        LOG_LEVEL="WARNING",
    )
    return env


PREPARE = """
import uuid
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.auth import SESSION_KEY, BACKEND_SESSION_KEY, HASH_SESSION_KEY
from django.utils import timezone
from accounts.models import User
from accounts.strongid.identity import anniversary, helsinki_today
from paths.models import PathPage
from progress.services import enrol, save_answer
path = PathPage.objects.live().filter(locale__language_code="fi").first()
step = path.get_steps()[0]
born = anniversary(helsinki_today(), -15)
user, _ = User.objects.get_or_create(username="y-bench", defaults=dict(
    is_young_person=True, turns_18_on=anniversary(born, 18)))
user.identified_at = timezone.now(); user.save()
enrolment, _ = enrol(user, path.path_key, step.step_key)
for block_id, _type, _value in step.answerable_blocks():
    save_answer(enrolment, step.step_key, block_id, {"text": "vastaus"})
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.create()
print(session.session_key, step.url)
"""


def prepare(env):
    subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", DB])
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", DB], check=True)
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    subprocess.run([*manage, "load_demo", "-v0"], cwd=ROOT, env=env, check=True)
    out = subprocess.run(
        [*manage, "shell", "-c", PREPARE],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    return out[-2], out[-1]


def measure(url, cookies, count, concurrency):
    session = requests.Session()
    session.cookies.update(cookies)

    def one(_):
        response = session.get(url, timeout=30, allow_redirects=False)
        assert response.status_code == 200, (url, response.status_code)

    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(one, range(min(20, count))))  # warm up
        started = time.perf_counter()
        list(pool.map(one, range(count)))
        return count / (time.perf_counter() - started)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()
    env = environment()
    session_key, step_path = prepare(env)
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "portal.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                requests.get(f"{base}/fi/apua-heti/", timeout=5)
                break
            except requests.RequestException:
                time.sleep(0.2)
        content = measure(f"{base}/fi/apua-heti/", {}, args.requests, args.concurrency)
        step = measure(
            f"{base}{step_path}",
            {"sessionid": session_key},
            args.requests,
            args.concurrency,
        )
    finally:
        server.terminate()
        server.wait()
        subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", DB])
    print(f"{'page':<34}{'requests/s':>12}")
    print(f"{'content page (anonymous)':<34}{content:>12.1f}")
    print(f"{'step page (identified, answers)':<34}{step:>12.1f}")
    print(f"{'ratio step / content':<34}{step / content:>12.2f}")


if __name__ == "__main__":
    main()
