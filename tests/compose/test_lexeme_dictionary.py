"""A first compose looks its first lemmas up in simplemma's streamed dictionary, not the
whole decoded table: the same lemma for every word, in half the time for a small corpus."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from briefing.compose import lexeme

ROOT = Path(__file__).resolve().parents[2]


def _words() -> list[str]:
    """Every distinct word of the evaluation documents, the seeds and the test fixtures (more
    than ten thousand, written for other purposes than this test)."""
    files = [p for p in ROOT.glob("bench/quality/docs*/**/*") if p.is_file()]
    files += [*ROOT.glob("seeds/*.txt"), *ROOT.glob("tests/**/*.txt")]
    words: set[str] = set()
    for path in files:
        words.update(w.lower() for w in re.findall(r"\w+", path.read_text("utf-8", "ignore")))
    return sorted(w for w in words if len(w) > 2 and not w.isdigit())


def test_the_streamed_dictionary_gives_every_word_the_same_lemma() -> None:
    words = _words()
    assert len(words) > 5000
    streamed = [lexeme._folded(w, low_memory=True) for w in words]
    whole = [lexeme._folded(w, low_memory=False) for w in words]
    assert [(w, s) for w, s, f in zip(words, streamed, whole, strict=True) if s != f] == []


def _decoded_after(words: int, streamed: int) -> int:
    """How many whole dictionaries simplemma has decoded after `words` lemmas in a fresh
    process that streams the first `streamed` words."""
    code = (
        "from briefing.compose import lexeme\n"
        f"lexeme.STREAMED_WORDS = {streamed}\n"
        f"for i in range({words}): lexeme._lemmatize(f'treaties{{i}}' if i else 'treaties')\n"
        "from simplemma.strategies.dictionaries import DEFAULT_DICTIONARY_FACTORY as f\n"
        "print(f._get_dictionary.cache_info().currsize)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return int(done.stdout)


def test_a_few_words_do_not_decode_the_whole_dictionary() -> None:
    assert _decoded_after(20, lexeme.STREAMED_WORDS) == 0


def test_past_the_streamed_words_the_whole_dictionary_serves() -> None:
    assert _decoded_after(20, 5) == 1
