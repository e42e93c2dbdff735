"""Transcripts of hearings, briefings and parliaments: whose turn a paragraph is, from the
speaker labels that open each turn: capitalised ("REP. JANE ROE (D-Md.), CHAIR:", "DR. ROE:",
"Mr ALBANESE (Grayndler—Prime Minister) (14:05):") or a Hansard's mixed case (`hansard`)."""

from __future__ import annotations

import re

from briefing.compose import hansard, regexes
from briefing.compose.hansard import Turn
from briefing.compose.names import NAME, TITLES, clean_name

# A turn's label: an optional title (and "(RET.)"), one to four upper-case name words, an
# party or state in brackets (an Australian Hansard's seat and time: two), an optional ", ROLE",
# then a colon. Upper case is
# what tells a transcript's label from a heading or dateline in running prose.
# "McCORMACK", as Australia prints it; "TRƯƠNG", "ÉLISE": capitals beyond A-Z too (a word
# with a lower-case letter outside A-Z is refused by `_label`).
_UPPER = r"(?:Mc|Mac)?[^\W\d_a-z](?:[^\W\d_a-z]|['’-])+"
# A broadcast transcript's cue before a label: "(VOICE-OVER) MARTIN FELD:", "(SOUNDBITE) MAJ.
# JANE ROE, TEAM LEADER:" (a soundbite's words go on the next line).
_CUE = r"(?:\((?P<cue>[A-Z][A-Z /-]{1,24})\)[ \t]*)?"
_LABEL = regexes.lazy(
    rf"(?m)^[ \t]*{_CUE}(?P<title>(?i:{TITLES})\.?)?\s*(?:\((?i:ret|retd|ret\.)\.?\)\s*)?"
    rf"(?P<name>{_UPPER}(?:\s+(?:[A-Z]\.\s+)?{_UPPER}){{0,3}})"
    r"(?:\s*\((?P<aside>[^()\n]{1,40})\))?(?:\s*\([^()\n]{1,40}\))?"
    r"(?:,[^:\n]{1,120})?:(?:[ \t]+(?=\S)|(?(cue)[ \t]*\n[ \t]*(?=\S)|(?!)))",
)
# A US congressional record's label ends on a full stop: "Chairman CASTRO.", "Mr. SMITH of New
# Jersey.", "Ambassador KNAPPER.", an upper-case name after a title, then the turn.
_PERIOD_LABEL = regexes.lazy(
    r"(?m)^[ \t]*(?P<title>(?:Mr|Mrs|Ms|Miss|Dr)\.|Chairman|Chairwoman|Chair|Senator|Ambassador"
    r"|Secretary|General|Admiral|Governor|Representative)"
    rf"\s+(?P<name>{_UPPER}(?:\s+{_UPPER})?)(?:\s+of\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?"
    r"\.[ \t]+(?=[A-Z“\"])"
)
# Labels that head a paragraph without being anyone's voice.
_NOT_NAMES = frozenset(
    """Q A QUESTION ANSWER NOTE NOTES PHOTO SOURCE SOURCES UPDATE CORRECTION EDITOR SUMMARY
    BACKGROUND CONTEXT TRANSCRIPT HEARING DATE LOCATION WITNESS WITNESSES SUBJECT KEY POINTS
    WHAT NEXT WHY IT MATTERS TAGS SHARE READ MORE""".split()
)
_REACH = 50_000  # characters before a paragraph searched for its turn's label
_STAGE = regexes.lazy(r"(?m)^[ \t]*[\[(]")  # "[Whereupon, the subcommittee was adjourned.]"


# A broadcast's labels name a role, the person in brackets once: "REPORTER (Liam Corrigan):".
_ROLE_LABELS = frozenset(
    """ANCHOR REPORTER CORRESPONDENT HOST PRESENTER MODERATOR INTERVIEWER NARRATOR""".split()
)
_ASIDE_NAME = regexes.lazy(NAME)


def _label(match: re.Match[str]) -> tuple[str, str] | None:
    """(title, name) of a turn label, or None when it is a heading or dateline."""
    words = match.group("name").split()
    title = match.group("title") or ""
    title = title.rstrip(".") if title.isupper() else title  # "Mr" stays as printed
    if not all(re.sub(r"^Ma?c", "", w).isupper() for w in words):
        return None  # "Hanoi Officials:": not a transcript's label
    if any(w.rstrip(".") in _NOT_NAMES for w in words):
        return None
    if not title and len(words) == 1 and words[0] in _ROLE_LABELS:
        return "", words[0]  # named from its bracket, here or at the role's first turn
    if not title and len(words) < 2:
        return None  # "BEIJING: ..." is a dateline, "LI QIANG: ..." a speaker
    return title, " ".join(words)


def _role_names(found: list[tuple[int, tuple[str, str], str | None]]) -> dict[str, str]:
    """Each role label's person, as a bracket after the role names them ("REPORTER (Liam
    Corrigan):"); a role named by no bracket, or by two different ones, is left a role."""
    names: dict[str, set[str]] = {}
    for _start, (_title, name), aside in found:
        if name in _ROLE_LABELS and aside and _ASIDE_NAME.fullmatch(aside.strip()):
            names.setdefault(name, set()).add(aside.strip())
    return {role: next(iter(n)) for role, n in names.items() if len(n) == 1}


def _display(title: str, name: str) -> str:
    """ "REP.", "MARGARET HOLLOWAY" -> "Rep. Margaret Holloway"."""
    words = " ".join(hansard.ordinary_case(w) for w in name.split())
    if not title or not title.isupper():
        return f"{title} {words}".strip()  # a title in mixed case is kept as printed
    return f"{title.title()}{'.' if len(title) <= 4 else ''} {words}"  # "Amb.", "Senator"


def _upper_turns(text: str, begin: int, end: int) -> list[Turn]:
    """The capitalised labels' turns, a short label ("DR. ROE") named from the speaker's
    longest label."""
    labels = [
        (m.start(), t, m["aside"]) for m in _LABEL.finditer(text, begin, end) if (t := _label(m))
    ]
    roles = _role_names(labels)
    found = [(start, t) for start, t, _aside in labels]
    found += [
        (m.start(), (m["title"], m["name"])) for m in _PERIOD_LABEL.finditer(text, begin, end)
    ]
    found.sort()
    names = [name for _, (_, name) in found]
    turns = []
    for start, (title, name) in found:
        if name in _ROLE_LABELS:
            # "MODERATOR (ANNA KELLY):" and "ANNA KELLY:" are one voice
            person = roles.get(name)
            person = _display("", person) if person and person.isupper() else person
            key = person.split()[-1].lower() if person else name.lower()
            turns.append(Turn(start, person or name.capitalize(), key))
            continue
        surname = name.split()[-1]
        fuller = [n for n in names if n.split()[-1] == surname and len(n) > len(name)]
        credit = _display(title, max(fuller, key=len) if fuller else name)
        turns.append(Turn(start, credit, surname.lower()))
    return turns


# A call transcript's turn heads its own line, the name then a dash and the role: "Jane Doe --
# Chief Executive Officer", "Minh Tran -- Ardent Securities -- Analyst"; and "Operator".
_DASH_LABEL = regexes.lazy(
    rf"(?m)^[ \t]*(?:(?P<name>{NAME})[ \t]+(?:--|—|–)[ \t]+(?P<role>[^\n]{{2,120}})"
    r"|(?P<operator>Operator))[ \t]*$"
)
_DASH_ROLE = regexes.lazy(
    r"(?i)\b(?:officer|chief|president|director|analyst|chair\w*|head|founder|manager|ceo|cfo"
    r"|coo|cto|partner|relations|secretary|minister|ambassador|professor|fellow|economist"
    r"|spokes\w+|treasurer|counsel|strategist)\b"
)


def _dash_turns(text: str, begin: int, end: int) -> list[Turn]:
    """A call transcript's turns, each label on a line of its own (see `_DASH_LABEL`)."""
    if "Operator" not in text[begin:end] and " -- " not in text[begin:end]:
        return []  # no call transcript: its pattern is not compiled
    turns = []
    for match in _DASH_LABEL.finditer(text, begin, end):
        if match["operator"]:
            turns.append(Turn(match.start(), "Operator", "operator"))
        elif _DASH_ROLE.search(match["role"]) and 2 <= len(match["name"].split()) <= 5:
            name = " ".join(match["name"].split())
            turns.append(Turn(match.start(), name, name.split()[-1].lower()))
    return turns


# A recording's transcript stamps each turn with its time: "[00:12:47] Hà Minh Tuấn: ...",
# "(01:05) Jane Roe: ..."; a name in any case, as the stamp already says it is a turn.
_TIMED_LABEL = regexes.lazy(
    r"(?m)^[ \t]*[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?[ \t]+"
    rf"(?P<name>(?:{TITLES}\.?\s+)?[^\W\d_a-z][\w’'.-]*(?:[ \t]+[^\W\d_a-z][\w’'.-]*){{0,3}})"
    r"[ \t]*:[ \t]+(?=\S)"
)


def _timed_turns(text: str, begin: int, end: int) -> list[Turn]:
    """A timestamped transcript's turns (see `_TIMED_LABEL`)."""
    if not re.search(r"\d:\d\d", text[begin:end]):
        return []
    turns = []
    for m in _TIMED_LABEL.finditer(text, begin, end):
        words = m["name"].split()
        if words[-1].upper() in _NOT_TIMED or words[0].upper() in _NOT_NAMES:
            continue  # a live blog's "[09:42] Update:" or "10:15 Hanoi City:"
        # "[09:42] Hanoi:" may be a live blog's dateline: one word is no proof of a turn
        turns.append(Turn(m.start(), " ".join(words), words[-1].lower(), len(words) >= 2))
    return turns


_NOT_TIMED = frozenset("UPDATE UPDATES BREAKING CITY PROVINCE GMT UTC ET ICT BST CET".split())


def turn_speaker(text: str, para_start: int) -> str | None:
    """The speaker whose turn the paragraph at `para_start` is, when the document is a
    transcript (three or more labelled turns by two or more speakers, one of them speaking
    twice: a report's capitalised headings ("POLICY OPTIONS:") never repeat), else None. A paragraph
    without a label (each label opens a line) continues the turn before it; a bracketed stage
    note, an interjection noted or a heading ends it. A short label ("DR. ROE") is named in
    full from the speaker's longest label."""
    # The turns before the paragraph and a little after: a long report need not be read whole
    # for each of its excerpts (a turn label 50,000 characters back is no one's turn now).
    begin, end = max(0, para_start - _REACH), min(len(text), para_start + _REACH // 10)
    # A label both readers take ("THE PRIME MINISTER (SHRI NARENDRA MODI):") is Hansard's.
    by_start = {t.start: t for t in _upper_turns(text, begin, end)}
    by_start.update((t.start, t) for t in hansard.turns(text, begin, end))
    by_start.update((t.start, t) for t in _dash_turns(text, begin, end))
    by_start.update((t.start, t) for t in _timed_turns(text, begin, end))
    labelled = list(by_start.values())
    keys = [t.key for t in labelled]
    strong = sum(t.strong for t in labelled) >= 2  # no heading has such labels
    if len(set(keys)) < 2 or not (strong or (len(labelled) >= 3 and len(set(keys)) < len(keys))):
        return None  # a transcript has two voices or more, and someone speaks twice
    marks: list[tuple[int, str | None]] = [(t.start, t.credit) for t in labelled]
    # a cue or a time in brackets before a label ("(VOICE-OVER) JANE ROE:") is no stage note
    marks += [
        (m.start(), None) for m in _STAGE.finditer(text, begin, end) if m.start() not in by_start
    ]
    # a label on a line of its own ("Jane Doe -- Chief Executive Officer") is no heading
    marks += [(at, None) for at in hansard.breaks(text, begin, end) if at not in by_start]
    current = None
    for start, credit in sorted(marks, key=lambda t: t[0]):
        if start > para_start:
            break
        current = credit
    return current


# A speech's title names its speaker ("Remarks by Secretary of State Marco Reyes at ...");
# the audience noted in brackets, or "As Delivered", says the page is the speech itself, not a
# story about it ("Speech by Xi signals a softer line").
_SPEECH_TITLE = regexes.lazy(
    r"(?m:^)[#*_ \t]*(?:[A-Z][\w’'-]*[ \t]+){0,3}?(?i:remarks|speech|address|keynote|lecture)"
    rf"\s+(?i:by|of)\s+(?P<name>{NAME})"
)
_OFFICE_WORDS = frozenset(
    """OF AND THE FOR ON TO AT H.E. HIS HER EXCELLENCY HONOURABLE HONORABLE MR MRS MS DR PROF
    MINISTER MINISTRY DEPUTY VICE SECRETARY STATE PRESIDENT PRIME AMBASSADOR GENERAL DIRECTOR
    CHAIR CHAIRMAN CHAIRWOMAN GOVERNOR SENATOR REPRESENTATIVE ASSISTANT UNDER ADMINISTRATOR
    DEPARTMENT INDUSTRY TRADE FOREIGN AFFAIRS DEFENCE DEFENSE FINANCE COMMERCE ENERGY HEALTH
    EDUCATION JUSTICE PLANNING INVESTMENT AGRICULTURE ENVIRONMENT TRANSPORT HOME INTERIOR
    LABOUR LABOR SCIENCE TECHNOLOGY NATIONAL PUBLIC SECURITY INFORMATION COMMUNICATIONS
    RESOURCES NATURAL RURAL DEVELOPMENT U.S. US UNITED STATES""".split()
)
# A speech page's standfirst: "The following are the prepared remarks of ...".
_FOLLOWING = (
    r"the following (?:are|is) (?:the )?(?:prepared |full )?(?:remarks|text|speech|address)"
)
_DELIVERED = regexes.lazy(
    r"\((?i:applause|laughter|cheers)\.?\)|(?i:as delivered|as prepared for delivery"
    rf"|{_FOLLOWING})"
)
# A standfirst that names the speaker: "The following are prepared remarks delivered on 22
# November at the American Center by Chargé d'Affaires a.i. Rebecca L. Stroud to ...", "The
# following are the prepared remarks of Lt. Gen. Marcus D. Holloway, Deputy Commander ...".
_STANDFIRST = regexes.lazy(
    rf"(?i:{_FOLLOWING})"
    r"[^\n]{0,200}?\b(?:by|of)\s+(?P<by>[^\n,;]{3,120}?)(?=\s+(?:to|at|on|before|in|during)\s|[,;]|\n|$)"
)
_PERSON_NAME = regexes.lazy(rf"{NAME}")


def speech_speaker(text: str) -> str | None:
    """The speaker of a page that is a speech, from its title, or None."""
    head = text[:400].lower()
    if not any(word in head for word in ("remarks", "speech", "address", "keynote", "lecture")):
        return None  # no speech's title: its pattern is not compiled
    title = _SPEECH_TITLE.search(text, 0, 400)  # under a site's header line or two
    if title is None:
        return _from_standfirst(text)
    if _DELIVERED.search(text) is None:
        return None
    name = title.group("name")
    if not name.isupper():
        return name
    # "ADDRESS BY DEPUTY MINISTER OF INDUSTRY AND TRADE NGUYEN SINH TAN": in capitals, no case
    # tells the office from the name, so the name is the words after the office's.
    line = text[title.start("name") :].split("\n", 1)[0].split()
    words: list[str] = []
    for word in reversed(line[:12]):
        if word.rstrip(".,").upper() in _OFFICE_WORDS or len(words) == 4:
            break
        words.insert(0, word.rstrip(".,"))
    if len(words) < 2:
        return name
    return " ".join(hansard.ordinary_case(w) for w in words)


def _from_standfirst(text: str) -> str | None:
    """The speaker a speech's standfirst names after "by", past the office's words
    ("Chargé d'Affaires a.i. Rebecca L. Stroud" -> "Rebecca L. Stroud"), or None."""
    found = _STANDFIRST.search(text, 0, 1500)
    if found is None:
        return None
    names = [m.group() for m in _PERSON_NAME.finditer(found.group("by"))]
    # a person's name joins no words with "of": "Head of Mission", "Republic of Vietnam" are not
    people = [n for n in names if len(n.split()) >= 2 and not _JOINED.search(n)]
    return clean_name(people[0]) if people else None


_JOINED = regexes.lazy(r"\s(?:of|and|for|the|de)\s")
