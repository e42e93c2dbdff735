"""Who is speaking in an excerpt: reported speech in and around it.

A news page quotes people ("X said", "said X", "X told Reuters", "according to X"), reports
joint statements, and interviews run as Q and A. A deck must credit the words to whoever said
them, "quoted in" the source that reports them, not to the reporter. Everything here is a
conservative reading of the text: when no speaker is clear, the answer is None and the excerpt
is credited to its source as before.
"""

from __future__ import annotations

import re

_TITLES = (
    r"(?:(?:Sen|Rep|Gov|Gen|Lt|Col|Adm|Amb|Prof|Mr|Mrs|Ms|Dr|St|Sgt|Capt|Maj|Cmdr|Pres|Sec)\.?"
    r"|President|Prime Minister|General Secretary|Secretary|Minister|Ambassador|Senator"
    r"|Governor|Deputy|Chairman|Chairwoman|Professor)"
)
_CAP = r"[A-Z][\w'’.-]*"
# A proper name or a named body: "Tran Nam Tien", "Amb. Marc Knapper", "The United States",
# "Vietnam's Ministry of Planning and Investment".
_NAME = rf"(?:{_TITLES}\s+)*{_CAP}(?:\s+(?:(?:of|and|for|the|de|van|von|bin)\s+)?{_CAP}){{0,6}}"
_VERBS = (
    r"(?:said|says|told|tells|added|adds|argued|argues|noted|notes|warned|warns|stressed"
    r"|wrote|writes|explained|insisted|acknowledged|announced|declared|recalled|urged|asked"
    r"|stated|pledged|promised|vowed|committed|advocated|pressed|emphasi[sz]ed|suggested"
    r"|cautioned|contended|maintained|predicted|believes|observed|recommended|proposed)"
)
# A descriptive speaker: "a Western diplomat involved in the talks", "the two leaders".
_ROLES = (
    r"(?:diplomat|official|spokesperson|spokesman|spokeswoman|analyst|expert|minister"
    r"|ambassador|lecturer|researcher|economist|leader|source|executive|adviser|advisor"
    r"|engineer|farmer|resident|villager|worker|veteran|officer|ministry|government|statement"
    r"|observer|critic|activist|lawmaker|legislator|scholar|academic)s?"
)
_APPOSITIVE = r"(?:,\s*[^,;:\"“”]{1,140},)?"
_ADVERB = (
    r"(?:(?:have|has|had)\s+)?(?:(?:long|also|repeatedly|previously|often|publicly|\w+ly)\s+)?"
)
_SUBJECT_VERB = re.compile(rf"(?<![\w’'])(?P<name>{_NAME}){_APPOSITIVE}\s+{_ADVERB}{_VERBS}\b")
_ROLE_VERB = re.compile(
    rf"\b(?P<name>(?:[Aa]n?|[Tt]he|[Oo]ne)\s+(?:[\w’'-]+\s+){{0,3}}{_ROLES}"
    rf"(?:\s+(?:at|of|in|for|with|from|involved|close|familiar)\s+(?:[\w’'-]+\s+){{0,6}}?)?)"
    rf"{_APPOSITIVE}\s*{_ADVERB}{_VERBS}\b"
)
# "U.S. officials said", "Chinese diplomats told", "officials and diplomats said".
_GROUP_VERB = re.compile(
    rf"(?<![\w’'])(?P<name>(?:{_CAP}\s+){{0,3}}{_ROLES}(?:\s+and\s+{_ROLES})?)"
    rf"{_APPOSITIVE}\s+{_ADVERB}{_VERBS}\b"
)
_VERB_NAME = re.compile(rf"[,”\"]\s*{_VERBS}\s+(?P<name>{_NAME})")
_ACCORDING = re.compile(
    rf"\b[Aa]ccording to (?P<name>{_NAME}|(?:an?|the)\s+[^,.;]{{3,80}}?)(?=[,.;])"
)
_PRONOUN_VERB = re.compile(
    rf"(?:^|[,”\"]\s*)(?:he|she|He|She)\s+{_VERBS}\b|{_VERBS}\s+(?:he|she)\b"
)
_DOCUMENT = re.compile(
    r"\b(joint (?:[\w-]+[’']?\s+)?(?:statement|declaration)|communiqu[ée])\b", re.I
)
_OPENING_QUOTE = re.compile(r"^\s*[\"“‘]")
_INTERVIEWEE = re.compile(
    rf"\b(?:spoke|speaking|talked|talking|sat down|caught up) (?:with|to) (?P<name>{_NAME})"
    rf"|\b(?:interview|conversation|Q&A) with (?P<name2>{_NAME})"
    rf"|\b[Ww]e (?:asked|interviewed|met) (?P<name3>{_NAME})"
    rf"|(?P<name4>{_NAME}){_APPOSITIVE}\s+(?:spoke|talked|sat down) (?:with|to) us\b"
)
_INTERVIEWERS = re.compile(r"\b(?:[Ii]nterviewed|[Ii]nterview) by (?P<names>[^\n]{3,120})")
# A paragraph's label: "**A:**", "Q.", "Question:", "**Pham Thu Ha:**", "PTH:", "Dr. Pham:".
_LABEL = re.compile(
    r"^\s*(?:\*\*|__)?(?:(?P<letter>[QA])(?:\*\*|__)?\s*[.:]"
    r"|(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})(?:\*\*|__)?\s*:)(?:\*\*|__)?\s"
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
_DASH_ANSWER = re.compile(r"^\s*[—–-]\s+\S")
_BOLD_QUESTION = re.compile(r"^\s*(?:\*\*|__)[^\n]*\?\s*(?:\*\*|__)\s*$")
_BLOCK_START = re.compile(r"^\s*(?:#|\*[^*]|_[^_]|---|\|)")
# Not speakers: sentence-initial words that happen to be capitalised before a verb.
_NOT_NAMES = frozenset(
    """It He She They We I You This That These Those There Here In On At As But And Yet
    So Also When While After Before If Although Though Because Since Asked""".split()
)


def _clean(name: str) -> str | None:
    name = " ".join(name.split()).strip(" ,")
    first = name.split()[0] if name else ""
    if not name or name in _NOT_NAMES or first in _NOT_NAMES:
        return None
    return name


def _with_document(name: str, clause: str) -> str:
    """ "The United States" said "in its joint statement": credit the statement too."""
    doc = _DOCUMENT.search(clause)
    if doc is None:
        return name
    label = _label(doc.group(1))
    return name if label in name.lower() else f"{name} ({label})"


def _label(document: str) -> str:
    """ "joint leaders' statement" -> "joint statement"; "Communiqué" -> "communiqué"."""
    low = document.lower()
    return "joint " + low.split()[-1] if low.startswith("joint") else low


# "if Vietnam says no", "unless Hanoi said so": a hypothetical, not reported speech.
_HYPOTHETICAL = re.compile(r"\b(?:if|when|unless|whether|until|once|should)\s+$", re.I)
_NOT_SPEECH = re.compile(r"\s+(?:no|yes|so|goodbye)\b")
# "Hanoi has asked Washington for market economy status": a request, not reported speech.
_REQUEST = re.compile(r"\s+(?:[\w’'.-]+\s+){0,4}?for\b")


_QUOTED = re.compile(r"“[^“”]*”|\"[^\"]*\"")


def _quoted(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _QUOTED.finditer(text)]


def named_in(text: str) -> str | None:
    """The speaker named in a stretch of text, or None: the first clear attribution outside
    quotation marks (inside them, "Our customers asked us" is the quote, not its speaker)."""
    found: list[tuple[int, str, int]] = []
    quoted = _quoted(text)
    for pattern in (_SUBJECT_VERB, _ROLE_VERB, _GROUP_VERB, _VERB_NAME, _ACCORDING):
        for match in pattern.finditer(text):
            at = match.start("name")
            if any(s < at < e for s, e in quoted):
                continue
            if _HYPOTHETICAL.search(text, max(0, match.start() - 10), match.start()):
                continue
            if _NOT_SPEECH.match(text, match.end()):
                continue
            if match.group().endswith("asked") and _REQUEST.match(text, match.end()):
                continue
            name = _clean(match.group("name"))
            if name:
                found.append((match.start(), name, match.end()))
                break
    if not found:
        return None
    start, name, end = min(found)
    if re.fullmatch(r"(?i)the (?:statement|declaration)", name):
        # "the statement said": the statement named earlier ("the joint leaders' statement")
        earlier = list(_DOCUMENT.finditer(text, 0, start))
        if earlier:
            return _label(earlier[-1].group(1))
    before = text[max(0, start - 40) : end + 60]
    return _with_document(name, before)


def _last_named(text: str) -> str | None:
    """The last person named as a speaker in `text` (for "he said" after it)."""
    last = None
    for pattern in (_SUBJECT_VERB, _VERB_NAME):
        for match in pattern.finditer(text):
            name = _clean(match.group("name"))
            if name and (last is None or match.start() > last[0]):
                last = (match.start(), name)
    return last[1] if last else None


# A person introduced in the text: "Nguyen Van Duc, 58,", "Minister ..., Nguyen Chi Dung,",
# "Dr. Mai Lan": a name with a title, an age or a description after it, or set in commas.
_PERSON = re.compile(
    rf"(?:(?P<titled>{_TITLES}\.?\s+{_CAP}(?:\s+{_CAP}){{0,3}})"
    rf"|,\s+(?P<comma>{_CAP}(?:\s+{_CAP}){{1,3}}),"
    rf"|(?P<aged>{_CAP}(?:\s+{_CAP}){{1,3}}),\s+(?:\d{{2}}|an?\s|the\s))"
)


def _last_person(text: str) -> tuple[int, str] | None:
    last = None
    for match in _PERSON.finditer(text):
        name = _clean(match.group("titled") or match.group("comma") or match.group("aged"))
        if name:
            last = (match.start(), name)
    return last


def _referent(before: str) -> str | None:
    """Who "he said" or "He advocated" refers to: the nearer of the last named speaker and
    the last person introduced."""
    named = None
    for pattern in (_SUBJECT_VERB, _VERB_NAME):
        for match in pattern.finditer(before):
            name = _clean(match.group("name"))
            if name and (named is None or match.start() > named[0]):
                named = (match.start(), name)
    person = _last_person(before)
    options = [o for o in (named, person) if o]
    return max(options)[1] if options else None


def speaker(text: str, start: int, end: int, para_start: int, para_end: int) -> str | None:
    """Who speaks in `text[start:end]` (a whole document's text, the excerpt's span and its
    paragraph's), or None when the excerpt is the source's own voice or nobody is clear."""
    excerpt = text[start:end]
    before = text[max(0, start - 3000) : start]
    paragraph = text[para_start:para_end]
    answer = interview_answer(text, para_start, paragraph)
    if answer is not None:  # an answer is the interviewee's, whoever it cites
        return answer or None
    if _PRONOUN_VERB.search(excerpt) and not named_in(excerpt):
        return _referent(before)
    name = named_in(excerpt)
    if name:
        return name
    if not _OPENING_QUOTE.match(excerpt):
        return None
    # A quotation with no attribution of its own: the rest of its paragraph, then before it.
    after = text[end:para_end]
    if _PRONOUN_VERB.search(after[:80]):
        return _referent(before)
    name = named_in(after[:200])
    if name:
        return name
    return _last_named(before[-1500:])


def interviewee(text: str) -> str | None:
    """Who an interview page interviews, from its introduction ("We spoke with Dr. X ...",
    "We asked X ...", "X spoke to us ...", "An interview with X"), or None."""
    intro = _INTERVIEWEE.search(text[: min(len(text), 5000)])
    if intro is None:
        return None
    return _clean(next(g for g in intro.groups() if g))


def _label_of(match: re.Match[str]) -> str:
    return match.group("letter") or match.group("name")


def _tokens(name: str) -> list[str]:
    words = [w.strip(".,’'") for w in name.split()]
    titles = re.compile(rf"{_TITLES}\.?$")
    return [w for w in words if w and not titles.fullmatch(w) and not titles.fullmatch(w + ".")]


def same_person(label: str, name: str) -> bool:
    """Whether an answer label names `name`: a part of it ("Pham", "Dr. Ha", "Pham Thu Ha")
    or its initials ("PTH", "P.T.H.")."""
    label_words, name_words = _tokens(label), _tokens(name)
    if not label_words or not name_words:
        return False
    if all(w in name_words for w in label_words):
        return True
    letters = re.sub(r"[^A-Z]", "", label)
    initials = "".join(w[0] for w in name_words if w[0].isupper())
    return (
        len(letters) >= 2
        and label.replace(".", "").isupper()
        and (letters == initials or letters == initials[0] + initials[-1])
    )


def _paragraphs_before(text: str, para_start: int, count: int) -> list[str]:
    """Up to `count` non-empty paragraphs before `para_start`, nearest first."""
    found: list[str] = []
    end = para_start
    while len(found) < count and end > 0:
        start = text.rfind("\n\n", 0, max(0, end - 1))
        block = text[start + 2 if start >= 0 else 0 : end].strip()
        if block:
            found.append(block)
        if start < 0:
            break
        end = start
    return found


def _is_question(block: str, interviewers: list[str]) -> bool:
    """An interviewer's turn: labelled Q/Question or with an interviewer's name, or a bold
    line ending on a question mark."""
    if _BOLD_QUESTION.match(block):
        return True
    if _DASH_ANSWER.match(block) and block.rstrip(" *_").endswith("?"):
        return True
    label = _LABEL.match(block)
    if label is None:
        return False
    name = _label_of(label)
    return name in _QUESTION_LABELS or any(same_person(name, i) for i in interviewers)


def interview_answer(text: str, para_start: int, paragraph: str) -> str | None:
    """The interviewee when the paragraph is an interview answer ("" when it is one but the
    interviewee is not named), None when it is not an answer.

    Answers are recognised by an answer label ("A:", "Answer:"), a label naming the
    interviewee ("Pham:", "PTH:"), or by following a question (a "Q:" or interviewer-labelled
    paragraph, or a bold line ending on "?") directly or after other unlabelled answer
    paragraphs, including answers set off by a dash ("— We never ...")."""
    found = _INTERVIEWERS.search(text[: min(len(text), 5000)])
    interviewers = re.split(r",\s*|\s+and\s+", found.group("names")) if found else []
    interviewers = [i.strip(" *_.") for i in interviewers if i.strip(" *_.")]
    label = _LABEL.match(paragraph)
    if label is not None:
        name = _label_of(label)
        if name in _ANSWER_LABELS:
            return interviewee(text) or ""
        if name in _QUESTION_LABELS or name.split()[0] in _NOT_LABELS:
            return None
        if any(same_person(name, i) for i in interviewers):
            return None
        known = interviewee(text)
        if known and same_person(name, known):
            return known
        previous = _paragraphs_before(text, para_start, 1)
        if previous and _is_question(previous[0], interviewers) and _clean(name):
            return known or name
        return None
    if _BLOCK_START.match(paragraph) or _BOLD_QUESTION.match(paragraph):
        return None
    known = interviewee(text)
    for block in _paragraphs_before(text, para_start, 4):
        if _is_question(block, interviewers):
            return known or ""
        label = _LABEL.match(block)
        if label is not None:
            name = _label_of(label)
            continuing = name in _ANSWER_LABELS or (known and same_person(name, known))
            return (known or "") if continuing else None
        if _BLOCK_START.match(block) or _BOLD_QUESTION.match(block):
            return None
    return None
