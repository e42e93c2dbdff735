"""Reporting clauses in a stretch of text: "X said", "said X", "X told Reuters", "according to
X", "a spokesperson for X said", a pull quote's dash, and which of them governs a sentence.
`named_in` reads one stretch; `speaker` decides which stretch an excerpt's speaker is named in.
"""

from __future__ import annotations

import re

from briefing.compose import regexes
from briefing.compose.names import APPOSITIVE, CAP, NAME, TITLES, clean_name

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
ROLES = (
    r"(?:diplomat|official|spokesperson|spokesman|spokeswoman|analyst|expert|minister"
    r"|ambassador|lecturer|researcher|economist|leader|source|executive|adviser|advisor"
    r"|engineer|farmer|resident|villager|worker|veteran|officer|ministry|government|statement"
    r"|observer|critic|activist|lawmaker|legislator|scholar|academic|letter|petition"
    r"|submission|communiqu[ée]|embassy|consulate|agency|department|commission|committee|council|company"
    r"|institute|association|organi[sz]ation|authority|administration|authorities|lawyer|attorney"
    r"|supporter|relative|report|study|survey|office|director|chief|head|envoy|representative"
    r"|commander|professor|fellow|president|chair(?:man|woman)?|secretary|governor|mayor"
    r"|senator|founder|editor|correspondent|journalist|blogger|owner|manager|trader|group"
    r"|delegation|delegate|court|tribunal|judge|panel|panellist|panelist|moderator|rapporteur)s?"
)
_ADVERB = (
    r"(?:(?:have|has|had)\s+)?(?:(?:long|also|repeatedly|previously|often|publicly|\w+ly)\s+)?"
    r"(?:on\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+)?"  # "the ministry on Thursday said"
)
SUBJECT_VERB = regexes.lazy(rf"(?<![\w’'])(?P<name>{NAME}){APPOSITIVE}\s+{_ADVERB}{_VERBS}\b")
# "The head of the delegation, Deputy Minister Do Hung Viet, said": the role's phrase may end
# on its appositive's comma as well as before the verb.
ROLE_VERB = regexes.lazy(
    rf"\b(?P<name>(?:[Aa]n?|[Tt]he|[Oo]ne)\s+(?:[\w.’'-]+\s+){{0,3}}{ROLES}"
    rf"(?:\s+(?:at|of|in|for|with|from|involved|close|familiar)(?:\s+[\w’'-]+){{1,7}}?)?)"
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
    rf"(?<![\w’'])(?P<name>(?:{CAP}\s+){{0,3}}{_MODIFIER}{ROLES}(?:\s+and\s+{ROLES})?)"
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
    rf"{_MODIFIER}{ROLES}|(?!(?:The|A|An)\s+[a-z]){NAME})\s+[^.,;:\"“”]{{3,160}}?"
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
VERB_NAME = regexes.lazy(
    rf"[,”\"]\s*{_VERBS}\s+{_ROLE_WORDS}(?P<name>{NAME})(?<![’']s)"
    r"(?=[,.;:!?)”\"]|\s*$|\s+(?:of|from|at|in|on|who|with)\b)"
)
# "according to the U.S. embassy": an initialism's full stops do not end the name.
_ACCORDING = regexes.lazy(
    rf"\b[Aa]ccording to {_ROLE_WORDS}"
    rf"(?P<name>{NAME}|(?:an?|the)\s+(?:(?:[A-Z]\.)+|[^,.;]){{3,80}}?)"
    r"(?=[,.;])"
)
PRONOUN_VERB = regexes.lazy(
    rf"(?:^|[,;”\"]\s*|[.!?]\s+)(?:he|she|He|She)\s+{_VERBS}\b|{_VERBS}\s+(?:he|she)\b"
    rf"|(?:^|[,.]\s*)(?:he|she|He|She)\s+[^.,;:\"“”]{{3,160}}?,\s+{_PARTICIPLES}"
)
PRONOUN = regexes.lazy(r"\b(?:[Hh]e|[Ss]he)\b")  # what `PRONOUN_VERB` needs, cheap to compile
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
# "The joint communiqué issued at the end of the round, which the delegations called the Da Lat
# Joint Communiqué, said": the document speaks, by the name the clause gives it if any.
_DOCUMENT_CLAUSE = regexes.lazy(
    r"\b(?P<name>[Tt]he\s+(?:joint\s+)?(?:[\w-]+\s+)?(?:communiqu[ée]|statement|declaration))"
    rf"\s+(?:issued|released|adopted|published|signed|agreed)\b[^.;:“”\"]{{0,160}}?,\s+{_VERBS}\b"
)
_TITLED_DOCUMENT = regexes.lazy(
    r"\b(?:[A-Z][\w’'-]*\s+){1,5}(?:Communiqu[ée]|Statement|Declaration)\b"
)
# "People familiar with the matter said": the unnamed sources a wire story relies on.
_FAMILIAR = regexes.lazy(
    r"\b(?P<name>(?:[Pp]eople|[Ss]ources|[Oo]fficials|[Dd]iplomats)\s+(?:familiar\s+with"
    r"|close\s+to|briefed\s+on|with\s+knowledge\s+of)\s+[^,.;:]{3,60}?)\s+(?:said|say|told)\b"
)
# A proper name alone in an appositive: "China's foreign ministry spokesman, Lin Jian, said",
# a title before it: "the head of the delegation, Deputy Minister Do Hung Viet, said".
_NAMED_APPOSITIVE = regexes.lazy(rf",\s*(?P<name>(?:{TITLES}\.?\s+)*{CAP}(?:\s+{CAP}){{1,3}}),")
# "“...,” the statement read.": a document's words, read out of it.
_DOCUMENT_READ = regexes.lazy(
    r"(?<![\w’'])(?P<name>[Tt]he\s+(?:[\w’'-]+\s+){0,3}?(?:statement|letter|communiqu[ée]"
    r"|declaration|notice|post|resolution|message))\s+(?:read|reads)\b(?!\s+(?:out|aloud|by)\b)"
)
# "as Ambassador Marc Knapper put it", "in the words of Carl Thayer", a press release's line
# "Quote from Jane Doe, chief executive:" (not "a quote from Ho Chi Minh hangs ..."): the one
# whose words follow or precede.
_PUT_IT = regexes.lazy(
    rf"(?:\b[Aa]s\s+(?P<name>{NAME})\s+(?:put|puts|phrased|phrases)\s+it\b"
    rf"|\b[Ii]n\s+the\s+words\s+of\s+{_ROLE_WORDS}(?P<words>{NAME})"
    rf"|(?m:^)[ \t*_]*(?:Quote|Quotes)\s+(?:from|attributable\s+to|by)\s+(?P<from>{NAME})"
    r"[^:\n]{0,160}:)"
)
OPENING_QUOTE = regexes.lazy(r"^\s*[\"“‘]")


def _with_document(name: str, clause: str) -> str:
    """ "The United States" said "in its joint statement": credit the statement too."""
    titled = _DOCUMENT.search(name)  # "The Joint Vision Statement noted": one by its title
    doc = titled or _DOCUMENT.search(clause)
    if doc is None or (titled is None and _A_DOCUMENT.search(name)):
        return name  # "The letter notes that the joint statement ...": the letter speaks
    label = _label(doc.group(1))
    return name if label in name.lower() else f"{name} ({label})"


def last_document(text: str) -> str | None:
    """The last joint statement, communiqué or open letter `text` names, by its label."""
    found = list(_DOCUMENT.finditer(text))
    return _label(found[-1].group(1)) if found else None


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


def quoted(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _QUOTED.finditer(text)]


# Each reader with the words a text must hold for it to match at all (single words, as a line
# may break between two): a pattern no text of a run needs is never compiled (see
# `regexes.Lazy`), and most pages quote no one "according to" and no pull quote.
_ALWAYS: tuple[str, ...] = ()
_PATTERNS: tuple[tuple[regexes.Lazy, tuple[str, ...]], ...] = (
    (SUBJECT_VERB, _ALWAYS),
    (ROLE_VERB, _ALWAYS),
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
    (VERB_NAME, _ALWAYS),
    (_LIST_VERB, ("and",)),
    (_DASH_CREDIT, ("—", "–")),
    (_FAMILIAR, ("familiar", "close", "briefed", "knowledge")),
    (_QUOTED_AS, ("quot",)),
    (_DOCUMENT_CLAUSE, ("ommuniqu", "tatement", "eclaration")),
    (_ACCORDING, ("ccording",)),
    (_PUT_IT, ("put", "puts", "phrase", "words", "uote")),
    (_DOCUMENT_READ, ("read",)),
)


def named_in(text: str) -> str | None:
    """The speaker named in a stretch of text, or None: the first clear attribution outside
    quotation marks (inside them, "Our customers asked us" is the quote, not its speaker)."""
    found: list[tuple[int, str, int, int]] = []
    spans = quoted(text)
    for pattern, needs in _PATTERNS:
        if needs and not any(word in text for word in needs):
            continue
        for match in pattern.finditer(text):
            at = max(match.start("name"), match.start())  # `_PUT_IT` names it elsewhere
            if any(s < at < e for s, e in spans):
                continue
            if _HYPOTHETICAL.search(text, max(0, match.start() - 10), match.start()):
                continue
            if _NOT_SPEECH.match(text, match.end()):
                continue
            if match.group().endswith("asked") and _REQUEST.match(text, match.end()):
                continue
            name = clean_name(credited(text, pattern, match))
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


def credited(text: str, pattern: regexes.Lazy, match: re.Match[str]) -> str:
    """The name a match credits: the person a role names in commas ("the ministry's
    spokesman, Lin Jian, said"), a document's issuer ("a statement from the navy")."""
    if pattern is _PUT_IT:
        return match.group("name") or match.group("words") or match.group("from")
    name = match.group("name")
    if pattern in (ROLE_VERB, _GROUP_VERB, _PLURAL_VERB) or _OF_ROLE.search(
        text, 0, match.start("name")
    ):
        person = _NAMED_APPOSITIVE.match(text, match.end("name"))
        if person is not None and person.end() <= match.end():
            return person.group("name")
    document = _A_DOCUMENT.search(name)
    if document is not None and (issued := _ISSUED.match(text, match.end("name"))) is not None:
        return f"{issued.group('issuer')} ({document.group().lower()})"
    if pattern is _DOCUMENT_CLAUSE:
        titled = _TITLED_DOCUMENT.search(match.group(), match.end("name") - match.start())
        return titled.group() if titled else _label(name.split(None, 1)[1])
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
