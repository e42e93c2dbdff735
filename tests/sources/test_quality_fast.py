"""The garble scores' shortcuts (cheap tests before each pattern, split patterns) count exactly
what the plain patterns count, so every stored quality score is unchanged."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from briefing.sources import quality

# The patterns as they were before the shortcuts, each run on every sentence.
GLUED = re.compile(r"[a-z]{3,}[A-Z][a-z]{2,}|[a-z]{2}[”\"’]?\.[a-z]{3,}|[a-z]\.\s\.\s")
REPEATED_WORD = re.compile(r"\b(\w{2,})\s+\1\b")
SPACE_BEFORE_PUNCT = re.compile(r"\w\s+[,.;:](?=\s|$)")
UNTRANSLATED = re.compile(r"\[[A-Z][A-Z_]+\]|\{\{|\}\}|&[a-z]+;")
AN_BEFORE_CONSONANT = re.compile(r"(?:\ban|^\W*An) (?![aeiouh])[a-z]{2,}\b")
A_BEFORE_VOWEL = re.compile(r"(?:\ba|^\W*A) (?!(?:one|once|u|eu|ew))[aeio][a-z]+\b")


def plain_universal(sentence: str) -> int:
    return sum(len(p.findall(sentence)) for p in (REPEATED_WORD, SPACE_BEFORE_PUNCT, UNTRANSLATED))


def plain_stray(sentence: str, lexicon: frozenset[str]) -> int:
    """The stray-capital count as it was, every _MID_CAPITAL match read in Python."""
    stray = 0
    for match in quality._MID_CAPITAL.finditer(sentence):
        lower = match.group(1).lower()
        if lower not in quality.COMMON and lower not in lexicon:
            continue
        following = match.group(2)
        if following is not None and following.islower():
            word = quality._NEXT_WORD.match(sentence, match.end(1))
            if (
                word
                and word.group(1).lower() in quality._NAME_JOINERS
                and lower not in (quality.COMMON)
            ):
                continue
        if following is None:
            rest = sentence[match.end(1) : match.end(1) + 2].strip()
            if rest[:1] not in ("", ".", "!", "?", ",", ";"):
                continue
        if following is None or following.islower() or lower.endswith("ed"):
            stray += 1
    return stray


def plain_slips(sentence: str) -> int:
    words = [w.lower() for w in quality._LATIN_WORD.findall(sentence)]
    if not words or sum(w in quality._ENGLISH for w in words) < max(2, 0.1 * len(words)):
        return 0
    patterns = (quality._QUANTIFIER_OF_BARE_PLURAL, AN_BEFORE_CONSONANT, A_BEFORE_VOWEL)
    return sum(len(p.findall(sentence)) for p in patterns)


def plain_quality(sentence: str, lexicon: frozenset[str], lang: str) -> float:
    score = 1.0
    first = next((c for c in sentence if c.isalpha()), "")
    if first.islower():
        score -= 0.5
    score -= 0.3 * len(GLUED.findall(sentence))
    score -= 0.3 * plain_universal(sentence)
    if lang == "en":
        score -= 0.25 * plain_stray(sentence, lexicon)
        score -= 0.3 * plain_slips(sentence)
    return max(0.05, min(1.0, score))


# Pieces that make each pattern match, nearly match, or overlap another match.
PIECES = (
    "the the an An a A of many Many most experts ones new one once union idea owl The Increase "
    "abcDef developmentTo ab abc x. rd.next .. . , ; : [A_B] [X] {{ }} &amp; & amp; é ß Ed 1 _ "
    "- ” ’ \" ( ) Group group Weg weg US U.S. it's Foo-bar x-The None none Some someone "
    "Each Much ones. Increased".split()
)
GAPS = ["", " ", " ", "  ", "\n", "\t", "\u00a0", "\u2009"]


@st.composite
def sentences(draw: st.DrawFn) -> str:
    """A run of pieces with assorted gaps, as garbled or clean as chance makes it."""
    parts = draw(st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(GAPS)), max_size=14))
    return "".join(piece + gap for piece, gap in parts)


@settings(max_examples=1000, deadline=None)
@given(sentences(), st.sampled_from(["en", "de"]))
@example("The government the the promised to cut coal , and to build wind farms.", "en")
@example("Many of experts said an new plan is a important step.", "en")
@example("An new plan. An apple.", "en")
@example("“An new plan,” he said.", "en")
@example("a idea", "en")
@example("the word.next one and x. . y", "en")
@example("so x. . then", "en")
@example("visited the Hanoi developmentTo the the, then [PLACEHOLDER] &amp; more ;", "de")
@example("the plan Group of Seven x-Group the", "en")
@example("None of experts and none of experts, but someone of experts.", "en")
def test_shortcuts_count_what_the_plain_patterns_count(sentence: str, lang: str) -> None:
    lexicon = frozenset({"group", "increase"})
    assert quality._stray_capitals(sentence, lexicon) == plain_stray(sentence, lexicon)
    assert quality.universal_garble(sentence) == plain_universal(sentence)
    assert quality.article_slips(sentence) == plain_slips(sentence)
    assert quality.sentence_quality(sentence, lexicon, lang) == plain_quality(
        sentence, lexicon, lang
    )
    assert quality.sentence_quality(sentence, lexicon, lang, sentence.split()) == plain_quality(
        sentence, lexicon, lang
    )


@given(st.text(max_size=60), st.sampled_from(["en", "de"]))
def test_any_text_scores_as_the_plain_patterns_score(sentence: str, lang: str) -> None:
    assert quality.sentence_quality(sentence, frozenset(), lang) == plain_quality(
        sentence, frozenset(), lang
    )


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40), st.integers(1, 30))
def test_the_lexicon_read_in_pieces_is_the_lexicon_read_whole(words: list[str], piece: int) -> None:
    text = " ".join(words)
    counts: dict[str, int] = {}
    for word in quality._WORD.findall(text):
        counts[word] = counts.get(word, 0) + 1
    whole = frozenset(w for w, n in counts.items() if n >= 2 and w[0].islower())
    saved = quality.LEXICON_PIECE
    quality.LEXICON_PIECE = piece
    try:
        assert quality.lower_lexicon(text) == whole
    finally:
        quality.LEXICON_PIECE = saved


LEXICON_CHARS = "aAbBzZ'’- \n.é1_"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=LEXICON_CHARS, max_size=80))
@example("x-abc X-abc abc 'abc Abc's abc's abc’s")
def test_the_lexicon_holds_the_plain_patterns_lower_case_words(text: str) -> None:
    counts: dict[str, int] = {}
    for word in quality._WORD.findall(text):
        counts[word] = counts.get(word, 0) + 1
    assert quality.lower_lexicon(text) == frozenset(
        w for w, n in counts.items() if n >= 2 and w[0].islower()
    )


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*PIECES, "Der", "und", "die", "of", "and"]), max_size=40))
def test_english_is_recognised_as_the_plain_count_recognises_it(words: list[str]) -> None:
    text = " ".join(words)
    found = [w.lower() for w in quality._LATIN_WORD.findall(text)]
    if not found:
        want = "und"
    elif sum(w in quality._ENGLISH for w in found) / len(found) >= 0.12:
        want = "en"
    else:
        import py3langid

        want = py3langid.classify(text)[0]
    assert quality.language(text) == want


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="theofandTHEOFé ß.\n1ſı", max_size=40), st.integers(1, 45))
@example("theother", 3)
@example("the", 3)
@example("", 1)
def test_both_shares_are_the_plain_shares(text: str, limit: int) -> None:
    assert quality.english_shares(text, limit) == (
        quality.english_share(text[:limit]),
        quality.english_share(text),
    )


POSTPOSED_PIECES = (
    "the their several Several SEVERAL ſeveral all a an role roles water main mainly mere "
    "sheer utter foreign investors x . , in has and".split()
)


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(POSTPOSED_PIECES), st.sampled_from(GAPS)), max_size=14))
@example([("take", " "), ("the", " "), ("role", " "), ("main", ""), (".", "")])
@example([("several", " "), ("investors", " "), ("foreign", " "), ("has", "")])
@example([("x", " "), ("several", " "), ("investors", " "), ("foreign", " "), ("has", "")])
def test_postposed_adjectives_searched_from_the_first_noun_count_what_findall_counts(
    parts: list[tuple[str, str]],
) -> None:
    sentence = "".join(piece + gap for piece, gap in parts)
    assert quality.postposed_adjectives(sentence) == len(quality._POSTPOSED.findall(sentence))
