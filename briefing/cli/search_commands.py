"""`briefing search`: evidence search from the shell, through the TUI's `/` search engine."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from briefing.cli import SOURCES_OPTION, cli, warn
from briefing.errors import BriefingError

if TYPE_CHECKING:
    from briefing.deck import Excerpt

# FTS5's operators: the engine quotes every word, so a query of only these finds nothing a
# user meant, and is refused rather than quietly searched for the English word "near".
OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})


def check_query(query: str) -> str:
    """The query, stripped; a BriefingError naming the fix when it holds nothing to search."""
    stripped = query.strip()
    words = re.findall(r"\w+", stripped)
    if not stripped:
        raise BriefingError("QUERY is empty: give one or more words, e.g. briefing search Vietnam")
    if not words:
        raise BriefingError(
            f"QUERY {query!r} holds no words, only punctuation: search for words, "
            "e.g. briefing search '\"supply chain\"'"
        )
    if all(word in OPERATORS for word in words):
        raise BriefingError(
            f"QUERY {query!r} holds only search operators ({', '.join(sorted(OPERATORS))}); "
            "search for the words themselves, e.g. briefing search Vietnam"
        )
    return stripped


def sources_folder(outline: Path | None, sources: Path | None) -> Path:
    """--sources, else the outline's sources, else the project's seeds/ (as `excerpts` does)."""
    from briefing.outline.folders import project_root
    from briefing.outline.load import load_outline

    if sources is None and outline is not None:
        sources = load_outline(outline).sources_dir
    if sources is None:
        sources = project_root(Path.cwd() / "outline.yaml") / "seeds"
    if not sources.is_dir():
        what = "is not a folder" if sources.exists() else "does not exist"
        raise BriefingError(f"sources folder {sources} {what}: pass --sources DIR or --outline")
    return sources


def hit_json(excerpt: Excerpt) -> dict[str, Any]:
    """One hit as `--json` prints it: text == canonical_text[start:end]."""
    hit: dict[str, Any] = {
        "source": excerpt.source.file,
        "start": excerpt.start,
        "end": excerpt.end,
        "text": excerpt.text,
        "citation": excerpt.citation,
        "score": round(excerpt.score, 6),
    }
    if excerpt.page is not None:
        hit["page"] = excerpt.page
        hit["page_label"] = excerpt.page_label
    if excerpt.source.url:
        hit["url"] = excerpt.source.url
    return hit


def find(folder: Path, query: str, limit: int) -> tuple[list[Excerpt], list[str]]:
    """The top passages for `query` in `folder` and the library's warnings: the `/` engine."""
    from briefing.tui.present.evidence import Evidence  # no Textual: the corpus side only

    evidence = Evidence(folder)
    try:
        return evidence.search(query, limit), evidence.library().warnings
    finally:
        evidence.close()


@cli.command()
@click.argument("query")
@SOURCES_OPTION
@click.option(
    "--outline",
    "outline",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Search this outline's sources folder.",
)
@click.option(
    "-n",
    "--limit",
    type=click.IntRange(min=1),
    default=10,
    show_default=True,
    help="How many passages (1 or more).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the hits as JSON.")
def search(
    query: str, sources_dir: Path | None, outline: Path | None, limit: int, as_json: bool
) -> None:
    """Search every source for QUERY and print the best passages, verbatim, with citations."""
    text = check_query(query)
    folder = sources_folder(outline, sources_dir)
    hits, warnings = find(folder, text, limit)
    warn(warnings)
    if as_json:
        payload = {"query": text, "hits": [hit_json(h) for h in hits]}
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    if not hits:
        click.echo(f"no passages match {text!r} in {folder}", err=True)
        return
    for rank, hit in enumerate(hits, 1):
        click.echo(
            click.style(f"{rank:>3}. {hit.source.file} [{hit.start}:{hit.end}]", bold=True)
            + f"  {hit.citation}  (score {hit.score:.3g})"
        )
        click.echo(f"     {hit.text}")
        click.echo("")
