"""Machine-translation symptoms in English sentences: agreement and word-order slips that a
native page does not make, whatever language the page was translated from.

Each signal is narrow on purpose (a clean page flagged by mistake ranks down for nothing):
- a plural subject opening a sentence with a singular verb ("The critical minerals is");
- a name as subject with a verb in its bare form ("Therefore, Viet Nam wish to receive");
- an adjective English sets before its noun placed after it ("the exploitation sustainable and").
Each runs only when a plain substring test says it could match, and a sentence counts only if
it reads as English (German "Die Preise is" is not an English slip).
"""

from __future__ import annotations

import re

# A plural common noun (lower case, "-s" but not "-ss", "-us", "-is", "-ics") straight after
# the determiner and up to two modifiers that open the sentence, then "is"/"was"/"has". The
# noun must sit right before the verb and the modifiers hold no preposition or pronoun: "The
# minerals industry is", "The number of values is", "All it does is" are English.
_DETERMINERS = frozenset(
    "The These Those Such Many Most All Both Several Its Their Our Your".split()
)
_QUOTES = " \"'\u201c\u2018("
_PLURAL_IS = re.compile(
    r"\W*(?:The|These|Those|Such|Many|Most|All|Both|Several|Its|Their|Our|Your)"
    r"((?: (?!(?:of|in|for|on|with|to|at|by|from|and|or|between|among|about|over|under|into|"
    r"across|against|within|without|per|via|than|like|as|it|he|she|we|they|you|this|that)\b)"
    r"[a-z][a-z-]+){0,2}) ([a-z]{2,}[^suic\W'’]s) (?:is|was|has)\b"
)
# Nouns in "-s" that are singular, or plural in form only, and adverbs in "-s" ("The user
# always has").
_SINGULAR_S = frozenset(
    """news means series species headquarters crossroads whereabouts barracks gallows innings
    lens bias atlas canvas chaos ethos pathos kudos mews summons works odds measles billiards
    aegis alias gas always perhaps sometimes nowadays afterwards besides towards backwards
    forwards upwards downwards thus whereas""".split()
)

# A name as subject (two capitalised words opening the sentence, or one or two after an
# opening adverb and comma) with a verb that an English singular subject never takes bare.
_NAME = r"[A-Z][a-z]+(?<![sc]h)(?<!ese)(?<!s)"  # not "French", "Vietnamese", "Americans"
_BARE_VERB = r"(?:wish|want|hope|desire|need|intend|affirm|pledge|commit|expect|have|do|plan)"
_OPENERS = (
    r"(?:Therefore|However|Meanwhile|Moreover|Furthermore|Currently|Thus|Hence|Besides|"
    r"Additionally|In addition|At present|Recently|Besides that)"
)
# Opening a sentence, a two-word name takes only verbs a sports page's plural team ("Manchester
# United want a striker") does not: the diplomatic ones of translated statements.
_FORMAL_VERB = r"(?:wish|desire|affirm|pledge|commit|intend)"
_NAME_BARE = re.compile(
    rf"\W*(?:{_OPENERS}, (?P<one>(?:{_NAME} )?{_NAME}) {_BARE_VERB}"
    rf"|(?P<two>{_NAME} {_NAME}) {_FORMAL_VERB}) (?:to|that|the|a|an)\b"
)
_NOT_NAMES = frozenset(
    """The A An This That These Those Many Most Some All Both Several Few Such Its Their Our
    Your Young Old Other Local Foreign New Many We They You I People Police Staff Children Men
    Women Officials Analysts Experts Critics Residents Workers Voters Investors Farmers Leaders
    Students Should Would Could Can May Might Must Will Shall Did Does Do Let Why How When
    Where If Unless Nor""".split()
)

# Adjectives English sets only before a noun (or after a linking verb), seen after a noun in
# machine translation from Vietnamese, Chinese or French ("the supply chain sustainable").
# Found from the adjective (a literal the regex engine finds fast), then its noun phrase is
# read backwards from there.
_ADJECTIVE = re.compile(
    r"\b(?:sustainable|comprehensive|important|electric|strategic)"
    # where the phrase ends: "issues important to voters" is English (the adjective has a
    # complement), so a preposition after it does not count
    r"(?=\s*[,.;:]|\s+(?:and|is|are|was|were)\b)"
)
_NOUN_PHRASE = re.compile(
    r"(?<!\w)(?:the|a|an|this|its|their|our) (?!(?:most|more|less|very|so|too|quite)\b)"
    r"((?:[a-z]+ ){0,2}?[a-z]{3,}) $"
)
# Words that, before one of those adjectives, make it part of an English phrase ("the two most
# important", "the safe and sustainable"): adverbs, conjunctions and linking verbs.
_BEFORE_ADJECTIVE = frozenset(
    """most more less least very so too quite really particularly equally especially highly
    and or but nor not as is are was were be been being also both either how""".split()
)
# Verbs that take an object and then its complement: "keep the region stable", "found the
# meeting important" are English; so is "with the economy sustainable, ...". One of them a
# few words before the noun phrase is taken as that construction.
_COMPLEMENT_VERB = re.compile(
    r"(?i:\b(?:keep|keeps|kept|keeping|make|makes|made|making|find|finds|found|finding|consider|"
    r"considers|considered|considering|deem|deems|deemed|render|renders|rendered|leave|"
    r"leaves|left|hold|holds|held|call|calls|called|prove|proves|proved|get|gets|got|with|"
    r"think|thinks|thought|believe|believes|believed|see|sees|saw|regard|regards|regarded)"
    r"\b)"
)

_LINKING = re.compile(r"(?i:\b(?:is|are|was|were|be|been|being|remain|remains|seem|seems)) $")

_ENGLISH = frozenset(
    """the of and to is that with for was are by from has have which this were their its
    will would been said than they also but not who in on at as be it""".split()
)
_WORDS = re.compile(r"[^\W\d_]+")


def translation_slips(sentence: str) -> int:
    """How many machine-translation slips an English sentence shows (0 for almost all)."""
    # Each rule runs only where plain tests on the first words or substrings say it could match:
    # most sentences are clean, and these tests cost less than the patterns' scans.
    head = sentence[:80].lstrip(_QUOTES).split(" ", 2)
    if len(head) < 3:
        return 0
    slips = 0
    if head[0] in _DETERMINERS and (
        " is " in sentence or " was " in sentence or " has " in sentence
    ):
        slips += _plural_singular(sentence)
    if head[1][:1].isupper() or head[0][-1:] == "," or head[1][-1:] == ",":
        slips += _bare_name_verb(sentence)  # two capitalised words, or "Therefore, ..."
    if (
        "sustainable" in sentence
        or "comprehensive" in sentence
        or "important" in sentence
        or "electric" in sentence
        or "strategic" in sentence
    ):
        slips += _adjective_after_noun(sentence)
    if not slips:  # the usual case: no need to judge whether the sentence reads as English
        return 0
    words = [w.lower() for w in _WORDS.findall(sentence)]
    return slips if sum(w in _ENGLISH for w in words) >= max(2, 0.1 * len(words)) else 0


def _plural_singular(sentence: str) -> int:
    match = _PLURAL_IS.match(sentence)
    return int(match is not None and match.group(2) not in _SINGULAR_S)


def _bare_name_verb(sentence: str) -> int:
    match = _NAME_BARE.match(sentence)
    if match is None:
        return 0
    name = (match.group("one") or match.group("two")).split()
    return int(not _NOT_NAMES.intersection(name))


def _adjective_after_noun(sentence: str) -> int:
    count = 0
    for adjective in _ADJECTIVE.finditer(sentence):
        start = max(0, adjective.start() - 60)
        match = _NOUN_PHRASE.search(sentence, start, adjective.start())
        if match is None:
            continue
        before = match.group(1).rsplit(" ", 1)[-1]
        if before in _BEFORE_ADJECTIVE or before.endswith("ly"):
            continue
        if _LINKING.search(sentence, 0, match.start()):
            continue  # "Is this request important?": the adjective is the predicate
        if not _COMPLEMENT_VERB.search(sentence, max(0, match.start() - 60), match.start()):
            count += 1
    return count


# A page that says it was machine translated ("(Translated automatically from Vietnamese)",
# "Diese Seite wurde maschinell übersetzt"), on a short line of its own near either end.
_DECLARED = re.compile(
    r"(?im)^[^\n]{0,120}\b(?:translated\s+automatically|automatically\s+translated"
    r"|machine[- ]translat\w*|auto-translated|automatic\s+translation|google\s+translate"
    r"|translated\s+by\s+google|traduit\s+automatiquement|traduction\s+automatique"
    r"|traducci[oó]n\s+autom[aá]tica|traducido\s+autom[aá]ticamente|maschinell\s+übersetzt"
    r"|automatisch\s+übersetzt|tradu[cç][aã]o\s+autom[aá]tica|traduzione\s+automatica"
    r"|automatisch\s+vertaald|dịch\s+tự\s+động)\b[^\n]{0,120}$"
)


# A word each of _DECLARED's phrases holds, case-folded: Python's case-insensitive match of a
# letter is one its case folding maps to it ("ſ" to "s" too), so a page without any of these
# has no such line, found without the pattern's retries at every line start.
_DECLARED_WORDS = ("translat", "tradu", "bersetzt", "vertaald", "dịch")


def declared_machine_translation(text: str) -> bool:
    """Whether the page says, near its start or end, that a machine translated it."""
    return _declares(text[:2000]) or _declares(text[-2000:])


def _declares(part: str) -> bool:
    folded = part.lower() if part.isascii() else part.casefold()  # the same on ASCII, faster
    if not any(word in folded for word in _DECLARED_WORDS):
        return False
    return _DECLARED.search(part) is not None
