"""Score how clean a sentence reads, so machine-garbled text ranks below clean text.

Signals of a garbled rewrite: a sentence opening in lower case, common words capitalised in
mid-sentence ("to sign Increase economic ties"), words glued together ("developmentTo"), and in
English the article and quantifier slips of machine translation ("many of experts", "an new").
"""

from __future__ import annotations

import itertools
import operator
import re
from collections import Counter

from briefing.sources import word_order
from briefing.sources.translation import translation_slips

_HEAD = operator.itemgetter(slice(None, 2))  # a word's first two characters
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# _WORD's words, the lower-case ones captured and the capitalised ones as "": the same
# tokens, without a new string for each capitalised one that the lexicon would drop
_LOWER_WORD = re.compile(r"[A-Z][A-Za-z'’-]*|([a-z][A-Za-z'’-]*)")
_GLUED = re.compile(r"[a-z]{3,}[A-Z][a-z]{2,}|[a-z]{2}[”\"’]?\.[a-z]{3,}|[a-z]\.\s\.\s")
# What each of its branches needs, found by scans that skip to a rare first character (the
# regex engine retries all three branches at every letter): a capital after a lower-case
# letter, a full stop before one, or two full stops a space apart.
_GLUED_A, _GLUED_B, _GLUED_C = (
    re.compile(r"[A-Z](?<=[a-z].)"),
    re.compile(r"\.[a-z]"),
    re.compile(r"\.\s\."),
)

# Frequent English words that are never proper nouns; a capitalised one mid-sentence is garble.
COMMON = frozenset(
    """a about above after again against all also although always among an and another any
    are as at be because been before being below between both but by can could did do does
    during each either even ever every few for from further had has have having he her here
    his how however if in into is it its just least less many may might more most much must
    neither no nor not now of off often on once only or other our out over own per rather
    same she should since so some still such than that the their them then there these they
    this those though through thus to too under until up upon very was we were what when
    where whether which while who whom whose why will with within without would yet you
    held thrown reiterated increase increased visited travel travelled traveled prohibits
    prohibit urged signed said says told noted made make take took given give see saw
    looked seemed became become remain remained began begin continue continued called
    expanded expand raised raise agreed agree announced announce expected expect""".split()
)


def sentence_quality(
    sentence: str,
    lexicon: frozenset[str] = frozenset(),
    lang: str = "en",
    words: list[str] | None = None,
) -> float:
    """1.0 for clean prose, down towards 0.05 for garble. `lexicon` holds words this document
    uses in lower case, which capitalised mid-sentence are suspect too. Stray capitals are
    judged in English only (German capitalises every noun); the other signals in any language.
    `words`: the sentence split on whitespace, if the caller has it already."""
    score = 1.0
    first = sentence[:1]  # most sentences open with a letter: no scan for the first
    if not first.isalpha():
        first = next((c for c in sentence if c.isalpha()), "")
    if first.islower():
        score -= 0.5
    if _GLUED_A.search(sentence) or _GLUED_B.search(sentence) or _GLUED_C.search(sentence):
        score -= 0.3 * len(_GLUED.findall(sentence))
    score -= 0.3 * universal_garble(sentence, words)
    if lang == "en":
        score -= 0.25 * _stray_capitals(sentence, lexicon)
        score -= 0.3 * article_slips(sentence)
        score -= 0.3 * postposed_adjectives(sentence)
        score -= 0.3 * word_order.postposed_relational(sentence, words)
        score -= 0.3 * translation_slips(sentence)
    return max(0.05, min(1.0, score))


# A capitalised word straight after a lower-case word (no punctuation between), and the
# word after it: the only places a stray capital can be.
_MID_CAPITAL = re.compile(r"\b[a-z][\w'’-]* ([A-Z][a-z'’-]+)(?=(?:[ ,;]+([A-Za-z]))?)")
_SPACE_CAPITAL = re.compile(r" ([A-Z][a-z'’-]+)")  # _MID_CAPITAL's capture, wherever it can be

# Words that join the parts of a proper name: "Group of Seven", "Centre for Energy and Green
# Growth". A capital before one of them starts a name, not garble.
_NAME_JOINERS = frozenset("of and for the on in at to de del da van von y".split())
_NEXT_WORD = re.compile(r"[ ,;]+([A-Za-z][\w'’-]*)")


def _stray_capitals(sentence: str, lexicon: frozenset[str]) -> int:
    # Every word _MID_CAPITAL can capture follows a space: when none of those is a common or
    # lexicon word, none counts (most sentences), found by a scan that skips to spaces.
    capitals = _SPACE_CAPITAL.findall(sentence)
    if not capitals:
        return 0
    lowered = " ".join(capitals).lower().split()
    if COMMON.isdisjoint(lowered) and lexicon.isdisjoint(lowered):
        return 0
    stray = 0
    for match in _MID_CAPITAL.finditer(sentence):
        lower = match.group(1).lower()
        if lower not in COMMON and lower not in lexicon:
            continue
        following = match.group(2)
        if following is not None and following.islower():
            word = _NEXT_WORD.match(sentence, match.end(1))
            if word and word.group(1).lower() in _NAME_JOINERS and lower not in COMMON:
                continue  # "Group of Seven": a name that happens to hold a common noun
        if following is None:
            # "the monitoring group The 88 Project": a name goes on with a number or symbol
            rest = sentence[match.end(1) : match.end(1) + 2].strip()
            if rest[:1] not in ("", ".", "!", "?", ",", ";"):
                continue
        if following is None or following.islower() or lower.endswith("ed"):
            stray += 1
    return stray


# Signals that hold in any language written with spaces and case.
_REPEATED_WORD = re.compile(r"\b(\w{2,})\s+\1\b")  # case-sensitive: German "Weg weg" is fine
_SPACE_BEFORE_PUNCT = re.compile(r"\w\s+[,.;:](?=\s|$)")
_SPACE_THEN_PUNCT = re.compile(r"\s[,.;:]")  # what _SPACE_BEFORE_PUNCT needs, found faster
_UNTRANSLATED = re.compile(r"\[[A-Z][A-Z_]+\]|\{\{|\}\}|&[a-z]+;")


def universal_garble(sentence: str, words: list[str] | None = None) -> int:
    """Garble signals that do not depend on the language: a doubled word ("the the"), a space
    before a comma or full stop, leftover markup or placeholders from a translation tool.
    `words`: sentence.split(), if the caller has it."""
    # Each pattern runs only where a cheap test says it could match: most sentences are
    # clean, and the patterns' scans cost more than the tests.
    count = 0
    if "[" in sentence or "{{" in sentence or "}}" in sentence or "&" in sentence:
        count += len(_UNTRANSLATED.findall(sentence))
    if words is None:
        words = sentence.split()  # as \s splits
    # "X X": X ends one word and starts the next, so each holds the other's end of X; the
    # first half of that test runs over all pairs in C (map), the whole only where it holds
    heads = map(_HEAD, itertools.islice(words, 1, None))
    if any(map(operator.contains, words, heads)) and any(
        a[:2] in b and b[-2:] in a for b, a in itertools.pairwise(words)
    ):
        count += len(_REPEATED_WORD.findall(sentence))
    if _SPACE_THEN_PUNCT.search(sentence):
        count += len(_SPACE_BEFORE_PUNCT.findall(sentence))
    return count


# Machine translation from languages without articles: a quantifier before a bare plural
# ("many of experts", "most of countries": English wants "many experts" or "many of the
# experts"), and "a"/"an" before the wrong sound ("an new", "a important").
_QUANTIFIER_OF_BARE_PLURAL = re.compile(
    r"\b(?:[Mm]any|[Mm]ost|[Ss]ome|[Ss]everal|[Ff]ew|[Bb]oth|[Ee]ach|[Nn]one|[Mm]uch|[Oo]ne)"
    r" of (?!(?:the|these|those|this|its|his|hers|ours|yours|theirs|us|others|whose|whom)\b)"
    r"[a-z]{2,}[^s'’\W]?s\b"
)
_QUANTIFIERS = "many most some several few both each none much one".split()
# What the pattern needs before its plural, found from the literal " of " (the pattern itself
# tries its ten words at every letter): a quantifier, as a word, just before it.
_QUANTIFIER_OF = re.compile(
    " of (?:" + "|".join(rf"(?<=\b[{q[0].upper()}{q[0]}]{q[1:]} of )" for q in _QUANTIFIERS) + ")"
)
# "A"/"An" capitalised only at the start ("Plan A is", "Grade A offices" are fine).
# Each in two forms, counted as `(?:\ban|^\W*An) ...` would count them: a mid-sentence form that
# opens with its literal (which the regex engine finds without trying every position; the
# look-behind is the word boundary before it), and the capitalised form, which can only start
# the sentence (and never overlaps the other).
_AN_MID = re.compile(r"an (?<!\wan )(?![aeiouh])[a-z]{2,}\b")
_AN_START = re.compile(r"\W*An (?![aeiouh])[a-z]{2,}\b")
_A_MID = re.compile(r"a (?<!\wa )(?!(?:one|once|u|eu|ew))[aeio][a-z]+\b")
_A_START = re.compile(r"\W*A (?!(?:one|once|u|eu|ew))[aeio][a-z]+\b")


def article_slips(sentence: str) -> int:
    """English article and quantifier slips typical of machine translation (lower-case words
    only, so abbreviations and names such as "an NGO" or "a Ukrainian" are not counted).
    Counted only in a sentence that reads as English: German "an die" is not an article."""
    slips = 0
    if " of " in sentence and _QUANTIFIER_OF.search(sentence):
        slips += len(_QUANTIFIER_OF_BARE_PLURAL.findall(sentence))
    slips += len(_AN_MID.findall(sentence)) + bool(_AN_START.match(sentence))
    slips += len(_A_MID.findall(sentence)) + bool(_A_START.match(sentence))
    if not slips:  # the usual case: no need to judge whether the sentence reads as English
        return 0
    words = [w.lower() for w in _LATIN_WORD.findall(sentence)]
    if not words or sum(w in _ENGLISH for w in words) < max(2, 0.1 * len(words)):
        return 0
    return slips


# An attributive-only adjective after its noun, where a clause or phrase ends ("take the role
# main.", "many investors foreign has come"): the adjective-after-noun order of the languages a
# page was machine-translated from. English puts these adjectives only before the noun.
_POSTPOSED = re.compile(
    r"\b(?i:the|a|an|this|that|these|those|its|their|our|his|her|my|your|many|some|several|all)"
    r" (?!(?:most|more|less|least|very|so|too|quite|rather|far|much|same|other|only)\b)"
    r"(?!(?:water|gas|sewer|sewage) main\b)"  # "the water main": the pipe, a noun
    r"(?![a-z]+ly\b)[a-z]{3,} (?:main|mere|sheer|utter|foreign)"
    r"(?=\s*[,.;:!?]|\s+(?:in|of|for|to|and|or|is|are|was|were|has|have|will|by|at|on)\b)"
)


def postposed_adjectives(sentence: str) -> int:
    """Attributive-only English adjectives placed after their noun, a machine-translation
    word-order slip ("the source main in the transition")."""
    # Most sentences hold none of the five words: plain substring tests say so fastest.
    if not (
        " main" in sentence
        or " foreign" in sentence
        or " mere" in sentence
        or " sheer" in sentence
        or " utter" in sentence
    ):
        return 0
    # No match starts before the noun ahead of the first of them, less a determiner and its
    # space (the pattern has no anchor to find, so it is otherwise tried at every letter); the
    # noun is a run of [a-z] ending there, and every later noun starts after that.
    first = min(at for at in map(sentence.find, _POSTPOSED_WORDS) if at >= 0)
    while first > 0 and "a" <= sentence[first - 1] <= "z":
        first -= 1
    return len(_POSTPOSED.findall(sentence, max(0, first - _DETERMINER_CHARS - 1)))


_POSTPOSED_WORDS = (" main", " foreign", " mere", " sheer", " utter")
_DETERMINER_CHARS = 7  # "several", the longest determiner _POSTPOSED opens with


# English words that barely occur in other languages: their share says "this is English"
# without loading a language model for every document.
_ENGLISH = frozenset(
    """the of and to is that with for was are by from has have which this were their its
    will would been said than they also but not who""".split()
)
_LATIN_WORD = re.compile(r"[^\W\d_]+")


def english_share(text: str) -> float | None:
    """The share of `text`'s words that are English function words (about a quarter in English
    prose, near none in other languages), or None when it has no words."""
    words = _LATIN_WORD.findall(text)
    return _share(_english_count(words), len(words))


def english_shares(text: str, limit: int = 6000) -> tuple[float | None, float | None]:
    """english_share of text[:limit] (what `language` judges) and of the whole text, its words
    read once: a document's prose sample is judged both ways."""
    head = _LATIN_WORD.findall(text, 0, limit)
    hits, count = _english_count(head), len(head)
    if len(text) <= limit:
        return _share(hits, count), _share(hits, count)
    rest = _LATIN_WORD.findall(text, limit)
    all_hits, all_count = hits + _english_count(rest), count + len(rest)
    if _LATIN_WORD.fullmatch(text, limit - 1, limit + 1):  # a word cut at the limit: one word
        joined = head[-1] + rest[0]
        all_hits += _english_count([joined]) - _english_count([head[-1], rest[0]])
        all_count -= 1
    return _share(hits, count), _share(all_hits, all_count)


def _english_count(words: list[str]) -> int:
    # counted in C (map over bound methods): a Python loop per word cost more than the scan
    return sum(map(_ENGLISH.__contains__, map(str.lower, words)))


def _share(hits: int, count: int) -> float | None:
    return hits / count if count else None


def language(text: str, limit: int = 6000, share: float | None = None) -> str:
    """The ISO 639-1 code of the language a text is written in ("en", "de", ...).

    Clearly English text is recognised by its function words; anything else is asked of
    py3langid (its model loads on first use, about two seconds). `share`: the english_share
    of text[:limit], when the caller has it (see english_shares)."""
    sample = text[:limit]
    if share is None:
        share = english_share(sample)
    if share is None:
        return "und"
    if share >= 0.12:
        return "en"
    import py3langid  # deferred: only documents that are not plainly English pay for the model

    code, _score = py3langid.classify(sample)
    return str(code)


LEXICON_PIECE = 1_000_000  # characters of text whose words are listed at once


def lower_lexicon(text: str) -> frozenset[str]:
    """Words a document uses in lower case (at least twice), for spotting stray capitals."""
    counts: Counter[str] = Counter()
    start = 0
    while start < len(text):  # a piece at a time, cut at a space: a 50 MB text's words at
        end = text.find(" ", start + LEXICON_PIECE)  # once would be a list of millions
        end = len(text) if end < 0 else end
        counts.update(_LOWER_WORD.findall(text, start, end))  # counted in C, not one by one
        start = end
    counts.pop("", None)  # the capitalised words
    return frozenset(w for w, n in counts.items() if n >= 2)
