"""A slide passes over many copies of one paragraph (a wire story in many outlets): a text
found to be a near-duplicate of a used passage is answered from memory, never compared again,
and the picks are the ones comparing every time gives."""

from __future__ import annotations

from briefing.compose import select
from briefing.compose.ranking import Candidate
from briefing.compose.select import Used, choose

STORY = (
    "Hanoi and Washington signed the agreement on Monday after two days of talks in the capital."
)
OTHERS = [
    "Rare earth processing is the next step the two governments want to take together.",
    "Critics said the partnership leaves human rights out of the joint statement entirely.",
    "The defence white paper repeats the four nos that have guided policy since 2019.",
]


def _candidate(source: str, start: int, score: float) -> Candidate:
    return Candidate(
        source, start, start + 90, start, start + 90, score, score, 1.0, 30, False, ("x",)
    )


def _ranking() -> tuple[list[Candidate], dict[Candidate, str]]:
    """600 outlets' copies of one story above three passages of their own."""
    texts: dict[Candidate, str] = {}
    for n in range(600):
        texts[_candidate(f"outlet{n:03}.txt", 0, 10.0 - n / 1000)] = STORY
    for n, text in enumerate(OTHERS):
        texts[_candidate(f"own{n}.txt", 500, 5.0 - n)] = text
    return list(texts), texts


def test_copies_of_a_used_passage_are_compared_once(monkeypatch) -> None:
    ranked, texts = _ranking()
    compared: list[str] = []
    shingles = select.shingles
    monkeypatch.setattr(select, "shingles", lambda text: compared.append(text) or shingles(text))
    picked = choose(ranked, 3, Used(), texts.__getitem__)
    assert [texts[c] for c in picked] == [STORY, OTHERS[0], OTHERS[1]]
    assert compared.count(STORY) <= 3  # added once, found a near-duplicate once (not 599 times)


def test_the_picks_are_those_of_comparing_every_time() -> None:
    ranked, texts = _ranking()
    remembering = choose(ranked, 4, Used(), texts.__getitem__)

    class Forgetful(Used):
        def clashes(self, source: str, start: int, end: int, text: str) -> bool:
            self.near.clear()
            return super().clashes(source, start, end, text)

    assert choose(ranked, 4, Forgetful(), texts.__getitem__) == remembering
