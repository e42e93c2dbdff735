"""Synthetic source corpora for benchmarks, built from the project's seed documents.

Prose paragraphs are taken from `seeds/*.txt`, recombined and perturbed (numbers, people's
names, some words) with a random generator seeded per document, and laid out as web captures:
a title, a byline, prose, bullet lists, and boilerplate (cookie banners, subscribe prompts,
photo credits, share widgets, navigation, a copyright footer) so that cleaning has work to do.

Every document depends only on (seed, its index, the seed corpus), so the same seed always
gives the same bytes, and a 1,000-document corpus is the first 1,000 files of a 10,000 one.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

GENERATOR_VERSION = "1"
MANIFEST = ".synth.json"  # hidden and not .txt/.md: never read as a source

MIN_PROSE_WORDS = 20
MIN_DOC_CHARS = 6_000
MAX_DOC_CHARS = 30_000

# Lines in the seeds that are boilerplate rather than prose: never used as body text.
_SEED_NOISE = re.compile(
    r"cookie|traceurs|subscri|newsletter|©|copyright|licen[cs]e|photo|credit|getty|"
    r"print friendly|translate|all rights|inquiries|webmanager|@|https?://",
    re.I,
)
_SENTENCE_END = re.compile(r"[.!?][\"”’)\]]*$")
_BULLET_MARK = re.compile(r"^\s*(?:[•·▪*-]|\d{1,2}[.)])\s+")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])|(?<=[.!?][”\"’])\s+(?=[A-Z“\"])")
_NUMBER = re.compile(r"\d+")
_WORD = re.compile(r"[A-Za-z]+")

# People's names in the seeds; each document maps them to invented names of its own.
NAMES = frozenset(
    [
        "Biden",
        "Trong",
        "Blinken",
        "Tien",
        "Obama",
        "Nguyen",
        "Phu",
        "Minh",
        "Pham",
        "Thuong",
        "Chinh",
        "Carter",
        "Barack",
        "John",
        "Antony",
        "Sullivan",
        "Pelosi",
        "Kerry",
        "Clinton",
        "Muoi",
        "Huy",
        "Giang",
        "Xiong",
        "Jinping",
        "Liu",
        "Jianchao",
        "Danh",
        "Thanh",
        "Stromseth",
        "Jonathan",
        "Lam",
        "Vu",
        "Joe",
        "Austin",
        "Harris",
        "Raimondo",
        "Yellen",
        "Trump",
        "Sang",
        "Kritenbrink",
        "Knapper",
        "Van",
        "Chi",
        "Tran",
        "Nam",
    ]
)

# Neutral words and their substitutes. Theme keywords are deliberately absent, so the themes
# still find what they look for.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "said": ("stated", "noted", "argued", "added", "observed"),
    "important": ("significant", "key", "major", "notable"),
    "relations": ("ties", "relationship", "links"),
    "relationship": ("partnership", "ties", "bond"),
    "countries": ("nations", "states", "governments"),
    "country": ("nation", "state"),
    "increase": ("rise", "growth", "expansion"),
    "help": ("assist", "support", "aid"),
    "major": ("large", "leading", "principal"),
    "new": ("fresh", "novel", "recent"),
    "many": ("numerous", "several", "various"),
    "also": ("likewise", "further", "additionally"),
    "years": ("decades", "seasons"),
    "leaders": ("officials", "policymakers", "statesmen"),
    "significant": ("considerable", "substantial", "marked"),
    "upgrade": ("elevation", "promotion", "advance"),
    "visit": ("trip", "tour", "mission"),
    "announced": ("declared", "unveiled", "revealed"),
    "expected": ("anticipated", "projected", "forecast"),
    "analysts": ("observers", "experts", "commentators"),
    "strong": ("robust", "solid", "firm"),
    "region": ("area", "neighbourhood", "zone"),
    "opportunities": ("openings", "prospects", "chances"),
}

_ONSETS = ("b", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "tr")
_VOWELS = ("a", "e", "i", "o", "u", "ai", "ou", "ea")
_CODAS = ("", "", "n", "r", "s", "l", "th", "ng", "rd")

PUBLISHERS = (
    "The Asia Observer",
    "Pacific Policy Review",
    "Hanoi Weekly",
    "The Strategic Digest",
    "Mekong Monitor",
    "Institute for Regional Affairs",
)
EXTRA_TITLES = (
    "What the upgrade means for Hanoi and Washington",
    "Vietnam weighs its options between the great powers",
    "Chips, minerals and the new supply chain map of Southeast Asia",
    "Defence ties grow slowly, and on Hanoi's terms",
    "Rights concerns shadow the new partnership",
)
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


@dataclass(frozen=True)
class SeedPool:
    """What documents are made of: prose and bullet paragraphs, titles and sizes from seeds."""

    paragraphs: tuple[str, ...]
    bullets: tuple[str, ...]
    titles: tuple[str, ...]
    sizes: tuple[int, ...]  # byte sizes of the seed documents, to draw document lengths from
    digest: str  # of the seed texts: a changed seed corpus means a changed synthetic corpus


@dataclass(frozen=True)
class CorpusInfo:
    """A synthesised corpus on disk."""

    folder: Path
    files: int
    bytes: int
    reused: bool  # True when an identical corpus was already there


def load_seed_pool(seeds: Path) -> SeedPool:
    """Read the prose paragraphs (and bullet points and titles) of every `seeds/*.txt`."""
    paragraphs: dict[str, None] = {}  # ordered and de-duplicated
    bullets: dict[str, None] = {}
    titles: list[str] = []
    sizes: list[int] = []
    digest = hashlib.sha256(GENERATOR_VERSION.encode())
    for path in sorted(seeds.glob("*.txt")):
        raw = path.read_bytes()
        digest.update(raw)
        sizes.append(len(raw))
        lines = [line.strip() for line in raw.decode("utf-8").splitlines()]
        titles.extend(line for line in lines[:1] if len(line.split()) >= 5)
        for line in lines:
            bullet = _BULLET_MARK.match(line)
            body = line[bullet.end() :] if bullet else line
            if (
                len(body.split()) < MIN_PROSE_WORDS
                or _SEED_NOISE.search(body)
                or not _SENTENCE_END.search(body)
            ):
                continue
            (bullets if bullet else paragraphs).setdefault(body, None)
    if not paragraphs:
        raise ValueError(f"{seeds}: no prose paragraphs to synthesise from")
    titles.extend(EXTRA_TITLES)
    return SeedPool(
        tuple(paragraphs), tuple(bullets), tuple(titles), tuple(sizes), digest.hexdigest()
    )


def _invented_word(rng: random.Random, syllables: int) -> str:
    return "".join(
        rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(syllables)
    )


class Perturber:
    """Rewrites text for one document: numbers, names and some words change, shape stays."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.names: dict[str, str] = {}  # consistent within a document

    def name(self, original: str) -> str:
        if original not in self.names:
            self.names[original] = _invented_word(self.rng, self.rng.choice((1, 2, 2, 3))).title()
        return self.names[original]

    def _number(self, match: re.Match[str]) -> str:
        digits = match.group()
        rng = self.rng
        if len(digits) == 4 and digits[:2] in ("19", "20"):
            return str(rng.randint(1990, 2030))
        if len(digits) == 1:
            return str(rng.randint(1, 9))
        return str(rng.randint(10 ** (len(digits) - 1), 10 ** len(digits) - 1))

    def _word(self, match: re.Match[str]) -> str:
        word = match.group()
        if word in NAMES:
            return self.name(word)
        rng = self.rng
        roll = rng.random()
        if roll < 0.25 and (choices := SYNONYMS.get(word)):
            return rng.choice(choices)
        if roll > 0.985 and len(word) >= 6 and word.islower():  # a rare word: grows the vocabulary
            return word[:-3] + _invented_word(rng, 1)
        return word

    def text(self, text: str) -> str:
        """The text with its numbers, names and some words changed."""
        return _WORD.sub(self._word, _NUMBER.sub(self._number, text))


def _sentences(paragraph: str) -> list[str]:
    return _SENTENCE_BREAK.split(paragraph)


def _prose(pool: SeedPool, rng: random.Random, perturb: Perturber) -> str:
    """A paragraph from the seeds, sometimes spliced with the tail of another one."""
    base = _sentences(rng.choice(pool.paragraphs))
    if len(base) > 1 and rng.random() < 0.3:
        other = _sentences(rng.choice(pool.paragraphs))
        base = base[: rng.randint(1, len(base))] + other[rng.randint(0, len(other) - 1) :]
    return perturb.text(" ".join(base[:8]))


def _byline(rng: random.Random, perturb: Perturber) -> str:
    author = f"{perturb.name(rng.choice(tuple(sorted(NAMES))))} {_invented_word(rng, 2).title()}"
    day, month, year = rng.randint(1, 28), rng.choice(MONTHS), rng.randint(2019, 2024)
    style = rng.randrange(3)
    if style == 0:
        clock = f"{rng.randint(1, 12):02d}:{rng.randint(0, 59):02d}"
        return f"By {author}   {month} {day}, {year} | {clock} pm PT"
    if style == 1:
        return f"By {author} – {rng.choice(PUBLISHERS)} – {month} {day}, {year}"
    return f"{day} {month} {year}"


def _boilerplate(rng: random.Random, perturb: Perturber) -> list[str]:
    """One piece of web-capture noise, as the paragraphs it takes."""
    kind = rng.randrange(6)
    if kind == 0:
        return [
            rng.choice(
                (
                    "We use cookies to improve your experience on our site. By continuing to "
                    "browse, you consent to the use of cookies. Accept all",
                    "This website uses cookies for analytics and personalised content. "
                    "Manage preferences or Accept all.",
                    "En poursuivant la visite de ce site, vous acceptez l’utilisation de "
                    "traceurs (cookies). Accepter",
                )
            )
        ]
    if kind == 1:
        pitch = rng.choice(("Enjoying this article?", "Want more analysis like this?"))
        return [
            pitch,
            rng.choice(
                (
                    "Subscribe to our newsletter for the story of the week, every Friday.",
                    "Sign up for our free daily briefing. Click here to subscribe.",
                    "Register now for free to keep reading the full story.",
                )
            ),
        ]
    if kind == 2:
        who = perturb.name("Biden")
        caption = (
            f"President {who} speaks during a press conference in Hanoi, Vietnam, "
            f"{rng.choice(MONTHS)} {rng.randint(1, 28)}, {rng.randint(2019, 2024)}."
        )
        credit = rng.choice(("Credit: AP Photo/", "Photo: Reuters/", "Credit: Getty Images/"))
        lines = [caption, credit + perturb.name("Vu")]
        if rng.random() < 0.3:  # the caption printed twice, as in captured pages
            lines.insert(0, caption + " Photo by AFP")
        return lines
    if kind == 3:
        return [rng.choice(("Share this article", "Print Friendly, PDF & Email", "Share on X"))]
    if kind == 4:
        return ["Home | World | Asia-Pacific | Vietnam"]
    return [rng.choice(("Back to top", "Skip to main content", "Translate / Dịch"))]


def make_document(pool: SeedPool, seed: int, index: int, *, footer: bool = True) -> str:
    """Document number `index` of the corpus for `seed`: the same text every time."""
    rng = random.Random(f"briefing-synth:{GENERATOR_VERSION}:{pool.digest}:{seed}:{index}")
    perturb = Perturber(rng)
    target = int(rng.choice(pool.sizes) * rng.uniform(0.8, 1.25))
    target = max(MIN_DOC_CHARS, min(target, MAX_DOC_CHARS))
    header = [perturb.text(rng.choice(pool.titles)), _byline(rng, perturb)]
    if rng.random() < 0.3:
        header.insert(0, "Home | World | Asia-Pacific | Vietnam")
    body: list[str] = []
    size = sum(len(p) for p in header)
    while size < target:
        roll = rng.random()
        if roll < 0.08:
            block = _boilerplate(rng, perturb)
        elif roll < 0.13 and pool.bullets:
            block = [
                "  • " + perturb.text(rng.choice(pool.bullets)) for _ in range(rng.randint(2, 5))
            ]
            block = ["\n".join(block)]
        else:
            block = [_prose(pool, rng, perturb)]
        body.extend(block)
        size += sum(len(p) + 2 for p in block)
    tail = []
    if footer:
        year = rng.randint(2019, 2024)
        tail = [f"© {year} {rng.choice(PUBLISHERS)}. All rights reserved.", "Back to top"]
    # Most captures separate paragraphs by blank lines; some put one paragraph per line.
    sep = "\n\n" if rng.random() < 0.8 else "\n"
    return "\n".join(header) + "\n" + sep.join(body) + "\n\n" + "\n\n".join(tail) + "\n"


def _manifest(kind: str, pool: SeedPool, seed: int, amount: int) -> dict[str, object]:
    return {
        "generator": GENERATOR_VERSION,
        "kind": kind,
        "seeds": pool.digest,
        "seed": seed,
        "amount": amount,
    }


def _reusable(path: Path, expected: dict[str, object]) -> dict[str, object] | None:
    try:
        found = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return found if {k: found.get(k) for k in expected} == expected else None


def write_corpus(
    pool: SeedPool,
    folder: Path,
    count: int,
    seed: int = 0,
    *,
    progress: Callable[[int], None] | None = None,
) -> CorpusInfo:
    """Write `count` documents into `folder` (reusing an identical corpus already there)."""
    folder.mkdir(parents=True, exist_ok=True)
    manifest = folder / MANIFEST
    expected = _manifest("corpus", pool, seed, count)
    names = [f"doc{index:05d}.txt" for index in range(count)]
    found = _reusable(manifest, expected)
    if found and all((folder / name).is_file() for name in names):
        return CorpusInfo(folder, count, int(found["bytes"]), reused=True)  # type: ignore[arg-type]
    manifest.unlink(missing_ok=True)
    for stale in folder.glob("*.txt"):
        stale.unlink()
    total = 0
    for index, name in enumerate(names):
        data = make_document(pool, seed, index).encode("utf-8")
        (folder / name).write_bytes(data)
        total += len(data)
        if progress and (index + 1) % 1000 == 0:
            progress(index + 1)
    manifest.write_text(json.dumps({**expected, "bytes": total}), "utf-8")
    return CorpusInfo(folder, count, total, reused=False)


def write_big_file(pool: SeedPool, path: Path, size: int, seed: int = 0) -> CorpusInfo:
    """One source file of at least `size` bytes: perturbed documents run together.

    Their copyright footers are left out: in one big file, the first footer past 60% of the
    text would mark everything after it as noise, and the benchmark would measure less work.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    manifest = path.with_name(path.name + MANIFEST)
    expected = _manifest("big-file", pool, seed, size)
    found = _reusable(manifest, expected)
    if found and path.is_file() and path.stat().st_size == found["bytes"]:
        return CorpusInfo(path.parent, 1, int(found["bytes"]), reused=True)  # type: ignore[arg-type]
    manifest.unlink(missing_ok=True)
    total = 0
    index = 0
    with path.open("wb") as out:
        while total < size:
            data = make_document(pool, seed, 1_000_000 + index, footer=False).encode("utf-8")
            out.write(data + b"\n")
            total += len(data) + 1
            index += 1
    manifest.write_text(json.dumps({**expected, "bytes": total}), "utf-8")
    return CorpusInfo(path.parent, 1, total, reused=False)
