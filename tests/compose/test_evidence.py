"""Keyword evidence: lexeme-level matching, specificity, and lone generic keywords."""

from __future__ import annotations

from pathlib import Path

from briefing.compose import lexeme
from briefing.compose.ranking import rank_theme
from briefing.outline.themes import Theme
from briefing.sources.library import Library
from tests.conftest import write_folder


def matched(keyword: str, text: str) -> list[str]:
    return [h.surface for h in lexeme.hits([keyword], text)]


def test_normally_is_not_normalisation():
    assert matched("normalisation", "Trade normally resumed after the war.") == []
    assert matched("normalisation", "The normalization of relations came in 1995.") == [
        "normalization"
    ]


def test_plurals_and_spellings_are_one_lexeme():
    assert matched("semiconductor", "Two semiconductors plants opened.") == ["semiconductors"]
    assert matched("defence", "A defense pact was not on the table.") == ["defense"]
    assert matched("supply chain", "Supply chains moved south.") == ["Supply chains"]


def test_phrase_needs_every_word_in_order():
    assert matched("clean energy", "Energy that is clean costs more.") == []
    assert matched("four no's", "the \u201cfour nos\u201d policy") == ["four nos"]


def _theme(tmp: Path, keywords: list[str], **kw) -> Theme:
    return Theme(
        id="t",
        title="T",
        keywords=tuple(keywords),
        weights=kw.get("weights", {}),
        exclude=(),
        summary=None,
        path=tmp / "t.yaml",
        context=tuple(kw.get("context", ())),
    )


FILLER = (
    "The weather in the capital was mild for the season and the markets were calm all week.\n\n"
)


def _library(tmp: Path, docs: dict[str, str]) -> Library:
    return Library(write_folder(tmp / "src", docs), db_path=tmp / "index.db")


def test_lone_generic_keyword_loses_to_a_passage_about_the_theme(tmp_path):
    docs = {
        "office.txt": FILLER
        * 3
        + "Staff said the office environment had improved a great deal since the new managers "
        "arrived, with quieter rooms and better lighting for everyone.\n\n",
        "climate.txt": FILLER
        * 3
        + "Coal still supplies half of the country's power, and the climate pledge depends on "
        "renewable capacity being built faster than planned.\n\n",
    }
    library = _library(tmp_path, docs)
    try:
        theme = _theme(tmp_path, ["climate", "coal", "renewable", "environment"])
        ranked = rank_theme(library, theme)
        assert ranked[0].source == "climate.txt"
        assert set(ranked[0].terms) == {"Coal", "climate", "renewable"}
    finally:
        library.close()


def test_stem_collision_is_no_evidence(tmp_path):
    docs = {"a.txt": FILLER + "Trade normally resumed in the spring after a long pause.\n\n"}
    library = _library(tmp_path, docs)
    try:
        assert rank_theme(library, _theme(tmp_path, ["normalisation"])) == []
    finally:
        library.close()


def test_context_keyword_needs_company(tmp_path):
    docs = {
        "a.txt": FILLER + "Exports of tin ore rose sharply in the 1920s under the colonial "
        "administration of the northern mines.\n\n",
        "b.txt": FILLER + "Exports to the United States grew as the trade surplus widened and "
        "tariff threats returned to the agenda this year.\n\n",
    }
    library = _library(tmp_path, docs)
    try:
        theme = _theme(tmp_path, ["export", "trade surplus", "tariff"], context=["export"])
        ranked = rank_theme(library, theme)
        assert [c.source for c in ranked][:1] == ["b.txt"]
        lone = next(c for c in ranked if c.source == "a.txt")
        assert lone.score < ranked[0].score / 5
    finally:
        library.close()


def test_a_source_in_another_language_is_not_quoted(tmp_path):
    german = (
        "Die sogenannte Just Energy Transition Partnership (JETP) mit den G7-Staaten sieht "
        "Finanzhilfen für den Ausstieg aus der Kohle vor, doch bisher floss wenig Geld.\n\n"
    )
    english = (
        "The Just Energy Transition Partnership (JETP) promised funds to retire coal plants "
        "early, but little of the money has been disbursed so far, officials said.\n\n"
    )
    library = _library(tmp_path, {"de.txt": german + german.replace("G7", "G8"), "en.txt": english})
    try:
        theme = _theme(tmp_path, ["JETP", "coal"])
        assert {c.source for c in rank_theme(library, theme)} == {"en.txt"}
        assert "de.txt" in {c.source for c in rank_theme(library, theme, ("en", "de"))}
    finally:
        library.close()


def test_shipped_themes_do_not_quote_a_generic_keyword_alone(tmp_path):
    """The shipped human-rights theme: "regime" in a trade passage is not evidence of a
    human-rights passage, while a passage about rights is."""
    from briefing.outline.themes import load_themes

    root = Path(__file__).resolve().parents[2]
    theme = load_themes(root / "themes", {"human-rights"})["human-rights"]
    docs = {
        "trade.txt": FILLER
        * 3
        + "A stricter export-control regime for dual-use machinery took effect in March, and "
        "customs officers began checking every shipment bound for the port, officials said.\n\n",
        "rights.txt": FILLER
        * 3
        + "Rights groups say at least 160 people are jailed for peaceful expression, and press "
        "freedom monitors rank the country near the bottom of their annual index.\n\n",
    }
    library = _library(tmp_path, docs)
    try:
        ranked = rank_theme(library, theme)
        assert ranked and ranked[0].source == "rights.txt"
        alone = [c for c in ranked if c.source == "trade.txt"]
        assert all(c.score < ranked[0].score / 3 for c in alone)
    finally:
        library.close()


def test_a_generic_context_keyword_is_no_company_for_a_lone_keyword(tmp_path):
    """Currency "hedging" beside a "balance sheet" is one real keyword, not two: the generic
    `context:` form ("balance") does not lift it, while the plain form the theme lists
    ("balancing") does count as company."""
    docs = {
        "business.txt": FILLER
        + "Exporters in the delta have started hedging their dollar income with forward "
        "contracts, and the firm's balance sheet now carries a large bank loan.\n\n",
        "diplomacy.txt": FILLER
        + "Diplomats in Hanoi describe a careful balancing act, hedging between the great "
        "powers without joining either camp in the region.\n\n",
    }
    library = _library(tmp_path, docs)
    try:
        theme = _theme(
            tmp_path,
            ["hedging", "balancing", "balance"],
            weights={"hedging": 2.0, "balancing": 2.0},
            context=["balance"],
        )
        ranked = rank_theme(library, theme)
        assert ranked[0].source == "diplomacy.txt"
        business = next(c for c in ranked if c.source == "business.txt")
        assert business.score < ranked[0].score * 0.6
    finally:
        library.close()


def test_only_the_generic_form_of_a_concept_needs_company(tmp_path):
    from briefing.compose.evidence import concepts

    theme = _theme(tmp_path, ["balancing", "balance"], context=["balance"])
    (concept,) = concepts(theme)
    assert concept.generic("balance")
    assert concept.generic("balances")
    assert not concept.generic("balancing")
    (whole,) = concepts(_theme(tmp_path, ["balance"], context=["balance"]))
    assert whole.generic("balancing")


def test_a_keyword_listed_whole_under_context_is_company_beside_a_plain_one(tmp_path):
    """ "interference" (listed whole under `context:`) beside "political system" is what the
    theme file says it is: a second keyword of the theme, so the passage is no lone keyword
    and outranks one naming "political system" alone by more than the lone-keyword factor."""
    docs = {
        "about.txt": FILLER
        + "Officials in the capital say the political system will not change, and they call "
        "foreign criticism of it interference that the party will resist.\n\n",
        "aside.txt": FILLER
        + "Economists who study the region say the political system has lasted through three "
        "decades of fast growth, new ports and a great many new factories.\n\n",
    }
    library = _library(tmp_path, docs)
    try:
        theme = _theme(
            tmp_path,
            ["human rights", "political system", "interference"],
            weights={"human rights": 3.0, "political system": 2.0},
            context=["interference"],
        )
        ranked = rank_theme(library, theme)
        assert ranked[0].source == "about.txt"
        aside = next(c for c in ranked if c.source == "aside.txt")
        assert aside.score < ranked[0].score * 0.3
    finally:
        library.close()


def test_a_slide_reaches_a_third_source_that_names_a_keyword_with_context_company(tmp_path):
    """The shipped human-rights theme over three made-up documents: two about rights and
    press freedom, and an analysis whose one paragraph on the theme names the political system
    and foreign interference. That paragraph is the slide's third voice, not a lone keyword."""
    from briefing.compose.ranking import window_texts
    from briefing.compose.select import Used, choose
    from briefing.outline.themes import load_themes

    root = Path(__file__).resolve().parents[2]
    theme = load_themes(root / "themes", {"human-rights"})["human-rights"]
    hearing = [
        "The committee heard that human rights defenders face long sentences, and that press "
        "freedom has narrowed since the new media law took effect two years ago.",
        "Witnesses said human rights lawyers are often barred from trials, and that press "
        "freedom groups count more than forty writers now in prison for their posts.",
        "A senator asked whether human rights would be raised at the summit, and whether press "
        "freedom would be named in the final communique at all.",
    ]
    report = [
        "The annual report finds that religious freedom is restricted for unregistered groups, "
        "and that human rights monitors were denied visits to two provinces last year.",
        "Religious freedom advocates told the authors that house churches in the highlands are "
        "watched, and that human rights complaints go unanswered for months.",
    ]
    analysis = [
        "The new partnership has little to say on ports, shipping lanes or the price of rice, "
        "which traders in the south had hoped it would address in some detail.",
        "Washington now signals that it respects the country's political system, and the party "
        "no longer treats every foreign visit as interference in its domestic affairs.",
    ]
    docs = {
        "hearing.txt": FILLER + "\n\n".join(hearing) + "\n\n",
        "report.txt": FILLER + "\n\n".join(report) + "\n\n",
        "analysis.txt": FILLER + "\n\n".join(analysis) + "\n\n",
    }
    library = _library(tmp_path, docs)
    try:
        ranked = rank_theme(library, theme)
        picked = choose(ranked, 4, Used(), window_texts(library, ranked))
        assert {c.source for c in picked} == {"hearing.txt", "report.txt", "analysis.txt"}
    finally:
        library.close()


def test_the_idf_counts_the_windows_without_scanning_their_rows(tmp_path):
    """Every theme's IDF needs the index's window count: counting the rows is a scan of a
    million at 10,000 documents, the text index knows it at once (its token's document
    aside), and a sync that changes the corpus (a document added, one replaced) moves both."""
    said = "Trade talks in round {} covered tariffs on rice, coal and steel for the ministers.\n\n"
    docs = {f"d{i}.txt": FILLER * 3 + said.format(i) for i in range(3)}
    library = _library(tmp_path, docs)
    counts: list[str] = []
    library.db.set_trace_callback(lambda sql: counts.append(sql) if "count(*)" in sql else None)
    for keywords in (["trade"], ["tariffs"], ["talks", "trade"]):
        assert rank_theme(library, _theme(tmp_path, keywords))
    assert counts == []
    library.db.set_trace_callback(None)
    (before,) = library.db.execute("SELECT count(*) FROM windows").fetchone()
    assert library.fulltext.windows == before > 0
    (tmp_path / "src" / "d3.txt").write_text(FILLER * 3 + said.format(3), "utf-8")
    (tmp_path / "src" / "d0.txt").write_text(said.format(0), "utf-8")  # its windows deleted
    library.index.sync()
    (after,) = library.db.execute("SELECT count(*) FROM windows").fetchone()
    assert after != before
    assert library.fulltext.windows == after
    library.close()
