"""A web page's title without the site's name a browser shows after it ("... | AP News").

A page printed to PDF by a browser carries its `<title>`, which most sites end with their own
name; cited as it is, the title repeats the publisher ("Biden in Hanoi | AP News, AP News").
The name is taken off only when it names the page's own address: "AP News" on apnews.com,
"Nikkei Asia" on asia.nikkei.com, "CFR" or "Council on Foreign Relations" on cfr.org. A
title that merely has a dash in it ("Vietnam - US ties deepen") keeps it, as does any
title whose address is unknown or a bare IP address.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

SEPARATORS = (" | ", " - ", " – ", " — ", " · ", " :: ")
MAX_NAME_WORDS = 6
_GENERIC = frozenset("www www2 m amp en edition news com co org net gov edu ac int".split())
_SMALL = frozenset("of on the for and in at to &".split())
_WORD = re.compile(r"[^\W_]+")


def split_site_name(title: str | None, url: str | None) -> tuple[str | None, str | None]:
    """(the title without the site's name, the name) when the title ends with a name of the
    site at `url`; else (title, None)."""
    if not title or not url:
        return title, None
    labels = _labels(url)
    if not labels:
        return title, None
    cuts = sorted(((title.rfind(sep), sep) for sep in SEPARATORS), reverse=True)
    for at, separator in cuts:  # the last separator first: the name is what ends the title
        head, tail = title[:at].strip(), title[at + len(separator) :].strip()
        if at > 0 and head and _names(tail, labels):
            return head, tail
    return title, None


def _labels(url: str) -> list[str]:
    """The parts of the address's host that can name a site ("apnews", "asia", "nikkei")."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return []
    parts = host.lower().split(".")
    if len(parts) < 2 or all(part.isdigit() for part in parts):
        return []  # no name in "localhost" or "127.0.0.1"
    return [p for p in parts[:-1] if len(p) >= 3 and p not in _GENERIC]


def _names(tail: str, labels: list[str]) -> bool:
    words = _WORD.findall(tail.lower())
    if not words or len(words) > MAX_NAME_WORDS:
        return False
    letters = "".join(words)
    initials = "".join(w[0] for w in words if w not in _SMALL)
    return any(
        label in (letters, initials) or letters.startswith(label) or letters.endswith(label)
        for label in labels
    )
