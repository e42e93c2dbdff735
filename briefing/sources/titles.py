"""A title before a name never ends a sentence: "... adviser to Sen. Peter Welch" is one
sentence, though syntok splits after some titles."""

from __future__ import annotations

import re

from briefing.sources.span import Span

# Titles and honorifics that stand before a name and never end a sentence there: "Sen. Peter
# Welch", "Lt. Col. Nguyen", "St. Louis". syntok splits after some of them.
TITLES = frozenset(
    """sen rep gov gen lt col adm amb prof mr mrs ms dr st sgt capt maj cmdr pres sec jr sr
    messrs mme mlle rev fr hon gens sens reps lieut brig cpl pvt insp supt det""".split()
)
# Not after a letter or a full stop ("U.S."), so also at a paragraph's start and inside
# markdown emphasis ("**Lt. Gen. Nguyen Van Hai**").
_ENDS_ON_TITLE = re.compile(r"(?<![\w.’'])([A-Z][a-z]{0,4})\.$")
# How far from a sentence's end a match can start: its six characters and the newline `$`
# may stand before. Searched from there, not from the sentence's start (the look-behind still
# sees the characters before), the search finds the same title without trying every position.
_TITLE_REACH = 7
# Words that open a new sentence after "Jr." or "St." rather than continue a name.
_OPENERS = frozenset(
    """the a an he she it they we i you this that these those his her its their our in on at
    but and or so yet however meanwhile there here when while if as after before for""".split()
)
_NEXT_WORD = re.compile(r"[\"“‘'(\[]*([A-Z][\w'’-]*)")


def join_titles(text: str, spans: list[Span]) -> list[Span]:
    """Merge a sentence that ends on a title ("... adviser to Sen.") with the name after it."""
    if len(spans) < 2:
        return spans
    out = [spans[0]]
    for span in spans[1:]:
        prev = out[-1]
        title = _ENDS_ON_TITLE.search(text, max(prev.start, prev.end - _TITLE_REACH), prev.end)
        nxt = _NEXT_WORD.match(text, span.start, span.end)
        if (
            title
            and title.group(1).lower() in TITLES
            and nxt
            and nxt.group(1).lower() not in _OPENERS
        ):
            out[-1] = Span(prev.start, span.end)
        else:
            out.append(span)
    return out
