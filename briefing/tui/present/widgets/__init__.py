"""Widgets of the presentation; each reports upward with Messages, not by calling the app."""
