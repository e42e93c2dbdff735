"""Restart points into simplemma's English dictionary, shipped, so a lookup costs a block.

simplemma keeps a language's dictionary as a sorted, front-coded byte stream (each key
stores only what it does not share with the one before it), lzma-compressed. A lookup needs a
restart point near its word; simplemma's low-memory reader finds them by decoding all ~180,000
English records first: ~0.12 s of pure Python after ~0.03 s of decompression, paid by every run
that meets a word no earlier run stored its lemma for (a first build, a source with new
words). The restart points change only with simplemma's data, so `tools/lemma_index.py`
computes them once, every BLOCK records, into `lemma_index_en.json`; a run decompresses the
stream, checks it is the one indexed (SHA-256), and looks a word up by decoding at most one
block. The records are read here (`records`), not by simplemma's private decoder, so a change
inside simplemma shows as an index that no longer fits, never as an import error. The lemmas
are simplemma's own: its strategies run unchanged over this reader of its data
(`test_lemma_index` compares every record). Another simplemma's stream, or a damaged index,
is not read through it: `english()` says None and simplemma's reader serves.
"""

from __future__ import annotations

import hashlib
import json
import lzma
from bisect import bisect_right
from collections.abc import Iterator, Mapping
from importlib import resources
from pathlib import Path

INDEX = Path(__file__).with_name("lemma_index_en.json")
FORMAT = 1
BLOCK = 32  # records per restart point: a lookup decodes at most this many
_MAGIC = b"SMFC1"  # simplemma's front-coded stream, version 1
_SAME_AS_PREV, _LITERAL_VALUE = 254, 255  # a record's value: its predecessor's, or given whole


def stream() -> bytes:
    """simplemma's English dictionary stream, decompressed."""
    data = resources.files("simplemma") / "strategies" / "dictionaries" / "data" / "en.plzma"
    return lzma.decompress(data.read_bytes())


def header(data: bytes) -> tuple[bool, int, int]:
    """(keys stored reversed, record count, offset of the first record); ValueError when the
    stream is not in the format this module reads."""
    if not data.startswith(_MAGIC):
        raise ValueError("not a front-coded stream of version 1")
    reverse = bool(data[len(_MAGIC)] & 1)
    count, pos = _varint(data, len(_MAGIC) + 1)
    return reverse, count, pos


def records(
    data: bytes, pos: int, key: bytes = b"", value: bytes = b""
) -> Iterator[tuple[int, bytes, bytes]]:
    """(offset, key, value) of each record from `pos`, resuming from the record before it
    (`key`, `value`); keys and values as stored (reversed in a reversed stream)."""
    try:
        while pos < len(data):
            start = pos
            shared, pos = _varint(data, pos)
            length, pos = _varint(data, pos)
            key, pos = key[:shared] + data[pos : pos + length], pos + length
            trim, pos = data[pos], pos + 1
            if trim != _SAME_AS_PREV:
                length, pos = _varint(data, pos)
                given, pos = data[pos : pos + length], pos + length
                value = given if trim == _LITERAL_VALUE else key[: len(key) - trim] + given
            if pos > len(data):
                raise ValueError("a record runs past the end of the stream")
            yield start, key, value
    except IndexError:
        raise ValueError("a record runs past the end of the stream") from None


def _varint(data: bytes, pos: int) -> tuple[int, int]:
    result = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        if byte < 0x80:
            return result, pos
        shift += 7


class Indexed(Mapping[str, str]):
    """simplemma's English dictionary read through the shipped restart points."""

    def __init__(
        self, data: bytes, firsts: list[bytes], seeds: list[tuple[int, bytes, bytes]]
    ) -> None:
        self._data, self._firsts, self._seeds = data, firsts, seeds
        self._reverse, self._count, self._start = header(data)

    def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
        target = key.encode()[:: -1 if self._reverse else 1]
        block = bisect_right(self._firsts, target) - 1
        if block < 0:
            return default
        for _at, stored, value in records(self._data, *self._seeds[block]):
            if stored == target:
                return value[:: -1 if self._reverse else 1].decode()
            if stored > target:
                break
        return default

    def __getitem__(self, key: str) -> str:
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return value

    def __iter__(self) -> Iterator[str]:
        for _at, key, _value in records(self._data, self._start):
            yield key[:: -1 if self._reverse else 1].decode()

    def __len__(self) -> int:
        return self._count


class Factory:
    """simplemma's `DictionaryFactory` for English alone, over `Indexed`."""

    def __init__(self, english: Indexed) -> None:
        self._english = english

    def get_dictionary(self, lang: str) -> Mapping[str, str]:
        if lang != "en":
            raise ValueError(f"only English is indexed, not {lang!r}")
        return self._english


def english() -> Indexed | None:
    """The installed simplemma's English dictionary through the shipped index, or None when
    the index is not for that stream (another simplemma) or cannot be read."""
    try:
        shipped = json.loads(INDEX.read_text(encoding="utf-8"))
        data = stream()
        if shipped["format"] != FORMAT or shipped["sha256"] != hashlib.sha256(data).hexdigest():
            return None
        firsts = [_raw(first) for first in shipped["firsts"]]
        seeds = [(int(at), _raw(k), _raw(v)) for at, k, v in shipped["seeds"]]
        if len(firsts) != len(seeds) or firsts != sorted(firsts):
            return None
        return Indexed(data, firsts, seeds)
    except (OSError, ValueError, KeyError, TypeError, lzma.LZMAError):
        return None


def _raw(text: str) -> bytes:
    return text.encode("latin-1")  # stored bytes, one character each (JSON holds no bytes)


def build(data: bytes) -> dict[str, object]:
    """The index of a stream: a restart point every BLOCK records (for `tools/lemma_index.py`)."""
    _reverse, count, pos = header(data)
    firsts: list[str] = []
    seeds: list[tuple[int, str, str]] = []
    key = value = b""
    n = 0
    for n, (at, stored, stored_value) in enumerate(records(data, pos), 1):
        if (n - 1) % BLOCK == 0:
            firsts.append(stored.decode("latin-1"))
            seeds.append((at, key.decode("latin-1"), value.decode("latin-1")))
        key, value = stored, stored_value
    if n != count:
        raise ValueError(f"the stream holds {n} records, its header says {count}")
    sha = hashlib.sha256(data).hexdigest()
    return {"format": FORMAT, "sha256": sha, "firsts": firsts, "seeds": seeds}
