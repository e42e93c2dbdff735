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
from briefing.compose.interview import interview_answer
from briefing.compose.names import APPOSITIVE, CAP, NAME, TITLES, clean_name
from briefing.compose.reported import reported_body
from briefing.compose.transcript import speech_speaker, turn_speaker

_VERBS = (
    r"(?:said|says|told|tells|added|adds|argued|argues|noted|notes|warned|warns|stressed"
    r"|wrote|writes|explained|insisted|acknowledged|announced|declared|recalled|urged|asked"
    r"|stated|pledged|promised|vowed|committed|advocated|pressed|emphasi[sz]ed|suggested"
    r"|cautioned|contended|maintained|predicted|believes|observed|recommended|proposed"
    r"|described|describes|(?:raised|raises|expressed|expresses|voiced|voices)\s+concerns?"
    r"|tweeted|(?:posted|posts)\s+(?:on|to)\b|urges|insists|stresses"
    r"|call(?:s|ed)\s+(?:on|for)\b|reported(?=\s+that\b|\s*,)"
    r"|(?:was|were|is)\s+quoted\s+(?:[\w-]+\s+){0,4}?as\s+saying)"
)
# A descriptive speaker: "a Western diplomat involved in the talks", "the two leaders".
_ROLES = (
    r"(?:diplomat|official|spokesperson|spokesman|spokeswoman|analyst|expert|minister"
    r"|ambassador|lecturer|researcher|economist|leader|source|executive|adviser|advisor"
    r"|engineer|farmer|resident|villager|worker|veteran|officer|ministry|government|statement"
    r"|observer|critic|activist|lawmaker|legislator|scholar|academic|letter|petition"
    r"|submission|communiqu[ée]|embassy|consulate|agency|department|commission|committee|council|company"
    r"|institute|association|organi[sz]ation|authority|administration|authorities|lawyer|attorney"
    r"|supporter|relative|report|study|survey|office|director|chief|head|envoy|representative"
    r"|commander|professor|fellow|president|chair(?:man|woman)?|secretary|governor|mayor"
    r"|senator|founder|editor|correspondent|journalist|blogger|owner|manager|trader|group)s?"
)
_ADVERB = (
    r"(?:(?:have|has|had)\s+)?(?:(?:long|also|repeatedly|previously|often|publicly|\w+ly)\s+)?"
    r"(?:on\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+)?"  # "the ministry on Thursday said"
)
_SUBJECT_VERB = regexes.lazy(rf"(?<![\w’'])(?P<name>{NAME}){APPOSITIVE}\s+{_ADVERB}{_VERBS}\b")
_ROLE_VERB = regexes.lazy(
    rf"\b(?P<name>(?:[Aa]n?|[Tt]he|[Oo]ne)\s+(?:[\w.’'-]+\s+){{0,3}}{_ROLES}"
    rf"(?:\s+(?:at|of|in|for|with|from|involved|close|familiar)\s+(?:[\w’'-]+\s+){{0,6}}?)?)"
    rf"{APPOSITIVE}\s*{_ADVERB}{_VERBS}\b"
)
# "industry groups", "foreign investors": one lower-case word before the role, not a clause's.
_MODIFIER = (
    r"(?:(?!(?:that|and|but|as|while|what|how|because|if|when|where|which|who|so|or|though"
    r"|although|since|than|the|a|an|of|in|on|at|to|for|with|by|from)\s)[a-z][\w’'-]*\s+)?"
)
# "U.S. officials said", "Chinese diplomats told", "officials and diplomats said",
# "Vietnam's foreign ministry said".
_GROUP_VERB = regexes.lazy(
    rf"(?<![\w’'])(?P<name>(?:{CAP}\s+){{0,3}}{_MODIFIER}{_ROLES}(?:\s+and\s+{_ROLES})?)"
    rf"{APPOSITIVE}\s+{_ADVERB}{_VERBS}\b"
)
# Plural voices in the present: "Analysts say", "Farmers in the delta say", "The senators
# also urge". Only after a plural role, where a bare verb cannot be anything but the report.
_PLURAL_VERBS = (
    r"(?:say|tell|warn|argue|write|urge|insist|contend|predict|caution|note|acknowledge"
    r"|complain|claim)"
)
_PLURAL_ROLES = (
    r"(?i:diplomat|official|analyst|expert|minister|ambassador|researcher|economist|leader"
    r"|source|executive|adviser|advisor|engineer|farmer|resident|villager|worker|veteran"
    r"|officer|observer|critic|activist|lawmaker|legislator|scholar|academic|senator|group"
    r"|investor|firm)s"
)
_PLURAL_VERB = regexes.lazy(
    rf"(?<![\w’'])(?P<name>(?:(?i:the|many|some|most|several|other)\s+(?:[\w’'-]+\s+){{0,2}}?)?"
    rf"(?:{CAP}\s+){{0,3}}(?:{_PLURAL_ROLES}\s+and\s+)?{_MODIFIER}{_PLURAL_ROLES}"
    rf"(?:\s+(?:in|at|of|from|for|with)\s+(?:[\w’'-]+\s+){{0,4}}?[\w’'-]+)?)"
    rf"{APPOSITIVE}\s+{_ADVERB}{_PLURAL_VERBS}\b"
)
# "The ministry rejected the claim, saying ...": the clause's subject says it. Only from the
# start of a sentence, so the subject is the one doing the saying.
_PARTICIPLES = (
    r"(?:saying|urging|advocating|(?:adding|arguing|warning|noting|insisting|stressing"
    r"|claiming)\s+(?:that\b|[“\"]))"
)
_SAYING = regexes.lazy(
    rf"(?:^|(?<=[.!?]\s)|(?<=[.!?][”\"]\s))(?P<name>(?:[Tt]he\s+)?(?:{CAP}\s+){{0,3}}"
    rf"{_MODIFIER}{_ROLES}|(?!(?:The|A|An)\s+[a-z]){NAME})\s+[^.,;:\"“”]{{3,160}}?"
    rf"(?:,\s+{_PARTICIPLES}|\s+by\s+{_PARTICIPLES})",
    re.M,
)
# "..., said Jane Roe." / "said Jane Roe, a ..." / "said Jane Roe of ...": the name ends there;
# in "..., said Hanoi's main concern was ..." or "said Hanoi would ..." it is the report's subject.
# A role's lower-case words before a name: "said economist Nguyen Duc Thanh", never a clause's
# ("said in Hanoi.", "said that Hanoi ...").
_ROLE_WORDS = (
    r"(?:(?:the\s+)?(?:(?!(?:the|an?|that|in|on|at|to|for|by|with|from|of|and|but|as|after|before"
    r"|during|when|while|if|it|its|his|her|their|this|last|next|data|figures)\b)[a-z][\w-]*\s+)"
    r"{1,2})?"
)
_VERB_NAME = regexes.lazy(
    rf"[,”\"]\s*{_VERBS}\s+{_ROLE_WORDS}(?P<name>{NAME})(?<![’']s)"
    r"(?=[,.;:!?)”\"]|\s*$|\s+(?:of|from|at|in|on|who|with)\b)"
)
# "according to the U.S. embassy": an initialism's full stops do not end the name.
_ACCORDING = regexes.lazy(
    rf"\b[Aa]ccording to {_ROLE_WORDS}"
    rf"(?P<name>{NAME}|(?:an?|the)\s+(?:(?:[A-Z]\.)+|[^,.;]){{3,80}}?)"
    r"(?=[,.;])"
)
_PRONOUN_VERB = regexes.lazy(
    rf"(?:^|[,”\"]\s*|[.!?]\s+)(?:he|she|He|She)\s+{_VERBS}\b|{_VERBS}\s+(?:he|she)\b"
    rf"|(?:^|[,.]\s*)(?:he|she|He|She)\s+[^.,;:\"“”]{{3,160}}?,\s+{_PARTICIPLES}"
)
_PRONOUN = regexes.lazy(r"\b(?:[Hh]e|[Ss]he)\b")  # what `_PRONOUN_VERB` needs, cheap to compile
_DOCUMENT = regexes.lazy(
    r"\b(joint (?:[\w-]+[’']?\s+)?(?:statement|declaration|communiqu[ée])|communiqu[ée]"
    r"|open letter)\b",
    re.I,
)
_A_DOCUMENT = regexes.lazy(r"\b(?:letter|petition|submission|statement|declaration)s?$", re.I)
# "Amnesty International, Human Rights Watch and 11 other groups urged": every signatory.
_LIST_VERB = regexes.lazy(
    rf"(?<![\w’'])(?P<name>{NAME}(?:,\s+{NAME})+,?\s+and\s+(?:{NAME}|(?:\d+|[a-z]+)\s+"
    r"(?:[a-z-]+\s+){0,2}?(?:groups|organi[sz]ations|NGOs|others|charities|unions|bodies)))"
    rf"\s+{_ADVERB}{_VERBS}\b"
)
# A pull quote's credit after a dash: "“We cannot eat sovereignty.” — Dang Van Hieu, fisherman".
_DASH_CREDIT = regexes.lazy(rf"[”\"]\s*[—–]\s*(?P<name>{NAME})")
# "a statement from the Indonesian navy": the document's issuer speaks, by the document.
_FROM_DOCUMENT = regexes.lazy(
    r"(?i:an?|the|its|their)\s+(?:[\w-]+\s+)?(?P<doc>statement|letter|report|post|communiqu[ée])"
    r"\s+(?:(?:issued|released|published|posted)\s+)?(?:from|by)\s+(?P<issuer>.+)"
)
# A place that ends a role before the person's name: "Beijing's ambassador to Manila, Huang".
_OF_ROLE = regexes.lazy(r"\b[a-z]+\s+(?:to|of|for|in|at)\s+$")
_ARTICLE = regexes.lazy(r"(?i:the|an?|its|their)\s+")
# "State media quoted Defence Minister Phan Van Giang as saying": the one quoted.
_QUOTED_AS = regexes.lazy(rf"\bquot(?:ed|ing)\s+(?P<name>{NAME})\s+as\s+saying\b")
# "The statement, issued by the Vietnamese embassy, said": the issuer, by its document.
_ISSUED = regexes.lazy(
    r",\s*(?:issued|released|published|signed|sent|posted)\s+by\s+(?P<issuer>[^,;:“”\"]{3,80}),"
)
# "People familiar with the matter said": the unnamed sources a wire story relies on.
_FAMILIAR = regexes.lazy(
    r"\b(?P<name>(?:[Pp]eople|[Ss]ources|[Oo]fficials|[Dd]iplomats)\s+(?:familiar\s+with"
    r"|close\s+to|briefed\s+on|with\s+knowledge\s+of)\s+[^,.;:]{3,60}?)\s+(?:said|say|told)\b"
)
# A proper name alone in an appositive: "China's foreign ministry spokesman, Lin Jian, said".
_NAMED_APPOSITIVE = regexes.lazy(rf",\s*(?P<name>{CAP}(?:\s+{CAP}){{1,3}}),")
_OPENING_QUOTE = regexes.lazy(r"^\s*[\"“‘]")


def _with_document(name: str, clause: str) -> str:
    """ "The United States" said "in its joint statement": credit the statement too."""
    doc = _DOCUMENT.search(clause)
    if doc is None or _A_DOCUMENT.search(name):
        return name  # "The letter notes that the joint statement ...": the letter speaks
    label = _label(doc.group(1))
    return name if label in name.lower() else f"{name} ({label})"


def _label(document: str) -> str:
    """ "joint leaders' statement" -> "joint statement"; "Communiqué" -> "communiqué"."""
    low = document.lower()
    return "joint " + low.split()[-1] if low.startswith("joint") else low


# "if Vietnam says no", "unless Hanoi said so": a hypothetical, not reported speech.
_HYPOTHETICAL = regexes.lazy(r"\b(?:if|when|unless|whether|until|once|should)\s+$", re.I)
_NOT_SPEECH = regexes.lazy(r"\s+(?:no|yes|so|goodbye)(?=\s*(?:[.,;:!?”\"]|$|to\b|when\b|if\b))")
# "Hanoi has asked Washington for market economy status": a request, not reported speech.
_REQUEST = regexes.lazy(r"\s+(?:[\w’'.-]+\s+){0,4}?for\b")


_QUOTED = regexes.lazy(r"“[^“”]*”|\"[^\"]*\"")


def _quoted(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _QUOTED.finditer(text)]


# Each reader with the words a text must hold for it to match at all (single words, as a line
# may break between two): a pattern no text of a run needs is never compiled (see
# `regexes.Lazy`), and most pages quote no one "according to" and no pull quote.
_ALWAYS: tuple[str, ...] = ()
_PATTERNS: tuple[tuple[regexes.Lazy, tuple[str, ...]], ...] = (
    (_SUBJECT_VERB, _ALWAYS),
    (_ROLE_VERB, _ALWAYS),
    (_GROUP_VERB, _ALWAYS),
    (
        _PLURAL_VERB,
        tuple("say tell warn argue write urge insist contend predict caution".split())
        + tuple("note acknowledge complain claim".split()),
    ),
    (
        _SAYING,
        tuple("saying urging advocating adding arguing warning noting".split())
        + tuple("insisting stressing claiming".split()),
    ),
    (_VERB_NAME, _ALWAYS),
    (_LIST_VERB, ("and",)),
    (_DASH_CREDIT, ("—", "–")),
    (_FAMILIAR, ("familiar", "close", "briefed", "knowledge")),
    (_QUOTED_AS, ("quot",)),
    (_ACCORDING, ("ccording",)),
)


def named_in(text: str) -> str | None:
    """The speaker named in a stretch of text, or None: the first clear attribution outside
    quotation marks (inside them, "Our customers asked us" is the quote, not its speaker)."""
    found: list[tuple[int, str, int, int]] = []
    quoted = _quoted(text)
    for pattern, needs in _PATTERNS:
        if needs and not any(word in text for word in needs):
            continue
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
            name = clean_name(_credited(text, pattern, match))
            if name:
                found.append((match.start(), name, match.end(), _place(text, match)))
    if not found:
        return None
    start, name, end, _ = _governing(text, found)
    if re.fullmatch(r"(?i)the (?:statement|declaration)", name):
        # "the statement said": the statement named earlier ("the joint leaders' statement")
        earlier = list(_DOCUMENT.finditer(text, 0, start))
        if earlier:
            return _label(earlier[-1].group(1))
    before = text[max(0, start - 40) : end + 60]
    return _with_document(name, before)


def _credited(text: str, pattern: regexes.Lazy, match: re.Match[str]) -> str:
    """The name a match credits: the person a role names in commas ("the ministry's
    spokesman, Lin Jian, said"), a document's issuer ("a statement from the navy")."""
    name = match.group("name")
    if pattern in (_ROLE_VERB, _GROUP_VERB, _PLURAL_VERB) or _OF_ROLE.search(
        text, 0, match.start("name")
    ):
        person = _NAMED_APPOSITIVE.match(text, match.end("name"))
        if person is not None and person.end() <= match.end():
            return person.group("name")
    document = _A_DOCUMENT.search(name)
    if document is not None and (issued := _ISSUED.match(text, match.end("name"))) is not None:
        return f"{issued.group('issuer')} ({document.group().lower()})"
    the = _ARTICLE.match(name) if pattern is _ACCORDING else None
    if the is not None and (doc := _DOCUMENT.match(name, the.end())) is not None:
        return _label(doc.group(1))  # "according to the joint communiqué issued after ..."
    if pattern is _ACCORDING and (issued := _FROM_DOCUMENT.fullmatch(name)) is not None:
        return f"{issued.group('issuer')} ({issued.group('doc').lower()})"
    return name


# An attribution that closes its sentence: "..., a State Department official said on Tuesday."
_CLAUSE_BEFORE = regexes.lazy(r"[,”\"]\s*$")
_SENTENCE_REST = regexes.lazy(r"(?:\s+(?!that\b)[\w’'.-]+){0,6}?\s*(?:[.!?;]|$)")
_SENTENCE_BREAK = regexes.lazy(r"[.!?][”\"’)]*\s+[“\"‘]?[A-Z]")


OPENS, AFTER_CLAUSE, CLOSES = 0, 1, 2


def _place(text: str, match: re.Match[str]) -> int:
    """Where an attribution stands in its sentence: opening it ("X said ..."), after a clause
    or quotation ("“...,” X told lawmakers, ..."), or closing it ("..., X said.")."""
    if text[match.start()] not in ',”"' and not _CLAUSE_BEFORE.search(text, 0, match.start()):
        return OPENS
    return CLOSES if _SENTENCE_REST.match(text, match.end()) else AFTER_CLAUSE


def _governing(text: str, found: list[tuple[int, str, int, int]]) -> tuple[int, str, int, int]:
    """The first attribution, unless its sentence closes on one of its own ("Hanoi has told
    Washington it ..., an official said"): the closing one says whose report the rest is."""
    first = min(found)
    if first[3] != OPENS:  # "“...,” X told lawmakers, according to a transcript"
        return first
    for candidate in sorted(found):
        start = candidate[0]
        if start > first[0] and candidate[3] == CLOSES:
            if _SENTENCE_BREAK.search(text, first[2], start) is None:
                return candidate
            break
    return first


def _last_named(text: str) -> str | None:
    """The last person named as a speaker in `text` (for "he said" after it)."""
    last = None
    for pattern in (_SUBJECT_VERB, _VERB_NAME, _ROLE_VERB):
        for match in pattern.finditer(text):
            name = clean_name(_credited(text, pattern, match))
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
    named = None
    for pattern in (_SUBJECT_VERB, _VERB_NAME):
        for match in pattern.finditer(before):
            name = clean_name(match.group("name"))
            if name and (named is None or match.start() > named[0]):
                named = (match.start(), name)
    person = _last_person(before)
    options = [o for o in (named, person) if o]
    return max(options)[1] if options else None


def _introduced(match: re.Match[str]) -> str | None:
    """The person a `_PERSON` match introduces, without a sentence's end before the name."""
    name = clean_name(match.group("titled") or match.group("comma") or match.group("aged"))
    return clean_name(_SENTENCE_WORD.split(name)[-1]) if name else None


# "Intro. Tran Van Hanoi": a sentence's last word and its stop are no part of the name after it.
_SENTENCE_WORD = regexes.lazy(rf"\b(?!{TITLES}\.)\w{{3,}}\.\s+")


def _known_as(word: str, earlier: str) -> str:
    """ "Lan said": the one person introduced earlier whose name ends so ("Nguyễn Thị Lan")
    or begins so ("Lin Jian", then "Lin said"); the word as it is when none or two are."""
    people = {_introduced(m) for m in _PERSON.finditer(earlier) if not m.group("titled")}
    people |= {clean_name(m.group("name")) for m in _SUBJECT_VERB.finditer(earlier)}
    names = {_SENTENCE_WORD.split(p)[-1] for p in people if p}
    fits = {n for n in names if " " in n and word in (n.split()[0], n.split()[-1])}
    return fits.pop() if len(fits) == 1 else word


_BARE_ROLE = regexes.lazy(rf"(?i)the\s+(?P<noun>{_ROLES})")


_TITLED = regexes.lazy(rf"(?:{TITLES}\.?\s+)+(?P<last>{CAP})")


def _fuller(name: str, before: str, earlier: str = "") -> str:
    """ "The embassy said": the body named in full just before ("the U.S. embassy"), if any;
    "Gen. Hai said": the person named in full `earlier` ("Nguyen Van Hai"), whose name ends
    so (a page names a person in full once, then by title and one name)."""
    bare = _BARE_ROLE.fullmatch(name) if name[:4].lower() == "the " else None
    if bare is None:
        titled = _TITLED.fullmatch(name)
        if titled is None:
            return _known_as(name, earlier) if " " not in name else name
        last = re.escape(titled.group("last"))
        full = re.findall(
            regexes.cheap(rf"(?<![\w.’'-])((?:{CAP}\s+){{1,3}}{last})(?![\w’'-])"), earlier
        )
        full = [f for f in full if clean_name(f) and _TITLED.fullmatch(f) is None]
        return full[-1] if full else name
    noun = re.escape(bare.group("noun"))
    named = re.findall(
        regexes.cheap(
            rf"\b(?:[Tt]he\s+(?:(?!(?:the|a|an)\s)[\w.’'-]+\s+){{1,3}}?(?i:{noun})"
            rf"|(?:{CAP}\s+){{1,4}}(?i:{noun}))\b"
        ),
        before,
    )
    return named[-1] if named else name


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
        return _voice(said, turn)
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
    pronoun = _PRONOUN_VERB.search(plain) if _PRONOUN.search(plain) else None
    if pronoun and not named_in(plain):  # "He said", after whoever was named before it
        return _referent(before + plain[: pronoun.start()])
    name = named_in(plain)
    if name:
        return name
    if not _OPENING_QUOTE.match(plain):
        return _running_on(lead, plain)
    # A quotation with no attribution of its own: the rest of its paragraph, then before it.
    after = _plain(text[end:para_end])
    if _PRONOUN.search(after[:80]) and _PRONOUN_VERB.search(after[:80]):
        return _referent(before)
    return named_in(after[:200]) or _last_named(before[-1500:])


# The tense of indirect speech: "X said the berth would open in 2027. The cranes would come ..."
_BACKSHIFT = regexes.lazy(r"\b(?:would|could|might|had to|(?:was|were) going to)\b")
_SENTENCES = regexes.lazy(r"(?<=[.!?])[”\"’)]*\s+(?=[“\"‘]?[A-Z])")


def _running_on(lead: str, plain: str) -> str | None:
    """Who an excerpt's paraphrase is, when every sentence of it, and each before it in its
    paragraph back to an attribution ("Le Van Hung said the berth would open"), is indirect
    speech; None when a sentence between is the page's own ("The port was begun in 2019.")."""
    sentences = [x for x in _SENTENCES.split(plain) if x.strip()]
    if not sentences or _quoted(plain) or not all(_BACKSHIFT.search(x) for x in sentences):
        return None
    for sentence in reversed([x for x in _SENTENCES.split(lead) if x.strip()]):
        if not _BACKSHIFT.search(sentence):
            return None
        name = named_in(sentence)
        if name:
            return name
    return None
