"""What a saved page carries inline that is never text, cut before the page is parsed.

A page saved whole (a browser's "single file" save, SingleFile) holds its pictures and fonts as
data: URIs, its styles and scripts in the page; a site's page often holds its state as a script
of JSON. libxml2 in its default mode dropped everything after such a value over 10 MB (an 11 MB
picture lost the text after it, a 12 MB script the whole article); `html_parse` now lifts that
limit, and this keeps such a page cheap: parsed whole, a 40 MB page took 2.6 s and 400 MB, cut
first 0.7 s and 170 MB. The payload of any inline data (a picture is no text) and the body of
a big script or style sheet go; structured metadata (a JSON-LD script) is kept: it states the
page's author and date.
"""

from __future__ import annotations

import re

BIG_BODY = 1 << 20  # a script or style sheet past this is emptied (libxml2 stops at 10 MB)
DATA_PAYLOAD = 1024  # shorter inline data is kept as it is (icons; nothing to gain)

# The payload of a data: URI, after its media type and comma, up to its quote, space or ")".
# It opens on the literal, which `re` finds by a fast scan (a look-behind first made it try
# every position: 1.8 s for 40 MB of prose); `_cut` checks the character before it.
_INLINE_DATA = re.compile(
    r"data:[\w.+/-]{0,100}(?:;[\w.+=-]{0,100}){0,8},"
    rf"[^\"'\s<>)]{{{DATA_PAYLOAD},}}"
)
_OPENING = re.compile(r"<(script|style)(?=[\s/>])([^>]*)>", re.IGNORECASE)
_CLOSING = {
    "script": re.compile(r"</script", re.IGNORECASE),
    "style": re.compile(r"</style", re.IGNORECASE),
}
_JSON_LD = re.compile(r"""type\s*=\s*["']?application/ld\+json""", re.IGNORECASE)


def without_inline_payloads(markup: str) -> str:
    """`markup` with every inline data payload of DATA_PAYLOAD characters or more cut (its
    "data:...;base64," prefix kept), and the body of every script or style sheet longer than
    BIG_BODY emptied, JSON-LD aside. A page with none is returned as it is."""
    if len(markup) > DATA_PAYLOAD and "data:" in markup:
        markup = _INLINE_DATA.sub(_cut, markup)
    if len(markup) <= BIG_BODY:
        return markup
    pieces, at = [], 0
    for opening in _OPENING.finditer(markup):
        if opening.start() < at:
            continue  # inside a body already passed over
        closing = _CLOSING[opening.group(1).lower()].search(markup, opening.end())
        end = closing.start() if closing else len(markup)
        if end - opening.end() > BIG_BODY and not _JSON_LD.search(opening.group(2)):
            pieces.append(markup[at : opening.end()])
            at = end
        else:
            pieces.append(markup[at:end])
            at = end
    pieces.append(markup[at:])
    return "".join(pieces)


def _cut(match: re.Match[str]) -> str:
    """A data: URI up to its comma; unchanged where "data:" ends a longer word ("metadata:")."""
    at = match.start()
    before = match.string[at - 1] if at else " "
    if before.isalnum() or before in "_-":
        return match.group()
    return match.group()[: match.group().index(",") + 1]
