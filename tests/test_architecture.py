"""Who may import what. Textual is the live presentation's business (briefing/tui/ only) and
python-pptx the PowerPoint writer's (briefing/pptx_export.py only); the core that every output
reads (deck, compose, corpus, themes, outline, notes, ranking, ...) imports neither, not even
through another briefing module. Checked statically with `ast`, and at run time for the
commands that must start fast."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "briefing"
CORE = (
    "deck",
    "compose",
    "corpus",  # the whole subpackage
    "themes",
    "outline",
    "notes",
    "ranking",
    "select",
    "library",
    "models",
    "query",
)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(source: str, module: str, is_package: bool = False) -> set[str]:
    """Every module `source` imports, anywhere in it (inside functions too), as absolute
    dotted names; also `importlib.import_module("x")` and `__import__("x")` with a literal."""
    found: set[str] = set()
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Call) and node.args:
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            first = node.args[0]
            literal = isinstance(first, ast.Constant) and isinstance(first.value, str)
            if name in {"import_module", "__import__"} and literal:
                found.add(first.value)
    return found


def top(name: str) -> str:
    return name.split(".")[0]


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    """briefing module name -> everything it imports."""
    return {
        module_name(path): imports_of(
            path.read_text(encoding="utf-8"), module_name(path), path.name == "__init__.py"
        )
        for path in sorted(PACKAGE.rglob("*.py"))
    }


def in_tui(module: str) -> bool:
    return module == "briefing.tui" or module.startswith("briefing.tui.")


def is_pptx_writer(module: str) -> bool:
    # The writer is briefing/pptx_export.py; a package of that name would be allowed too.
    return module == "briefing.pptx_export" or module.startswith("briefing.pptx_export.")


def test_the_scanner_sees_every_kind_of_import():
    source = (
        "import textual.app\n"
        "from pptx.util import Pt\n"
        "def later():\n"
        "    from .sibling import thing\n"
        "    importlib.import_module('rich.console')\n"
        "    __import__('yaml')\n"
    )
    found = {top(n) for n in imports_of(source, "briefing.cli.mod")}
    assert {"textual", "pptx", "briefing", "rich", "yaml"} <= found
    assert "briefing.cli.sibling" in imports_of(source, "briefing.cli.mod")
    assert "briefing.tui.x" in imports_of("from .x import y", "briefing.tui", is_package=True)


def test_only_the_tui_imports_textual(graph):
    offenders = sorted(
        m for m, names in graph.items() if not in_tui(m) and "textual" in map(top, names)
    )
    assert offenders == [], f"only briefing/tui/ may import textual: {offenders}"
    assert any("textual" in map(top, names) for m, names in graph.items() if in_tui(m))


def test_only_the_pptx_writer_imports_pptx(graph):
    offenders = sorted(
        m for m, names in graph.items() if not is_pptx_writer(m) and "pptx" in map(top, names)
    )
    assert offenders == [], f"only briefing/pptx_export.py may import pptx: {offenders}"


def test_only_commands_import_the_tui(graph):
    """The TUI is an output, reached from a command (`present`, `edit`), never from a library
    module, so nothing else can drag Textual in."""
    for module, names in graph.items():
        if module.startswith("briefing.cli.") or in_tui(module):
            continue
        bad = sorted(n for n in names if in_tui(n))
        assert bad == [], f"{module} imports {bad}"


def core_modules(graph: dict[str, set[str]]) -> list[str]:
    found = []
    for name in CORE:
        dotted = f"briefing.{name}"
        members = [m for m in graph if m == dotted or m.startswith(dotted + ".")]
        assert members, f"core module {dotted} not found: update CORE in this test"
        found += members
    return sorted(found)


def closure(graph: dict[str, set[str]], start: str) -> set[str]:
    """`start` and every briefing module it imports, directly or through others."""
    seen: set[str] = set()
    todo = [start]
    while todo:
        module = todo.pop()
        if module in seen:
            continue
        seen.add(module)
        for name in graph.get(module, ()):
            # `from briefing.x import y` names briefing.x.y, which may be a module or not
            for candidate in (name, name.rpartition(".")[0]):
                if candidate in graph and candidate not in seen:
                    todo.append(candidate)
    return seen


def test_the_core_imports_neither_textual_nor_pptx_even_indirectly(graph):
    for module in core_modules(graph):
        reached = closure(graph, module)
        for other in sorted(reached):
            heavy = {"textual", "pptx"} & set(map(top, graph[other]))
            assert not heavy, f"{module} reaches {other}, which imports {heavy}"
            assert not (in_tui(other) or is_pptx_writer(other) or other.startswith("briefing.cli"))


def imported_at_run_time(*args: str, cwd: Path) -> set[str]:
    """Top-level modules a `python -m briefing ...` run imported, from `-X importtime`."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "briefing", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    names = set()
    for line in result.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            names.add(line.rsplit("|", 1)[1].strip().split(".")[0])
    assert "briefing" in names  # the trace really is there
    return names


def test_compose_never_imports_textual(project):
    names = imported_at_run_time("compose", "outlines/us-vietnam.yaml", "--json", cwd=project)
    assert "click" in names
    assert "textual" not in names


def test_build_never_imports_textual(project):
    help_text = subprocess.run(
        [sys.executable, "-m", "briefing", "--help"], capture_output=True, text=True
    ).stdout
    if " build " not in help_text:
        pytest.skip("no `briefing build` command yet")
    names = imported_at_run_time(
        "build", "outlines/us-vietnam.yaml", "-o", "deck.pptx", cwd=project
    )
    assert (project / "deck.pptx").is_file()
    assert "textual" not in names
