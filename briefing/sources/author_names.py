"""Author fields that name nobody: what a tool fills one with when nobody named an author, and
a sentence about the author that a page marked up as its author. Used by the readers of
extracted formats (`formats/extracted.py`) and by a text's own byline (`metadata.py`)."""

from __future__ import annotations

# What authoring tools, operating systems and publishing systems fill an author field with
# when nobody named one: the account's default name ("Microsoft Office User" on a Mac,
# "Windows User", "Owner"), a site's administrator account, a library's template. Cited as an
# author, such a name says less than "Author unknown", and is wrong.
PLACEHOLDER_AUTHORS = frozenset(
    (
        "microsoft office user",
        "windows user",
        "administrator",
        "admin",
        "user",
        "owner",
        "author",
        "unknown",
        "anonymous",
        "default",
        "staff",
        "editor",
        "webmaster",
        "python-docx",
    )
)


# A page's "author box" is often marked up as its author, and trafilatura then gives a sentence
# about the author ("She is a research associate; Where She Studies Supply Chains"). Names
# hold none of these as words of a sentence: a relative pronoun or a "be" first, a verb or a
# pronoun before a lower-case word, a pronoun before a verb, a "be" anywhere, or any other verb
# before a lower-case word ("Linh Tran is a fellow at ...").
_RELATIVES = frozenset("where who whom whose which".split())
_BE = frozenset("is was are were".split())
_PRONOUNS = frozenset("she he they we i".split())
_VERBS = frozenset(
    """is was are were has have had write writes wrote cover covers covered study studies
    studied work works worked teach teaches taught lead leads led serve serves served joined
    focuses researches""".split()
)


def placeholder(name: str) -> bool:
    """Whether `name` is what a tool writes when nobody named an author ("Windows User")."""
    return name.casefold() in PLACEHOLDER_AUTHORS


def as_name(part: str) -> str | None:
    """`part` when it reads as a name (a person's, or an organisation's: "Center for Strategic
    and International Studies"); the name opening a sentence about its bearer ("Linh Tran is a
    non-resident fellow at ..." is "Linh Tran"); None for any other sentence."""
    words = part.split()
    if len(words) < 3:  # "He Yafei", "Mai Her": a two-word name is a name
        return part or None
    lowered = [w.strip(".,;:()").casefold() for w in words]
    if lowered[0] in _RELATIVES or lowered[0] in _BE:
        return None  # "where she studies ...", "is a journalist based in Hanoi"
    if lowered[0] in _VERBS and words[1][:1].islower():
        return None  # "writes about Asia" (but "Study Group on Asian Affairs")
    if lowered[0] in _PRONOUNS and (lowered[1] in _VERBS or words[1][:1].islower()):
        return None  # "She Is A Fellow", "We welcome contributions" (but "He Yafei Li")
    for i, word in enumerate(lowered[1:-1], 1):
        # "is Emeritus Professor": no name holds a "be"; "Kadir Has University" holds a "has"
        if word in _VERBS and (word in _BE or words[i + 1][:1].islower()):
            lead = words[:i]
            named = 2 <= len(lead) <= 5 and all(w[:1].isupper() for w in lead)
            return " ".join(lead).rstrip(",") if named else None
    return part
