"""The docs stay true to the tree: every repository path they name exists."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = [
    *sorted(ROOT.glob("docs/*.md")),
    ROOT / "README.md",
    ROOT / "AGENTS.md",
    ROOT / "CONTRIBUTING.md",
]
# `some/path`, `some/path/` or `name.ext` inside backticks.
REFERENCE = re.compile(
    r"`([A-Za-z0-9_./-]+/[A-Za-z0-9_./-]*|[A-Za-z0-9_-]+\.(?:py|html|md|css|js|yaml|yml|json|toml))`"
)
# Names that are made at run time or stand for a family of files.
MADE_AT_RUN_TIME = {"var", "bench/NAME.py"}


def missing_references():
    top_level = {path.name for path in ROOT.iterdir()}
    missing = []
    for doc in DOCS:
        for number, line in enumerate(doc.read_text().splitlines(), 1):
            for match in REFERENCE.finditer(line):
                reference = match.group(1).rstrip("/").split(":")[0]
                made = {reference, reference.split("/")[0]} & MADE_AT_RUN_TIME
                if made or reference.startswith((".", "/")):
                    continue
                if "/" in reference:
                    if reference.split("/")[0] not in top_level:
                        continue  # a URL path or a path on another machine
                    found = (ROOT / reference).exists() or any(
                        ROOT.glob(reference + "*")
                    )
                else:
                    found = any(
                        ".venv" not in path.parts and "node_modules" not in path.parts
                        for path in ROOT.glob(f"**/{reference}")
                    )
                if not found:
                    missing.append(f"{doc.relative_to(ROOT)}:{number}: {reference}")
    return missing


APPS = (
    "accounts core home paths progress reminders directory referrals evidence search"
    " portal testidp"
)
DOTTED = re.compile(rf"`((?:{APPS.replace(' ', '|')})(?:\.[A-Za-z_]+)+)`")


def resolves(dotted):
    """`app.module.name`: a module and a name in it; `app.Name`: a name in the app."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        base = ROOT.joinpath(*parts[:cut])
        module = (
            base.with_suffix(".py")
            if base.with_suffix(".py").exists()
            else base / "__init__.py"
        )
        if not module.exists() and not base.is_dir():
            continue
        rest = parts[cut:]
        if not rest:
            return True
        source = module.read_text() if module.exists() else ""
        name = re.escape(rest[0])
        if cut > 1:
            return re.search(rf"\b{name}\b", source) is not None
        if len(rest) > 1:
            return False  # `app.module.name` whose module is gone
        # `app.Name`: a model, function, task or permission the app defines.
        source = "\n".join(path.read_text() for path in base.rglob("*.py"))
        defined = rf"(?:class|def) {name}\b|\b{name} =|[\"']{name}[\"']"
        return re.search(defined, source) is not None
    return False


def missing_dotted_references():
    return [
        f"{doc.relative_to(ROOT)}:{number}: {match.group(1)}"
        for doc in DOCS
        for number, line in enumerate(doc.read_text().splitlines(), 1)
        for match in DOTTED.finditer(line)
        if not resolves(match.group(1))
    ]


def test_every_module_the_docs_name_exists():
    """A reader who looks up a module or name the docs give in dotted form finds it."""
    assert missing_dotted_references() == []


def test_every_path_the_docs_name_exists():
    """A reader who follows a path named in README, AGENTS.md or docs finds it."""
    assert missing_references() == []
