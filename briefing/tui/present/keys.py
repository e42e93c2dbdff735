"""Every key of the presentation in one table: the bindings, the `?` help screen and the
footer's hints are all generated from it, so they can never disagree."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Key:
    """One action: the Textual key names that trigger it, how help shows them, what it does."""

    keys: str  # comma-separated Textual key names
    shown: str  # how the help screen writes them
    action: str
    help: str
    hint: str = ""  # short footer label; empty: not in the footer
    rank: int = 99  # footer priority: lower ranks stay when the terminal is narrow
    in_help: bool = True  # False when a neighbouring entry already describes it


SLIDE_KEYS: tuple[Key, ...] = (
    Key("right,space,l,pagedown", "→ Space l PgDn", "next", "next slide", "next", 1),
    Key("left,h,pageup", "← h PgUp", "previous", "previous slide", "prev", 2),
    Key("home,g", "Home g", "first", "first slide (the title)"),
    Key("end,G", "End G", "last", "last slide"),
    Key("down,j", "↓ ↑ j k", "scroll_down", "scroll a long slide down / up"),
    Key("up,k", "↑ k", "scroll_up", "scroll a long slide up", in_help=False),
    Key("o", "o", "overview", "overview of all slides, to jump from", "overview", 4),
    Key("n", "n", "toggle_notes", "speaker notes panel", "notes", 3),
    Key("s", "s", "sources", "source view: the excerpts in their full paragraphs", "source", 3),
    Key("slash", "/", "search", "search every source (for questions)", "search", 5),
    Key("c", "c", "candidates", "candidates of a theme slide, to pin or exclude", "curate", 8),
    Key("t", "t", "toggle_timer", "timer: start / pause", "timer", 6),
    Key("T", "T", "reset_timer", "timer: reset to 00:00 (it restarts on the next slide)"),
    Key("J", "J K", "scroll_notes(1)", "scroll the notes down / up"),
    Key("K", "K", "scroll_notes(-1)", "scroll the notes up", in_help=False),
)

APP_KEYS: tuple[Key, ...] = (
    Key("C", "C", "cycle_theme", "colours: dark → light → high contrast", "colours", 7),
    Key("question_mark", "?", "help", "this help", "help", 0),
    Key("q", "q", "quit", "quit (asks first while the timer runs)", "quit", 0),
)

# Shown in help only: handled by the slide screen's key handler or by Textual itself.
OTHER_KEYS: tuple[tuple[str, str], ...] = (
    ("0-9 Enter", "go to slide number (0 is the title); Esc cancels"),
    ("Ctrl+P", "command palette: “Go to slide…”, “Search sources…”, colours…"),
    ("Esc", "close an overlay: help, overview, search, source view"),
)

SOURCE_KEYS: tuple[tuple[str, str], ...] = (
    ("← → Tab", "previous / next excerpt"),
    ("f", "whole source text, scrolled to the excerpt / back to paragraphs"),
    ("Esc s", "back to the slide"),
)


# The candidate list (c). A choice is written into the outline at once and the deck recomposed.
CANDIDATE_KEYS: tuple[Key, ...] = (
    Key("p", "p", "choose('pin')", "pin the highlighted excerpt: always on this slide", "pin"),
    Key("x", "x", "choose('exclude')", "exclude it: never on this slide", "exclude"),
    Key("u", "u", "choose('undo')", "undo its pin or exclusion", "unpin / un-exclude"),
    Key("escape,c", "Esc c", "dismiss", "back to the slide", "back"),
)


def footer_hints(width: int) -> list[tuple[str, str]]:
    """(key, label) pairs for the footer, dropping the least useful until they fit `width`."""
    keys = sorted((k for k in (*SLIDE_KEYS, *APP_KEYS) if k.hint), key=lambda k: k.rank)
    chosen = []
    used = 0
    for key in keys:
        display = key.shown.split()[0]
        cost = len(display) + 1 + len(key.hint) + 2
        if used + cost > width:
            continue
        chosen.append(key)
        used += cost
    order = [*SLIDE_KEYS, *APP_KEYS]
    chosen.sort(key=order.index)
    return [(k.shown.split()[0], k.hint) for k in chosen]


def past_the_end(screen: Any, number: int, last: int) -> bool:
    """Say so (and return True) when a typed slide number is beyond the deck's last slide."""
    if number <= last:
        return False
    screen.notify(f"There is no slide {number}: the last is {last}", severity="warning", timeout=3)
    return True
