"""`make run` (bin/run.py): its supervisor and its embedded PostgreSQL."""

import importlib.util
import os
import signal
import socket
import sys
import time

import psycopg
import pytest
from django.test import Client

from portal import processes
from portal.processes import ROOT

from .conftest import on_redis

spec = importlib.util.spec_from_file_location("polku_run", ROOT / "bin" / "run.py")
run = importlib.util.module_from_spec(spec)
spec.loader.exec_module(run)

SLEEPER = [sys.executable, "-c", "import time; time.sleep(120)"]


def _until(condition, timeout=20.0, supervisor=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if supervisor:
            supervisor.poll()
        if condition():
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def supervisor(tmp_path):
    messages = []
    sup = run.Supervisor(
        tmp_path, backoff=(0.2, 0.6, 1.2), stable_after=5.0, say=messages.append
    )
    sup.messages = messages
    yield sup
    sup.stop()


def test_a_child_that_dies_is_started_again_with_a_message(supervisor):
    """Killing one process of `make run` costs a moment, not the whole portal."""
    a = supervisor.start("a", SLEEPER)
    b = supervisor.start("b", SLEEPER)
    first_pid, other_pid = a.pid, b.pid
    os.kill(first_pid, signal.SIGKILL)

    assert _until(lambda: a.alive() and a.pid != first_pid, supervisor=supervisor)
    assert b.pid == other_pid and b.alive(), "the others keep running"
    assert not supervisor.stopping
    assert any(
        "a stopped (exit -9); starting it again" in m for m in supervisor.messages
    )
    assert "starting a again" in supervisor.messages


def test_a_child_that_keeps_dying_waits_longer_each_time(supervisor):
    """A process that cannot start does not spin: the pause grows each time."""
    crasher = supervisor.start("crasher", [sys.executable, "-c", "raise SystemExit(3)"])
    starts = []
    last_pid = None
    deadline = time.monotonic() + 20
    while len(starts) < 4 and time.monotonic() < deadline:
        supervisor.poll()
        if crasher.pid != last_pid:
            starts.append(time.monotonic())
            last_pid = crasher.pid
        time.sleep(0.02)
    assert len(starts) == 4
    pauses = [
        later - earlier for earlier, later in zip(starts, starts[1:], strict=False)
    ]
    assert pauses[0] >= 0.2 and pauses[1] >= 0.6 and pauses[2] >= 1.2, pauses
    assert pauses[0] < pauses[1] < pauses[2]
    assert any("exit 3" in m for m in supervisor.messages)


def test_stop_ends_every_child_last_started_first(supervisor, tmp_path):
    """Ctrl-C stops everything, each with its own signal, in reverse order."""
    trap = (
        "import signal, sys, time\n"
        "def bye(*_):\n"
        f"    open({str(tmp_path / 'order')!r}, 'a').write(sys.argv[1] + '\\n')\n"
        "    sys.exit(0)\n"
        "signal.signal(signal.SIGTERM, bye)\n"
        "signal.signal(signal.SIGINT, bye)\n"
        "time.sleep(120)\n"
    )
    first = supervisor.start(
        "first", [sys.executable, "-c", trap, "first"], stop_signal=signal.SIGINT
    )
    second = supervisor.start("second", [sys.executable, "-c", trap, "second"])
    time.sleep(1.0)  # both have set their handlers
    supervisor.stop()

    assert not first.alive() and not second.alive()
    assert (tmp_path / "order").read_text().split() == ["second", "first"]
    supervisor.poll()
    assert not first.alive(), "nothing is restarted once stopping"


def test_each_child_writes_to_its_own_log(supervisor, tmp_path):
    """The terminal keeps the banner; a process's output is in var/<name>.log."""
    child = supervisor.start("talker", [sys.executable, "-c", "print('hello log')"])
    child.process.wait(timeout=20)
    assert "hello log" in (tmp_path / "talker.log").read_text()


def test_killed_redis_comes_back_while_pages_keep_working(demo_site, supervisor):
    """With `make run`'s Redis killed, pages still render and Redis comes back."""
    port = processes.free_port()
    server = supervisor.start("redis", processes.redis_command(port))
    assert processes.wait_for_port("127.0.0.1", port, timeout=10)

    client = Client()
    with on_redis(port):
        first_pid = server.pid
        os.kill(first_pid, signal.SIGKILL)
        server.process.wait()
        page = client.get("/fi/apua-heti/")
        assert page.status_code == 200
        assert client.get("/livez/").status_code == 200

        assert _until(
            lambda: server.pid != first_pid and processes.port_open("127.0.0.1", port),
            supervisor=supervisor,
        )
        assert _until(lambda: client.get("/healthz/").json()["checks"]["cache"] == "up")


def test_embedded_postgres_has_the_finnish_and_swedish_search(tmp_path, monkeypatch):
    """`make run` without DATABASE_URL runs a real PostgreSQL with fi/sv search."""
    monkeypatch.setattr(run, "VAR", tmp_path)
    monkeypatch.setattr(run, "EMBEDDED_POSTGRES_PORT", processes.free_port())
    if run._postgres_user():
        # PostgreSQL runs as its own user when we are root: let it reach tmp.
        for path in (tmp_path, *tmp_path.parents):
            path.chmod(path.stat().st_mode | 0o005)
    sup = run.Supervisor(tmp_path, say=lambda _m: None)
    try:
        url = run.embedded_postgres(sup, dict(os.environ))
        with psycopg.connect(url) as conn:
            configs = {
                name
                for (name,) in conn.execute(
                    "SELECT cfgname FROM pg_ts_config "
                    "WHERE cfgname IN ('finnish', 'swedish')"
                )
            }
            assert configs == {"finnish", "swedish"}
            assert conn.execute("SHOW listen_addresses").fetchone() == ("127.0.0.1",)
    finally:
        sup.stop()
    assert not sup.children["postgres"].alive()
    assert (tmp_path / "postgres" / "PG_VERSION").exists(), "the data stays in var/"


def test_make_run_refuses_a_port_in_use_for_its_postgres(tmp_path, monkeypatch):
    """A machine's own PostgreSQL on the port is never taken for the embedded one."""
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        monkeypatch.setattr(run, "VAR", tmp_path)
        monkeypatch.setattr(run, "EMBEDDED_POSTGRES_PORT", busy.getsockname()[1])
        with pytest.raises(SystemExit, match="EMBEDDED_POSTGRES_PORT"):
            run.embedded_postgres(run.Supervisor(tmp_path), {})
    assert not (tmp_path / "postgres").exists()


POOL = """
import signal, subprocess, sys, time
child = subprocess.Popen([sys.executable, "-c", '''
import pathlib, signal, sys, time
signal.signal(signal.SIGTERM, signal.SIG_DFL)  # as Celery's pool children do
pathlib.Path(sys.argv[1], "started").touch()
time.sleep(1.5)
pathlib.Path(sys.argv[1], "finished").touch()
''', sys.argv[1]])
signal.signal(signal.SIGTERM, lambda *_: sys.exit(child.wait()))
while True:
    time.sleep(0.1)
"""


def test_stopping_make_run_lets_a_worker_finish_its_task(tmp_path):
    """Ctrl-C on `make run` is a warm shutdown: the worker's pool finishes the
    task in hand before the worker stops, nothing is cut off mid-send."""
    worker = processes.start([sys.executable, "-c", POOL, tmp_path])
    assert _until(lambda: (tmp_path / "started").exists())
    processes.stop(worker, timeout=15)
    assert (tmp_path / "finished").exists()
    assert worker.returncode == 0
