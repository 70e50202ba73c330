"""Page weight of path steps: compressed HTML, CSS and JavaScript against budgets.

Not a test: a benchmark. It creates a database of its own (the test settings,
POLKU_TEST_SLOT chooses which), loads the demo content, renders every demo
step in fi/sv/en as a signed-in young person through the whole middleware
stack, and prints the gzip size of the heaviest step's HTML, of the CSS and
JavaScript that a step page links, and of all CSS and JavaScript of the site.

    POLKU_TEST_SLOT=2 .venv/bin/python bench/page_weight.py

Budgets: step HTML 14 KB, CSS 20 KB, JavaScript 20 KB (all compressed). Exits
non-zero when a budget is exceeded.
"""

import gzip
import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from portal.processes import ROOT

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django

django.setup()

from django.contrib.staticfiles import finders  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from paths.models import PathPage  # noqa: E402
from tests.paths_helpers import open_all_steps, young_person  # noqa: E402

KB = 1024
BUDGETS = {"step HTML": 14 * KB, "CSS": 20 * KB, "JavaScript": 20 * KB}
ASSET = re.compile(r'<(?:link[^>]+href|script[^>]+src)="(/static/[^"?#]+)"')


def gz(data):
    return len(gzip.compress(data, compresslevel=9))


def static_bytes(url):
    path = finders.find(url.removeprefix("/static/"))
    return Path(path).read_bytes() if path else b""


def measure():
    call_command("load_demo", verbosity=0, stdout=open(os.devnull, "w"))
    person = young_person("bench")
    client = Client()
    client.force_login(person)
    heaviest = (0, "", 0, "")
    for path in PathPage.objects.live().filter(locale__language_code="fi"):
        open_all_steps(person, path)
    for path in PathPage.objects.live():
        for step in path.get_steps():
            response = client.get(step.url)
            assert response.status_code == 200, (step.url, response.status_code)
            html = response.content
            if gz(html) > heaviest[0]:
                heaviest = (gz(html), step.url, len(html), html.decode())
    size, url, raw, html = heaviest
    assets = sorted(set(ASSET.findall(html)))
    css = [a for a in assets if a.endswith(".css")]
    js = [a for a in assets if a.endswith(".js")]
    rows = [
        ("step HTML", url, raw, size),
        ("CSS", ", ".join(css), *_sizes(css)),
        ("JavaScript", ", ".join(js), *_sizes(js)),
    ]
    site = {
        "CSS": _sizes(_all("css", ".css")),
        "JavaScript": _sizes(_all("js", ".js")),
    }
    return rows, site


def _all(folder, suffix):
    return [
        f"/static/{folder}/{p.name}"
        for p in sorted((ROOT / "static" / folder).glob(f"*{suffix}"))
    ]


def _sizes(urls):
    data = [static_bytes(url) for url in urls]
    return sum(len(d) for d in data), sum(gz(d) for d in data)


def main():
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        rows, site = measure()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    over = False
    print(f"{'what':<16} {'raw':>9} {'gzip':>9} {'budget':>9}  note")
    for name, note, raw, size in rows:
        budget = BUDGETS[name]
        verdict = "ok" if size <= budget else "OVER"
        over |= size > budget
        print(
            f"{name:<16} {raw / KB:>8.1f}K {size / KB:>8.1f}K {budget / KB:>8.0f}K"
            f"  {verdict}: {note}"
        )
    for name, (raw, size) in site.items():
        budget = BUDGETS[name]
        verdict = "ok" if size <= budget else "OVER"
        over |= size > budget
        print(
            f"{'site ' + name:<16} {raw / KB:>8.1f}K {size / KB:>8.1f}K"
            f" {budget / KB:>8.0f}K  {verdict}: every file in static/"
        )
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
