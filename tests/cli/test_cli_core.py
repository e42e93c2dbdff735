"""The core commands as a user runs them, and every kind of bad input: a clear message naming
the file (and line), a non-zero exit, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import Result

from briefing.cli import _register
from tests.conftest import run_cli, write

_register()


run = run_cli


def assert_clean_failure(result: Result, *fragments: str) -> None:
    assert result.exit_code != 0
    assert "Traceback" not in result.output + result.stderr
    for fragment in fragments:
        assert fragment in result.stderr + result.output, (fragment, result.stderr)


def test_compose_json_matches_the_contract(project: Path) -> None:
    result = run("compose", project / "outlines" / "us-vietnam.yaml", "--json")
    assert result.exit_code == 0, result.stderr
    deck = json.loads(result.stdout)
    assert deck["title"] == "The US-Vietnam Comprehensive Strategic Partnership"
    first = deck["slides"][0]
    assert first["theme"] is None and first["excerpts"] == []
    for slide in deck["slides"]:
        for e in slide["excerpts"]:
            text = (project / "seeds" / e["source"]).read_text(encoding="utf-8")
            assert text[e["start"] : e["end"]] == e["text"]


def test_compose_prints_a_readable_deck(project: Path) -> None:
    result = run("compose", project / "outlines" / "us-vietnam.yaml")
    assert result.exit_code == 0
    assert "3. Balancing China" in result.stdout
    assert "] Stromseth, Nikkei Asia, 18 Sep 2023" in result.stdout
    assert "Sources" in result.stdout


def test_check_passes_the_example(project: Path) -> None:
    assert run("check", project / "outlines" / "us-vietnam.yaml").exit_code == 0


def test_python_dash_m_is_the_same_program(project: Path) -> None:
    outline = project / "outlines" / "us-vietnam.yaml"
    done = subprocess.run(
        [sys.executable, "-m", "briefing", "check", str(outline)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_malformed_yaml_names_file_line_and_column(project: Path) -> None:
    outline = write(project / "outlines" / "bad.yaml", "title: x\nslides:\n  - title: [oops\n")
    result = run("check", outline)
    assert result.exit_code == 1
    assert "bad.yaml:4:1: malformed YAML" in result.stdout
    assert_clean_failure(run("compose", outline, "--json"), "bad.yaml:4:1: malformed YAML")


def test_unknown_key_suggests_the_nearest(project: Path) -> None:
    outline = write(
        project / "outlines" / "typo.yaml",
        "title: T\nslides:\n  - title: A\n    theme: semiconductors\n    exerpts: 2\n",
    )
    result = run("check", outline)
    assert result.exit_code == 1
    assert (
        "typo.yaml:5:5: slide 1 'A': unknown key 'exerpts' (did you mean 'excerpts'?)"
        in result.stdout
    )


def test_unknown_theme_suggests_the_nearest(project: Path) -> None:
    outline = write(
        project / "outlines" / "theme.yaml",
        "title: T\nslides:\n  - title: A\n    theme: human-right\n",
    )
    result = run("check", outline)
    assert "theme.yaml:4:12: unknown theme 'human-right' (did you mean 'human-rights'?)" in (
        result.stdout
    )
    assert_clean_failure(run("compose", outline), "did you mean 'human-rights'?")


def test_every_problem_is_reported_at_once(project: Path) -> None:
    outline = write(
        project / "outlines" / "many.yaml",
        "titel: T\nslides:\n  - title: A\n    theme: nope\n  - bullets: [x]\n",
    )
    lines = run("check", outline).stdout.strip().splitlines()
    assert len(lines) == 4, lines  # titel, missing title, unknown theme, slide without title


def test_missing_sources_folder(project: Path) -> None:
    outline = write(
        project / "outlines" / "src.yaml",
        "title: T\nsources: ../nowhere\nslides:\n  - title: A\n    theme: semiconductors\n",
    )
    assert "src.yaml:2:10: sources folder not found" in run("check", outline).stdout
    assert_clean_failure(run("compose", outline), "sources folder not found", "nowhere")


def test_empty_sources_folder(project: Path) -> None:
    (project / "empty").mkdir()
    outline = write(
        project / "outlines" / "empty.yaml",
        "title: T\nsources: ../empty\nslides:\n  - title: A\n    theme: semiconductors\n",
    )
    assert_clean_failure(run("compose", outline), "no source documents", "empty")


def test_binary_and_non_utf8_sources_are_skipped_with_a_warning(project: Path) -> None:
    (project / "seeds" / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    (project / "seeds" / "latin1.txt").write_bytes("Café in Hanoi.".encode("latin-1"))
    (project / "seeds" / "notepad.txt").write_bytes("Hà Nội, 11 September.".encode("utf-16"))
    outline = project / "outlines" / "us-vietnam.yaml"
    result = run("compose", outline, "--json")
    assert result.exit_code == 0
    assert "warning: skipped notepad.txt: UTF-16 text, not UTF-8; re-save it as UTF-8" in (
        result.stderr
    )
    assert "warning: skipped latin1.txt: not UTF-8 (bad byte at line 1)" in result.stderr
    assert "warning: skipped scan.txt: binary file" in result.stderr
    assert json.loads(result.stdout)["slides"]
    checked = run("check", outline)
    assert checked.exit_code == 1
    assert "seeds/latin1.txt:1:1: skipped: not UTF-8" in checked.stdout


def test_only_unreadable_sources_fails(project: Path) -> None:
    for path in (project / "seeds").glob("*.txt"):
        path.unlink()
    (project / "seeds" / "only.txt").write_bytes(b"\xff\xfe\x00\x00")
    assert_clean_failure(
        run("compose", project / "outlines" / "us-vietnam.yaml"), "no readable source documents"
    )


def test_theme_with_empty_keywords(project: Path) -> None:
    write(project / "themes" / "semiconductors.yaml", "title: Chips\nkeywords: []\n")
    outline = project / "outlines" / "us-vietnam.yaml"
    result = run("check", outline)
    assert result.exit_code == 1
    assert "semiconductors.yaml:2:11: keywords: add at least one keyword" in result.stdout
    assert_clean_failure(run("compose", outline), "semiconductors.yaml:2:11")


def test_more_excerpts_than_exist_warns_and_shows_what_there_is(project: Path) -> None:
    outline = write(
        project / "outlines" / "greedy.yaml",
        "title: T\nslides:\n  - title: A\n    theme: human-rights\n    excerpts: 20\n",
    )
    result = run("compose", outline, "--json")
    assert result.exit_code == 0
    assert "asked for 20 excerpts, found" in result.stderr
    assert 0 < len(json.loads(result.stdout)["slides"][0]["excerpts"]) < 20


def test_outline_that_is_not_utf8_or_missing(project: Path) -> None:
    bad = project / "outlines" / "latin.yaml"
    bad.write_bytes("title: Caf\xe9\n".encode("latin-1"))
    assert "latin.yaml:1:11: not UTF-8" in run("check", bad).stdout
    assert_clean_failure(run("compose", project / "nope.yaml"), "nope.yaml:1:1: file not found")


def test_notes_template_error_names_outline_and_slide(project: Path) -> None:
    outline = write(
        project / "outlines" / "notes.yaml",
        "title: T\nslides:\n  - title: Intro\n    notes: '{{ nothing.here }}'\n",
    )
    assert_clean_failure(
        run("compose", outline), "notes.yaml: slide 1 'Intro': speaker notes template error"
    )


def test_notes_templates_are_sandboxed(project: Path) -> None:
    outline = write(
        project / "outlines" / "evil.yaml",
        "title: T\nslides:\n  - title: Intro\n"
        "    notes: '{{ slide.__class__.__init__.__globals__ }}'\n",
    )
    assert_clean_failure(run("compose", outline), "speaker notes template error")


def test_sources_lists_metadata_and_what_cleaning_removed(project: Path) -> None:
    result = run("sources", "--sources", project / "seeds", "-v")
    assert result.exit_code == 0
    assert "Jonathan Stromseth" in result.stdout
    assert "author    unknown" in result.stdout
    assert "[cookie banner] En poursuivant" in result.stdout
    assert "low quality" in result.stdout  # the garbled rewrite is flagged


def test_themes_lists_match_counts_per_source(project: Path) -> None:
    result = run("themes", "--outline", project / "outlines" / "us-vietnam.yaml")
    assert result.exit_code == 0
    assert "defence-four-nos" in result.stdout and "matching paragraphs:" in result.stdout
    assert "004_e7211fdc0900ced7.txt" in result.stdout


def test_excerpts_shows_ranked_candidates_with_terms(project: Path) -> None:
    result = run(
        "excerpts", "semiconductors", "--outline", project / "outlines" / "us-vietnam.yaml"
    )
    assert result.exit_code == 0
    assert "  1. score" in result.stdout
    assert "matched: semiconductor" in result.stdout
    assert_clean_failure(
        run("excerpts", "semiconductor", "--outline", project / "outlines" / "us-vietnam.yaml"),
        "did you mean 'semiconductors'?",
    )


def test_excerpts_shows_one_pair_of_quotation_marks(project: Path) -> None:
    """Inner double quotes show as single marks, as on slides: the seeds quote "four nos"."""
    result = run(
        "excerpts", "defence-four-nos", "-n", "400",
        "--outline", project / "outlines" / "us-vietnam.yaml",
    )  # fmt: skip
    assert result.exit_code == 0
    shown = [line.strip() for line in result.stdout.splitlines() if line.startswith("     \u201c")]
    assert any("\u2018" in line or "'" in line for line in shown)  # some had inner quotes
    for line in shown:
        inner = line[1:-1]
        assert '"' not in inner and "\u201c" not in inner and "\u201d" not in inner, line


@pytest.mark.parametrize("command", ["compose", "check"])
def test_outline_path_is_a_folder(project: Path, command: str) -> None:
    result = run(command, project / "outlines")
    assert result.exit_code != 0
    assert "Traceback" not in result.output


def test_a_reader_that_stops_early_is_not_an_error(project: Path) -> None:
    """`briefing sources -v | head -1`: the pipe closes while briefing still writes; no
    traceback, no internal error (it was `internal error: BrokenPipeError`)."""
    pipeline = subprocess.run(
        f"{sys.executable} -m briefing sources -v --sources {project / 'seeds'} | head -n 1",
        shell=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert pipeline.stdout.strip()
    assert "Traceback" not in pipeline.stderr
    assert "internal error" not in pipeline.stderr, pipeline.stderr


def test_excerpts_quotes_the_languages_the_outline_allows(project: Path) -> None:
    german = (
        "Die sogenannte Just Energy Transition Partnership (JETP) mit den G7-Staaten sieht "
        "Finanzhilfen für den Ausstieg aus der Kohle vor, doch bisher floss wenig Geld.\n\n"
    )
    write(project / "seeds" / "zz-kohle.txt", german + german.replace("G7", "G8"))
    write(project / "themes" / "jetp.yaml", "title: JETP\nkeywords: [JETP, coal]\n")
    outline = project / "outlines" / "us-vietnam.yaml"
    english = run("excerpts", "jetp", "--outline", outline, "-n", "400")
    assert english.exit_code == 0, english.stderr
    assert "zz-kohle.txt" not in english.stdout
    text = outline.read_text(encoding="utf-8")
    outline.write_text(text.replace("\nslides:", "\nlanguage: [en, de]\nslides:", 1), "utf-8")
    both = run("excerpts", "jetp", "--outline", outline, "-n", "400")
    assert both.exit_code == 0, both.stderr
    assert "zz-kohle.txt" in both.stdout


def test_check_renders_notes_against_the_excerpts_really_chosen(project: Path) -> None:
    """A template that holds for the six excerpts asked for, but not for the few the corpus
    really has, fails `build`; `check` must say so first, at the slide's line."""
    write(
        project / "themes" / "rare.yaml", "title: Bamboo diplomacy\nkeywords: [bamboo diplomacy]\n"
    )
    outline = write(
        project / "outlines" / "rare.yaml",
        "title: Real context\nslides:\n  - title: Bamboo\n    theme: rare\n    excerpts: 6\n"
        '    notes: "Last of six: {{ excerpts[5].source }}"\n',
    )
    assert run("build", outline, "-o", project / "x.pptx").exit_code != 0
    checked = run("check", outline)
    assert checked.exit_code == 1
    assert "rare.yaml:3:5: slide 1 'Bamboo'" in checked.stdout
    assert "no element 5" in checked.stdout
