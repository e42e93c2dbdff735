"""Excerpt-quality evaluation: does the composer quote what a briefer would quote?

    .venv/bin/python bench/quality/evaluate.py [--part tune|holdout|fresh|...|fresh14|all]
                                               [--gold FILE]... [--json] [--check] [--verbose]
                                               [--validate-only] [--keep DIR]

The gold files (default: gold.yaml with the parts tune and holdout, documents in docs/,
gold-fresh.yaml with the part fresh, documents in docs-fresh/, gold-fresh2.yaml with the part
fresh2, documents in docs-fresh2/, gold-fresh3.yaml with the part fresh3, documents in
docs-fresh3/, gold-fresh4.yaml with the part fresh4, documents in docs-fresh4/, gold-fresh5.yaml
with the part fresh5, documents in docs-fresh5/, gold-fresh6.yaml with the part fresh6, documents
in docs-fresh6/, gold-fresh7.yaml with the part fresh7, documents in docs-fresh7/,
gold-fresh8.yaml with the part fresh8, documents in docs-fresh8/, gold-fresh9.yaml with the part
fresh9, documents in docs-fresh9/, gold-fresh10.yaml with the part fresh10, documents in
docs-fresh10/, gold-fresh11.yaml with the part fresh11, documents in docs-fresh11/,
gold-fresh12.yaml to gold-fresh14.yaml with the parts fresh12 to fresh14, documents in
docs-fresh12/ to docs-fresh14/) each record a split. For each part it builds one sources folder
(the project's seeds/ plus that part's documents) and one outline with a slide per theme of the
part (`excerpts: 4`), runs the public CLI, `python -m briefing compose OUTLINE --json`, in a
subprocess with a fresh cache, and scores every excerpt against the part's gold. Only the CLI and
its JSON (CONTRACT.md) are used, never the package's modules, so the harness survives a
restructuring of the package; a non-.txt/.md source's canonical text (what quotes and excerpt
offsets are judged on) comes from `python -m briefing text FILE --json`.

Metrics, per part and overall (see README.md for the definitions):
  precision@4   an excerpt is relevant if it overlaps a gold passage of the slide's theme, in the
                same source, by >= 50% of the shorter of the two spans; relevant / 4 per slide
  nDCG@4        binary gains, ideal = min(4, number of gold passages of the theme)
  dangling      excerpt opens on a pronoun or a definite reference whose antecedent is not in it
  cut           excerpt does not end a sentence (or ends on an abbreviation such as "Sen.")
  wrong speaker excerpt is reported speech (gold `speaker`) but the JSON does not attribute it to
                that speaker (no speaker field at all: every such excerpt is wrong)
  sources/slide distinct sources on a slide (target: >= 3, or as many as hold gold passages)
  negatives     excerpts overlapping a passage annotated as a trap

Exit status: 0 (also when targets are missed), 1 with --check when a target is missed,
2 when the harness itself fails (bad gold file, missing document, unknown part). A composer
crash is reported as a failed part: exit 0, or 1 with --check.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SEEDS = ROOT / "seeds"
THEMES = HERE / "themes"
# The default; --gold replaces it.
GOLD_FILES = [
    HERE / "gold.yaml",
    HERE / "gold-fresh.yaml",
    HERE / "gold-fresh2.yaml",
    HERE / "gold-fresh3.yaml",
    HERE / "gold-fresh4.yaml",
    HERE / "gold-fresh5.yaml",
    HERE / "gold-fresh6.yaml",
    HERE / "gold-fresh7.yaml",
    HERE / "gold-fresh8.yaml",
    HERE / "gold-fresh9.yaml",
    HERE / "gold-fresh10.yaml",
    HERE / "gold-fresh11.yaml",
    HERE / "gold-fresh12.yaml",
    HERE / "gold-fresh13.yaml",
    HERE / "gold-fresh14.yaml",
]
K = 4  # excerpts per slide

TARGETS = {
    "precision": 0.95,  # precision@4 on each part
    "cut": 0,
    "wrong_speaker": 0,
    "dangling_per": 32,  # at most 1 dangling opener per 32 excerpts
    "sources": 3,  # distinct sources per theme slide, where the gold has that many
}

# ----------------------------------------------------------------------------- heuristics

# Dangling openers. The excerpt's first word (after quotes, markdown emphasis and bullets) is:
#  - a personal or possessive pronoun: He She It They Him Her His Its Their Them
#      except expletive "It": "It is/was/... (up to 3 words) to/that/whether/how/why/clear..."
#  - a demonstrative: This These Those, and That unless followed by a capitalised word
#      ("That Biden visited Vietnam ..." is a subject clause, not a reference)
#  - Such ("Such a difference", "Such requests")
#  - "The latter" / "The former" followed by punctuation or a verb
#  - "The <anaphoric noun>" (ANAPHORIC_NOUNS: deal, document, strategy, ...) directly followed
#      by a verb or adverb (a finite verb or auxiliary from FINITE, or a lowercase word ending
#      in -s/-ed that is not a function word): "The deal was hailed", "The strategy depends",
#      but not "The partnership, agreed in 2022 with ..." nor "The deal signed last year ...".
# Not counted: I/we/you (the speaker check covers quotations), "Both sides", "There is".
# Opening connectives (However, But, Yet, ...) are reported apart, as information only.
PRONOUNS = {"he", "she", "they", "him", "her", "his", "its", "their", "them"}
DEMONSTRATIVES = {"this", "these", "those", "such"}
ANAPHORIC_NOUNS = set(
    """deal document documents agreement agreements strategy plan move visit trip decision
    statement report letter memo policy programme program project projects proposal initiative
    effort efforts work team group company firm official officials minister lecturer analyst
    researcher expert ministry standoff shortages buildup sequence lesson metaphor issue question
    goal money approach case change gap numbers measure law bill talks meeting event incident
    site mission partnership upgrade agency vessel ship ships shift concern idea country region
    framework relationship list""".split()
)
FINITE = set(
    """is was are were has have had will would could can may might must should shall also did
    does do came comes come said says showed shows adds added depends devotes commits reassures
    includes included marks marked remains remained seems seemed appears appeared strengthens
    follows followed drew draws raises raised signals signalled went goes became becomes gave
    gives took takes made makes still only never already""".split()
)
FUNCTION_S = {"as", "its", "his", "this", "thus", "across", "towards", "plus", "whereas", "unless"}
EXPLETIVE_IT = re.compile(
    r"^It\s+(?:is|was|(?:would|will|may|might|could|should|must|can) be|has been|had been"
    r"|seems|seemed|appears|appeared|remains|remained|is not|was not)\s+(?:\S+\s+){0,3}?"
    r"(?:to|that|whether|how|why|what|clear|likely|unlikely|difficult|hard|easy|possible)\b"
)
CONNECTIVES = set(
    """however but yet also still meanwhile moreover furthermore instead therefore thus indeed
    nevertheless nonetheless similarly likewise then besides and so""".split()
)
_LEAD = re.compile(r"^[\s\"“”‘’'*_#>•\-–—(\[]+")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*|[,;:]")


def opener_words(text: str, n: int = 4) -> list[str]:
    return _WORD.findall(_LEAD.sub("", text))[:n]


def dangling_opener(text: str) -> str | None:
    """The dangling opener an excerpt starts with, or None (see the rules above)."""
    words = opener_words(text)
    if not words:
        return None
    first = words[0].rstrip(".")
    low = first.lower()
    nxt = words[1] if len(words) > 1 else ""
    if low == "it":
        return None if EXPLETIVE_IT.match(_LEAD.sub("", text)) else first
    if low in PRONOUNS or low in DEMONSTRATIVES:
        return first
    if low == "that":
        return None if nxt[:1].isupper() else first
    if low == "the" and nxt:
        noun = nxt.lower()
        after = words[2].lower() if len(words) > 2 else ""
        if noun == "latter" or (
            noun == "former" and (not after or after in FINITE or after in ",;:")
        ):
            return f"The {nxt}"
        if noun in ANAPHORIC_NOUNS and after:
            verbish = after in FINITE or (
                re.fullmatch(r"[a-z]+(?:s|ed)", after) is not None and after not in FUNCTION_S
            )
            if verbish:
                return f"The {nxt}"
    return None


def connective_opener(text: str) -> str | None:
    words = opener_words(text, 1)
    if words and words[0].rstrip(",").lower() in CONNECTIVES:
        return words[0].rstrip(",")
    return None


# Cut sentences. After stripping trailing whitespace and closing quotes/brackets/emphasis
# (” ’ " ' ) ] * _), the excerpt must end with . ! ? or …, and must not end on an abbreviation
# that does not end sentences: honorifics and titles (ABBREVIATIONS), abbreviated months, or a
# single initial ("John F."). Titles and months count only capitalised ("Sen.", not "sen.").
ABBREVIATIONS = set(
    """sen. rep. gen. lt. col. maj. capt. sgt. adm. cmdr. amb. dr. prof. mr. mrs. ms. st. gov.
    pres. sec. rev. brig. cpl. pvt. hon. messrs. mt. ft. jan. feb. mar. apr. jun. jul. aug.
    sep. sept. oct. nov. dec. vol. vs. e.g. i.e. approx. dept. fig.""".split()
)
LOWER_ABBR = {"vs.", "e.g.", "i.e.", "approx."}
_CLOSERS = "”’\"')]*_ \t\r\n"


def cut_reason(text: str) -> str | None:
    """Why an excerpt is a cut sentence, or None when it ends a sentence."""
    stripped = text.rstrip().rstrip(_CLOSERS)
    if not stripped:
        return "empty"
    if stripped[-1] not in ".!?…":
        return f"ends with {stripped[-1]!r}"
    last = stripped.split()[-1].lstrip("(“\"‘'")
    # Case matters: "Sen." is a title, "four no." ends a sentence.
    if last.lower() in ABBREVIATIONS and (last[:1].isupper() or last.lower() in LOWER_ABBR):
        return f"ends on abbreviation {last!r}"
    if re.fullmatch(r"[A-Z]\.", last):
        return f"ends on initial {last!r}"
    return None


# Speaker attribution: the excerpt keys a composer may use to say who is speaking.
SPEAKER_KEYS = ("speaker", "attribution", "said_by", "voice")


def speaker_names(gold_speaker: str) -> list[str]:
    """Names that identify a gold speaker: each name (split on 'and' and commas), its last word,
    and any parenthesised label ('joint statement')."""
    names: list[str] = []
    for label in re.findall(r"\(([^)]*)\)", gold_speaker):
        names.append(label)
    bare = re.sub(r"\([^)]*\)", "", gold_speaker)
    for part in re.split(r",|\band\b", bare):
        part = part.strip()
        if not part:
            continue
        names.append(part)
        names.append(part.split()[-1])
    return [n.strip().lower() for n in names if len(n.strip()) > 1]


def speaker_value(excerpt: dict) -> str | None:
    for key in SPEAKER_KEYS:
        value = excerpt.get(key)
        if isinstance(value, dict):
            value = value.get("name") or value.get("speaker") or json.dumps(value)
        if value:
            return str(value)
    return None


def speaker_matches(value: str | None, gold_speaker: str) -> bool:
    if not value:
        return False
    low = value.lower()
    return any(re.search(rf"\b{re.escape(n)}\b", low) for n in speaker_names(gold_speaker))


def selftest() -> None:
    """Fixed examples for the heuristics (run with --selftest)."""
    dangling = {
        "The deal was hailed by officials as a model.": "The deal",
        "He advocated for heightened investment.": "He",
        "“It forced the ministries to write down numbers.”": "It",
        "This is not neutrality.": "This",
        "These include maintaining a rules-based order.": "These",
        "Such requests would force Hanoi to say no.": "Such",
        "The strategy depends on keeping both powers invested.": "The strategy",
        "That concern is widely shared.": "That",
    }
    clean = [
        "It is difficult to pinpoint what motivated the Vietnamese.",
        "It is unlikely that Vietnam will abandon the policy.",
        "It should be noted, however, that there is a big gap.",
        "That Biden visited Vietnam at Trong's invitation symbolises trust.",
        "The partnership, agreed in December 2022, aims to cap coal.",
        "The United States lifted its trade embargo in 1994.",
        "Vietnam's hedging has limits.",
        "**A:** Chip design is the most realistic.",
    ]
    for text, want in dangling.items():
        assert dangling_opener(text) == want, (text, dangling_opener(text))
    for text in clean:
        assert dangling_opener(text) is None, (text, dangling_opener(text))
    cut = [
        "He told Sen.",
        "said Dr.",
        "the rare earths;",
        "the section about it:",
        "according to Lt. Col.",
        "President John F.",
        "a deal signed in Sept.",
    ]
    whole = [
        "It was destroyed.",
        '"a small price for the trust it buys."',
        "Really?",
        "the policy four no.",
        "…as a core tenet.”",
        "in the U.S.",
        "(the 88 Project.)",
    ]
    for text in cut:
        assert cut_reason(text), text
    for text in whole:
        assert cut_reason(text) is None, (text, cut_reason(text))
    assert speaker_matches("Sen. Peter Welch (D-Vt.)", "Peter Welch")
    assert speaker_matches(
        "the joint statement", "Joe Biden and Nguyen Phu Trong (joint statement)"
    )
    assert speaker_matches("Trong", "Joe Biden and Nguyen Phu Trong (joint statement)")
    assert not speaker_matches("Jonathan Stromseth", "Pham Thu Ha")
    assert not speaker_matches(None, "Pham Thu Ha")


# ------------------------------------------------------------------------------ gold


class HarnessError(Exception):
    """The harness cannot run: bad gold file, missing document."""


@dataclass
class Passage:
    source: str
    quote: str
    spans: list[tuple[int, int]]
    speaker: str | None = None
    why: str | None = None


@dataclass
class Theme:
    id: str
    part: str
    gold: list[Passage] = field(default_factory=list)
    negatives: list[Passage] = field(default_factory=list)


@dataclass
class Part:
    """One part of a split: its themes, its documents and the folder they are in."""

    name: str
    gold_file: Path
    docs_dir: Path
    themes: list[str]
    docs: list[str]


SOURCE_SUFFIXES = {".txt", ".md", ".html", ".htm", ".pdf", ".docx"}
PLAIN_SUFFIXES = {".txt", ".md"}  # canonical text is the file itself (CONTRACT.md)


def source_path(name: str, part: Part) -> Path:
    for folder in (SEEDS, part.docs_dir):
        if (folder / name).is_file():
            return folder / name
    raise HarnessError(
        f"{part.gold_file.name}: source {name!r} is in neither seeds/ nor {part.docs_dir}"
    )


_TEXTS: dict[Path, str] = {}


def canonical_text(path: Path) -> str:
    """The text excerpt offsets index: the file for .txt/.md; for other formats what the public
    CLI's `briefing text --json` extracts, so quotes and excerpts are judged on what it quotes."""
    if path not in _TEXTS:
        if path.suffix.lower() in PLAIN_SUFFIXES:
            _TEXTS[path] = path.read_text(encoding="utf-8")
        else:
            cmd = [sys.executable, "-m", "briefing", "text", str(path), "--json"]
            proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)
            if proc.returncode != 0:
                last = (proc.stderr.strip().splitlines() or ["no message"])[-1]
                raise HarnessError(f"cannot extract the canonical text of {path}: {last}")
            try:
                _TEXTS[path] = json.loads(proc.stdout)["text"]
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise HarnessError(f"`briefing text --json {path}` gave no text: {exc}") from exc
    return _TEXTS[path]


def source_text(name: str, part: Part) -> str:
    return canonical_text(source_path(name, part))


def find_all(text: str, quote: str) -> list[tuple[int, int]]:
    spans, start = [], text.find(quote)
    while start >= 0:
        spans.append((start, start + len(quote)))
        start = text.find(quote, start + 1)
    return spans


def read_split(gold_file: Path, data: dict) -> dict[str, Part]:
    """The parts of one gold file's split: every theme and document in exactly one part, every
    document of its docs folder (`docs_dir`, default docs/) in some part."""
    where = gold_file.name
    docs_dir = (gold_file.parent / str(data.get("docs_dir") or "docs")).resolve()
    if not docs_dir.is_dir():
        raise HarnessError(f"{where}: documents folder {docs_dir} not found (docs_dir)")
    split = data.get("split")
    if not isinstance(split, dict) or not split:
        raise HarnessError(f"{where}: needs a `split` with at least one part")
    parts: dict[str, Part] = {}
    owner: dict[str, str] = {}
    theme_part: dict[str, str] = {}
    for name, spec in split.items():
        spec = spec or {}
        part = parts[name] = Part(name, gold_file, docs_dir, [], [])
        for doc in spec.get("docs") or []:
            if doc in owner:
                raise HarnessError(f"{where}: document {doc} is in two parts")
            if not (docs_dir / doc).is_file():
                raise HarnessError(f"{where}: document {doc} not found in {docs_dir}")
            owner[doc] = name
            part.docs.append(doc)
        for theme in spec.get("themes") or []:
            if theme in theme_part:
                raise HarnessError(f"{where}: theme {theme} is in two parts")
            if not (THEMES / f"{theme}.yaml").is_file():
                raise HarnessError(f"{where}: theme file {theme}.yaml not found in {THEMES}")
            theme_part[theme] = name
            part.themes.append(theme)
    unlisted = sorted(
        p.name
        for p in docs_dir.iterdir()
        if p.suffix.lower() in SOURCE_SUFFIXES and p.name not in owner
    )
    if unlisted:
        raise HarnessError(f"{where}: documents in no part: {', '.join(unlisted)}")
    return parts


def read_gold_file(gold_file: Path) -> dict:
    try:
        data = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise HarnessError(f"cannot read {gold_file}: {exc}") from exc
    if not isinstance(data, dict):
        raise HarnessError(f"{gold_file.name}: not a mapping with `split` and `themes`")
    return data


def load_themes(gold_file: Path, data: dict, parts: dict[str, Part]) -> dict[str, dict[str, Theme]]:
    """Check one gold file's passages: every quote an exact substring of its source's canonical
    text, every source in the seeds or in the theme's own part; per part, its themes."""
    where = gold_file.name
    part_of = {tid: p for p in parts.values() for tid in p.themes}
    owner = {doc: p.name for p in parts.values() for doc in p.docs}
    themes: dict[str, dict[str, Theme]] = {name: {} for name in parts}
    problems: list[str] = []
    for tid, spec in (data.get("themes") or {}).items():
        if tid not in part_of:
            raise HarnessError(f"{where}: theme {tid} is in no part of the split")
        part = part_of[tid]
        theme = themes[part.name][tid] = Theme(tid, part.name)
        for kind in ("gold", "negatives"):
            for i, entry in enumerate((spec or {}).get(kind) or []):
                at = f"{tid}.{kind}[{i}]"
                name, quote = entry.get("source"), entry.get("quote")
                if not name or not quote:
                    problems.append(f"{at}: needs source and quote")
                    continue
                if name in owner and owner[name] != part.name:
                    problems.append(f"{at}: {name} belongs to the {owner[name]} part")
                    continue
                try:
                    spans = find_all(source_text(name, part), quote)
                except HarnessError as exc:
                    problems.append(f"{at}: {exc}")
                    continue
                if not spans:
                    problems.append(
                        f"{at}: quote is not a verbatim substring of {name}'s canonical text:"
                        f" {quote[:70]!r}"
                    )
                    continue
                passage = Passage(name, quote, spans, entry.get("speaker"), entry.get("why"))
                getattr(theme, kind).append(passage)
        if len(theme.gold) < 6:
            problems.append(f"{tid}: only {len(theme.gold)} gold passages (at least 6 wanted)")
    missing = sorted(set(part_of) - {t for ts in themes.values() for t in ts})
    if missing:
        problems.append(f"no gold for themes: {', '.join(missing)}")
    if problems:
        raise HarnessError(f"{where} is invalid:\n  " + "\n  ".join(problems))
    return themes


def load_gold(
    gold_files: list[Path], wanted: str = "all"
) -> tuple[dict[str, Part], dict[str, dict[str, Theme]]]:
    """The parts of all gold files, in order (a part name in one file only), and the checked
    themes of the files that hold the wanted part (`all`: every file), so that a run of one part
    does not extract or judge the other files' documents."""
    parts: dict[str, Part] = {}
    files: list[tuple[Path, dict, dict[str, Part]]] = []
    for gold_file in gold_files:
        data = read_gold_file(gold_file)
        file_parts = read_split(gold_file, data)
        for name, part in file_parts.items():
            if name in parts:
                raise HarnessError(
                    f"{gold_file.name}: part {name!r} is also in {parts[name].gold_file.name}"
                )
            parts[name] = part
        files.append((gold_file, data, file_parts))
    if wanted != "all" and wanted not in parts:
        raise HarnessError(f"no part {wanted!r} in the gold files; parts: {', '.join(parts)}")
    themes: dict[str, dict[str, Theme]] = {}
    for gold_file, data, file_parts in files:
        if wanted == "all" or wanted in file_parts:
            themes.update(load_themes(gold_file, data, file_parts))
    if wanted != "all":
        parts = {wanted: parts[wanted]}
    return parts, themes


# ---------------------------------------------------------------------------- compose


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Overlap covers >= 50% of the shorter span."""
    inter = min(a[1], b[1]) - max(a[0], b[0])
    shorter = min(a[1] - a[0], b[1] - b[0])
    return shorter > 0 and inter > 0 and inter >= 0.5 * shorter


def hit(excerpt: dict, passages: list[Passage]) -> Passage | None:
    span = (excerpt["start"], excerpt["end"])
    for p in passages:
        if p.source == excerpt["source"] and any(overlaps(span, s) for s in p.spans):
            return p
    return None


def compose_part(part: Part, themes: dict[str, Theme], keep: Path | None) -> dict:
    """Compose the part's outline through the CLI; the parsed JSON or an {'error': ...}."""
    tmp = Path(tempfile.mkdtemp(prefix=f"quality-{part.name}-"))
    try:
        sources = tmp / "sources"
        sources.mkdir()
        for f in SEEDS.iterdir():
            if f.is_file():
                shutil.copy2(f, sources / f.name)
        for doc in part.docs:
            shutil.copy2(part.docs_dir / doc, sources / doc)
        outline = {
            "title": f"Excerpt quality: {part.name}",
            "sources": "sources",  # relative to the outline, so a --keep copy still works
            "themes": str(THEMES),
            "slides": [
                {"title": tid, "theme": tid, "excerpts": K} for tid in part.themes if tid in themes
            ],
        }
        outline_path = tmp / "outline.yaml"
        outline_path.write_text(yaml.safe_dump(outline, sort_keys=False), encoding="utf-8")
        env = dict(os.environ, BRIEFING_CACHE_DIR=str(tmp / "cache"))
        env.pop("BRIEFING_DEBUG", None)
        cmd = [sys.executable, "-m", "briefing", "compose", str(outline_path), "--json"]
        proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
        if proc.returncode != 0:
            return {"error": f"compose exited {proc.returncode}: {proc.stderr.strip()[-2000:]}"}
        try:
            deck = json.loads(proc.stdout)
        except json.JSONDecodeError as exc:
            return {"error": f"compose printed invalid JSON: {exc}"}
        deck["_stderr"] = proc.stderr.strip()
        return deck
    finally:
        if keep is not None:
            dest = keep / part.name
            shutil.rmtree(dest, ignore_errors=True)
            shutil.copytree(tmp, dest, ignore=shutil.ignore_patterns("cache"))
        shutil.rmtree(tmp, ignore_errors=True)


# ---------------------------------------------------------------------------- scoring


def score_slide(theme: Theme, slide: dict, has_speaker_field: bool, part: Part) -> dict:
    excerpts = slide.get("excerpts") or []
    rows, gains = [], []
    for e in excerpts:
        text = e.get("text", "")
        try:
            canonical: str | None = source_text(e["source"], part)
        except HarnessError:  # a source the harness did not give it: cannot be verbatim
            canonical = None
        verbatim = canonical is not None and canonical[e["start"] : e["end"]] == text
        gold = hit(e, theme.gold)
        negative = hit(e, theme.negatives)
        wrong_speaker = None
        if gold is not None and gold.speaker:
            said = speaker_value(e) if has_speaker_field else None
            wrong_speaker = not speaker_matches(said, gold.speaker)
        row = {
            "source": e["source"],
            "start": e["start"],
            "end": e["end"],
            "text": text,
            "relevant": gold is not None,
            "gold_speaker": gold.speaker if gold else None,
            "wrong_speaker": bool(wrong_speaker),
            "negative": negative.why if negative else None,
            "dangling": dangling_opener(text),
            "connective": connective_opener(text),
            "cut": cut_reason(text),
            "verbatim": verbatim,
        }
        rows.append(row)
        gains.append(1.0 if gold is not None else 0.0)
    dcg = sum(g / math.log2(i + 2) for i, g in enumerate(gains[:K]))
    ideal_n = min(K, len(theme.gold))
    idcg = sum(1 / math.log2(i + 2) for i in range(ideal_n))
    available = len({p.source for p in theme.gold})
    distinct = len({r["source"] for r in rows})
    return {
        "theme": theme.id,
        "excerpts": rows,
        "precision": sum(gains[:K]) / K,
        "ndcg": dcg / idcg if idcg else 0.0,
        "sources": distinct,
        "sources_wanted": min(TARGETS["sources"], available),
        "warnings": slide.get("warnings") or [],
    }


def summarise(slides: list[dict]) -> dict:
    rows = [r for s in slides for r in s["excerpts"]]
    n = len(rows)
    return {
        "slides": len(slides),
        "excerpts": n,
        "precision@4": sum(s["precision"] for s in slides) / len(slides) if slides else 0.0,
        "ndcg@4": sum(s["ndcg"] for s in slides) / len(slides) if slides else 0.0,
        "dangling": sum(1 for r in rows if r["dangling"]),
        "connective": sum(1 for r in rows if r["connective"]),
        "cut": sum(1 for r in rows if r["cut"]),
        "speaker_excerpts": sum(1 for r in rows if r["gold_speaker"]),
        "wrong_speaker": sum(1 for r in rows if r["wrong_speaker"]),
        "negatives": sum(1 for r in rows if r["negative"]),
        "not_verbatim": sum(1 for r in rows if not r["verbatim"]),
        "sources_per_slide": (sum(s["sources"] for s in slides) / len(slides)) if slides else 0.0,
        "slides_short_of_sources": sum(1 for s in slides if s["sources"] < s["sources_wanted"]),
    }


def misses(name: str, summary: dict, failed: bool) -> list[str]:
    out = []
    if failed:
        return [f"{name}: composition failed"]
    if summary["precision@4"] < TARGETS["precision"]:
        out.append(f"{name}: precision@4 {summary['precision@4']:.3f} < {TARGETS['precision']}")
    if summary["cut"] > TARGETS["cut"]:
        out.append(f"{name}: {summary['cut']} cut sentences")
    if summary["wrong_speaker"] > TARGETS["wrong_speaker"]:
        out.append(f"{name}: {summary['wrong_speaker']} wrong speakers")
    if summary["dangling"] * TARGETS["dangling_per"] > max(summary["excerpts"], 1):
        out.append(
            f"{name}: {summary['dangling']} dangling openers in {summary['excerpts']}"
            f" excerpts (> 1 per {TARGETS['dangling_per']})"
        )
    if summary["slides_short_of_sources"]:
        out.append(
            f"{name}: {summary['slides_short_of_sources']} slides with fewer than"
            f" {TARGETS['sources']} sources where the gold has them"
        )
    return out


# ---------------------------------------------------------------------------- report

COLUMNS = [
    ("part", "{}", 8),
    ("P@4", "{:.3f}", 6),
    ("nDCG@4", "{:.3f}", 7),
    ("exc", "{}", 4),
    ("dangl", "{}", 6),
    ("cut", "{}", 4),
    ("spk", "{}", 4),
    ("wrong", "{}", 6),
    ("neg", "{}", 4),
    ("src/sl", "{:.2f}", 7),
    ("short", "{}", 6),
]


def table_row(name: str, s: dict) -> str:
    values = [
        name,
        s["precision@4"],
        s["ndcg@4"],
        s["excerpts"],
        s["dangling"],
        s["cut"],
        s["speaker_excerpts"],
        s["wrong_speaker"],
        s["negatives"],
        s["sources_per_slide"],
        s["slides_short_of_sources"],
    ]
    return "  ".join(fmt.format(v).rjust(w) for (_, fmt, w), v in zip(COLUMNS, values, strict=True))


def print_report(report: dict, verbose: bool) -> None:
    print("Excerpt quality (bench/quality)")
    print("")
    print("Per theme")
    for part, result in report["parts"].items():
        if result.get("error"):
            print(f"  [{part}] COMPOSE FAILED: {result['error']}")
            continue
        for s in result["slides"]:
            flags = []
            for r in s["excerpts"]:
                mark = "+" if r["relevant"] else ("x" if r["negative"] else "-")
                flags.append(mark)
            print(
                f"  [{part}] {s['theme']:<18} P@4 {s['precision']:.2f}  nDCG {s['ndcg']:.2f}"
                f"  sources {s['sources']}/{s['sources_wanted']}  {''.join(flags)}"
            )
            if verbose:
                for r in s["excerpts"]:
                    tags = [
                        t
                        for t in (
                            "relevant" if r["relevant"] else "not gold",
                            f"NEGATIVE ({r['negative']})" if r["negative"] else "",
                            f"dangling '{r['dangling']}'" if r["dangling"] else "",
                            f"cut ({r['cut']})" if r["cut"] else "",
                            f"WRONG SPEAKER (is {r['gold_speaker']})" if r["wrong_speaker"] else "",
                            "NOT VERBATIM" if not r["verbatim"] else "",
                        )
                        if t
                    ]
                    text = " ".join(r["text"].split())
                    text = text if len(text) <= 160 else text[:157] + "..."
                    print(f"      {r['source']} [{r['start']}:{r['end']}] {', '.join(tags)}")
                    print(f"        “{text}”")
    print("")
    print("  ".join(h.rjust(w) for h, _, w in COLUMNS))
    for name, s in report["summary"].items():
        print(table_row(name, s))
    print("")
    print(
        "P@4/nDCG@4: mean over theme slides; exc: excerpts; dangl: dangling openers; cut: cut"
        " sentences;\nspk: excerpts that are reported speech; wrong: of those, not attributed to"
        " the speaker;\nneg: excerpts on an annotated trap; src/sl: distinct sources per slide;"
        " short: slides under the sources target."
    )
    if report["misses"]:
        print("")
        print("Targets missed:")
        for m in report["misses"]:
            print(f"  - {m}")
    else:
        print("\nAll targets met.")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--part",
        default="all",
        metavar="NAME",
        help="which part to compose: tune, holdout, fresh, fresh2, fresh3, fresh4, fresh5, fresh6,"
        " fresh7 to fresh14 or all (tune while tuning; default: all)",
    )
    parser.add_argument(
        "--gold",
        type=Path,
        action="append",
        metavar="FILE",
        help="a gold file (repeatable; default: gold.yaml and gold-fresh*.yaml)",
    )
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every excerpt")
    parser.add_argument(
        "--validate-only",
        action="store_true",
        help="check the gold files (verbatim quotes, split) and stop",
    )
    parser.add_argument(
        "--selftest",
        action="store_true",
        help="check the dangling/cut/speaker heuristics on fixed examples",
    )
    parser.add_argument("--keep", type=Path, help="copy each part's outline and sources here")
    args = parser.parse_args(argv)
    if args.selftest:
        selftest()
        print("heuristics self-test ok")
        return 0
    gold_files = [p.resolve() for p in args.gold] if args.gold else GOLD_FILES
    try:
        parts, themes = load_gold(gold_files, args.part)
    except HarnessError as exc:
        print(f"evaluate.py: {exc}", file=sys.stderr)
        return 2
    if args.validate_only:
        for gold_file in gold_files:
            names = [p.name for p in parts.values() if p.gold_file == gold_file]
            if not names:
                continue
            mine = [t for name in names for t in themes[name].values()]
            n_gold = sum(len(t.gold) for t in mine)
            n_neg = sum(len(t.negatives) for t in mine)
            print(
                f"{gold_file.name} ok: parts {', '.join(names)}; {len(mine)} themes,"
                f" {n_gold} gold passages, {n_neg} negatives"
            )
        return 0
    report: dict = {"parts": {}, "summary": {}, "misses": []}
    all_slides: list[dict] = []
    failed_any = False
    for name, part in parts.items():
        part_themes = themes[name]
        deck = compose_part(part, part_themes, args.keep)
        if "error" in deck:
            report["parts"][name] = {"error": deck["error"]}
            report["misses"].extend(misses(name, {}, True))
            failed_any = True
            continue
        has_speaker = any(
            any(k in e for k in SPEAKER_KEYS)
            for sl in deck.get("slides", [])
            for e in sl.get("excerpts") or []
        )
        slides = []
        for sl in deck.get("slides", []):
            if sl.get("theme") in part_themes:
                slides.append(score_slide(part_themes[sl["theme"]], sl, has_speaker, part))
        summary = summarise(slides)
        report["parts"][name] = {
            "slides": slides,
            "speaker_field": has_speaker,
            "warnings": deck.get("_stderr", ""),
        }
        report["summary"][name] = summary
        part_misses = misses(name, summary, False)
        if len(parts) > 1:  # only precision is a per-part target; the rest are judged overall
            part_misses = [m for m in part_misses if "precision" in m]
        report["misses"].extend(part_misses)
        all_slides.extend(slides)
    if len(parts) > 1 and not failed_any:
        report["summary"]["overall"] = summarise(all_slides)
        report["misses"].extend(
            m
            for m in misses("overall", report["summary"]["overall"], False)
            if "precision" not in m  # precision is a per-part target
        )
    report["targets"] = TARGETS
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print_report(report, args.verbose)
    return 1 if args.check and report["misses"] else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except HarnessError as exc:
        print(f"evaluate.py: {exc}", file=sys.stderr)
        sys.exit(2)
