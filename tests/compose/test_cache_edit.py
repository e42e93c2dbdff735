"""A bullet or notes edit reuses the cached deck (no validation, no composing), and every edit
still gives the deck, or the error, that composing the edited outline afresh gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.compose import cache, cache_format, composer
from briefing.compose.cache import compose_cached
from briefing.errors import BriefingError
from tests.conftest import write

HARBOUR = (
    "The harbour at Haiphong handles most of the north's container traffic. "
    "Port fees rose twice last year. Dredging the port channel will take until 2027.\n\n"
    "Fishing boats share the harbour with the container ships. The port authority "
    "plans a second terminal.\n"
)
THEMED_NOTES = "notes: \"{{ slide.bullets | join('; ') }} ({{ theme.title }})\""
RICE = "Rice exports fell in the dry season. The harbour at Can Tho silted up in March.\n"
THEME = "title: Ports\nkeywords: [harbour, port, terminal]\n"
OUTLINE = """\
title: Ports review
sources: sources
themes: themes
slides:
  - title: Summary
    bullets:
      - First point.
      - Second point.
    notes: "{{ slide.bullets | length }} points of {{ deck.slides | length }} slides"
  - title: Harbours
    theme: ports
    excerpts: 2
    bullets:
      - A harbour point.
    notes: "{{ slide.bullets | join('; ') }} ({{ theme.title }})"
  - title: Plain
    bullets: [Third point.]
    notes: "Just notes, {{ deck.title }}."
"""


@pytest.fixture
def outline(tmp_path: Path) -> Path:
    write(tmp_path / "sources" / "haiphong.txt", HARBOUR)
    write(tmp_path / "sources" / "cantho.txt", RICE)
    write(tmp_path / "themes" / "ports.yaml", THEME)
    return write(tmp_path / "deck.yaml", OUTLINE)


@pytest.fixture
def composes(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every outline the composer composes from here on."""
    seen: list[Path] = []
    real = composer.compose_outline_file

    def counting(path: Path, **kwargs: object) -> composer.Composed:
        seen.append(path)
        return real(path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(composer, "compose_outline_file", counting)
    return seen


def _fresh(outline: Path) -> object:
    """The deck composing the outline now gives (no deck cache), or its error's text."""
    try:
        return composer.compose_file(outline)
    except BriefingError as exc:
        return str(exc)


def _cached(outline: Path) -> object:
    try:
        return compose_cached(outline)
    except BriefingError as exc:
        return str(exc)


def _edit(outline: Path, old: str, new: str) -> None:
    text = outline.read_text("utf-8")
    assert old in text
    outline.write_text(text.replace(old, new, 1), "utf-8")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("      - Second point.", "      - Second point, edited."),
        ("bullets: [Third point.]", "bullets: [Third point., A fourth]"),  # slide notes: no 'slide'
        ("      - First point.\n", "      - First point.\n      - An added point.\n"),  # lines move
        ("    bullets: [Third point.]\n", ""),  # no bullets at all
        ('notes: "Just notes', 'notes: "Only notes'),
        ('"{{ slide.bullets | length }} points', '"{{ slide.title }}: {{ number }} of'),
        (THEMED_NOTES, "notes: Plain."),  # plain text on a theme's slide
        ('    notes: "Just notes, {{ deck.title }}."\n', ""),  # notes removed
        ('notes: "Just notes, {{ deck.title }}."', "notes: null"),
        ("title: Plain", "title: Plainer"),  # every template naming `deck` sees the titles
        ("title: Summary", "title: Overview {{ not a template }}"),  # its own notes read it
        ("title: Summary", 'title: "Sum\\u00e9 \\"mary\\""'),
    ],
)
def test_a_bullet_or_notes_edit_reuses_the_deck_as_composing_afresh_would_make_it(
    outline: Path, composes: list[Path], old: str, new: str
) -> None:
    compose_cached(outline)
    _edit(outline, old, new)
    composes.clear()
    deck = compose_cached(outline)
    assert composes == []  # neither validated nor composed again
    assert compose_cached(outline) == deck and composes == []  # and stored for the next run
    assert deck == _fresh(outline)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("      - A harbour point.", "      - A port point."),  # a theme's slide reads `slide`
        ("title: Harbours", "title: Havens"),  # its template also reads the theme
        ("title: Plain", 'title: " Plainer"'),  # the model strips it
        ("title: Plain", "title: 42"),
        ("title: Plain", "title: ''"),
        ("title: Plain\n", "title: Plain\n    title: Twice\n"),
        ("title: Ports review", "title: Ports reviewed"),  # the deck's title: not a slide's
        ("      - Second point.", '      - " Second point."'),  # the model strips it
        ("      - Second point.", "      - 42"),  # a number: the model refuses it
        ("      - Second point.", "      - ''"),
        ("excerpts: 2", "excerpts: 2.0"),
        ("excerpts: 2", "excerpts: 1"),
        ("    bullets: [Third point.]\n", "    bullets: [Third point.]\n    colour: red\n"),
        ("({{ theme.title }})", "({{ theme.id }})"),  # a template on a theme's slide
        ('notes: "Just notes, {{ deck.title }}."', "notes: 42"),
        ('notes: "Just notes, {{ deck.title }}."', 'notes: "{{ broken"'),  # the engine's error
    ],
)
def test_any_other_edit_is_composed_again(
    outline: Path, composes: list[Path], old: str, new: str
) -> None:
    compose_cached(outline)
    _edit(outline, old, new)
    composes.clear()
    cached = _cached(outline)
    assert composes == [outline]
    assert cached == _fresh(outline)


def test_a_header_that_does_not_name_its_record_is_not_trusted(outline: Path) -> None:
    """The header's outline text is outside the checksum: a changed one must not lead a
    bullet edit onto a deck composed from another outline."""
    compose_cached(outline)
    record = cache._record_path(outline)
    raw = record.read_bytes()
    header, _, payload = raw.partition(b"\n")
    fields = json.loads(header)
    claimed = OUTLINE.replace("excerpts: 2", "excerpts: 1")
    fields["note"] = claimed  # as if the deck had been composed with one excerpt
    record.write_bytes(json.dumps(fields).encode("ascii") + b"\n" + payload)
    assert cache_format.note(record.read_bytes()) == claimed
    outline.write_text(claimed.replace("Second point.", "Second point, edited."), "utf-8")
    deck = compose_cached(outline)
    assert deck == _fresh(outline)
    assert len(deck.slides[1].excerpts) == 1


bullet = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(bullets=st.lists(bullet | st.sampled_from([" x", "x\n", "1", "\ud83d", "{{ x }}"])))
def test_whatever_the_bullets_the_cache_gives_what_composing_gives(
    outline: Path, bullets: list[str]
) -> None:
    compose_cached(outline)  # the record a bullet edit is checked against
    flow = json.dumps(bullets)  # JSON strings are YAML's double-quoted scalars
    text = OUTLINE.replace("bullets: [Third point.]", f"bullets: {flow}")
    outline.write_text(text, "utf-8")
    assert _cached(outline) == _fresh(outline)
    outline.write_text(OUTLINE, "utf-8")


@pytest.mark.parametrize(
    ("old", "new", "heavy"),
    [
        ("bullets: [Third point.]", "bullets: [Third point., Fourth.]", "[]"),
        # the notes naming `deck` render again: Jinja2, which imports tempfile itself
        ("title: Plain", "title: Fourth.", "['jinja2', 'tempfile']"),
    ],
)
def test_a_bullet_or_title_edit_never_loads_the_validation_or_composing_stack(
    outline: Path, old: str, new: str, heavy: str
) -> None:
    """The point of the patch: `compose` after a bullet or title edit imports neither the
    validation library (msgspec) nor the composer (nor, for notes that need no rendering
    again, Jinja2), nor what only a rare path needs (tempfile, with shutil, bz2 and lzma
    behind it)."""
    import subprocess
    import sys

    compose_cached(outline)
    _edit(outline, old, new)
    probe = (
        "import sys\nfrom briefing.cli import run as main\n"
        f"sys.argv = ['briefing', 'compose', {str(outline)!r}, '--json']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'msgspec', 'jinja2'})\n"
        "heavy += [m for m in ('tempfile',) if m in sys.modules]\n"
        "heavy += [m for m in sys.modules if m.startswith('briefing.compose.composer')]\n"
        "print('HEAVY', heavy, file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert f"HEAVY {heavy}" in done.stderr, done.stderr[-500:]
    assert "Fourth." in done.stdout


notes = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=20)
fragments = st.sampled_from(["{{ slide.title }}", "{{ theme.title }}", "{% if x %}", "{#", " "])


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(plain=notes, themed=st.lists(notes | fragments, max_size=4).map("".join))
def test_whatever_the_notes_the_cache_gives_what_composing_gives(
    outline: Path, plain: str, themed: str
) -> None:
    compose_cached(outline)
    text = OUTLINE.replace('"Just notes, {{ deck.title }}."', json.dumps(plain))
    outline.write_text(text.replace(THEMED_NOTES, f"notes: {json.dumps(themed)}"), "utf-8")
    assert _cached(outline) == _fresh(outline)
    outline.write_text(OUTLINE, "utf-8")


def test_notes_with_an_escaped_emoji_are_cached(outline: Path) -> None:
    """YAML reads the JSON-style escape of an emoji as two lone surrogates, which have no
    UTF-8: the record is written with JSON's escapes instead of failing the command."""
    _edit(outline, '"Just notes, {{ deck.title }}."', '"Just notes \\ud83d\\ude00"')
    deck = compose_cached(outline)
    assert deck.slides[2].notes == "Just notes \ud83d\ude00"
    assert cache.load(outline) == deck


def test_a_title_edit_relabels_the_slides_warnings(outline: Path, composes: list[Path]) -> None:
    """A slide's warnings name it by its title: a retitled slide's are the composer's own."""
    _edit(outline, "excerpts: 2\n    bullets:", "excerpts: 9\n    bullets:")
    _edit(outline, "    notes: \"{{ slide.bullets | join('; ') }} ({{ theme.title }})\"\n", "")
    first = compose_cached(outline)
    assert any(w.startswith("slide 2 'Harbours': asked for 9") for w in first.warnings)
    _edit(outline, "title: Harbours", "title: Havens")
    composes.clear()
    deck = compose_cached(outline)
    assert composes == []
    assert deck == _fresh(outline)
    assert any(w.startswith("slide 2 'Havens': asked for 9") for w in deck.warnings)


titles = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(first=titles | st.sampled_from([" x", "", "1", "\ud83d", "{{ x }}"]), third=titles)
def test_whatever_the_titles_the_cache_gives_what_composing_gives(
    outline: Path, first: str, third: str
) -> None:
    base = OUTLINE.replace('"Just notes, {{ deck.title }}."', "\"{{ deck.slides | join('|') }}\"")
    outline.write_text(base, "utf-8")
    compose_cached(outline)  # the record: its notes print every slide's title
    text = base.replace("title: Summary", f"title: {json.dumps(first)}")
    outline.write_text(text.replace("title: Plain", f"title: {json.dumps(third)}"), "utf-8")
    assert _cached(outline) == _fresh(outline)
    outline.write_text(OUTLINE, "utf-8")


@pytest.mark.parametrize("fork_from", [10**6, 1])  # the folder proven here, or in a fork
def test_an_edited_record_met_on_an_edit_is_recomposed_and_said_once(
    outline: Path,
    composes: list[Path],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    fork_from: int,
) -> None:
    """The record's quotes are checked while the folder is proven: one that no longer matches
    its sources is never served, patched or saved, and the user is told once."""
    import hashlib

    from briefing.compose import cache_proof

    monkeypatch.setattr(cache_proof, "FORK_FROM", fork_from)
    compose_cached(outline)
    path = cache._record_path(outline)
    header, payload = path.read_bytes().split(b"\n", 1)
    data = json.loads(payload)
    excerpt = next(e for s in data["deck"]["slides"] for e in s["excerpts"])
    excerpt["text"] = "The harbour was closed for good."
    payload = json.dumps(data, ensure_ascii=False).encode("utf-8")
    fields = json.loads(header)
    fields["sha256"] = hashlib.sha256(payload).hexdigest()
    path.write_bytes(json.dumps(fields).encode() + b"\n" + payload)
    capsys.readouterr()
    composes.clear()
    _edit(outline, "      - Second point.", "      - Second point, edited.")
    deck = compose_cached(outline)
    assert composes == [outline]
    assert deck == _fresh(outline)
    assert "The harbour was closed for good." not in json.dumps(deck.to_json())
    assert capsys.readouterr().err.count("does not match its sources") == 1
