"""The attribution readers' patterns compiled cheaply: wide characters set apart from their
classes match exactly what the classes matched, and a pattern is compiled on first use only."""

from __future__ import annotations

import re

import pytest

from briefing.compose import hansard, interview, regexes, reported, reporting, speaker, transcript
from briefing.compose.regexes import Lazy, cheap

_MODULES = (reporting, speaker, interview, hansard, reported, transcript)
_WIDE_CLASS = re.compile(r"(?<!\\)\[\^?\]?(?:\\.|[^\]\\])*[^\x00-\xff](?:\\.|[^\]\\])*\]")
TEXTS = (
    "“We will not sign,” said Nguyễn Thị Lan, the ministry’s spokesperson. “Not yet.”\n\n"
    "Vietnam’s foreign ministry on Thursday said the claims were baseless, a U.S. official "
    "told Reuters.\n\nMr. SMITH of New Jersey. Thank you.\n\n**LENA VOGT:** Why?\n\n"
    "The Minister for Asia (Mr Julian Pryce-Adeyemi): I would add that the Vietnamese "
    "authorities reject the framing; they say ‘no’ — Đỗ Minh Châu, economist",
)


def _patterns() -> list[tuple[str, Lazy]]:
    return [
        (f"{m.__name__}.{name}", value)
        for m in _MODULES
        for name, value in vars(m).items()
        if isinstance(value, Lazy)
    ]


@pytest.mark.parametrize(("name", "pattern"), _patterns())
def test_a_cheap_pattern_matches_what_its_source_matches(name, pattern):
    source = re.compile(pattern._source, pattern._flags)
    for text in TEXTS:
        for at in range(0, len(text), 7):
            old, new = source.match(text, at), pattern.match(text, at)
            assert (old and old.span()) == (new and new.span()), (name, at)
        old_all = [m.span() for m in source.finditer(text)]
        assert old_all == [m.span() for m in pattern.finditer(text)], name


@pytest.mark.parametrize(("name", "pattern"), _patterns())
def test_no_class_in_a_compiled_pattern_holds_a_wide_character(name, pattern):
    assert _WIDE_CLASS.search(cheap(pattern._source)) is None, name


def test_escapes_and_negated_classes_are_rewritten_as_they_read():
    assert cheap(r"\[’]") == r"\[’]"  # an escaped bracket opens no class
    assert cheap(r"[^,“”]") == "(?:(?!“{1}|”{1})[^,])"
    assert cheap(r"[\w’]") == r"(?:[\w]|’{1})"


def test_a_lazy_pattern_is_compiled_on_its_first_use():
    broken = regexes.lazy("(")  # an error shows when, not whether, it compiles
    with pytest.raises(re.error):
        broken.search("x")
