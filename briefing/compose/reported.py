"""A position reported inside someone's turn: a minister at question time saying "the
Vietnamese authorities reject the framing ...; they say ...", a member saying "Reporters Without
Borders says that ...". When an excerpt of a turn is that report and nothing else, the words
state the named body's position, not the turn's speaker's, and the credit says so: "the
Vietnamese authorities, as reported by Julian Pryce-Adeyemi". An excerpt that goes on in the
speaker's own voice ("We do not accept that.") stays the speaker's.
"""

from __future__ import annotations

from briefing.compose import regexes
from briefing.compose.names import CAP

# "I would add that", "We should note that", "As I said,": the speaker framing the report.
_FRAME = regexes.lazy(
    r"^(?:(?:I|We)\s+(?:(?:would|should|must|can|will|may|might|could)\s+)?(?:also\s+)?"
    r"(?:add|say|note|point\s+out|remind\s+[\w.\s]{2,30}?|tell\s+[\w.\s]{2,30}?)\s+that\s+"
    r"|As\s+(?:I|we)\s+(?:have\s+)?said,\s+)?"
)
_PRESENT = (
    r"(?:says|rejects|denies|insists|maintains|argues|claims|contends|disputes|describes"
    r"|calls|tells|accuses)"
)
_PAST = (
    r"(?:say|said|reject|rejected|deny|denied|insist|insisted|maintain|maintained|argue|argued"
    r"|claim|claimed|contend|contended|dispute|disputed|describe|described|call|called"
    r"|tell|told|accuse|accused)"
)
_ADVERB = r"(?:(?:also|still|firmly|strongly|repeatedly|flatly|\w+ly)\s+)?"
# Who holds a position: a body named by proper words ("Reporters Without Borders", "Hanoi",
# "The Chinese Government"), or proper words before a body's noun ("the Vietnamese
# authorities", "China's foreign ministry", "Human rights groups"), not a document's figures.
_BODY_NOUN = (
    r"(?:authorities|government|ministry|ministries|embassy|officials|leaders|leadership|groups"
    r"|agency|police|courts?|party|military|army|navy|regime|administration|spokes(?:person|man"
    r"|woman)|diplomats|media|campaigners|activists|organi[sz]ations?|commission|council)"
)
_NAMED = rf"{CAP}(?:\s+(?:(?:of|for|and|the|de)\s+)?{CAP}){{0,5}}"
_BODY = regexes.lazy(
    rf"^(?P<name>(?:[Tt]he\s+)?(?:(?:{CAP}\s+){{1,4}}(?:(?!the\s)[a-z][\w-]*\s+)?{_BODY_NOUN}"
    rf"|{_NAMED}))\s+{_ADVERB}(?P<verb>{_PRESENT}|{_PAST})\b"
)
_SINGULAR = regexes.lazy(_PRESENT)
# "they say the prisoners broke the law": the report going on.
_GOING_ON = regexes.lazy(
    rf"^(?:and\s+|but\s+)?(?:they|it|he|she)\s+{_ADVERB}(?:{_PRESENT}|{_PAST})\b"
)
# The speaker's own voice: "and from what I see ... I would not dispute that", "call us".
_FIRST_PERSON = regexes.lazy(r"\b(?:I|[Ww]e|[Oo]ur|[Mm]y|us|me)\b")
# Words a parliament uses for its own members and offices: "the hon. Lady says" or "the
# Minister said" is one member answering another, not a body's position.
_HOUSE = frozenset(
    """The A Minister Ministers Government Secretary State Department House Member Members
    Friend Gentleman Lady Speaker Prime Chancellor Opposition Committee Chair""".split()
)
_OFFICES = frozenset("Minister Secretary Chancellor Speaker Member Friend Gentleman Lady".split())
_NOT_SUBJECTS = frozenset(
    """It He She They We I You This That These Those There Here Now Then So Still Yet But And
    Also My Our His Her Their Its""".split()
)
_CLAUSES = regexes.lazy(r"(?<=[.!?;])[”\"’)]*\s+")


def reported_body(excerpt: str) -> str | None:
    """The body whose position `excerpt` wholly reports, or None when any part of it is the
    speaker's own (or no body is named)."""
    clauses = [c for c in _CLAUSES.split(excerpt.strip()) if c]
    if not clauses:
        return None
    clauses[0] = clauses[0][_FRAME.match(clauses[0]).end() :]
    found = _BODY.match(clauses[0])
    if found is None or any(_FIRST_PERSON.search(c) for c in clauses):
        return None
    name = " ".join(found.group("name").split())
    words = name.split()
    if "hon." in name or words[0] in _NOT_SUBJECTS:
        return None
    if not any(w[0].isupper() and w not in _HOUSE for w in words):
        return None
    if len(words) == 1 and not _SINGULAR.fullmatch(found.group("verb")):
        return None  # "Hanoi says", but "Investors say" is a sentence's capital
    if words[-1] in _OFFICES:
        return None  # "the Foreign Secretary said": an office of the House's own
    if all(_GOING_ON.match(c) for c in clauses[1:]):
        return name
    return None
