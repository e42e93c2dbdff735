"""briefing: compose verbatim, cited briefing decks from a folder of source documents."""

__version__ = "0.1.0"
