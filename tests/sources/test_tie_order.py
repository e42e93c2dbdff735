"""The key that orders tied windows: made from the document's name and the window's start
alone, the same in every process, and within Tantivy's i64 fast field."""

from __future__ import annotations

import subprocess
import sys

from briefing.sources import tie_order

NAMES = ["report.pdf", "Tin tức/Việt Nam.html", "caf\udce9.txt", "a" * 300 + ".docx"]


def test_a_documents_keys_follow_its_windows_starts_then_stay_level() -> None:
    part = tie_order.document_part("report.pdf")
    starts = [0, 1, 90, 4_000, tie_order.PLACE_MAX - 1]
    keys = [tie_order.key(part, s) for s in starts]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    past = [tie_order.key(part, tie_order.PLACE_MAX + n) for n in (0, 1, 10**7)]
    assert len(set(past)) == 1 and past[0] > keys[-1]  # later windows: one key, then by id


def test_keys_fit_a_non_negative_i64_and_name_a_block() -> None:
    for name in NAMES:
        for start in (0, 5, 10**9):
            key = tie_order.key(tie_order.document_part(name), start)
            assert 0 <= key < 2**63
            assert 0 <= key >> tie_order.block_shift() < tie_order.blocks()


def test_document_parts_differ_and_are_the_same_in_another_process() -> None:
    """Python's own string hash changes from run to run; a deck must not."""
    parts = [tie_order.document_part(n) for n in NAMES]
    assert len(set(parts)) == len(parts)
    code = (
        "from briefing.sources import tie_order; "
        f"print([tie_order.document_part(n) for n in {NAMES!r}])"
    )
    for seed in ("1", "2"):
        found = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": seed, "PATH": ""},
        )
        assert found.stdout.strip() == str(parts)
