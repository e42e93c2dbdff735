"""Interviews run as Q and A: whose answer a paragraph is, from labels and the page's intro."""

from __future__ import annotations

import re

from briefing.compose import regexes
from briefing.compose.hansard import ordinary_case
from briefing.compose.names import APPOSITIVE, NAME, TITLES, clean_name

# "talks to lawyer X", "spoke with the economist X": up to three lower-case words of role.
_ROLE_WORDS = r"(?:(?:the|a|an)\s+)?(?:[a-z][\w-]*\s+){0,3}?"
_INTERVIEWEE = regexes.lazy(
    r"\b(?:speaks|spoke|speaking|talks|talked|talking|sits down|sat down|catches up|caught up)"
    rf" (?:with|to) {_ROLE_WORDS}(?P<name>{NAME})"
    rf"|\b(?:interview|conversation|Q&A) with (?P<name2>{NAME})"
    rf"|\b[Ww]e (?:asked|interviewed|met) (?P<name3>{NAME})"
    rf"|(?P<name4>{NAME}){APPOSITIVE}\s+(?:spoke|talked|sat down) (?:with|to) us\b"
    # a podcast's host: "My guest today is Dr. X", "I'm joined by X", "Joining me is X"
    rf"|\b[Mm]y guests? (?:today |this week |on the show )?(?:is|are) (?P<name5>{NAME})"
    rf"|\b(?:I'm|I am|we're|we are) joined (?:today |this week )?by (?P<name6>{NAME})"
    rf"|\b[Jj]oining (?:me|us) (?:today |this week |now )?(?:is|are) (?P<name7>{NAME})"
)
_WORD = r"[^\W\d_a-zß-ÿ][\w.-]*"  # a name's word, without the possessive's "’s"
# A briefing's title names its spokesperson: "Foreign Ministry Spokesperson Lin Jian's Regular
# Press Conference", "Press briefing by spokesperson Pham Thu Hang".
# Or names the spokesperson before the office, on a line of its own: "Matthew Miller,
# Department Spokesperson". A name is on one line: a title's next line is a place or a date.
_BRIEFER = regexes.lazy(
    r"\b(?i:spokes(?:person|man|woman))(?::[ \t]*|[ \t]+)"
    rf"(?P<name>{_WORD}(?:[ \t]+{_WORD}){{0,3}}?)"
    r"(?=[’']s\s|[ \t]+(?i:at|on|holds|hosts|answers|regular|press)\b|[ \t]*(?:[,:(\n]|$))"
    rf"|(?m:^[ \t]*(?P<before>{_WORD}(?:[ \t]+{_WORD}){{1,3}}),[ \t]+(?:[\w-]+[ \t]+){{0,3}}?"
    r"(?i:spokes(?:person|man|woman))[ \t]*$)"
)
_BRIEFING = regexes.lazy(r"(?i)\b(?:press (?:briefing|conference)|briefing)\b")
# "He talked to Lena Vogt about ...": after a pronoun the one talked to is the interviewer.
_PRONOUN_BEFORE = regexes.lazy(r"\b(?:[Hh]e|[Ss]he|[Tt]hey)\s+$")
_INTERVIEWERS = regexes.lazy(r"\b(?:[Ii]nterviewed|[Ii]nterview) by (?P<names>[^\n]{3,120})")
# A paragraph's label: "**A:**", "Q.", "Question:", "**Pham Thu Ha:**", "PTH:", "Dr. Pham:",
# and a briefing's "Question (Reuters):", "Q (AFP):", "Spokesperson Do Minh Chau:".
_OUTLET = r"(?:\s*\([^()\n]{1,60}\))?"
_LABEL = regexes.lazy(
    rf"^\s*(?:\*\*|__)?(?:(?P<letter>[QA]){_OUTLET}(?:\*\*|__)?\s*[.:]"
    rf"|(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){{0,4}}){_OUTLET}(?:\*\*|__)?\s*:)"
    r"(?:\*\*|__)?\s"
)
_ANSWER_LABELS = frozenset({"A", "Answer"})
_QUESTION_LABELS = frozenset({"Q", "Question"})
# Labels that head a paragraph without being anyone's voice.
_NOT_LABELS = frozenset(
    """Note Notes Photo Photos Source Sources Update Updated Correction Related Caption Credit
    Credits Tags Share Watch Listen Disclaimer Editor Summary Background Context Read See
    Contact Disclosure Warning Image Video Audio Figure Table Chart Map Transcript Date
    Location Dateline Editors""".split()
)
_DASH_ANSWER = regexes.lazy(r"^\s*[—–-]\s+\S")
_BOLD_QUESTION_TEXT = r"^\s*(?:\*\*|__)[^\n]*\?\s*(?:\*\*|__)\s*$"
_BOLD_QUESTION = regexes.lazy(_BOLD_QUESTION_TEXT)
_BLOCK_START = regexes.lazy(r"^\s*(?:#|\*[^*]|_[^_]|---|\|)")


def interviewee(text: str) -> str | None:
    """Who an interview page interviews, from its introduction ("We spoke with Dr. X ...",
    "We asked X ...", "X spoke to us ...", "An interview with X"), or None."""
    head = text[: min(len(text), 5000)]
    intro = _INTERVIEWEE.search(head) if _introduces(head) else None
    if intro is not None and not _PRONOUN_BEFORE.search(head, 0, intro.start()):
        return clean_name(next(g for g in intro.groups() if g))
    title = head[:300]
    briefer = _BRIEFER.search(title) if _BRIEFING.search(title) else None
    return clean_name(briefer.group("name") or briefer.group("before")) if briefer else None


# What `_INTERVIEWEE` needs, in a pattern small enough to cost nothing: a page without it (most
# news pages) never compiles the large one.
_INTRODUCING = regexes.lazy(
    r"(?:speaks|spoke|speaking|talks|talked|talking|sits down|sat down|catches up|caught up)"
    r" (?:with|to) |(?:interview|conversation|Q&A) with |[Ww]e (?:asked|interviewed|met) "
    r"|[Mm]y guests? |joined (?:today |this week )?by |[Jj]oining (?:me|us) "
)


def _introduces(head: str) -> bool:
    """Whether a page's head could introduce an interviewee (a cheap test before the pattern)."""
    return _INTRODUCING.search(head) is not None


def _talked_to(text: str) -> list[str]:
    """The interviewer a standfirst names after a pronoun ("He talked to Lena Vogt")."""
    head = text[: min(len(text), 5000)]
    intro = _INTERVIEWEE.search(head) if _introduces(head) else None
    if intro is None or not _PRONOUN_BEFORE.search(head, 0, intro.start()):
        return []
    return [n for n in (clean_name(next(g for g in intro.groups() if g)),) if n]


def _label_of(match: re.Match[str]) -> str:
    return match.group("letter") or match.group("name")


_TITLE_WORD = regexes.lazy(rf"{TITLES}\.?$")


def _tokens(name: str) -> list[str]:
    """A name's words without its titles, as printed or shouted ("MR MILLER" -> "MILLER")."""
    words = [w.strip(".,’'") for w in name.split()]
    return [
        w
        for w in words
        if w and not any(_TITLE_WORD.fullmatch(t) for t in (w, w + ".", w.title() + "."))
    ]


def same_person(label: str, name: str) -> bool:
    """Whether an answer label names `name`: a part of it ("Pham", "Dr. Ha", "Pham Thu Ha")
    or its initials ("PTH", "P.T.H.")."""
    label_words, name_words = _tokens(label), _tokens(name)
    if not label_words or not name_words:
        return False
    lower = [w.lower() for w in name_words]
    if all(w.lower() in lower for w in label_words):
        return True
    letters = re.sub(r"[^A-Z]", "", label)
    initials = "".join(w[0] for w in name_words if w[0].isupper())
    return (
        len(letters) >= 2
        and label.replace(".", "").isupper()
        and (letters == initials or letters == initials[0] + initials[-1])
    )


def _paragraphs_before(text: str, para_start: int, count: int) -> list[tuple[int, str]]:
    """Up to `count` non-empty paragraphs before `para_start` with their starts, nearest first."""
    found: list[tuple[int, str]] = []
    end = para_start
    while len(found) < count and end > 0:
        start = text.rfind("\n\n", 0, max(0, end - 1))
        begin = start + 2 if start >= 0 else 0
        block = text[begin:end].strip()
        if block:
            found.append((begin + len(text[begin:end]) - len(text[begin:end].lstrip()), block))
        if start < 0:
            break
        end = start
    return found


def _is_question(block: str, interviewers: list[str]) -> bool:
    """An interviewer's turn: labelled Q/Question or with an interviewer's name, a bold line
    ending on a question mark, or a named turn that ends on one (a podcast's host, "**Ana
    Ruiz:** So what went wrong?")."""
    asks = block.rstrip(" *_").endswith("?")
    if _BOLD_QUESTION.match(block):
        return True
    if _DASH_ANSWER.match(block) and asks:
        return True
    label = _LABEL.match(block)
    if label is None:
        return False
    name = _label_of(label)
    if name in _ANSWER_LABELS or name.split()[0] in _NOT_LABELS:
        return False
    return name in _QUESTION_LABELS or any(same_person(name, i) for i in interviewers) or asks


def _interviewers(text: str) -> list[str]:
    """The interviewers named in a byline ("Interview by X and Y")."""
    found = _INTERVIEWERS.search(text[: min(len(text), 5000)])
    names = re.split(r",\s*|\s+and\s+", found.group("names")) if found else []
    return [n.strip(" *_.") for n in names if n.strip(" *_.")] + _talked_to(text)


def _answer_label(name: str, interviewers: list[str]) -> bool:
    """Whether a label could name an interviewee: a person's, not Q/A, a note or an interviewer."""
    if name in _ANSWER_LABELS | _QUESTION_LABELS or name.split()[0] in _NOT_LABELS:
        return False
    return not any(same_person(name, i) for i in interviewers) and bool(clean_name(name))


def _answerer(text: str, interviewers: list[str]) -> str | None:
    """The one person whose labelled turns answer questions ("**Q?**" then "**X:** ..."), when
    the introduction does not say who is interviewed; None when no one or two people do."""
    names: list[str] = []
    previous = ""
    for block in (b.strip() for b in text[:50_000].split("\n\n")):
        if not block:
            continue
        label = _LABEL.match(block)
        if label is not None and previous and _is_question(previous, interviewers):
            name = _label_of(label)
            if _answer_label(name, interviewers):
                names.append(name)
        previous = block
    if not names or any(not same_person(n, names[0]) for n in names):
        return None
    return _ordinary(max(names, key=len))


# An interview page that introduces its subject by none of `_INTERVIEWEE`'s phrases still names
# them: in an italic note at its end ("*Dr. X is founding provost of ...*"), or in bold, once,
# in its introduction ("The campus's provost is **Dr. X**, an engineer ...").
_BIO = regexes.lazy(
    rf"(?m)^[ \t]*(?:\*|_)(?P<name>(?:{TITLES}\.?\s+)?[^\W\d_a-z]\S*\s+{NAME})\s+"
    r"(?:is|was|has been|heads|leads|teaches|directs)\s+(?:(?:the|a|an)\s+)?[a-z]"
)
_BOLD_NAME = regexes.lazy(rf"\*\*(?P<name>(?:{TITLES}\.?\s+)?[^\W\d_a-z][^*\n]{{2,60}}?)\*\*")


def _profiled(text: str) -> str | None:
    """The one person an interview page presents in a closing note or in bold in its
    introduction (before its first question), when no introduction phrase names them."""
    bylines = " ".join(m.group() for m in _BYLINE.finditer(text, 0, min(len(text), 1000)))
    bios = {
        name
        for m in _BIO.finditer(text, max(0, len(text) - 1500))
        if (name := clean_name(m["name"])) and name.split()[-1] not in bylines
    }
    if len(bios) == 1:
        return bios.pop()
    first_question = next(
        (m.start() for m in _BOLD_QUESTION_LINE.finditer(text, 0, 20_000)), min(len(text), 5000)
    )
    bold = {
        clean_name(m["name"])
        for m in _BOLD_NAME.finditer(text, 0, first_question)
        if re.fullmatch(NAME, m["name"].strip()) and not m["name"].rstrip().endswith("?")
    }
    bold.discard(None)
    return bold.pop() if len(bold) == 1 else None


# "By Rosalind Achebe-Grant": a note about the writer is no interviewee's.
_BYLINE = regexes.lazy(r"\b(?:By|by|BY)\s+[^\n]{0,80}")


_BOLD_QUESTION_LINE = regexes.lazy(_BOLD_QUESTION_TEXT, re.M)  # any line of a page


def _as_named(label: str, answerer: str | None) -> str:
    """An answer's label as a credit: the answerer's fullest label when it names the same
    person ("DUC" -> "Tran Minh Duc"), else the label itself."""
    return answerer if answerer and same_person(label, answerer) else _ordinary(label)


def _ordinary(name: str) -> str:
    """An upper-case label in ordinary case ("TRAN MINH DUC" -> "Tran Minh Duc")."""
    return " ".join(ordinary_case(w) for w in name.split()) if name.isupper() else name


def _says_something(rest: str) -> bool:
    """A turn's words after its label, not a heading's ("Laos: Hydropower Exports")."""
    rest = rest.strip(" *_\n")
    return rest.endswith((".", "!", "?", "…", "”", '"')) or len(rest.split()) >= 8


def interview_answer(text: str, para_start: int, paragraph: str) -> str | None:
    """The interviewee when the paragraph is an interview answer ("" when it is one but the
    interviewee is not named), None when it is not an answer.

    Answers are recognised by an answer label ("A:", "Answer:"), a label naming the
    interviewee ("Pham:", "PTH:"), or by following a question (a "Q:" or interviewer-labelled
    paragraph, or a bold line ending on "?") directly or after other unlabelled answer
    paragraphs, including answers set off by a dash ("— We never ..."). The interviewee is
    the one the introduction names, else the one person whose labelled turns answer."""
    interviewers = _interviewers(text)
    label = _LABEL.match(paragraph)
    if label is not None:
        name = _label_of(label)
        if name in _ANSWER_LABELS:
            return interviewee(text) or _answerer(text, interviewers) or _profiled(text) or ""
        if name in _QUESTION_LABELS or name.split()[0] in _NOT_LABELS:
            return None
        if any(same_person(name, i) for i in interviewers):
            return None
        known = interviewee(text)
        if known and same_person(name, known):
            return known
        if not clean_name(name) or not _says_something(paragraph[label.end() :]):
            return None
        previous = _paragraphs_before(text, para_start, 1)
        answerer = _answerer(text, interviewers)
        if previous and _is_question(previous[0][1], interviewers):
            return known or _as_named(name, answerer)
        # After a turn that is no question ("It promised $15.5 billion."): still the answerer's
        # when the page's other turns show this label answering.
        if answerer is not None and same_person(name, answerer):
            return known or answerer
        return None
    if _BLOCK_START.match(paragraph) or _BOLD_QUESTION.match(paragraph):
        return None
    for start, block in _paragraphs_before(text, para_start, 4):
        if _is_question(block, interviewers):
            return interviewee(text) or _answerer(text, interviewers) or _profiled(text) or ""
        if _LABEL.match(block) is not None:
            # a labelled turn that answers goes on in this paragraph: the same speaker's
            return interview_answer(text, start, block)
        if _BLOCK_START.match(block) or _BOLD_QUESTION.match(block):
            return None
    return None
