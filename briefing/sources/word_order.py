"""A machine-translation symptom of word order: a relational adjective after its noun ("attract
capital foreign and investors strategic", "the evidence historical and basis legal"), the order
of Vietnamese, Thai, Indonesian or French, which a machine keeps and English never uses. English
puts such an adjective after a noun only as a complement ("the court ruled the seizure
illegal"), after an indefinite pronoun ("nothing illegal") or in a fixed title ("attorney
general"): those are not counted."""

from __future__ import annotations

import re

# Adjectives of type or origin: English sets them before the noun they classify.
_RELATIONAL = (
    "foreign|strategic|special|international|historical|legal|legitimate|illegal|unilateral"
    "|economic|political|national|military|diplomatic|financial|technical|bilateral"
    "|multilateral|maritime|territorial|regional|domestic|direct|serious|other"
)
# The adjective where a phrase ends after it (a stop, a preposition, a verb), found in one scan;
# the words before it are then read in Python (most sentences hold none, or one).
# The adjective where a phrase ends after it (a stop, a preposition, a verb): a leading space
# lets the scan skip to candidates, and the look-ahead runs only after an adjective matched.
_ADJECTIVE_AT = re.compile(
    rf" (?P<adj>{_RELATIONAL})(?=\s*[,.;:!?)]|\s+(?:of|to|in|for|with|at|on|from|about|is|are"
    r"|was|were|has|have|will)\b)"
)
# Words that end a complement or a pronoun's phrase, or are not nouns at all.
_NOT_NOUNS = frozenset(
    """something nothing anything everything someone anyone nobody somebody everyone none
    was were is are be been being not very more most less least so too as how and or but
    than that this these those the a an its their his her our your my each every any
    all both either neither such same only also just even still remain remains remained
    which who whom whose what where when while with without within into from about over under
    between among against during through new old broad wide strong close deep good great
    high low large small long big major key full real clear
    become became seems seemed look looks looked appear appears appeared sound sounds one
    ones many much few several""".split()
)
_COMPLEMENT_VERBS = frozenset(
    """found find finds ruled rule rules declared declare declares deemed deem deems called
    call calls considered consider considers made make makes keep keeps kept judged judge
    branded labelled labeled termed rendered render renders thought believed held hold holds
    deemed proved prove proves""".split()
)
_FIXED = frozenset(
    {
        ("attorney", "general"),
        ("secretary", "general"),
        ("surgeon", "general"),
        ("consul", "general"),
        ("each", "other"),
        ("every", "other"),
    }
)


def postposed_relational(sentence: str, words: list[str] | None = None) -> int:
    """How many relational adjectives in `sentence` follow their noun (see the module);
    `words`, the sentence split on whitespace if the caller has it, skips most sentences."""
    if words is not None and _TOKENS.isdisjoint(words):
        return 0  # no such adjective before a stop or a space: nothing to look at
    count = 0
    for m in _ADJECTIVE_AT.finditer(sentence):
        tail = sentence[max(0, m.start() - 60) : m.start()].split()
        noun, adj = tail[-1] if tail else "", m["adj"]
        if len(noun) < 3 or not (noun.isalpha() and noun.islower()):
            continue
        if noun in _NOT_NOUNS or noun in _RELATIONAL_SET or (noun, adj) in _FIXED:
            continue
        if noun.endswith(_ADJECTIVE_ENDINGS) or noun in _COMPLEMENT_VERBS:
            continue
        before = tail[-2] if len(tail) > 1 else ""
        if before in _COMPLEMENT_VERBS:
            continue
        if before in ("the", "a", "an") and len(tail) > 2 and tail[-3] in _COMPLEMENT_VERBS:
            continue  # "ruled the seizure illegal"
        count += 1
    return count


_RELATIONAL_SET = frozenset(_RELATIONAL.split("|"))
# The adjectives as whitespace splits them: alone, or with the stop or bracket that follows.
_TOKENS = frozenset(
    a + end
    for a in _RELATIONAL_SET
    for end in ("", ",", ".", ";", ":", "!", "?", ")", '."', ".”", ',"', ",”", '"', "”")
)
_ADJECTIVE_ENDINGS = ("al", "ic", "ous", "ive", "ful", "less", "ble")
