"""Document language and garble signals, on clean and garbled text in several languages."""

from __future__ import annotations

import pytest

from briefing.sources.analysis import prepare
from briefing.sources.quality import (
    article_slips,
    language,
    postposed_adjectives,
    sentence_quality,
)

CLEAN = {
    "en": "The partnership, agreed in December with the Group of Seven countries, aims to "
    "bring forward the peak in emissions and to cut the share of coal in the power mix.",
    "de": "Die Regierung hat sich verpflichtet, den Anteil der Kohle an der Stromerzeugung "
    "bis zum Ende des Jahrzehnts deutlich zu senken, doch die Finanzierung bleibt unklar.",
    "fr": "Le gouvernement s'est engagé à réduire la part du charbon dans la production "
    "d'électricité d'ici la fin de la décennie, mais le financement reste incertain.",
    "es": "El gobierno se comprometió a reducir la proporción del carbón en la generación "
    "de electricidad antes del final de la década, pero la financiación sigue siendo incierta.",
}


@pytest.mark.parametrize("code", sorted(CLEAN))
def test_language_is_identified(code):
    assert language(CLEAN[code] + " " + CLEAN[code]) == code


@pytest.mark.parametrize("code", sorted(CLEAN))
def test_clean_prose_is_clean_in_its_language(code):
    assert sentence_quality(CLEAN[code], lang=code) == 1.0


def test_names_with_common_nouns_are_not_stray_capitals():
    lexicon = frozenset({"group", "energy", "centre"})
    sentence = (
        "Dr. Ha Dang Son, director of the Hanoi-based Centre for Energy and Green Growth "
        "Research, said the Group of Seven had not paid."
    )
    assert sentence_quality(sentence, lexicon) == 1.0


def test_english_machine_translation_symptoms_are_flagged():
    assert sentence_quality("Blinken also urged the minister to sign Increase economic ties.") < 1
    assert sentence_quality("Held responsible This reluctance for fear of retaliation.") < 1
    assert sentence_quality("coming exactly two weeks after the telephone call.") < 1


@pytest.mark.parametrize(
    ("code", "garbled"),
    [
        ("de", "Die Regierung hat hat sich verpflichtet , den Anteil zu senken."),
        ("fr", "Le gouvernement s'est engagé engagé à réduire la part , du charbon."),
        ("es", "El gobierno se comprometió a reducir la proporción del carbón [PLACEHOLDER]."),
        ("en", "The government the the promised to cut coal , and to build wind farms."),
    ],
)
def test_language_independent_garble_is_flagged(code, garbled):
    assert sentence_quality(garbled, lang=code) < 1.0


def test_a_german_document_is_german_and_not_judged_by_english_capitals():
    text = "\n\n".join(CLEAN["de"].replace("Kohle", f"Kohle {n}") for n in range(3))
    doc = prepare("de.txt", "sha", text)
    assert doc.meta["language"] == "de"
    assert doc.lexicon == frozenset()


def test_an_english_document_does_not_load_the_language_model():
    text = "\n\n".join(CLEAN["en"].replace("coal", f"coal ({n})") for n in range(3))
    assert prepare("en.txt", "sha", text).meta["language"] == "en"


def test_a_name_that_goes_on_with_a_number_is_not_garble():
    sentence = (
        '"You cannot have it both ways," said Ben Swanton of the monitoring group The 88 Project.'
    )
    assert sentence_quality(sentence, frozenset({"group"})) == 1.0


def test_a_german_word_repeated_in_another_case_is_not_garble():
    sentence = "Die Partnerschaft sollte Vietnam den Weg weg von der Kohle ebnen."
    assert sentence_quality(sentence, lang="de") == 1.0


@pytest.mark.parametrize(
    "sentence",
    [
        "Many of experts still keep firmly that the coast guard must patrol more.",
        "Most of countries in the region welcomed an new agreement on fisheries.",
        "The ministry called it a important step for the maritime police.",
        "One of reasons is that the ships are old.",
        "An new law took effect in February, the official said.",
    ],
)
def test_machine_translated_articles_and_quantifiers_are_flagged(sentence):
    assert article_slips(sentence) >= 1
    assert sentence_quality(sentence) < 1.0


@pytest.mark.parametrize(
    "sentence",
    [
        "Many of the experts, and most of Vietnam's partners, agreed within an hour.",
        "Some of those talks failed, but each of us knew one of its aims was a one-off deal.",
        "An NGO and a European bank said an honest broker was a useful idea for a university.",
        "Plan A is to buy Grade A offices; much of this was settled in most of 2023.",
        "A US official said an important part of the deal, many of whose terms are secret, "
        "was a unique offer.",
    ],
)
def test_clean_articles_and_quantifiers_are_not_flagged(sentence):
    assert article_slips(sentence) == 0
    assert sentence_quality(sentence) == 1.0


def test_article_slips_are_judged_in_english_only():
    # German "a" and "an" are not articles: "an neue Partner" (to new partners) is fine.
    assert sentence_quality("Die Regierung verkauft Strom an neue Partner.", lang="de") == 1.0


def test_article_slips_need_an_english_sentence():
    # The index judges every sentence as English; a German one keeps its "an die".
    german = "Wer im Sommer in Hanoi lebte, erinnert sich an die Hitze und an den Strom."
    assert article_slips(german) == 0
    assert sentence_quality(german) == 1.0


@pytest.mark.parametrize(
    "sentence",
    [
        "Hydropower still is the source main of electricity in the dry season.",
        "Many traders foreign has come to the port, but the permit not yet issue.",
        "The tariff is the obstacle main, the exporters said.",
    ],
)
def test_attributive_adjectives_after_their_noun_are_flagged(sentence):
    assert postposed_adjectives(sentence) >= 1
    assert sentence_quality(sentence) < 1.0


@pytest.mark.parametrize(
    "sentence",
    [
        "Hydropower is the main source, and the most important one is the foreign market.",
        "This is the most important.",
        "The foreign minister said the main roads and all foreign banks were open.",
        "The water main in the old town burst; the school principal, a chief, spoke.",
    ],
)
def test_attributive_adjectives_before_their_noun_are_not_flagged(sentence):
    assert postposed_adjectives(sentence) == 0
    assert sentence_quality(sentence) == 1.0
