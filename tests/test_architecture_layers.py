"""The apps' layers (docs/architecture.md): each app imports only the apps
below it, an import inside a function says why it is there, and the tests
share helpers through helper modules, never through another test module."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# From the bottom up; apps on one line are beside each other and import
# neither the other. Keep in step with docs/architecture.md ("Layers").
LAYERS = [
    ("core",),
    ("accounts", "home"),
    ("directory",),
    ("paths",),
    ("progress",),
    ("reminders", "referrals"),
    ("evidence",),
    ("search",),
    ("portal",),
]
LEVEL = {app: level for level, apps in enumerate(LAYERS) for app in apps}


def app_modules():
    for app in LEVEL:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" not in path.parts:
                yield app, path


def python_test_files():
    """The test suite's own modules: tests, helpers, conftest."""
    return sorted((ROOT / "tests").glob("*.py"))


def imported_apps(node):
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    elif node.level == 0 and node.module:
        names = [node.module]
    else:
        names = []
    return {name.split(".")[0] for name in names} & set(LEVEL)


def function_level_imports(tree):
    """(first import of each run of imports inside a function, its body)."""
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for body in _bodies(function):
            previous = None
            for statement in body:
                is_import = isinstance(statement, ast.Import | ast.ImportFrom)
                if is_import and not isinstance(previous, ast.Import | ast.ImportFrom):
                    yield statement
                previous = statement


def _bodies(function):
    """The statement lists of a function, its nested blocks included (not the
    nested functions: ast.walk visits those on their own)."""
    stack = [function.body]
    while stack:
        body = stack.pop()
        yield body
        for statement in body:
            if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for name in ("body", "orelse", "finalbody"):
                inner = getattr(statement, name, None)
                if isinstance(inner, list) and inner and isinstance(inner[0], ast.stmt):
                    stack.append(inner)
            for handler in getattr(statement, "handlers", []):
                stack.append(handler.body)


def layer_violations(app, path, tree):
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Import | ast.ImportFrom):
            continue
        for other in imported_apps(node) - {app}:
            if LEVEL[other] >= LEVEL[app]:
                where = "beside" if LEVEL[other] == LEVEL[app] else "above"
                found.append(
                    f"{path.relative_to(ROOT)}:{node.lineno} imports {other} "
                    f"({where} {app})"
                )
    return found


def uncommented_imports(path, tree):
    lines = path.read_text().splitlines()
    found = []
    for node in function_level_imports(tree):
        above = lines[node.lineno - 2].strip() if node.lineno > 1 else ""
        if not above.startswith("#"):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_no_app_imports_an_app_beside_or_above_it():
    """An engineer changing an app breaks only the apps above it: no app
    imports one beside it or above it, so no two apps import each other."""
    found = []
    for app, path in app_modules():
        found += layer_violations(app, path, ast.parse(path.read_text()))
    assert found == []


def test_every_app_is_in_a_layer():
    """A new app cannot escape the check: every app with an apps.py has a layer."""
    apps = {path.parent.name for path in ROOT.glob("*/apps.py")}
    assert apps - set(LEVEL) == set()


def test_imports_inside_functions_say_why():
    """An import inside a function is there to break a cycle or wait for the
    app registry, and a comment above it says which."""
    found = []
    scripts = sorted((ROOT / "bench").glob("*.py")) + sorted(
        (ROOT / "bin").glob("*.py")
    )
    for path in [path for _app, path in app_modules()] + python_test_files() + scripts:
        found += uncommented_imports(path, ast.parse(path.read_text()))
    assert found == []


def test_no_test_module_imports_another():
    """Moving a test never breaks another: what tests share lives in helper
    modules (tests/*_helpers.py, staff.py, conftest.py), not in test_*.py."""
    found = []
    for path in python_test_files():
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""] + [alias.name for alias in node.names]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            if any(name.split(".")[-1].startswith("test_") for name in names):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert found == []
