"""The three looks: dark, light, and high contrast for washed-out projectors.

Colours live only here (as Textual theme variables) and in briefing.tcss (which refers to them);
widgets never name a colour.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.theme import Theme

if TYPE_CHECKING:
    from textual.app import App

DARK = "briefing-dark"
LIGHT = "briefing-light"
CONTRAST = "briefing-contrast"
CYCLE = (DARK, LIGHT, CONTRAST)
BY_SHORT_NAME = {"dark": DARK, "light": LIGHT, "contrast": CONTRAST}
LABELS = {DARK: "dark", LIGHT: "light", CONTRAST: "high contrast"}

# Our own variables, with fallbacks so Textual's built-in themes (palette: "Theme") work too.
VARIABLE_DEFAULTS = {
    "marking-foreground": "#ffffff",
    "marking-background": "#1f6f3f",
    "highlight-foreground": "#000000",
    "highlight-background": "#f5d76e",
}

THEMES = (
    Theme(
        name=DARK,
        primary="#6cb6ff",
        secondary="#4a6fa5",
        accent="#f2b660",
        warning="#f0a030",
        error="#f0605d",
        success="#57c27a",
        foreground="#e8e6e3",
        background="#111418",
        surface="#181c22",
        panel="#27303b",
        dark=True,
        variables={
            "highlight-foreground": "#111418",
            "highlight-background": "#f2b660",
            "footer-background": "#181c22",
        },
    ),
    Theme(
        name=LIGHT,
        primary="#1d5fa6",
        secondary="#5a7fb0",
        accent="#a34f00",
        warning="#a86200",
        error="#c0352b",
        success="#2f7d3c",
        foreground="#1b1d21",
        background="#fbfaf6",
        surface="#f1efe9",
        panel="#e2ded3",
        dark=False,
        variables={
            "highlight-foreground": "#1b1d21",
            "highlight-background": "#ffd966",
            "footer-background": "#f1efe9",
        },
    ),
    Theme(
        name=CONTRAST,
        primary="#ffff00",
        secondary="#ffffff",
        accent="#00ffff",
        warning="#ffff00",
        error="#ff6060",
        success="#00ff00",
        foreground="#ffffff",
        background="#000000",
        surface="#000000",
        panel="#5a5a5a",
        dark=True,
        text_alpha=1.0,
        luminosity_spread=0.0,
        variables={
            # Secondary text stays near full brightness: a projector washes greys out.
            "text-muted": "#dcdcdc",
            "foreground-muted": "#dcdcdc",
            "marking-foreground": "#000000",
            "marking-background": "#00ff00",
            "highlight-foreground": "#000000",
            "highlight-background": "#ffff00",
            "footer-background": "#000000",
        },
    ),
)


def next_theme(current: str) -> str:
    """The look after `current` in the `C` cycle; any other theme goes back to dark."""
    return CYCLE[(CYCLE.index(current) + 1) % len(CYCLE)] if current in CYCLE else DARK


def start_with(app: App[object], theme: str) -> None:
    """Give an app that has not started yet its first theme without the theme watcher, which
    would parse the whole stylesheet a second time before the first paint (a quarter of the
    time to the first slide). Later changes (`C`, the palette) go through the watcher."""
    look = app.get_theme(theme)
    if look is None:  # an unknown name: let Textual's own validation say so
        app.theme = theme
        return
    app.set_reactive(type(app).theme, theme)
    app.stylesheet.set_variables(app.get_css_variables())
    for name in [c for c in app.classes if c.startswith("-theme-")]:
        app.remove_class(name, update=False)
    app.add_class(f"-theme-{theme}", update=False)
    app.set_class(look.dark, "-dark-mode", update=False)
    app.set_class(not look.dark, "-light-mode", update=False)
