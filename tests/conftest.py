"""Shared fixtures: a throwaway copy of the project, and an index cache that never touches
the user's own cache folder."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner, Result

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "outlines" / "us-vietnam.yaml"


@pytest.fixture(autouse=True, scope="session")
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory):
    """Each test worker gets its own index cache folder, set before any other fixture runs,
    so no test ever reads or writes the user's own cache."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BRIEFING_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
        yield


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A writable copy of seeds/, themes/, outlines/ and schemas/ to edit and break."""
    for folder in ("seeds", "themes", "outlines", "schemas"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    return tmp_path


def run_cli(*args: object) -> Result:
    """`briefing ARGS...` in this process, with stdout and stderr kept apart."""
    import briefing.cli

    briefing.cli._register()
    return CliRunner().invoke(briefing.cli.cli, [str(a) for a in args])


def write(path: Path, text: str) -> Path:
    """Write a UTF-8 file, making its folder; returns the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def write_folder(folder: Path, files: dict[str, str]) -> Path:
    """A new folder holding `files` (name -> UTF-8 text); returns the folder."""
    folder.mkdir(parents=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def load_script(name: str, path: Path) -> ModuleType:
    """A script outside the package (a benchmark, the quality harness) loaded as a module."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def briefing(*args: object, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`python -m briefing ARGS...` as a separate process, the way a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "briefing", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )


def python_probe(code: str) -> subprocess.CompletedProcess[str]:
    """`python -c CODE` in a fresh process: what a run imports or compiles from a clean start."""
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=300
    )
