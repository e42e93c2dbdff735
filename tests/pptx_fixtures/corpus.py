"""A small corpus written by the tests: long, Vietnamese-accented prose to quote at length.

Words are drawn from a fixed vocabulary with a seeded generator, so every run writes the same
documents; outlines pin exact quotes of a chosen length, so the tests know what each slide
must show.
"""

from __future__ import annotations

import random
from pathlib import Path

VOCABULARY = (
    "Hanoi Washington partnership supply chain semiconductor investment policy diplomacy "
    "strategic hedging cooperation balance region security economic technology workforce "
    "manufacturing resilience the of and to in a that for with on as by its their which "
    "officials analysts argue continue expand careful gradual commitment Nguyễn Phú Trọng "
    "Hà Nội Đà Nẵng Hồ Chí Minh Thành phố Việt Nam infrastructure interdependence"
).split()
THEME = "chips"
CITED = {
    "title": "A long view of the partnership",
    "author": "Trần Thị Lan",
    "publisher": "Test Review",
}


def sentence(rng: random.Random, words: int) -> str:
    body = " ".join(rng.choice(VOCABULARY) for _ in range(words))
    return body[0].upper() + body[1:] + "."


def passage(rng: random.Random, words: int) -> str:
    """Prose of exactly `words` words in sentences of 8 to 20 words."""
    out, left = [], words
    while left > 0:
        n = min(left, rng.randint(8, 20))
        out.append(sentence(rng, n))
        left -= n
    return " ".join(out)


def write_project(root: Path, lengths: list[int], *, seed: int = 7) -> list[tuple[str, str]]:
    """seeds/, themes/ and an empty outlines/ under `root`; returns (source file, quote) for
    one passage of each length in `lengths`, spread over three documents."""
    rng = random.Random(seed)
    seeds, themes = root / "seeds", root / "themes"
    for folder in (seeds, themes, root / "outlines"):
        folder.mkdir(parents=True, exist_ok=True)
    (themes / f"{THEME}.yaml").write_text(
        "title: Chips and supply chains\nkeywords:\n  - semiconductor\n  - supply chain\n",
        encoding="utf-8",
    )
    quotes: list[tuple[str, str]] = []
    docs: dict[str, list[str]] = {f"doc{i}.txt": [] for i in range(3)}
    for n, words in enumerate(lengths):
        name = f"doc{n % 3}.txt"
        quote = passage(rng, words)
        docs[name] += [passage(rng, 40), quote]
        quotes.append((name, quote))
    catalogue = []
    for i, (name, paragraphs) in enumerate(docs.items()):
        text = f"Report {i}\n\n" + "\n\n".join([*paragraphs, passage(rng, 50)]) + "\n"
        (seeds / name).write_text(text, encoding="utf-8")
        catalogue.append(
            f"{name}:\n  title: {CITED['title']} {i}\n  author: {CITED['author']}\n"
            f"  publisher: {CITED['publisher']}\n  date: 2023-10-0{i + 1}\n"
        )
    (seeds / "sources.yaml").write_text("\n".join(catalogue), encoding="utf-8")
    return quotes


def write_outline(root: Path, name: str, slides: list[tuple[str, list[tuple[str, str]]]]) -> Path:
    """An outline whose slides pin the given quotes (each slide: title, pinned quotes)."""
    lines = [
        f"title: Test deck {name}",
        "subtitle: Pagination and fitting",
        "presenter: Test Desk",
        "date: 2023-11-01",
        "marking: UNCLASSIFIED",
        "sources: ../seeds",
        "themes: ../themes",
        "slides:",
    ]
    for title, pins in slides:
        lines += [f"  - title: {title}", f"    theme: {THEME}", f"    excerpts: {len(pins)}"]
        lines.append("    pins:")
        for source, quote in pins:
            lines += [f"      - source: {source}", f'        quote: "{quote}"']
    path = root / "outlines" / f"{name}.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
