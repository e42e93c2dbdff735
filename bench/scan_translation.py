"""Count machine-translation slips (`sources.translation`) flagged in clean text: false hits.

    .venv/bin/python bench/scan_translation.py /usr/share/man/man1 /usr/share/doc --show 40

Reads every file under the folders given (.gz too; roff markup of manual pages stripped),
splits it into sentences with the project's segmenter and prints MB scanned, sentences, hits
and hits per MB, then the first --show flagged sentences to check by eye.
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from briefing.sources import segment  # noqa: E402
from briefing.sources.translation import translation_slips  # noqa: E402

_ROFF_LINE = re.compile(r"^[.'][^\n]*\n?", re.M)
_ROFF_ESCAPE = re.compile(r"\\f[BIRPC]|\\f\(..|\\f\[[^]]*\]|\\\(..|\\\[[^]]*\]|\\[&|^%]")


def read(path: Path) -> str:
    """A file's text, unzipped and with roff requests and font escapes removed."""
    data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    text = data.decode("utf-8", errors="replace")
    if re.search(r"^\.(?:TH|SH|Dd|Sh) ", text[:4000], re.M):
        text = _ROFF_ESCAPE.sub("", _ROFF_LINE.sub("\n", text)).replace("\\-", "-")
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--show", type=int, default=20)
    args = parser.parse_args()
    size = sentences = hits = 0
    shown: list[str] = []
    begin = time.perf_counter()
    for folder in args.folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            try:
                text = read(path)
            except (OSError, EOFError, gzip.BadGzipFile):
                continue
            size += len(text.encode("utf-8"))
            for para in segment.paragraphs(text):
                for span in segment.sentences(text, para):
                    sentences += 1
                    body = text[span.start : span.end]
                    if translation_slips(body):
                        hits += 1
                        if len(shown) < args.show:
                            shown.append(f"{path.name}: {' '.join(body.split())[:200]}")
        print(f"{folder}: {size / 1e6:.1f} MB so far, {hits} flagged", file=sys.stderr, flush=True)
    mb = size / 1e6
    print(
        f"{mb:.1f} MB, {sentences} sentences, {hits} flagged: {hits / mb:.3f} per MB "
        f"({time.perf_counter() - begin:.0f} s)"
    )
    print("\n".join(shown))


if __name__ == "__main__":
    main()
