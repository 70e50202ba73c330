"""The production image builds: the Dockerfile's own steps, run without Docker.

No container engine runs on CI machines (and base images cannot be pulled
here), so this test reads the Dockerfile and performs its ENV, WORKDIR, COPY
and RUN steps in a clean directory with a clean environment, with the
directory standing in for /app. Only the steps that install system packages
(apt-get, the uv installer) or create the system user are left to the engine.
A build step that cannot work — a missing variable, a wrong path — fails
here as it would in `docker build`.
"""

import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SYSTEM_STEPS = ("apt-get ", "useradd ")


def instructions(text):
    """(INSTRUCTION, arguments) pairs, continuation lines joined."""
    logical, current = [], ""
    for line in text.splitlines():
        if not current and (not line.strip() or line.lstrip().startswith("#")):
            continue
        if line.rstrip().endswith("\\"):
            current += line.rstrip()[:-1] + " "
            continue
        logical.append(current + line)
        current = ""
    return [tuple(item.strip().split(None, 1)) for item in logical]


def _tracked_files():
    listing = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.decode()
    return [name for name in listing.split("\0") if name]


def _uv():
    found = shutil.which("uv") or str(ROOT / ".tools" / "bin" / "uv")
    if not Path(found).exists():
        pytest.fail("uv is missing: `make install` puts it in .tools/")
    return found


def test_the_production_image_build_steps_succeed(tmp_path):
    """`docker build .` gets as far as a collected, hashed set of static files."""
    app = tmp_path / "app"
    steps = instructions((ROOT / "Dockerfile").read_text())
    assert steps[0][0] == "FROM"
    # What the base image has on its PATH: a Python 3.11 and (after pip) uv.
    base_bin = tmp_path / "base-bin"
    base_bin.mkdir()
    (base_bin / "uv").symlink_to(_uv())
    env = {
        "PATH": f"{base_bin}:{Path(sys.executable).parent}:/usr/bin:/bin",
        "HOME": os.environ.get("HOME", "/root"),
        # The packages come from uv's cache, which `make install` filled.
        "UV_OFFLINE": "1",
        "UV_PYTHON": sys.executable,
    }
    workdir = tmp_path
    ran = []
    for instruction, args in steps[1:]:
        args = args.replace("/app", str(app))
        if instruction == "ENV":
            for pair in shlex.split(args):
                key, value = pair.split("=", 1)
                env[key] = value.replace("$PATH", env["PATH"])
        elif instruction == "WORKDIR":
            workdir = Path(args)
            workdir.mkdir(parents=True, exist_ok=True)
        elif instruction == "COPY":
            *sources, target = shlex.split(args)
            names = _tracked_files() if sources == ["."] else sources
            for name in names:
                dest = workdir / name if sources == ["."] else workdir / target / name
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(ROOT / name, dest, follow_symlinks=False)
        elif instruction == "RUN":
            if args.startswith(SYSTEM_STEPS):
                continue
            result = subprocess.run(
                ["sh", "-c", args],
                cwd=workdir,
                env=env,
                capture_output=True,
                text=True,
                timeout=540,
                check=False,
            )
            assert result.returncode == 0, f"RUN {args}\n{result.stdout}{result.stderr}"
            ran.append(args)
        elif instruction == "CMD":
            command = json.loads(args)
            assert (app / ".venv" / "bin" / command[0]).exists(), command
    assert any("uv sync" in step for step in ran)
    assert any("collectstatic" in step for step in ran)
    manifest = app / "staticfiles" / "staticfiles.json"
    assert manifest.exists(), (
        "collectstatic wrote the hashed manifest whitenoise serves"
    )
    assert not (app / ".venv" / "bin" / "pytest").exists(), "no dev tools in the image"
