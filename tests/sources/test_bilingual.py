"""A page in two languages, paragraph by paragraph (a consulate's bilingual press release), is
quoted in English: its English paragraphs are found, the others are never quoted. Pages in one
language, or quoting a line of another, are left as they were. Pages written for these tests."""

from __future__ import annotations

from pathlib import Path

from briefing.compose.ranking import rank_theme
from briefing.outline.themes import Theme
from briefing.sources import bilingual
from briefing.sources.analysis import prepare
from briefing.sources.library import Library
from briefing.sources.segment import paragraphs
from tests.conftest import write_folder

RELEASE = """LÃNH SỰ QUÁN HOA KỲ | U.S. CONSULATE
THÔNG CÁO BÁO CHÍ | PRESS RELEASE

Cần Thơ – Hoa Kỳ và thành phố Cần Thơ hôm nay khởi động dự án trồng rừng ngập mặn trị giá 12 triệu đô la, giúp bảo vệ bờ biển khỏi xâm nhập mặn và nước biển dâng.

Can Tho – The United States and Can Tho city today launched a $12 million mangrove project that will protect the coast from salt intrusion and rising seas.

Dự án sẽ trồng 3.000 héc-ta rừng ngập mặn và đào tạo nông dân nuôi tôm sinh thái dưới tán rừng.

The project will plant 3,000 hectares of mangroves and train farmers to raise shrimp under the trees, which store carbon and shelter the coast.

"Rừng ngập mặn là tấm lá chắn của đồng bằng trước biến đổi khí hậu," ông Trần Văn Phúc nói.

"Mangroves are the delta's shield against climate change," said Trần Văn Phúc, the city's deputy mayor.
"""

GERMAN = """Vietnam will bis 2030 die Mangrovenwälder im Mekongdelta um ein Drittel vergrößern, teilte das Umweltministerium in Hanoi mit.

Die Wälder schützen die Küste vor Versalzung und speichern Kohlenstoff, sagen Forscher der Universität Cần Thơ.

"Mangroves are the delta's shield against climate change and rising seas," sagte ein Sprecher auf Englisch.
"""

ENGLISH_QUOTING = """The mangrove project will plant 3,000 hectares along the coast of Cà Mau and Bạc Liêu, officials said on Monday.

Farmers will raise shrimp under the trees, which store carbon and shelter the coast from storms and salt.

A banner at the ceremony read "Rừng ngập mặn là tấm lá chắn của đồng bằng trước biến đổi khí hậu" in large letters.

The United States will pay for training, and the province will pay for the land and the nurseries.
"""


def _other(text: str) -> list[str] | None:
    spans = list(paragraphs(text))
    found = bilingual.split(text, spans)
    return None if found is None else [text[spans[i].start : spans[i].end][:20] for i in found]


def test_a_bilingual_release_is_english_with_its_other_paragraphs_marked() -> None:
    other = _other(RELEASE)
    assert other is not None
    assert {"Cần Thơ – Hoa Kỳ và ", "Dự án sẽ trồng 3.000", '"Rừng ngập mặn là tấ'} <= set(other)
    assert not any(p.startswith(("Can Tho", "The project", '"Mangroves')) for p in other)
    meta = prepare("release.txt", "0" * 40, RELEASE).meta
    assert meta["language"] == "en"
    other = meta["other_language"]
    assert other["language"] == "vi"
    marked = [RELEASE[a:b][:6] for a, b in other["spans"]]
    assert {"Cần Th", "Dự án ", '"Rừng '} <= set(marked)
    assert not {"Can Th", "The pr", '"Mangr'} & set(marked)


def test_pages_in_one_language_are_not_bilingual() -> None:
    assert _other(GERMAN) is None  # one English line in a German article
    assert _other(ENGLISH_QUOTING) is None  # one Vietnamese line quoted in English
    assert prepare("de.txt", "0" * 40, GERMAN).meta["language"] == "de"
    assert "other_language" not in prepare("en.txt", "0" * 40, ENGLISH_QUOTING).meta


def test_only_the_english_paragraphs_of_a_bilingual_page_are_quoted(tmp_path: Path) -> None:
    theme = Theme(
        id="mangroves",
        title="Mangroves",
        keywords=("mangrove", "rừng ngập mặn", "climate change", "shrimp"),
        weights={},
        exclude=(),
        summary=None,
        path=tmp_path / "t.yaml",
        context=(),
    )
    folder = write_folder(tmp_path / "src", {"release.txt": RELEASE})
    library = Library(folder, db_path=tmp_path / "i.db")
    try:
        ranked = rank_theme(library, theme, ("en",))
        assert ranked, "the English paragraphs are quoted"
        quoted = [RELEASE[c.start : c.end] for c in ranked]
        assert all(bilingual.quality.english_share(q) >= 0.04 for q in quoted), quoted
        both = rank_theme(library, theme, ("en", "vi"))
        assert len(both) > len(ranked)  # a deck that quotes Vietnamese takes them all
    finally:
        library.close()
