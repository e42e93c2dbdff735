"""Relational adjectives after their noun, a machine translation's word order ("attract capital
foreign"), lower a sentence's quality; English's own noun-adjective orders do not. Sentences
written for these tests."""

from __future__ import annotations

import pytest

from briefing.sources.quality import sentence_quality
from briefing.sources.word_order import postposed_relational


@pytest.mark.parametrize(
    "sentence",
    [
        "The province want attract capital foreign and investors strategic from Japan.",
        "The court of province affirm it has enough the evidence historical to win.",
        "The ministry will apply the mechanism special about tax for the zone.",
        "Disputes will go to the arbitration international.",
        "The fishermen must not do the activity fishing illegal at the waters of country other.",
        "The government has the right legitimate of protect the sea.",
        'The police will punish the labour brokers illegal."',
    ],
)
def test_a_translated_word_order_is_counted(sentence: str) -> None:
    assert postposed_relational(sentence) >= 1
    assert postposed_relational(sentence, sentence.split()) == postposed_relational(sentence)
    assert sentence_quality(sentence) < 1.0


@pytest.mark.parametrize(
    "sentence",
    [
        "The court ruled the seizure illegal.",
        "Judges found the contract illegal in March.",
        "There is nothing illegal about a port call.",
        "The attorney general and the secretary general met on Monday.",
        "Spokesperson Pham Thu Hang answered questions from domestic and foreign reporters.",
        "The rules cover content the authorities consider illegal.",
        "The upgrade is expected to have broad economic, defence and trade implications.",
        "Is there any appetite in the Vietnamese military for more than port calls?",
        "Foreign investors pledged $2 billion to strategic projects in the north.",
        "The two leaders promised to respect each other.",
        "Vietnam welcomes foreign direct investment in its airports.",
    ],
)
def test_english_orders_are_not_counted(sentence: str) -> None:
    assert postposed_relational(sentence) == 0
    assert postposed_relational(sentence, sentence.split()) == 0
