"""The shipped restart points read simplemma's English dictionary exactly as simplemma does;
a first lemma uses them instead of decoding every record; anything that does not fit the
installed simplemma is not used, and the lemmas stay simplemma's."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from simplemma.strategies.dictionaries import DEFAULT_DICTIONARY_FACTORY

from briefing.compose import lemma_index, lexeme

ROOT = Path(__file__).resolve().parents[2]
ABSENT = ["zzzzq", "", "a" * 300, "über", "naïvely", "Ω", "x2", "Semiconductors", "~~"]


@pytest.fixture(scope="module")
def whole() -> dict[str, str]:
    """simplemma's own English table, decoded whole by simplemma."""
    return dict(DEFAULT_DICTIONARY_FACTORY.get_dictionary("en").items())


def test_the_shipped_index_fits_the_installed_simplemma() -> None:
    assert lemma_index.english() is not None, (
        "briefing/compose/lemma_index_en.json does not fit the installed simplemma's English "
        "data: run .venv/bin/python tools/lemma_index.py"
    )


def test_every_record_reads_as_simplemma_reads_it(whole: dict[str, str]) -> None:
    english = lemma_index.english()
    assert english is not None
    data = lemma_index.stream()
    _reverse, count, start = lemma_index.header(data)
    mine = {k.decode(): v.decode() for _at, k, v in lemma_index.records(data, start)}
    assert mine == whole and len(english) == count == len(whole)
    assert list(english) == list(whole)
    keys = list(whole)
    for block in range(0, len(keys), lemma_index.BLOCK):  # every restart point, and its block's
        for key in keys[block : block + lemma_index.BLOCK][:: lemma_index.BLOCK // 4 - 1]:
            assert english.get(key) == whole[key] == english[key]
    for key in ABSENT:
        assert english.get(key) is None and key not in english


def test_a_first_lemma_does_not_decode_simplemmas_restart_points() -> None:
    """simplemma's streamed reader decodes every record to find its own restart points
    (~0.14 s); with the shipped ones, it is never built."""
    code = (
        "from briefing.compose import lexeme\n"
        "print([lexeme._lemmatize(w) for w in ('treaties', 'normalised', 'semiconductors')])\n"
        "from simplemma.strategies.dictionaries import LOW_MEMORY_DICTIONARY_FACTORY as f\n"
        "print(f._get_dictionary.cache_info().currsize)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    lemmas, built = done.stdout.splitlines()
    assert lemmas == "['treaty', 'normalize', 'semiconductor']"
    assert built == "0"


def _shipped() -> dict:
    return json.loads(lemma_index.INDEX.read_text(encoding="utf-8"))


def _damaged() -> list[str]:
    """Index files that must not be used: another stream's, unsorted, cut short, not JSON."""
    other = {**_shipped(), "sha256": "0" * 64}
    unsorted = _shipped()
    unsorted["firsts"][3], unsorted["firsts"][4] = unsorted["firsts"][4], unsorted["firsts"][3]
    newer = {**_shipped(), "format": 2}
    text = json.dumps(_shipped())
    missing = {k: v for k, v in _shipped().items() if k != "seeds"}
    return [json.dumps(d) for d in (other, unsorted, newer, missing)] + [text[:-9], "\x00\xff"]


def test_an_index_that_does_not_fit_is_not_used(tmp_path, monkeypatch) -> None:
    words = ["treaties", "normalised", "harbours", "negotiating", "geese", "über", "Ω"]
    expected = [lexeme._folded(w, low_memory=False) for w in words]
    for n, text in enumerate([*_damaged(), None]):
        index = tmp_path / f"index-{n}.json"
        if text is not None:  # None: no index file at all
            index.write_text(text, encoding="utf-8")
        monkeypatch.setattr(lemma_index, "INDEX", index)
        assert lemma_index.english() is None
        lexeme._indexed.cache_clear()
        assert lexeme._indexed() is None
        assert [lexeme._folded(w, low_memory=True) for w in words] == expected
    lexeme._indexed.cache_clear()


def test_a_stream_cut_short_is_a_value_error() -> None:
    data = lemma_index.stream()
    _reverse, _count, start = lemma_index.header(data)
    for cut in (start + 1, start + 7, len(data) // 2 + 3):
        with pytest.raises(ValueError):
            for _record in lemma_index.records(data[:cut], start):
                pass
    with pytest.raises(ValueError):
        lemma_index.header(b"SMFC2" + data[5:])
