"""The edit loop: an outline edit recomposes from one listing of the sources folder and reuses
every theme's stored ranking (a bullet or title edit does not even recompose: test_cache_edit;
an edit that changes no slide's choice opens no index: test_slide_reuse)."""

from __future__ import annotations

from pathlib import Path

from briefing.compose import cache, cache_beside, cache_proof, composer, ranking
from briefing.compose.cache import compose_cached
from briefing.sources import index


def _edit_first_bullet(outline: Path, word: str) -> None:
    text = outline.read_text(encoding="utf-8")
    marker = "bullets:\n"
    at = text.index(marker) + len(marker)
    dash = text.index("- ", at) + 2
    outline.write_text(text[:dash] + word + " " + text[dash:], encoding="utf-8")


def _edit_first_title(outline: Path, word: str) -> None:
    text = outline.read_text(encoding="utf-8")
    at = text.index("  - title: ") + len("  - title: ")
    outline.write_text(text[:at] + word + " " + text[at:], encoding="utf-8")


def test_an_outline_edit_lists_once_and_ranks_nothing_again(project, monkeypatch):
    outline = project / "outlines" / "us-vietnam.yaml"
    compose_cached(outline)  # indexes and ranks every theme

    listings: list[Path] = []
    real_list = composer.list_documents

    def counting_list(folder, *args, **kwargs):
        listings.append(folder)
        return real_list(folder, *args, **kwargs)

    def never_rank(*_args):
        raise AssertionError("a theme was ranked again after an edit that left it unchanged")

    for module in (cache_beside, composer, index):
        monkeypatch.setattr(module, "list_documents", counting_list)
    monkeypatch.setattr(ranking, "_rank", never_rank)
    text = outline.read_text("utf-8")  # the last themed slide asks for one excerpt fewer
    count = text.rindex("excerpts: ") + len("excerpts: ")
    outline.write_text(text[:count] + str(int(text[count]) - 1) + text[count + 1 :], "utf-8")
    deck = compose_cached(outline)
    assert [len(s.excerpts) for s in deck.slides if s.theme][-1] == int(text[count]) - 1
    assert len(listings) == 1


def test_an_edited_outline_misses_the_deck_cache_without_decoding_it(project, monkeypatch):
    from briefing.compose import cache_format

    outline = project / "outlines" / "us-vietnam.yaml"
    compose_cached(outline)
    decoded: list[int] = []
    real = cache_format.loads
    monkeypatch.setattr(
        cache_format, "loads", lambda raw, kind: decoded.append(1) or real(raw, kind)
    )
    assert cache.load(outline) is not None and decoded == [1]  # unchanged: decoded and used
    _edit_first_bullet(outline, "EDITED")
    assert cache.load(outline) is not None and decoded == [1, 1]  # bullets only: patched
    _edit_first_title(outline, "EDITED")
    assert cache.load(outline) is not None and decoded == [1, 1, 1]  # a title: patched too
    text = outline.read_text("utf-8")
    outline.write_text(text.replace("minutes: ", "minutes: 1", 1), "utf-8")
    assert cache.load(outline) is None and decoded == [1, 1, 1]  # edited: never decoded


def test_a_changed_source_walks_the_folder_once_and_syncs_the_index_once(project, monkeypatch):
    from briefing.sources import documents

    outline = project / "outlines" / "us-vietnam.yaml"
    compose_cached(outline)
    listings: list[Path] = []
    real_list = documents.list_documents

    def counting_list(folder, *args, **kwargs):
        listings.append(folder)
        return real_list(folder, *args, **kwargs)

    syncs: list[int] = []
    real_sync = index.Index.sync

    def counting_sync(self, *args, **kwargs):
        syncs.append(1)
        return real_sync(self, *args, **kwargs)

    for module in (cache_beside, documents, composer, index):
        monkeypatch.setattr(module, "list_documents", counting_list)
    real_walk = cache_proof._list  # the fingerprint's walk, one call per folder

    def counting_walk(folder, prefix, *args):
        if not prefix:
            listings.append(project / "seeds")
        return real_walk(folder, prefix, *args)

    monkeypatch.setattr(cache_proof, "_list", counting_walk)
    monkeypatch.setattr(index.Index, "sync", counting_sync)
    changed = sorted((project / "seeds").glob("*.txt"))[0]
    changed.write_text(changed.read_text("utf-8") + "\nOne more sentence.\n", "utf-8")
    deck = compose_cached(outline)
    assert deck.slides and len(listings) == 1 and len(syncs) == 1
