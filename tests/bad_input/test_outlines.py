# ruff: noqa: E501
"""Bad outlines, themes, notes templates and `sources.yaml` entries, one a row, each run through
the CLI as a user would: every one is refused with a clear line naming the file, quickly, with
no traceback, no output file left behind and no user file changed."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.bad_input.conftest import assert_refused, run_briefing, tree

OUTLINE = "outlines/us-vietnam.yaml"
THEME = "themes/china-balancing.yaml"
CATALOGUE = "seeds/sources.yaml"

LAUGHS = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(8)
)
DEEP = "title: T\nslides: " + "[" * 900 + "]" * 900 + "\n"


def sub(old: str, new: str) -> Callable[[str], str]:
    """An edit of a file: replace `old` (which must be there) by `new`."""

    def edit(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)

    return edit


def notes(template: str) -> Callable[[str], str]:
    """The Balancing China slide's notes replaced by `template` (a YAML single-quoted scalar)."""
    quoted = "'" + template.replace("'", "''") + "'"
    return sub(
        "notes: |\n      {{ excerpts | length }} passages on {{ theme.title }}.",
        f"notes: {quoted}\n    # was:",
    )


def whole(text: str) -> Callable[[str], str]:
    return lambda _old: text


# (id, command, file to break, the edit, text the message must hold)
ROWS: list[tuple[str, str, str, Callable[[str], str | bytes], str]] = [
    # outlines: structure and values, at their line
    ("dup-key", "check", OUTLINE, sub("presenter:", "title: Again\npresenter:"), "duplicate key 'title'"),
    ("dup-slide-key", "compose", OUTLINE, sub("    excerpts: 4\n", "    excerpts: 4\n    excerpts: 5\n"), "duplicate key 'excerpts'"),
    ("date-feb-30", "check", OUTLINE, sub("date: 2023-11-20", "date: 2023-02-30"), "not a real date"),
    ("date-feb-30-build", "build", OUTLINE, sub("date: 2023-11-20", "date: 2023-02-30"), "not a real date"),
    ("date-9999", "check", OUTLINE, sub("date: 2023-11-20", "date: 9999-12-31"), "outside the years 1900-2200"),
    ("date-1066", "compose", OUTLINE, sub("date: 2023-11-20", "date: 1066-10-14"), "outside the years"),
    ("date-quoted-bad", "check", OUTLINE, sub("date: 2023-11-20", "date: '2023-13-01'"), "date"),
    ("excerpts-40", "check", OUTLINE, sub("excerpts: 4", "excerpts: 40"), "slide 3 'Balancing China'"),
    ("excerpts-word", "compose", OUTLINE, sub("excerpts: 4", "excerpts: many"), "slide 3 'Balancing China'"),
    ("minutes-negative", "build", OUTLINE, sub("minutes: 3", "minutes: -3"), "slide 3 'Balancing China'"),
    ("alias-bomb", "check", OUTLINE, whole(LAUGHS), "alias bomb"),
    ("alias-bomb-build", "build", OUTLINE, whole(LAUGHS), "alias bomb"),
    ("nul-byte-build", "build", OUTLINE, lambda t: b"\x00\x01" + t.encode(), "us-vietnam.yaml:1:1: a character YAML does not allow (U+0000)"),
    ("nul-byte-check", "check", OUTLINE, sub("subtitle:", "subtitle: \x00\nx:"), "character YAML does not allow (U+0000)"),
    ("control-char-compose", "compose", OUTLINE, sub("presenter:", "presenter: \x07\nx:"), "character YAML does not allow (U+0007)"),
    ("alias-loop", "check", OUTLINE, whole("title: &t [a, *t]\nslides: [{title: A}]\n"), "refers to itself"),
    ("alias-loop-map", "compose", OUTLINE, whole("title: T\nslides: &s [{title: A, bullets: *s}]\n"), "refers to itself"),
    ("deep-900", "check", OUTLINE, whole(DEEP), "nested more than 100 levels"),
    ("deep-900-build", "build", OUTLINE, whole(DEEP), "nested more than 100 levels"),
    ("too-big", "check", OUTLINE, lambda t: t + "#" * 5_100_000 + "\n", "the limit is 5,000,000"),
    ("key-is-list", "check", OUTLINE, sub("presenter:", "? [a, b]\n: 1\npresenter:"), "a key must be plain text"),
    ("bad-int-tag", "compose", OUTLINE, sub("excerpts: 4", "excerpts: !!int four"), "cannot read 'four'"),
    ("undefined-alias", "check", OUTLINE, sub("excerpts: 4", "excerpts: *four"), "undefined alias"),
    # notes templates: checked by `check`, refused by `compose` and `build`
    ("filter-typo", "check", OUTLINE, notes("{{ excerpts | lenght }}"), "did you mean 'length'"),
    ("filter-typo-build", "build", OUTLINE, notes("{{ excerpts | lenght }}"), "slide 3 'Balancing China'"),
    ("undefined-name", "check", OUTLINE, notes("{{ nothing.here }}"), "'nothing' is undefined"),
    ("field-typo", "check", OUTLINE, notes("{{ slide.titel }}"), "did you mean 'title'"),
    ("syntax", "check", OUTLINE, notes("{% for x in %}"), "speaker notes"),
    ("syntax-compose", "compose", OUTLINE, notes("{% if %}"), "slide 3 'Balancing China'"),
    ("read-file", "compose", OUTLINE, notes("{{ deck.outline_path.joinpath('/etc/passwd').read_text() }}"), "slide 3"),
    ("dunder-class", "build", OUTLINE, notes("{{ excerpts.__class__.__mro__[1].__subclasses__() }}"), "unsafe"),
    ("dunder-globals", "check", OUTLINE, notes("{{ lipsum.__globals__['os'].listdir('/') }}"), "unsafe"),
    ("huge-string", "check", OUTLINE, notes("{{ 'x' * 10**9 }}"), "too large"),
    ("huge-string-compose", "compose", OUTLINE, notes("{{ 'x' * 10**9 }}"), "too large"),
    ("huge-string-build", "build", OUTLINE, notes("{{ 'x' * 10**9 }}"), "too large"),
    ("nested-loops", "compose", OUTLINE, notes("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"), "loop steps"),
    ("nested-loops-build", "build", OUTLINE, notes("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"), "loop steps"),
    ("huge-range", "check", OUTLINE, notes("{{ range(10**9) | list }}"), "too large"),
    ("lipsum-loop", "compose", OUTLINE, notes("{% for a in lipsum(10**6) %}{% endfor %}"), "slide 3"),
    ("macro-recursion", "build", OUTLINE, notes("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}"), "nested more than"),
    ("macro-doubling", "compose", OUTLINE, notes("{% macro f(s) %}{{ f(s ~ s) }}{% endmacro %}{{ f('x') }}"), "slide 3"),
    ("namespace-doubling", "check", OUTLINE, notes("{% set n = namespace(s='x') %}{% for i in range(60) %}{% set n.s = n.s ~ n.s %}{% endfor %}"), "limit"),
    ("huge-format", "compose", OUTLINE, notes("{{ '%0999999999d' % 1 }}"), "width"),
    ("huge-center", "build", OUTLINE, notes("{{ 'x' | center(10**9) }}"), "too large"),
    ("huge-output", "compose", OUTLINE, notes("{% for i in range(5000) %}{{ 'x' * 1000 }}{% endfor %}"), "slide 3"),
    # themes
    ("theme-dup-key", "check", THEME, sub("title:", "title: One\ntitle:"), "duplicate key 'title'"),
    ("theme-alias-bomb", "build", THEME, whole(LAUGHS), "alias bomb"),
    ("theme-deep", "compose", THEME, whole("title: T\nkeywords: " + "[" * 900 + "]" * 900), "nested more than"),
    ("theme-not-utf8", "check", THEME, lambda t: t.encode() + b"\xff", "not UTF-8"),
    ("theme-nul-byte", "build", THEME, lambda t: t + "\x00", "china-balancing.yaml"),
    # sources.yaml
    ("catalogue-feb-30", "check", CATALOGUE, sub("date: 2023-09-11", "date: 2023-02-30"), "not a real date"),
    ("catalogue-feb-30-build", "build", CATALOGUE, sub("date: 2023-09-11", "date: 2023-02-30"), "not a real date"),
    ("catalogue-9999", "compose", CATALOGUE, sub("date: 2023-09-11", "date: 9999-12-31"), "outside the years"),
    ("catalogue-dup-key", "check", CATALOGUE, sub("  cite_as: Thanh Danh\n", "  cite_as: Thanh Danh\n  cite_as: Danh\n"), "duplicate key 'cite_as'"),
    ("catalogue-alias-bomb", "compose", CATALOGUE, lambda t: LAUGHS, "alias bomb"),
    ("catalogue-nul-byte", "compose", CATALOGUE, lambda t: t + "\x00", "sources.yaml"),
    ("catalogue-typo", "check", CATALOGUE, sub("  cite_as: Thanh Danh\n", "  cite_ass: Thanh Danh\n"), "did you mean 'cite_as'"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("command", "target", "edit", "expected"), [r[1:] for r in ROWS], ids=[r[0] for r in ROWS]
)
def test_refused(user_project: Path, command: str, target: str, edit: Callable[[str], str], expected: str) -> None:  # fmt: skip
    path = user_project / target
    new: str | bytes = edit(path.read_text(encoding="utf-8"))
    path.write_bytes(new if isinstance(new, bytes) else new.encode("utf-8"))
    before = tree(user_project)
    args = {
        "check": ["check"],
        "compose": ["compose", "--json"],
        "build": ["build", "-o", "x.pptx"],
    }[command]
    started = time.monotonic()
    outcome = run_briefing(*args[:1], OUTLINE, *args[1:], cwd=user_project, timeout=60)
    took = time.monotonic() - started
    shown = Path(target).name
    said = outcome.stdout + outcome.stderr if command == "check" else outcome.stderr
    assert_refused(outcome, before=before, after=tree(user_project))
    assert shown in said and expected in said, said[-1500:]
    assert "/etc/passwd" not in outcome.stdout and "root:" not in said
    assert took < 20, f"took {took:.1f} s"
    if command == "check":  # each problem once, and counted once
        lines = [line for line in outcome.stdout.splitlines() if line.strip()]
        assert len(lines) == len(set(lines)), lines
        assert all(re.match(r"\S+:\d+:\d+: ", line) for line in lines), lines
        assert f"{len(lines)} problem" in outcome.stderr
