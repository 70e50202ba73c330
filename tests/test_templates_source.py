"""Template sources: mistakes Django renders silently as visible text."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIP = {".venv", ".tools", "node_modules", "var"}


def test_no_template_comment_spans_lines():
    """No page shows a "{# … #}" comment as text: Django's short comments end at
    the line's end, so one over two lines is printed to the reader."""
    found = []
    for path in ROOT.rglob("*.html"):
        if SKIP & set(path.relative_to(ROOT).parts):
            continue
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if re.search(r"\{#(?!.*#\})", line):
                found.append(f"{path.relative_to(ROOT)}:{number}")
    assert found == []
