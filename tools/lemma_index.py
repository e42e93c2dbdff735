"""Generate briefing/compose/lemma_index_en.json: restart points into simplemma's English data.

A first run's lemmas need simplemma's English dictionary, a front-coded stream whose reader
decodes every record before its first lookup (~0.15 s). The restart points depend only on the
installed simplemma's data, so this script computes them once and the package ships them
(`briefing.compose.lemma_index`). Run it again when simplemma's English data changes (the
index names the stream's SHA-256; `test_lemma_index` fails until it matches):

    .venv/bin/python tools/lemma_index.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from briefing.compose import lemma_index


def main() -> None:
    index = lemma_index.build(lemma_index.stream())
    text = json.dumps(index, ensure_ascii=True, separators=(",", ":"))
    lemma_index.INDEX.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {lemma_index.INDEX}: {len(index['firsts'])} restart points, {len(text)} bytes")


if __name__ == "__main__":
    main()
