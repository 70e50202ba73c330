"""Lighthouse (mobile) scores of the home page, a path intro and the service finder.

Not a test: a benchmark. Creates a database of its own (dropped at the end),
loads the demo content, serves Polku on gunicorn with DEBUG off (the worker
count compose uses) and runs Google's Lighthouse from the npm registry against
each page with Debian's Chromium (static files collected into a temporary
folder, served by WhiteNoise as in production). Lighthouse is installed
outside git, into LIGHTHOUSE_DIR (default /tmp/polku-lighthouse), on the
first run.

    .venv/bin/python bench/lighthouse.py                  # SEO only
    .venv/bin/python bench/lighthouse.py --categories seo,accessibility,performance

Prints each page's score per category and every audit that did not pass.
Issue #16's goal: SEO 100 on all three pages.
"""

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

from login_burst import drop, load_average, prepare, spawn, spawn_env

from portal import processes
from portal.processes import ROOT

LIGHTHOUSE_DIR = Path(os.environ.get("LIGHTHOUSE_DIR", "/tmp/polku-lighthouse"))
# The tests' Chromium and flags, headless; CHROME_PATH (Lighthouse's own
# variable) overrides the binary.
CHROME = os.environ.get("CHROME_PATH", processes.CHROMIUM)
CHROME_FLAGS = " ".join(["--headless", *processes.CHROMIUM_ARGS])
PAGES = """
from directory.models import ServiceFinderPage
from paths.models import PathPage
path = PathPage.objects.live().filter(locale__language_code="fi").first()
finder = ServiceFinderPage.objects.live().filter(locale__language_code="fi").first()
print(path.url, finder.url)
"""


def lighthouse():
    """The Lighthouse command line, installed on first use."""
    binary = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        print(f"installing lighthouse into {LIGHTHOUSE_DIR} (npm)", flush=True)
        LIGHTHOUSE_DIR.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                "npm",
                "install",
                "--no-audit",
                "--no-fund",
                "--prefix",
                str(LIGHTHOUSE_DIR),
            ]
            + ["lighthouse"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return binary


def audit(binary, url, categories, out):
    subprocess.run(
        [
            str(binary),
            url,
            f"--only-categories={categories}",
            "--output=json",
            f"--output-path={out}",
            f"--chrome-flags={CHROME_FLAGS}",
            "--quiet",
        ],
        env={**os.environ, "CHROME_PATH": CHROME},
        check=True,
    )
    return json.loads(Path(out).read_text())


def failures(report, category):
    """(audit id, title, first detail) of every scored audit below 1."""
    for ref in report["categories"][category]["auditRefs"]:
        result = report["audits"][ref["id"]]
        if ref.get("weight", 0) == 0 or result.get("score") in (None, 1):
            continue
        items = (result.get("details") or {}).get("items") or []
        detail = ""
        if items:
            first = items[0]
            node = first.get("node") or {}
            detail = node.get("snippet") or first.get("href") or json.dumps(first)[:160]
        yield ref["id"], result["title"], detail


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--categories", default="seo")
    args = parser.parse_args()
    binary = lighthouse()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("stopped"))
    env = spawn_env(uuid.uuid4().hex[:8])
    static = tempfile.TemporaryDirectory(prefix="polku-static-")
    # DEBUG off serves collected static files only, as in production.
    env["STATIC_ROOT"] = static.name
    rows = []
    try:
        prepare(env)
        subprocess.run(
            processes.manage_command("collectstatic", "--no-input", "-v0"),
            cwd=ROOT,
            env=env,
            check=True,
        )
        path_url, finder_url = subprocess.run(
            processes.manage_command("shell", "-c", PAGES),
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()[-2:]
        portals, started = spawn(env, 1)
        try:
            with tempfile.TemporaryDirectory() as tmp:
                for name, address in (
                    ("home", "/fi/"),
                    ("path intro", path_url),
                    ("service finder", finder_url),
                ):
                    report = audit(
                        binary,
                        portals[0] + address,
                        args.categories,
                        Path(tmp) / "report.json",
                    )
                    rows.append((name, address, report))
        finally:
            processes.stop(*started, timeout=30)
    finally:
        drop(env)
        static.cleanup()
    categories = args.categories.split(",")
    print(f"\nLighthouse {rows[0][2]['lighthouseVersion']}, mobile, Chromium headless")
    print(f"load average {load_average()} (performance scores move with it)")
    print(f"{'page':16} " + " ".join(f"{c[:13]:>13}" for c in categories))
    for name, _address, report in rows:
        scores = [report["categories"][c]["score"] for c in categories]
        print(f"{name:16} " + " ".join(f"{round(s * 100):13d}" for s in scores))
    worst = 100
    for name, address, report in rows:
        for category in categories:
            worst = min(worst, round(report["categories"][category]["score"] * 100))
            for audit_id, title, detail in failures(report, category):
                print(f"  {name} ({address}) {category}: {audit_id} – {title}")
                if detail:
                    print(f"      {detail}")
    return 0 if worst == 100 else 1


if __name__ == "__main__":
    sys.exit(main())
