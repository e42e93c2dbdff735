"""Lemmatise in a forked process that loads simplemma's dictionary while this one works.

On a machine with no stored lemmas (see `lemma_store`), the first word to lemmatise waits for
simplemma's import and English dictionary: ~0.1 s with the restart points the package ships
(`lemma_index`), ~0.25 s without; pure Python, which holds the GIL, so a thread cannot hide
it. A composing run starts this server before it imports the composer and syncs the index; by
the time ranking asks for its first lemma the dictionary is loaded on the other core.
The server runs the caller's own function, so a lemma is the same whichever process made it.
Any failure (the process gone, a reply that is not one) returns None: the caller lemmatises
in-process, which costs time, never a different lemma. Only on Linux (fork), as
`compose.draft`.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sys
from collections.abc import Callable
from typing import IO

CHUNK_CHARS = 8192  # questions in flight at once: their answers fit a pipe's 64 KB buffer


class LemmaServer:
    """A forked process answering `ask(word)` with `lemmatize(word)`."""

    def __init__(self, lemmatize: Callable[[str], str], warm: Callable[[], object]) -> None:
        ask_r, ask_w = os.pipe()
        say_r, say_w = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:  # the server
            os.close(ask_w)
            os.close(say_r)
            _serve(lemmatize, warm, ask_r, say_w)  # never returns
        os.close(ask_r)
        os.close(say_w)
        self._ask: IO[str] | None = os.fdopen(ask_w, "w", encoding="utf-8")
        self._say: IO[str] | None = os.fdopen(say_r, "r", encoding="utf-8")

    @classmethod
    def start(
        cls, lemmatize: Callable[[str], str], warm: Callable[[], object]
    ) -> LemmaServer | None:
        """A server, or None where forking is not safe (anything but Linux)."""
        return cls(lemmatize, warm) if sys.platform.startswith("linux") else None

    def ask(self, words: list[str]) -> list[str] | None:
        """The words' lemmas, or None when the server cannot say (the caller works them out).
        Asked in chunks small enough that neither pipe fills while the other is written."""
        if self._ask is None or self._say is None:
            return None
        found: list[str] = []
        try:
            for chunk in _chunks([json.dumps(word) + "\n" for word in words]):
                self._ask.write("".join(chunk))
                self._ask.flush()
                found += [json.loads(self._say.readline()) for _ in chunk]
        except (OSError, ValueError):
            found = []
        if len(found) != len(words) or not all(type(value) is str for value in found):
            self.stop()
            return None
        return found

    def leave(self) -> None:
        """Close this process's ends of the pipes: a process it forked asks from now on (this
        one still `stop`s the server, its child, when that process is done)."""
        for stream in (self._ask, self._say):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()
        self._ask = self._say = None

    def stop(self) -> None:
        """End the server (it may still be loading the dictionary nobody will ask for now);
        from a process that did not start it, without waiting (its starter reaps it)."""
        self.leave()
        if self.pid > 0:
            with contextlib.suppress(OSError):
                os.kill(self.pid, signal.SIGTERM)
            with contextlib.suppress(OSError):
                os.waitpid(self.pid, 0)
            self.pid = -1


def _chunks(lines: list[str]) -> list[list[str]]:
    """Lines in groups of at most CHUNK_CHARS characters (one line alone may be longer)."""
    chunks: list[list[str]] = [[]]
    size = 0
    for line in lines:
        if chunks[-1] and size + len(line) > CHUNK_CHARS:
            chunks.append([])
            size = 0
        chunks[-1].append(line)
        size += len(line)
    return [chunk for chunk in chunks if chunk]


def _serve(lemmatize: Callable[[str], str], warm: Callable[[], object], ask: int, say: int) -> None:
    """The server: load the dictionary, then answer one JSON line with one JSON line until
    the asking end closes; exit without running anything of the parent's (atexit, buffers)."""
    try:
        warm()
        with (
            os.fdopen(ask, "r", encoding="utf-8") as questions,
            os.fdopen(say, "w", encoding="utf-8") as answers,
        ):
            for line in questions:
                answers.write(json.dumps(lemmatize(json.loads(line))) + "\n")
                answers.flush()
    finally:
        os._exit(0)
