"""Who is speaking in an excerpt: reported speech in and around it.

A news page quotes people ("X said", "said X", "X told Reuters", "according to X"), reports
joint statements, and interviews run as Q and A. A deck must credit the words to whoever said
them, "quoted in" the source that reports them, not to the reporter. Everything here is a
conservative reading of the text: when no speaker is clear, the answer is None and the excerpt
is credited to its source as before.
"""

from __future__ import annotations

import re

from briefing.compose import regexes
from briefing.compose.holders import DOCUMENTS, OFFICE_NOUNS, THE_OFFICE, issuer, office_holder
from briefing.compose.interview import interview_answer
from briefing.compose.names import CAP, NAME, SENTENCE_END, TITLES, clean_name
from briefing.compose.reported import reported_body
from briefing.compose.reporting import (
    OPENING_QUOTE,
    PRONOUN,
    PRONOUN_VERB,
    ROLE_VERB,
    ROLES,
    SUBJECT_VERB,
    VERB_NAME,
    credited,
    named_in,
    quoted,
)
from briefing.compose.transcript import speech_speaker, turn_speaker


def _last_named(text: str) -> str | None:
    """The last person named as a speaker in `text` (for "he said" after it)."""
    last = None
    for pattern in (SUBJECT_VERB, VERB_NAME, ROLE_VERB):
        for match in pattern.finditer(text):
            name = clean_name(credited(text, pattern, match))
            if name and (last is None or match.start() > last[0]):
                last = (match.start(), name)
    return last[1] if last else None


# A person introduced in the text: "Nguyen Van Duc, 58,", "Minister ..., Nguyen Chi Dung,",
# "Dr. Mai Lan": a name with a title, an age or a description after it, or set in commas.
_PERSON = regexes.lazy(
    rf"(?:(?P<titled>{TITLES}\.?\s+{CAP}(?:\s+{CAP}){{0,3}})"
    rf"|,\s+(?P<comma>{CAP}(?:\s+{CAP}){{1,3}}),"
    rf"|(?P<aged>{CAP}(?:\s+{CAP}){{1,3}}),\s+(?:\d{{2}}|an?\s|the\s|who\s))"
)


def _last_person(text: str) -> tuple[int, str] | None:
    last = None
    for match in _PERSON.finditer(text):
        name = _introduced(match)
        if name:
            last = (match.start(), name)
    return last


def _referent(before: str) -> str | None:
    """Who "he said" or "He advocated" refers to: the nearer of the last named speaker and
    the last person introduced."""
    named: list[tuple[int, str]] = []
    spans = quoted(before)
    for pattern in (SUBJECT_VERB, VERB_NAME):
        for match in pattern.finditer(before):
            name = clean_name(match.group("name"))
            if name and not any(s < match.start("name") < e for s, e in spans):
                named.append((match.start(), name))
    person = _last_person(before)
    options = sorted(named + ([person] if person else []), reverse=True)
    # "he said" is a person's: past "Vietnam welcomed ships" to the "Hùng said" before it
    for _at, name in options:
        if _a_person(name, before):
            return name
    return options[0][1] if options else None


def _a_person(name: str, before: str) -> bool:
    """Whether a name reads as a person's: two words or more, a title, or one word that is
    part of a person's full name given before ("Hùng" after "Colonel Phạm Quốc Hùng")."""
    if " " in name or _TITLE_WORD.match(name):
        return True
    return _known_as(name, before) != name


def _introduced(match: re.Match[str]) -> str | None:
    """The person a `_PERSON` match introduces, without a sentence's end before the name."""
    return clean_name(match.group("titled") or match.group("comma") or match.group("aged"))


def _known_as(word: str, earlier: str) -> str:
    """ "Lan said": the one person introduced earlier whose name ends so ("Nguyễn Thị Lan")
    or begins so ("Lin Jian", then "Lin said"); the word as it is when none or two are."""
    people = {_introduced(m) for m in _PERSON.finditer(earlier) if not m.group("titled")}
    people |= {clean_name(m.group("name")) for m in SUBJECT_VERB.finditer(earlier)}
    names = {p for p in people if p}
    fits = {n for n in names if " " in n and word in (_bare(n)[0], n.split()[-1])}
    # "Vice Minister Việt" is the "Vice Foreign Minister Đỗ Hùng Việt" named before it
    fits = {n for n in fits if not any(set(n.split()) < set(o.split()) for o in fits)}
    return fits.pop() if len(fits) == 1 else word


_TITLE_WORD = regexes.lazy(rf"{TITLES}\.?")


def _bare(name: str) -> list[str]:
    """A name's words after its titles: "Deputy Prime Minister Khamphet Sounthone" ->
    ["Khamphet", "Sounthone"] (the name's own first word is the given name it is called by)."""
    words = name.split()
    last_title = max((i for i, w in enumerate(words) if _TITLE_WORD.fullmatch(w)), default=-1)
    return words[last_title + 1 :] or words


_BARE_ROLE = regexes.lazy(rf"(?i)the\s+(?P<noun>{ROLES})")

_TITLED = regexes.lazy(rf"(?:{TITLES}\.?\s+)+(?P<last>{CAP})")
# A title just before a name's last word: "Ms. Le", "Council\nMs. Le" are no fuller name.
_TITLE_LAST = regexes.lazy(rf"(?:^|\s){TITLES}\.?\s+\S+$")


def _fuller(name: str, before: str, earlier: str = "") -> str:
    """ "The embassy said": the body named in full just before ("the U.S. embassy"), if any;
    "Gen. Hai said": the person named in full `earlier` ("Nguyen Van Hai"), whose name ends
    so (a page names a person in full once, then by title and one name)."""
    bare = _BARE_ROLE.fullmatch(name) if name[:4].lower() == "the " else None
    office = THE_OFFICE.fullmatch(name) if bare is None and name[:4] in ("The ", "the ") else None
    if office is not None:
        return office_holder(office.group("office"), earlier) or name
    if bare is None:
        titled = _TITLED.fullmatch(name)
        if titled is None:
            return _known_as(name, earlier) if " " not in name else name
        last = re.escape(titled.group("last"))
        full = re.findall(
            regexes.cheap(rf"(?<![\w.’'-])((?:{CAP}\s+){{1,3}}{last})(?![\w’'-])"), earlier
        )
        # A name is on one line: "WITNESSES\n\nDr. Marcus Feld" -> "Dr. Marcus Feld".
        full = [f.rsplit("\n", 1)[-1].strip() for f in full]
        full = [f for f in full if " " in f and clean_name(f) and _TITLE_LAST.search(f) is None]
        if full:
            return full[-1]
        # A family name first ("Ms. Le" for "Le Thanh Van", as Vietnamese, Chinese and Korean
        # names are written): only when one such name fits, as a family name is shared.
        first = re.findall(
            regexes.cheap(rf"(?<![\w.’'-])({last}(?:[ \t]+{CAP}){{1,3}})(?![\w’'-])"), earlier
        )
        first = {f for f in first if clean_name(f) and _TITLED.fullmatch(f) is None}
        return first.pop() if len(first) == 1 else name
    if bare.group("noun").lower() in OFFICE_NOUNS:  # "the Chair said": the one named so
        holder = office_holder(bare.group("noun"), earlier)
        if holder:
            return holder
    if bare.group("noun").lower() in DOCUMENTS:
        issued = issuer(bare.group("noun").lower(), before)
        if issued:
            return issued
    noun = re.escape(bare.group("noun"))
    named = re.findall(
        regexes.cheap(
            rf"\b(?:[Tt]he[ \t]+(?:(?!(?:the|a|an)\s)[\w.’'-]+[ \t]+){{1,3}}?(?i:{noun})"
            rf"|(?:{CAP}[ \t]+){{1,4}}(?i:{noun}))\b"
        ),
        before,
    )
    # "Intro. The ministry": a sentence's end before the body is no part of its name
    return " ".join(SENTENCE_END.split(named[-1])[-1].split()) if named else name


# A turn's label up to its colon ("Jane Roe (Bath) (LD):", "**A:**"); a time's colon, as in
# "(14:05):", is inside it.
_LABEL_END = regexes.lazy(r"^(?:[^\n:]|:(?!\s)){1,250}?:(?:\*\*|__)?[ \t]+")


def _voice(excerpt: str, owner: str) -> str:
    """A turn's or answer's excerpt: its owner's, unless it wholly reports a named body's
    position ("the Vietnamese authorities reject ...; they say ..."), which it credits as
    reported by the owner."""
    body = reported_body(excerpt)
    return f"{body}, as reported by {owner}" if body else owner


def _plain(text: str) -> str:
    return text.replace("**", "").replace("__", "")


def speaker(text: str, start: int, end: int, para_start: int, para_end: int) -> str | None:
    """Who speaks in `text[start:end]` (a whole document's text, the excerpt's span and its
    paragraph's), or None when the excerpt is the source's own voice or nobody is clear."""
    excerpt = text[start:end]
    before = text[max(0, start - 3000) : start]
    paragraph = text[para_start:para_end]
    turn = turn_speaker(text, para_start)
    # An excerpt from a paragraph's start opens on its turn's label, which is not the report.
    said = _LABEL_END.sub("", excerpt, count=1) if start == para_start else excerpt
    # Markdown emphasis ("**Dr. Le Mai**, an analyst, said") is no part of a name.
    plain, before = _plain(excerpt), _plain(before)
    if turn is not None:  # a transcript's turn is its speaker's, whoever it mentions
        # "Ms. LE." is the witness the hearing's list names in full ("Ms. Le Thanh Van").
        return _voice(said, _fuller(turn, "", _plain(text[:start])))
    orator = speech_speaker(text)
    if orator is not None:  # a speech is its speaker's, whoever it quotes
        return _voice(said, orator)
    answer = interview_answer(text, para_start, paragraph)
    if answer is not None:  # an answer is the interviewee's, whoever it cites
        return _voice(said, answer) if answer else None
    lead = _plain(text[para_start:start])
    name = _reported(text, end, para_end, plain, before, lead)
    if name is None:
        return None
    return _fuller(name, before[-1500:], _plain(text[max(0, start - 20_000) : start]))


def _reported(text: str, end: int, para_end: int, plain: str, before: str, lead: str) -> str | None:
    """The speaker a news page's reported speech names for an excerpt (`plain`, emphasis
    removed), in it, after it in its paragraph, or before it; None for the page's own voice."""
    pronoun = PRONOUN_VERB.search(plain) if PRONOUN.search(plain) else None
    if pronoun and not named_in(plain):  # "He said", after whoever was named before it
        return _referent(before + plain[: pronoun.start()])
    if _IN_THEIR_VIEW.match(plain):  # "In his view, ...": the view of whoever was just named
        return _referent(before)
    name = named_in(plain)
    if name:
        return name
    if not OPENING_QUOTE.match(plain):
        return _running_on(lead, plain)
    # A quotation with no attribution of its own: the rest of its paragraph, then before it.
    after = _plain(text[end:para_end])
    if _unclosed(lead + plain + after):  # it runs on into the next paragraphs
        after = _closing(text, para_end) or after
    elif not after.strip() and (credit := _credit_line(text, para_end)):
        return credit  # a quotation over its credit: "“...”\n\n— Name, title"
    if PRONOUN.search(after[:80]) and PRONOUN_VERB.search(after[:80]):
        return _referent(before)
    named = named_in(after[:200])
    if named is None and not lead.strip() and before.rstrip().endswith(":"):
        # "Quote from Jane Doe, chief executive:" or "Lan told us:" introduces the quotation
        named = named_in(_PARAGRAPH.split(before.rstrip())[-1])
    return named or _last_named(before[-1500:])


# A pull quote's or a "week in quotes" page's credit on the line under the quotation.
_CREDIT_LINE = regexes.lazy(rf"\s*[—–~-]{{1,2}}\s*(?P<name>{NAME})")


def _credit_line(text: str, para_end: int) -> str | None:
    """The name on a credit line ("— Adm. Jane Roe, commander, ...") that follows a quotation's
    paragraph, if that is what follows it."""
    line = _plain(text[para_end : para_end + 300].lstrip("\n").split("\n", 1)[0])
    credit = _CREDIT_LINE.match(line)
    return clean_name(credit.group("name")) if credit else None


def _unclosed(paragraph: str) -> bool:
    """Whether a quotation opened in `paragraph` is still open at its end."""
    if "“" in paragraph:
        return paragraph.rfind("“") > paragraph.rfind("”")
    return paragraph.count('"') % 2 == 1


# A news page's long quotation runs over paragraphs, each opening on a quotation mark and only
# the last closing it, where its attribution stands: "“... .\n\n“...,” she said."
_PARAGRAPH = regexes.lazy(r"\n[ \t]*\n")


def _closing(text: str, para_end: int) -> str | None:
    """What follows the close of a quotation that runs on from the paragraph ending at
    `para_end`: the attribution of its last paragraph, or None when it does not run on."""
    paragraphs = _PARAGRAPH.split(text[para_end : para_end + 8000].strip(), maxsplit=7)[:7]
    for paragraph in paragraphs:
        paragraph = _plain(paragraph.strip())
        if not paragraph.startswith(("“", '"')):
            return None
        if not _unclosed(paragraph):
            close = max(paragraph.rfind("”"), paragraph.rfind('"'))
            return paragraph[close:]
    return None


# An excerpt opening on someone's view: "In his view, ...", "According to her, ...".
_IN_THEIR_VIEW = regexes.lazy(
    r"\s*(?:In (?:his|her) (?:view|opinion|words|assessment|account)|According to (?:him|her))\b"
)
# The tense of indirect speech: "X said the berth would open in 2027. The cranes would come ..."
_BACKSHIFT = regexes.lazy(r"\b(?:would|could|might|had to|(?:was|were) going to)\b")
_NO_COMMENT = regexes.lazy(r"\b(?:comment|respond|reply|declin\w*)\b")
_SENTENCES = regexes.lazy(r"(?<=[.!?])[”\"’)]*\s+(?=[“\"‘]?[A-Z])")


def _running_on(lead: str, plain: str) -> str | None:
    """Who an excerpt's paraphrase is, when every sentence of it, and each before it in its
    paragraph back to an attribution ("Le Van Hung said the berth would open"), is indirect
    speech; None when a sentence between is the page's own ("The port was begun in 2019.")."""
    sentences = [x for x in _SENTENCES.split(plain) if x.strip()]
    if not sentences or quoted(plain) or not all(_BACKSHIFT.search(x) for x in sentences):
        return None
    if _NO_COMMENT.search(plain):
        return None  # "The company would not comment": the reporter's, not the speaker's
    for sentence in reversed([x for x in _SENTENCES.split(lead) if x.strip()]):
        name = named_in(sentence)
        if name:  # "Ms. Osei presented the results. Three sites had been located ..."
            return name
        if not _BACKSHIFT.search(sentence):
            return None
    return None
