"""A text source saved as UTF-16 or UTF-32 is refused with its encoding named and the fix, not
called a binary file; binary files keep their own message."""

from __future__ import annotations

import struct

import pytest

from briefing.sources.canonical import Unreadable, decode

TEXT = "Hà Nội, 11 September. The two leaders said the partnership would deepen.\r\n"


@pytest.mark.parametrize(
    ("raw", "named"),
    [
        (TEXT.encode("utf-16"), "UTF-16"),  # Notepad's "Unicode": a BOM, little-endian
        ("\ufeff".encode("utf-16-be") + TEXT.encode("utf-16-be"), "UTF-16"),
        (TEXT.encode("utf-16-le"), "UTF-16"),  # no byte-order mark
        (TEXT.encode("utf-16-be"), "UTF-16"),
        (TEXT.encode("utf-32"), "UTF-32"),
    ],
)
def test_wide_text_is_named_with_its_fix(raw: bytes, named: str) -> None:
    with pytest.raises(Unreadable) as caught:
        decode(raw)
    assert str(caught.value) == f"{named} text, not UTF-8; re-save it as UTF-8 to include it"


@pytest.mark.parametrize(
    "raw",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        struct.pack(">64H", *range(64)),  # small big-endian numbers: NULs on one side only
        b"%PDF-1.7\n" + bytes(range(256)) * 4,
    ],
)
def test_binary_is_still_binary(raw: bytes) -> None:
    with pytest.raises(Unreadable, match=r"^binary file \(holds NUL bytes\)"):
        decode(raw)


def test_utf8_with_and_without_bom_still_decodes() -> None:
    assert decode(TEXT.encode())[0] == TEXT
    assert decode(b"\xef\xbb\xbf" + TEXT.encode())[0] == "\ufeff" + TEXT
