"""The index's code version follows the imports, so no module that shapes an index is left out."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from briefing.sources import store
from briefing.sources.code_version import code_digest, module_sources

ROOT = Path(__file__).resolve().parents[2]


def _package(tmp_path: Path, files: dict[str, str]) -> str:
    package = tmp_path / "briefing"
    for name, text in files.items():
        path = package / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return str(package)


def test_the_closure_follows_every_form_of_import(tmp_path: Path) -> None:
    package = _package(
        tmp_path,
        {
            "__init__.py": "",
            "sources/__init__.py": "",
            "sources/root.py": (
                "from briefing.sources import (  # modules named by a from-import\n"
                "    helper,  # a comment\n    multi,\n)\n"
                "def later():\n    import briefing.deferred\n"
            ),
            "sources/helper.py": "from briefing.sources.deep import thing\n",
            "sources/multi.py": "one = two = 1\n",
            "sources/deep.py": "thing = 1\n",
            "deferred.py": "",
            "unrelated.py": "x = 1\n",
        },
    )
    found = set(module_sources(["sources.root"], package))
    assert found == {
        "sources",
        "sources.root",
        "sources.helper",
        "sources.multi",
        "sources.deep",
        "deferred",
    }


def test_the_digest_changes_with_an_indirect_import_only(tmp_path: Path) -> None:
    package = _package(
        tmp_path,
        {
            "a.py": "from briefing.b import f\n",
            "b.py": "from briefing.c import g\nf = g\n",
            "c.py": "g = 1\n",
            "d.py": "h = 1\n",
        },
    )
    before = code_digest(["a"], package)
    (Path(package) / "d.py").write_text("h = 2\n", encoding="utf-8")
    assert code_digest(["a"], package) == before
    (Path(package) / "c.py").write_text("g = 2\n", encoding="utf-8")
    assert code_digest(["a"], package) != before


def test_every_module_the_indexing_code_imports_is_in_its_version() -> None:
    """Python's own import machinery is the judge: what importing the roots loads is covered."""
    roots = ", ".join(f"briefing.{root}" for root in store.INDEXING_ROOTS)
    probe = (
        f"import sys, json, {roots}\n"
        "print(json.dumps(sorted(m[len('briefing.'):] for m in sys.modules"
        " if m.startswith('briefing.'))))"
    )
    loaded = json.loads(
        subprocess.run(
            [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout
    )
    assert loaded  # the probe saw the package
    assert set(loaded) <= set(module_sources(store.INDEXING_ROOTS))
