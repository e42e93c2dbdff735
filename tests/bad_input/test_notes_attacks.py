"""A shared outline's notes template is untrusted code: it can reach no file through any object
of its context, no Python internals, and cannot hang or exhaust memory, in `build`, `compose`
and `check` (the live reload is in tests/tui/present/test_notes_reload.py)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from briefing.compose.composer import compose_file
from briefing.outline.notes_context import notes_context
from briefing.outline.notes_sandbox import NotesFailure, render_notes
from briefing.outline.themes import load_themes
from tests.bad_input.conftest import assert_refused, run_briefing, tree

SECRET = "the-secret-is-7f3a"
OBJECTS = [
    "deck",
    "slide",
    "theme",
    "excerpts",
    "excerpts[0]",
    "excerpts[0].date",
    "sources[0]",
    "deck.sources[0]",
    "deck.date",
    "slide.bullets",
    "theme.keywords",
    "number",
    "total",
    "lipsum",
    "range",
    "namespace",
    "cycler",
    "joiner",
    "self",
    "loop",
]
REACHES = [
    ".joinpath('{secret}').read_text()",
    ".open('{secret}').read()",
    ".__class__.__mro__[-1].__subclasses__()",
    ".__init__.__globals__['os'].listdir('/')",
    ".__globals__['__builtins__']['open']('{secret}').read()",
    ".outline_path.read_text()",
    ".source.full_citation.__globals__",
    "|attr('__class__')",
    ".__reduce_ex__(2)",
    ".mro()",
]


@pytest.fixture(scope="module")
def context(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The real context of the example's "Balancing China" slide (it has a theme and excerpts)."""
    root = Path(__file__).resolve().parents[2]
    deck = compose_file(root / "outlines" / "us-vietnam.yaml")
    themes = load_themes(root / "themes", {"china-balancing"})
    return notes_context(deck, 3, themes["china-balancing"])


def test_the_context_is_plain_data(context: dict) -> None:
    def plain(value: object) -> bool:
        if isinstance(value, dict):
            return all(isinstance(k, str) and plain(v) for k, v in value.items())
        if isinstance(value, list):
            return all(plain(v) for v in value)
        import datetime as dt

        return value is None or isinstance(value, str | int | float | bool | dt.date)

    assert plain(context)
    assert context["excerpts"] and context["theme"]["title"] == "Balancing China"


@pytest.mark.parametrize("target", OBJECTS)
@pytest.mark.parametrize("reach", REACHES)
def test_no_object_reaches_a_file_or_internals(
    context: dict, tmp_path: Path, target: str, reach: str
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    template = "{{ " + target + reach.format(secret=secret) + " }}"
    try:
        rendered = render_notes(template, context)
    except NotesFailure as exc:
        assert SECRET not in exc.message
    else:  # only harmless text may come out
        assert SECRET not in rendered and "<class" not in rendered and "module" not in rendered


RESOURCE = [
    "{{ 'x' * 10**9 }}",
    "{{ [1] * 10**9 }}",
    "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
    "{{ range(10**9) | list }}",
    "{% set w = lipsum(50, max=200).split() %}{% for a in w %}{% for b in w %}{% endfor %}"
    "{% endfor %}",
    "{% for c in lipsum(10**9) %}{% endfor %}",
    "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}",
    "{% macro f(s) %}{{ f(s ~ s) }}{% endmacro %}{{ f('x') }}",
    "{% set n = namespace(s='x') %}{% for i in range(64) %}{% set n.s = n.s ~ n.s %}{% endfor %}",
    "{{ 'x' | center(10**9) }}",
    "{{ ''.center(999999999) }}",
    "{{ '%0999999999d' % 1 }}",
    "{{ '{:>999999999}'.format(1) }}",
    "{{ range(100000) | join('x' * 99999) }}",
    "{{ ('x' * 99999) | replace('', 'yyyy') }}",
    "{{ (10).to_bytes(10**9, 'big') }}",
    "{{ 7 ** 999999999 }}",
    "{% filter upper %}{% for i in range(100000) %}{{ 'x' * 99999 }}{% endfor %}{% endfilter %}",
    "{% for i in range(20000) %}{{ lipsum(1) }}{% endfor %}",
]


@pytest.mark.parametrize("template", RESOURCE)
def test_resource_attacks_stop_quickly(context: dict, template: str) -> None:
    started = time.monotonic()
    with pytest.raises(NotesFailure):
        render_notes(template, context)
    assert time.monotonic() - started < 3


CLI_ATTACKS = [
    "{{ deck.outline_path.joinpath('/etc/passwd').read_text() }}",
    "{{ excerpts[0].source.joinpath('/etc/passwd').read_text() }}",
    "{{ slide.__class__.__init__.__globals__ }}",
    "{{ 'x' * 10**9 }}",
    "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
]


@pytest.mark.parametrize("command", ["check", "compose", "build"])
@pytest.mark.parametrize("template", CLI_ATTACKS)
def test_attacks_through_the_cli(user_project: Path, command: str, template: str) -> None:
    outline = user_project / "outlines" / "us-vietnam.yaml"
    text = outline.read_text(encoding="utf-8")
    old = "notes: |\n      {{ excerpts | length }} passages on {{ theme.title }}."
    quoted = "'" + template.replace("'", "''") + "'"
    outline.write_text(text.replace(old, f"notes: {quoted}\n    #"), encoding="utf-8")
    before = tree(user_project)
    args = {"check": [], "compose": ["--json"], "build": ["-o", "x.pptx"]}[command]
    started = time.monotonic()
    outcome = run_briefing(command, "outlines/us-vietnam.yaml", *args, cwd=user_project, timeout=60)
    assert time.monotonic() - started < 20
    assert_refused(outcome, before=before, after=tree(user_project))
    said = outcome.stdout + outcome.stderr
    assert "us-vietnam.yaml" in said and "slide 3 'Balancing China'" in said
    assert "root:" not in said
