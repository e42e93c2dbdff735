"""Curation writes pins and exclusions into the outline file without disturbing anything else
the analyst wrote, never clobbers an edit made on disk meanwhile, and keeps every quote exact."""

from __future__ import annotations

import difflib
import json
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.errors import BriefingError
from briefing.outline import curate
from briefing.outline.load import load_outline
from briefing.outline.models import OutlineFile
from briefing.outline.yamledit import Step, splice
from briefing.validation import check
from tests.conftest import run_cli

LONG = (
    "Washington and Hanoi have launched a partnership to build \u201cresilient semiconductor "
    "supply chains, particularly to expand capacity in reliable partners.\u201d"
)

# Comments everywhere, uneven spacing, a flow list, quoted scalars, block scalars, a slide
# that already has pins (with a comment inside) and one with an exclusion.
OUTLINE = """\
# yaml-language-server: $schema=../schemas/outline.schema.json
# Hand-written header comment.
title:   "Spaced   title"   # trailing comment
date: 2024-01-02
slides:
  # before the first slide
  - title: Bottom line
    bullets: [one, 'two', "three"]
    notes: |
      Keep this block
        exactly as written.

  - title: Chips
    theme: semiconductors   # the chips theme
    excerpts: 2
    pins:
      # the analyst's favourite
      - source: a.txt
        quote: first pinned quote
    minutes: 3
    # a comment after the last key

  - title: "Rights"
    theme: human-rights
    exclude:
      - source: b.txt
        quote: >-
          an excluded quote
          folded by hand
# a comment at the very end
"""


@pytest.fixture
def outline(tmp_path: Path) -> Path:
    path = tmp_path / "outline.yaml"
    path.write_bytes(OUTLINE.encode("utf-8"))
    return path


def slides(text: str) -> list[dict]:
    return yaml.safe_load(text)["slides"]


def only_inserted(old: str, new: str) -> list[str]:
    """The lines `new` adds to `old`, asserting that every old line survives, in order."""
    matcher = difflib.SequenceMatcher(a=old.splitlines(True), b=new.splitlines(True))
    added = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        assert tag in ("equal", "insert"), (tag, old.splitlines(True)[i1:i2])
        added += new.splitlines(True)[j1:j2] if tag == "insert" else []
    return added


def test_pin_on_a_slide_without_pins_only_inserts_its_block(outline: Path) -> None:
    new = curate.pin(outline, 1, "c.txt", LONG, loaded=OUTLINE)
    assert outline.read_text(encoding="utf-8") == new
    added = only_inserted(OUTLINE, new)
    assert added[0] == "    pins:\n"
    assert all(line.startswith("      ") for line in added[1:])
    assert all(len(line.rstrip("\n")) <= 80 for line in added)
    assert slides(new)[0]["pins"] == [{"source": "c.txt", "quote": LONG}]
    assert new.index("exactly as written.") < new.index("    pins:")  # after the notes block


def test_pin_into_an_existing_block_keeps_lines_outside_it_byte_for_byte(outline: Path) -> None:
    new = curate.pin(outline, 2, "c.txt", "second pinned quote", loaded=OUTLINE)
    old_lines, new_lines = OUTLINE.splitlines(True), new.splitlines(True)
    start = old_lines.index("    pins:\n")
    end = old_lines.index("    minutes: 3\n")  # the block runs up to the next key
    assert new_lines[:start] == old_lines[:start]
    assert new_lines[len(new_lines) - (len(old_lines) - end) :] == old_lines[end:]
    assert "      # the analyst's favourite\n" in new_lines  # a comment inside the block
    assert slides(new)[1]["pins"] == [
        {"source": "a.txt", "quote": "first pinned quote"},
        {"source": "c.txt", "quote": "second pinned quote"},
    ]


def test_pin_then_unpin_restores_the_file_exactly(outline: Path) -> None:
    text = curate.pin(outline, 3, "c.txt", LONG, loaded=OUTLINE)
    assert text != OUTLINE
    assert curate.unpin(outline, 3, "c.txt", LONG, loaded=text) == OUTLINE
    assert outline.read_bytes() == OUTLINE.encode("utf-8")


def test_pinning_twice_is_a_no_op(outline: Path) -> None:
    once = curate.pin(outline, 2, "c.txt", "new quote", loaded=OUTLINE)
    assert curate.pin(outline, 2, "c.txt", "new  quote", loaded=once) == once  # same words
    assert curate.pin(outline, 2, "a.txt", "first pinned quote", loaded=once) == once
    assert [p["quote"] for p in slides(once)[1]["pins"]] == ["first pinned quote", "new quote"]


def test_pinning_an_excluded_excerpt_lifts_the_exclusion_and_vice_versa(outline: Path) -> None:
    quote = "an excluded quote folded by hand"
    text = curate.pin(outline, 3, "b.txt", quote, loaded=OUTLINE)
    assert "exclude" not in slides(text)[2]
    assert slides(text)[2]["pins"] == [{"source": "b.txt", "quote": quote}]
    text = curate.exclude(outline, 3, "b.txt", quote, loaded=text)
    assert "pins" not in slides(text)[2]
    assert slides(text)[2]["exclude"] == [{"source": "b.txt", "quote": quote}]
    assert curate.marks(text, 3, "b.txt", quote) == {"exclude"}


def test_unexclude_and_unpin_remove_only_that_excerpt(outline: Path) -> None:
    text = curate.unexclude(outline, 3, "b.txt", "an excluded quote folded by hand")
    assert "exclude" not in slides(text)[2]
    text = curate.unpin(outline, 2, "a.txt", "first pinned quote")
    assert "pins" not in slides(text)[1]
    assert "      # the analyst's favourite\n" in text  # the analyst's words stay
    assert slides(text)[1]["minutes"] == 3


def test_removing_what_is_not_there_writes_nothing(outline: Path) -> None:
    before = outline.stat().st_mtime_ns
    assert curate.unpin(outline, 1, "a.txt", "never pinned") == OUTLINE
    assert outline.stat().st_mtime_ns == before


def test_a_concurrent_edit_elsewhere_is_kept_and_the_change_reapplied(outline: Path) -> None:
    loaded = OUTLINE  # what an editor loaded; then someone edits the file on disk
    external = OUTLINE.replace("- title: Bottom line", "- title: Bottom line  # reviewed")
    outline.write_text(external, encoding="utf-8")
    new = curate.pin(outline, 2, "c.txt", "a new pin", loaded=loaded)
    assert "# reviewed" in new
    assert only_inserted(external, new)
    assert slides(new)[1]["pins"][-1] == {"source": "c.txt", "quote": "a new pin"}


def test_a_concurrent_edit_of_that_slide_is_never_clobbered(outline: Path) -> None:
    external = OUTLINE.replace("- title: Chips", "- title: Semiconductors")
    outline.write_text(external, encoding="utf-8")
    with pytest.raises(BriefingError, match="reload"):
        curate.pin(outline, 2, "c.txt", "a new pin", loaded=OUTLINE)
    assert outline.read_text(encoding="utf-8") == external


def test_unusual_layouts_still_get_a_correct_edit(tmp_path: Path) -> None:
    path = tmp_path / "flow.yaml"
    path.write_text("title: T\nslides:\n  - {title: A, theme: x}\n  - title: B\n")
    text = curate.pin(path, 1, "s.txt", "q")
    assert slides(text)[0] == {
        "title": "A",
        "theme": "x",
        "pins": [{"source": "s.txt", "quote": "q"}],
    }
    assert text.splitlines()[-1] == "  - title: B"


@pytest.mark.parametrize(
    "text",
    [
        "---\ntitle: T\nslides:\n  - title: A\n...\n",
        "title: T\nslides:\n  -\n    title: A\n  -\n    title: B\n",
        "title: T\nslides:\n- title: A\n  bullets:\n  - x\n  theme: x\n- title: B\n",
        "slides:\n  - title: A\n    notes: |+\n      keep\n\n# between\ntitle: T\n",
        "\ufefftitle: T\nslides:\n  - title: A  # first\n",
    ],
    ids=["document-markers", "dash-alone", "zero-offset", "keep-chomping", "bom"],
)
def test_other_layouts_keep_every_line(text: str) -> None:
    new = curate.edit_text(text, 1, curate.PIN, "s.txt", "a quote")
    only_inserted(text, new)
    assert slides(new.lstrip("\ufeff"))[0]["pins"] == [{"source": "s.txt", "quote": "a quote"}]
    assert curate.edit_text(new, 1, curate.UNPIN, "s.txt", "a quote") == text


def test_crlf_files_stay_crlf(tmp_path: Path) -> None:
    path = tmp_path / "crlf.yaml"
    original = OUTLINE.replace("\n", "\r\n")
    path.write_bytes(original.encode("utf-8"))
    text = curate.pin(path, 1, "c.txt", "multi\nline")
    assert "\n" not in text.replace("\r\n", "")
    assert slides(text)[0]["pins"] == [{"source": "c.txt", "quote": "multi\nline"}]


def test_bad_requests_are_one_line_errors(outline: Path) -> None:
    with pytest.raises(BriefingError, match="no slide 9; its slides are 1 to 3"):
        curate.pin(outline, 9, "a.txt", "q")
    with pytest.raises(BriefingError, match="non-empty quote"):
        curate.pin(outline, 1, "a.txt", "   ")


WORDS = st.sampled_from(
    ["word", "Hanoi", "\u201ccurly\u201d", "don\u2019t", "é", "Đổi Mới", "中文", "#", ": ", "- ",
     "'", '"', "\\", "\t", "  ", " ", " ", " ", "\n", "\n\n", "\u2028", "\x85", "\xa0", "yes",
     "null", "{", "[", "&a", "*", "!", "%", "@", "`", "|", ">", "...", "---"]
)  # fmt: skip
PROSE = st.lists(  # long one-line prose: the quotes that get folded
    st.sampled_from(["Hanoi", "\u201cstrategic\u201d", "don\u2019t", "Đổi", "#1", "a:", "-", "'x'",
                     "\\", "$100", "U.S.", "e.g.", "'", '"', "", " ", "[", "}", "*"]),
    min_size=12,
    max_size=80,
).map(" ".join)  # fmt: skip
TEXTS = st.one_of(st.text(min_size=1), st.lists(WORDS, min_size=1, max_size=60).map("".join), PROSE)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(quote=TEXTS)
def test_any_quote_loads_back_exactly_and_unpins_cleanly(quote: str) -> None:
    if not quote.strip():
        return
    text = curate.edit_text(OUTLINE, 2, curate.PIN, "s.txt", quote)
    loaded = slides(text)[1]["pins"][-1]
    assert loaded == {"source": "s.txt", "quote": quote.strip()}
    model, issues = check(OutlineFile, yaml.safe_load(text))
    assert issues == [] and model is not None and model.slides[1].pins[-1].quote
    assert curate.edit_text(text, 2, curate.UNPIN, "s.txt", quote) == OUTLINE


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(quote=TEXTS)
def test_the_splice_itself_is_exact_without_the_safety_net(quote: str) -> None:
    """The readable styles are right on their own; the double-quoted fallback is for bugs."""
    if not quote.strip():
        return
    step = Step("pins", True)
    text = splice(OUTLINE, 1, step, "s.txt", quote.strip(), False)
    assert slides(text)[1]["pins"][-1]["quote"] == quote.strip()
    assert splice(text, 1, Step("pins", False), "s.txt", quote, False) == OUTLINE


def test_long_and_multiline_quotes_are_written_readably() -> None:
    text = curate.edit_text(OUTLINE, 1, curate.PIN, "s.txt", LONG + " " + LONG)
    assert "quote: >-" in text
    text = curate.edit_text(text, 1, curate.PIN, "s.txt", "first line\nsecond \u201cline\u201d")
    assert "quote: |-\n          first line\n          second \u201cline\u201d\n" in text


# End to end through the CLI, against the shipped corpus.


def run(*args: str) -> tuple[int, str, str]:
    result = run_cli(*args)
    return result.exit_code, result.stdout, result.stderr


def composed(path: Path, slide: int) -> list[dict]:
    code, out, err = run("compose", path, "--json")
    assert code == 0, err
    return json.loads(out)["slides"][slide - 1]["excerpts"]


def test_pin_via_cli_then_compose_shows_it_first(project: Path) -> None:
    path = project / "outlines" / "us-vietnam.yaml"
    last = composed(path, 4)[-1]
    span = f"[{last['start']}:{last['end']}]"  # as `briefing excerpts` prints it
    code, _, err = run("pin", path, "semiconductors", last["source"], span)
    assert code == 0, err
    assert "pinned on slide 4" in err
    first = composed(path, 4)[0]
    assert (first["source"], first["start"], first["end"]) == (
        last["source"],
        last["start"],
        last["end"],
    )
    assert first["pinned"] is True
    assert load_outline(path).model.slides[3].pins[0].quote == last["text"]
    assert run("check", path)[0] == 0
    code, _, err = run("pin", path, "4", last["source"], str(last["start"]), str(last["end"]))
    assert (code, err.split(";")[0]) == (
        0,
        "already pinned on slide 4 'Semiconductors and supply chains'",
    )


def test_exclude_via_cli_then_compose_never_shows_it(project: Path) -> None:
    path = project / "outlines" / "us-vietnam.yaml"
    top = composed(path, 3)[0]
    code, _, err = run("exclude", path, "3", top["source"], f"{top['start']}:{top['end']}")
    assert code == 0, err
    for excerpt in composed(path, 3):
        overlaps = excerpt["start"] < top["end"] and top["start"] < excerpt["end"]
        assert not (excerpt["source"] == top["source"] and overlaps)
    code, _, err = run("unexclude", path, "3", top["source"], "--quote", top["text"])
    assert code == 0, err
    assert composed(path, 3)[0]["start"] == top["start"]


def test_pin_by_quote_stores_the_verbatim_source_text(project: Path) -> None:
    path = project / "outlines" / "us-vietnam.yaml"
    top = composed(path, 4)[0]
    rewrapped = " \n ".join(top["text"].split())  # whitespace differs from the source
    code, _, err = run("pin", path, "4", top["source"], "--quote", rewrapped)
    assert code == 0, err
    assert load_outline(path).model.slides[3].pins[0].quote == top["text"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("9", "001_84d810a602726e3f.txt", "1:20"), "no slide 9; slides are numbered 1 to 7"),
        (("semiconductor", "001_84d810a602726e3f.txt", "1:20"), "did you mean 'semiconductors'"),
        (("4", "001_84d810a602726e3f.txt", "20:1"), "backwards"),
        (("4", "001_84d810a602726e3f.txt", "one"), "SPAN must look like"),
        (("4", "001_84d810a602726e3f.txt"), "either as SPAN"),
        (("4", "nope.txt", "1:20"), "no source 'nope.txt'"),
        (("4", "001_84d810a602726e3f.txt", "--quote", "not in the text at all"), "not appear"),
    ],
)
def test_cli_errors_are_one_line(project: Path, args: tuple[str, ...], message: str) -> None:
    path = project / "outlines" / "us-vietnam.yaml"
    before = path.read_bytes()
    code, _, err = run("pin", path, *args)
    assert code == 1
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert path.read_bytes() == before
