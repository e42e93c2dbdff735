"""The composer on the real seeds: what a briefer would see on each theme slide."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from briefing.compose.cache import compose_cached
from briefing.compose.composer import compose_file
from briefing.deck import Deck
from briefing.sources.documents import RACY_NS, DocFile, snapshot
from briefing.sources.index import Index
from briefing.sources.quotes import locate_quote
from tests.conftest import EXAMPLE, python_probe


@pytest.fixture(scope="module")
def deck() -> Deck:
    return compose_file(EXAMPLE)


def theme_slides(deck: Deck):
    return [s for s in deck.slides if s.theme]


def test_every_outline_slide_in_order(deck: Deck) -> None:
    titles = [s.title for s in deck.slides]
    assert titles[0] == "Bottom line up front"
    assert titles[-1] == "Outlook"
    assert [s.theme for s in theme_slides(deck)] == [
        "china-balancing",
        "semiconductors",
        "human-rights",
        "defence-four-nos",
    ]


def test_theme_slides_are_full_on_topic_and_from_two_sources(deck: Deck) -> None:
    for slide in theme_slides(deck):
        assert len(slide.excerpts) == slide.requested, slide.title
        assert len({e.source.file for e in slide.excerpts}) >= 2, slide.title
        for excerpt in slide.excerpts:
            assert excerpt.terms, f"{slide.title}: excerpt matched no keyword"


def test_excerpts_are_verbatim_self_contained_sentences(deck: Deck) -> None:
    for slide in theme_slides(deck):
        for e in slide.excerpts:
            source = (deck.sources_dir / e.source.file).read_text(encoding="utf-8")
            assert source[e.start : e.end] == e.text
            assert e.text[0].isupper() or e.text[0] in "“\"‘'", e.text
            assert e.text.rstrip('”"’)')[-1] in ".!?", e.text
            assert e.text in e.paragraph


def test_no_excerpt_overlaps_or_repeats_across_the_deck(deck: Deck) -> None:
    spans = [(e.source.file, e.start, e.end) for s in deck.slides for e in s.excerpts]
    for i, (src, start, end) in enumerate(spans):
        for other, o_start, o_end in spans[i + 1 :]:
            assert not (src == other and start < o_end and o_start < end)


def test_garbled_source_never_beats_clean_text_on_a_slide(deck: Deck) -> None:
    garbled = "003_06edac9f7beaf37f.txt"
    for slide in theme_slides(deck):
        files = [e.source.file for e in slide.excerpts]
        if garbled in files:  # only ever after the clean sources, never leading
            assert files.index(garbled) > 0, slide.title


def test_dangling_openers_only_with_their_antecedent(deck: Deck) -> None:
    dangling = ("It ", "This ", "They ", "He ", "She ", "These ")
    for slide in theme_slides(deck):
        for e in slide.excerpts:
            assert not e.text.startswith(dangling), e.text


def test_composition_is_deterministic(deck: Deck) -> None:
    again = compose_file(EXAMPLE)
    assert json.dumps(again.to_json(), sort_keys=True) == json.dumps(deck.to_json(), sort_keys=True)


def test_notes_are_rendered_with_slide_context(deck: Deck) -> None:
    china = next(s for s in deck.slides if s.theme == "china-balancing")
    assert china.notes.startswith("4 passages on Balancing China.")
    assert "{{" not in "".join(s.notes for s in deck.slides)


def _write_outline(project: Path, body: str) -> Path:
    path = project / "outlines" / "test.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def test_pins_come_first_and_exclusions_never_appear(project: Path) -> None:
    base = compose_file(project / "outlines" / "us-vietnam.yaml")
    china = next(s for s in base.slides if s.theme == "china-balancing")
    top, second = china.excerpts[0], china.excerpts[1]
    pin_text = "Vietnam’s primary goals are strategic autonomy, economic development"
    outline = _write_outline(
        project,
        f"""title: Pins
slides:
  - title: China
    theme: china-balancing
    excerpts: 3
    pins:
      - source: 003_06edac9f7beaf37f.txt
        quote: "{pin_text}"
    exclude:
      - source: {top.source.file}
        quote: "{top.text}"
""",
    )
    deck = compose_file(outline)
    excerpts = deck.slides[0].excerpts
    assert excerpts[0].pinned and excerpts[0].text == pin_text
    assert excerpts[0].source.file == "003_06edac9f7beaf37f.txt"
    assert len(excerpts) == 3
    assert all(not (e.source.file == top.source.file and e.start == top.start) for e in excerpts)
    assert second.text in [e.text for e in excerpts]


def test_lost_pin_and_short_supply_are_warned_not_fatal(project: Path) -> None:
    outline = _write_outline(
        project,
        """title: Short
slides:
  - title: Rights
    theme: human-rights
    excerpts: 20
    pins:
      - source: 002_a30051e82dc3743c.txt
        quote: This sentence was never in the source.
""",
    )
    deck = compose_file(outline)
    warnings = " ".join(deck.warnings)
    assert "pinned quote no longer found in 002_a30051e82dc3743c.txt" in warnings
    assert "asked for 20 excerpts, found" in warnings
    assert deck.slides[0].excerpts  # shows what there is


def test_locate_quote_tolerates_rewrapping_but_stays_verbatim() -> None:
    text = "Alpha beta\ngamma delta. Epsilon."
    start, end = locate_quote(text, "beta gamma delta.")
    assert text[start:end] == "beta\ngamma delta."
    assert locate_quote(text, "not here") is None


def test_index_is_reused_and_only_changed_files_reindexed(project: Path, tmp_path: Path) -> None:
    db = tmp_path / "index.sqlite"
    seeds = project / "seeds"
    first = Index(seeds, db).sync()
    assert first.analysed == 5
    second = Index(seeds, db).sync()
    assert (second.analysed, second.unchanged) == (0, 5)
    target = seeds / "001_84d810a602726e3f.txt"
    target.write_text(
        target.read_text(encoding="utf-8") + "\nA new closing sentence here.\n", encoding="utf-8"
    )
    third = Index(seeds, db).sync()
    assert (third.analysed, third.unchanged) == (1, 4)
    (seeds / "000_ecb1a75b14719fb7.txt").touch()  # new mtime, same content: no re-analysis
    fourth = Index(seeds, db).sync()
    assert fourth.analysed == 0
    (seeds / "002_a30051e82dc3743c.txt").unlink()
    assert Index(seeds, db).sync().removed == 1


def test_a_file_stamp_is_kept_only_once_it_is_old_enough() -> None:
    def stamp(mtime: int, listed: int) -> int:
        return DocFile("a.txt", Path("."), 1, mtime, listed).stamp

    assert stamp(100, 100 + RACY_NS) == 100
    assert stamp(100, 99 + RACY_NS) == -1  # modified just before it was listed
    assert stamp(100 + RACY_NS, 100) == -1  # from the future: a clock out of step


def test_a_listing_to_store_stamps_each_file_as_its_docfile_does(tmp_path: Path) -> None:
    files = [
        DocFile("a.txt", tmp_path, 1, 100, 100 + RACY_NS),
        DocFile("b.txt", tmp_path, 2, 100, 99 + RACY_NS),
        DocFile("c.txt", tmp_path, 3, 100 + RACY_NS, 100),
    ]
    stored = snapshot(tmp_path, to_store=True, files=files)
    assert stored == tuple((f.name, f.size, f.stamp) for f in files)
    assert [stamp for _name, _size, stamp in stored] == [100, -1, -1]
    assert snapshot(tmp_path, files=files)[2] == ("c.txt", 3, 100 + RACY_NS)  # as listed


def _same_size_edit_in_the_same_tick(path: Path, old: str, new: str) -> None:
    """Change `path` without changing its size or mtime: what a second save within one tick of
    a coarse file-system clock (FAT: 2 s) looks like to a stat."""
    assert len(old.encode()) == len(new.encode())
    before = path.stat()
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)


def test_a_source_saved_again_in_the_same_clock_tick_is_noticed(
    project: Path, tmp_path: Path
) -> None:
    db = tmp_path / "index.sqlite"
    seeds = project / "seeds"
    target = seeds / "001_84d810a602726e3f.txt"
    target.write_text(target.read_text(encoding="utf-8"), encoding="utf-8")  # saved just now
    assert Index(seeds, db).sync().analysed == 5
    _same_size_edit_in_the_same_tick(target, "ASEAN Beat", "ASEAN BEAT")
    assert Index(seeds, db).sync().analysed == 1  # racily clean: its content was compared
    old = time.time_ns() - 2 * RACY_NS
    os.utime(target, ns=(old, old))
    assert Index(seeds, db).sync().analysed == 0  # content unchanged, now stamped for good
    assert Index(seeds, db).sync().unchanged == 5  # and no longer read at all


def test_the_deck_cache_notices_a_same_tick_save_too(project: Path) -> None:
    from briefing.compose import cache as deckcache

    outline = project / "outlines" / "us-vietnam.yaml"
    target = project / "seeds" / "001_84d810a602726e3f.txt"
    target.write_text(target.read_text(encoding="utf-8"), encoding="utf-8")  # saved just now
    deckcache.compose_cached(outline)
    assert deckcache.load(outline) is not None
    _same_size_edit_in_the_same_tick(target, "ASEAN Beat", "ASEAN BEAT")
    assert deckcache.load(outline) is None


def test_a_touched_source_costs_one_index_check_then_none(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.compose import cache as deckcache
    from briefing.sources import index as index_module

    outline = project / "outlines" / "us-vietnam.yaml"
    deck = deckcache.compose_cached(outline)
    old = time.time_ns() - 2 * RACY_NS
    os.utime(project / "seeds" / "000_ecb1a75b14719fb7.txt", ns=(old, old))  # touched
    assert deckcache.load(outline) == deck  # the index confirms nothing changed...
    monkeypatch.setattr(index_module, "Index", None)  # ...and is not needed again
    assert deckcache.load(outline) == deck


def test_index_built_by_other_analysis_code_is_rebuilt(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.sources import store

    db = tmp_path / "index.sqlite"
    Index(project / "seeds", db).sync()
    monkeypatch.setattr(store, "analysis_version", lambda: "other-code")
    assert Index(project / "seeds", db).sync().analysed == 5


def test_chunked_analysis_matches_whole_document_analysis(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Huge files are analysed in chunks (on a process pool); the windows must be the same."""
    from briefing.sources import analysis
    from briefing.sources import index as index_module

    query = "SELECT d.name, w.start, w.end, w.words, w.dangling, w.quality, d.quality"
    query += " FROM windows w JOIN docs d ON d.id = w.doc ORDER BY d.name, w.start, w.end"
    whole = Index(project / "seeds", tmp_path / "whole.sqlite")
    whole.sync()
    expected = whole.db.execute(query).fetchall()
    monkeypatch.setattr(analysis, "CHUNK_CHARS", 2_000)  # every seed is huge, in many chunks
    monkeypatch.setattr(index_module, "PARALLEL_BYTES", 0)  # on a real worker pool
    chunked = Index(project / "seeds", tmp_path / "chunked.sqlite")
    assert chunked.sync().analysed == 5
    assert chunked.db.execute(query).fetchall() == expected


def test_overlapping_pins_are_shown_once_with_a_warning(project: Path) -> None:
    sentence = "Vietnam’s primary goals are strategic autonomy, economic development"
    outline = _write_outline(
        project,
        f"""title: Pins
slides:
  - title: One
    pins:
      - source: 003_06edac9f7beaf37f.txt
        quote: "{sentence}"
      - source: 003_06edac9f7beaf37f.txt
        quote: "strategic autonomy, economic development"
""",
    )
    deck = compose_file(outline)
    assert [e.text for e in deck.slides[0].excerpts] == [sentence]
    assert "overlaps an earlier pin" in " ".join(deck.warnings)


def test_deck_cache_serves_unchanged_inputs_and_notices_every_change(project: Path) -> None:
    from briefing.compose import cache as deckcache

    outline = project / "outlines" / "us-vietnam.yaml"
    assert deckcache.load(outline) is None  # never composed
    first = deckcache.compose_cached(outline)
    assert deckcache.load(outline) == first
    (project / "seeds" / "000_ecb1a75b14719fb7.txt").touch()  # new mtime, same content
    assert deckcache.load(outline) == first  # the index sees nothing changed
    edits = [  # (file, text to find, replacement)
        (outline, "minutes: 2", "minutes: 3"),
        (project / "themes" / "semiconductors.yaml", "  - chip\n", "  - chip\n  - wafer\n"),
        (project / "seeds" / "sources.yaml", "\n000_", "\n\n000_"),
        (project / "seeds" / "001_84d810a602726e3f.txt", "ASEAN Beat", "ASEAN Beat."),
    ]
    for path, old, new in edits:
        deckcache.compose_cached(outline)
        assert deckcache.load(outline) is not None
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        assert deckcache.load(outline) is None, f"{path.name} changed but the cache was used"
    deckcache.compose_cached(outline)  # a title edit: the cached deck, retitled (cache_edit)
    text = outline.read_text(encoding="utf-8")
    outline.write_text(text.replace("title: Bottom line up front", "title: Bottom line"), "utf-8")
    assert deckcache.load(outline) == compose_file(outline)
    assert deckcache.load(outline).slides[0].title == "Bottom line"
    lines = [s.line + 1 for s in deckcache.compose_cached(outline).slides]
    text = outline.read_text(encoding="utf-8")  # a comment: the same deck, each slide lower
    outline.write_text(text.replace("\nslides:", "\n# a comment\nslides:", 1), "utf-8")
    assert [s.line for s in deckcache.load(outline).slides] == lines
    assert deckcache.load(outline) == compose_file(outline)


def test_warm_build_and_compose_never_import_the_validation_stack(project: Path) -> None:

    outline = project / "outlines" / "us-vietnam.yaml"
    compose_cached(outline)
    probe = (
        "import sys\nfrom briefing.cli import run as main\n"
        f"sys.argv = ['briefing', 'compose', {str(outline)!r}, '--json']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules}"
        " & {'msgspec', 'yaml', 'jinja2', 'syntok', 'ruamel', 'textual'})\n"
        "print('HEAVY', heavy, file=sys.stderr)\n"
    )
    done = python_probe(probe)
    assert "HEAVY []" in done.stderr, done.stderr[-500:]
