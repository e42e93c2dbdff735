"""The composed deck as readable plain text, for `briefing compose` in a terminal or a pipe."""

from __future__ import annotations

import textwrap

from briefing.deck import Deck


def render(deck: Deck, width: int = 88) -> str:
    """Title block, then each slide with its bullets and numbered, attributed quotations."""
    lines = [deck.title.upper()]
    for extra in (deck.subtitle, deck.presenter, deck.date and f"{deck.date:%d %B %Y}"):
        if extra:
            lines.append(str(extra))
    if deck.marking:
        lines.append(f"[{deck.marking}]")
    for number, slide in enumerate(deck.slides, 1):
        lines += ["", "=" * width, f"{number}. {slide.title}"]
        if slide.theme_title:
            lines.append(f"   theme: {slide.theme_title} ({slide.theme})")
        if slide.bullets:
            lines.append("")
        for bullet in slide.bullets:
            lines += _fill(width, bullet, initial_indent="  • ", subsequent_indent="    ").split(
                "\n"
            )
        for n, excerpt in enumerate(slide.excerpts, 1):
            quote = " ".join(excerpt.display_text().split())
            pin = " (pinned)" if excerpt.pinned else ""
            lines.append("")
            lines += _fill(
                width,
                f"\u201c{quote}\u201d",
                initial_indent=f"  {n}.".ljust(6),
                subsequent_indent="      ",
            ).split("\n")
            ref = f"[{excerpt.ref}] " if excerpt.ref else ""
            lines.append(f"      \u2014 {ref}{excerpt.attribution()}{pin}")
        for warning in slide.warnings:
            lines.append(f"  ! {warning}")
    cited = deck.cited_sources
    if cited:
        lines += ["", "=" * width, "Sources", ""]
        for n, source in enumerate(cited, 1):
            lines += _fill(
                width, source.full_citation(), initial_indent=f"  [{n}] ", subsequent_indent="    "
            ).split("\n")
    return "\n".join(lines) + "\n"


def _fill(width: int, text: str, *, initial_indent: str, subsequent_indent: str) -> str:
    return textwrap.fill(
        text, width, initial_indent=initial_indent, subsequent_indent=subsequent_indent
    )
