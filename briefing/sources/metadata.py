"""Extract title, author, publisher and date from a capture; leave a field None when unsure."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from briefing.sources.author_names import placeholder
from briefing.sources.segment import Span

_MONTHS = {
    m.lower(): i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        1,
    )
    for m in names
}
_MONTH = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"  # noqa: E501
_DATE_MDY = re.compile(rf"\b{_MONTH} (\d{{1,2}}),? (\d{{4}})\b")
_DATE_DMY = re.compile(rf"\b(\d{{1,2}}) {_MONTH},? (\d{{4}})\b")
_DATE_ISO = re.compile(r"\b(\d{4})[-/](\d{2})[-/](\d{2})(?!\d)")
_NAME = r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}"
_BYLINE = re.compile(rf"^By ({_NAME}(?:(?:,| and| &) {_NAME})*)(.*)$")
# "HANOI, Vietnam (AP) —", "TAIPEI (Taiwan News) –", "HANOI, Aug 22 (Reuters) -"
_DATELINE = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý .'-]{1,40}(?:,[^()]{1,40})?\s*\(([^)]{2,30})\)\s*[-–—]")
_AGENCIES = {
    "AP": "Associated Press",
    "AFP": "Agence France-Presse",
    "Reuters": "Reuters",
    "dpa": "dpa",
    "Bloomberg": "Bloomberg",
    "Xinhua": "Xinhua",
    "VNA": "Vietnam News Agency",
}
_JUNK_TITLE = re.compile(
    r"^(?:BILD|FOTO|Foto|Photo|PHOTO|Image|Credit|ALSO READ|READ MORE|Read more|Related"
    r"|Stay up to date|Sign in|Subscribe|Advertisement|ADVERTISEMENT|Share|Tags)\b"
    r"|/(?:AFP|AP|APA|POOL|Reuters)\b|\bGetty Images\b|©|\(Photo|^By [A-Z]|[|›»].*[|›»]",
)
_HONORIFIC = re.compile(r"^(?:Dr|Prof|Professor)\.? ([A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,3})$")
_SEPARATORS = re.compile(r"\s+[–—|-]\s+")
_MARKUP = re.compile(r"^#{1,6}\s+|[*_]{2}")
_DIGIT = re.compile(r"\d")


def extract(text: str, paras: list[Span], noise: dict[int, str]) -> dict[str, object]:
    """Best-effort metadata from a document's own lines: {title, author, publisher, date}."""
    lines = [" ".join(text[p.start : p.end].split()) for p in paras]
    meta: dict[str, object] = {
        "title": _title(lines, noise),
        "author": None,
        "publisher": None,
        "date": None,
    }
    after_byline: list[str] = []  # the lines just after the byline: where its date stands
    for i, line in enumerate(lines):
        # Each pattern runs only on lines that can hold it: most lines are prose.
        byline = _byline(line)
        honorific = _HONORIFIC.match(line) if line.startswith(("Dr", "Prof")) else None
        dateline = _DATELINE.match(line) if "(" in line else None
        if dateline and meta["publisher"] is None:
            agency = dateline.group(1).strip()
            meta["publisher"] = _AGENCIES.get(agency, agency)
        if byline and meta["author"] is None:
            name, rest = _split_name(byline.group(1), byline.group(2))
            people = _people(name)  # "By Admin" is a site's account: a later byline may name one
            meta["author"] = None if placeholder(people) else people
            parts = [p for p in _SEPARATORS.split(rest.strip(" –—|-")) if p]
            if parts and not _find_date(parts[0]):
                meta["publisher"] = parts[0]
            meta["date"] = _find_date(line) or meta["date"]
            after_byline = lines[i + 1 : i + 3]
        elif honorific and meta["author"] is None:
            meta["author"] = line
    if meta["date"] is None:
        # The first lines, then those after a byline further down (a printed page's menu and
        # banners come before it: "Updated 2:04 PM UTC, September 10, 2023").
        for line in lines[:8] + after_byline:
            if len(line.split()) <= 12 and (found := _find_date(line)):
                meta["date"] = found
                break
    return meta


def _byline(line: str) -> re.Match[str] | None:
    """The byline pattern's match on a line as it is or with its emphasis off; only a line
    opening with "B" or an emphasis mark can match either (lines arrive stripped)."""
    first = line[:1]
    if first == "B":
        return _BYLINE.match(line)
    if first in ("*", "_"):
        return _BYLINE.match(_emphasis_off(line))
    return None


def _people(names: str) -> str:
    """ "DAVID RISING and ANIRUDDHA GHOSAL" -> "David Rising and Aniruddha Ghosal": several
    authors stay together, shouting capitals are written as names."""
    words = [w for w in names.replace(",", " ").split() if w.lower() not in {"and", "&"}]
    if words and all(w.isupper() for w in words):
        names = " ".join(w.lower() if w.lower() == "and" else w.title() for w in names.split())
    return names.replace(" & ", " and ")


def _split_name(name: str, rest: str) -> tuple[str, str]:
    """ "Thanh Danh September 11, 2023" -> ("Thanh Danh", "September 11, 2023")."""
    words = name.split()
    for i, word in enumerate(words):
        if word.rstrip(".").lower() in _MONTHS:
            return " ".join(words[:i]), " ".join(words[i:]) + rest
    return name, rest


def _title(lines: list[str], noise: dict[int, str]) -> str | None:
    """The repeated headline if the page echoes it, else the first headline-shaped line."""

    def headline(line: str) -> bool:
        words = len(line.split())
        return (
            4 <= words <= 25
            and not line.endswith((".", ":", ","))
            and line[:1].isupper()  # a fragment starts lower-case
            and not _find_date(line)
            and not _JUNK_TITLE.search(line)
        )

    lines = [_unmark(line) for line in lines]

    repeated = Counter(line for line in lines if headline(line))
    echoed = [line for line, n in repeated.most_common() if n > 1]
    if echoed:
        return echoed[0]
    for i, line in enumerate(lines[:10]):
        if headline(line) and noise.get(i) not in {"navigation", "byline", "PDF link"}:
            return re.split(r"\s+By [A-Z]", _SEPARATORS.split(line)[0])[0]
    return None


def _emphasis_off(line: str) -> str:
    """ "*By Dr. Lan Pham*" -> "By Dr. Lan Pham": a report's byline set in italics or bold."""
    return re.sub(r"^([*_]{1,2})(\S.*?\S)\1$", r"\2", line.strip())


def _unmark(line: str) -> str:
    """A line without Markdown heading and emphasis marks, which never reach a citation."""
    if line.startswith("#") or "*" in line or "_" in line:
        line = _MARKUP.sub("", line)
    return line.strip()


def _find_date(line: str) -> dt.date | None:
    if _DIGIT.search(line) is None:  # every date pattern needs a digit; most lines have none
        return None
    for pattern, order in ((_DATE_MDY, "mdy"), (_DATE_DMY, "dmy"), (_DATE_ISO, "iso")):
        match = pattern.search(line)
        if not match:
            continue
        try:
            if order == "iso":
                return dt.date(int(match[1]), int(match[2]), int(match[3]))
            if order == "mdy":
                return dt.date(int(match[3]), _MONTHS[match[1].lower()], int(match[2]))
            return dt.date(int(match[3]), _MONTHS[match[2].lower()], int(match[1]))
        except (ValueError, KeyError):
            continue
    return None
