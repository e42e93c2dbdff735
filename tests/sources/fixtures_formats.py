"""Builders for the format-extractor tests: PDFs laid out line by line with fpdf2 (so the tests
know exactly what was drawn on which page), news pages in three site styles, and a DOCX.

In paragraph text, "|" forces a line break at that point: "infra|structure" breaks as
"infra-" / "structure" (a hyphen the layout adds), "well-|known" breaks after the word's own
hyphen. Every other line break comes from greedy wrapping; full lines are justified.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF

HEADER = "Parliamentary Library — Research Paper"
FOOTER_NOTE = "© Commonwealth of Australia 2023"
PDF_TITLE = "Vietnam and the United States: a comprehensive strategic partnership"
PDF_AUTHOR = "Dr Jane Citizen"
PDF_CREATED = datetime(2023, 11, 17, 10, 30, tzinfo=UTC)

LEFT, RIGHT, TOP, BOTTOM = 25.0, 185.0, 30.0, 268.0  # mm on A4 (210 x 297)
LEADING = 6.0

INTRO = (
    "In September 2023 the United States and Vietnam raised their relationship by two steps "
    "at once, to a comprehensive strategic partnership, the highest tier in Hanoi's "
    "diplomatic hierarchy. This paper sets out what the upgrade changes, what it leaves as it "
    "was, and what it may mean for the region's other partners."
)
HYPHENATED = (
    "The joint statement gives particular weight to digital and physical infra|structure, "
    "to the training of engineers, and to a well-|known ambition of the Vietnamese "
    "government: to move from assembling electronics toward designing and testing chips."
)
CO_OP = (
    "Officials on both sides describe the agreement as a framework for co-|operation rather "
    "than an alliance, and they were careful to place it within the wider Indo-|Pacific "
    "strategy without naming any third country."
)
SEMICONDUCTORS = (
    "Semiconductor investment is the clearest early test. Several manufacturers have "
    "announced packaging and testing plants near Hanoi and Ho Chi Minh City, and the United "
    "States has offered seed funding for workforce programmes through its CHIPS legislation. "
    "Whether these plants move up the value chain will depend on power supply, on skilled "
    "labour, and on the speed of customs and approvals."
)
CROSSING = (
    "Vietnam's own doctrine sets limits on how far any partnership can go. The defence white "
    "paper of 2019 restates the four nos: no military alliances, no siding with one country "
    "against another, no foreign military bases on Vietnamese soil, and no use of force or "
    "threat of force in international relations. Read together with the new agreement, the "
    "doctrine suggests that Hanoi will deepen cooperation on maritime awareness, training "
    "and defence industry while refusing any arrangement that could be presented as a "
    "commitment to fight alongside the United States."
)
PAGE_THREE = (
    "Human rights remain the most contested part of the relationship. Members of Congress "
    "have raised the detention of environmental activists and bloggers, and the joint "
    "statement commits both sides only to continue their annual dialogue."
)
CONCLUSION = (
    "For Australia the upgrade is broadly welcome. It gives a regional partner more room to "
    "manoeuvre, it fits the pattern of Hanoi's other comprehensive partnerships, and it does "
    "not require anyone to choose between Washington and Beijing."
)

FILLER = (
    "Trade between the two countries has grown in almost every year since normalisation in "
    "1995, and the United States is now Vietnam's largest export market. Much of that trade "
    "runs through factories owned by firms from third countries, which complicates any "
    "simple account of dependence. Economists in Hanoi point out that a diversified "
    "investor base is itself a form of security, while officials in Washington stress the "
    "resilience of supply chains for strategic goods."
)


@dataclass
class PdfLayout:
    """What a builder drew: per page, the body lines in order (without header and footer)."""

    path: Path
    lines: dict[int, list[str]] = field(default_factory=dict)
    labels: dict[int, str] = field(default_factory=dict)

    def page_of(self, phrase: str) -> int:
        """The page whose drawn lines hold `phrase` (which must not cross a line)."""
        found = [n for n, lines in self.lines.items() if any(phrase in ln for ln in lines)]
        assert len(found) == 1, (phrase, found)
        return found[0]


class _Writer:
    """Flows paragraphs onto A4 pages line by line, with a running header and footer."""

    def __init__(self, path: Path, *, labels: bool, header_on_first: bool = False) -> None:
        self.pdf = FPDF(format="A4", unit="mm")
        self.pdf.core_fonts_encoding = "windows-1252"
        self.pdf.set_auto_page_break(False)
        self.pdf.set_compression(False)
        self.layout = PdfLayout(path)
        self.use_labels = labels
        self.header_on_first = header_on_first
        self.y = BOTTOM + 1

    def new_page(self) -> None:
        pdf = self.pdf
        font = (pdf.font_family, pdf.font_style, pdf.font_size_pt)
        pdf.add_page()
        n = pdf.page_no()
        label = str(n)
        if self.use_labels:
            if n == 1:
                pdf.set_page_label("r")
            elif n == 3:
                pdf.set_page_label("D", label_start=1)
            label = _roman(n) if n <= 2 else str(n - 2)
        self.layout.lines[n] = []
        self.layout.labels[n] = label
        if n > 1 or self.header_on_first:
            pdf.set_font("Helvetica", "I", 9)
            pdf.text(LEFT, 16, HEADER)
            pdf.line(LEFT, 18, RIGHT, 18)
        pdf.set_font("Helvetica", "", 9)
        width = pdf.get_string_width(label)
        pdf.text((LEFT + RIGHT - width) / 2, 282, label)
        pdf.set_font("Helvetica", "", 7)
        pdf.text(LEFT, 288, FOOTER_NOTE)
        if font[0]:
            pdf.set_font(*font)
        self.y = TOP

    def _room(self, height: float) -> None:
        if self.y + height > BOTTOM:
            self.new_page()

    def heading(self, text: str, size: float = 14) -> None:
        self._room(LEADING * 4)
        self.y += LEADING * 0.8
        self.pdf.set_font("Helvetica", "B", size)
        self.y += size * 0.35
        self.pdf.text(LEFT, self.y, text)
        self.layout.lines[self.pdf.page_no()].append(text)
        self.y += LEADING * 0.9

    def title(self, lines: list[str], size: float = 18) -> None:
        self.pdf.set_font("Helvetica", "B", size)
        for line in lines:
            self.y += size * 0.45
            self.pdf.text(LEFT, self.y, line)
            self.layout.lines[self.pdf.page_no()].append(line)
        self.y += LEADING

    def near_bottom(self, lines: int) -> None:
        """Move down so that only `lines` body lines fit on this page."""
        self.y = max(self.y, BOTTOM - lines * LEADING - 0.5 * LEADING)

    def paragraph(self, text: str, size: float = 11) -> None:
        self.pdf.set_font("Helvetica", "", size)
        self.y += LEADING * 0.6
        lines = self._wrap(text)
        for i, (words, justify) in enumerate(lines):
            self._room(LEADING)
            self.y += LEADING
            self._draw(words, justify and i < len(lines) - 1)
            self.layout.lines[self.pdf.page_no()].append(" ".join(words))

    def _wrap(self, text: str) -> list[tuple[list[str], bool]]:
        """Greedy lines of words; forced breaks at "|" (adding a hyphen unless there is one)."""
        width = RIGHT - LEFT
        space = self.pdf.get_string_width(" ")
        lines: list[tuple[list[str], bool]] = []
        current: list[str] = []
        for token in text.split():
            parts = token.split("|")
            for k, part in enumerate(parts):
                forced = k < len(parts) - 1
                word = part + ("-" if forced and not part.endswith("-") else "")
                trial = [*current, word]
                used = sum(self.pdf.get_string_width(w) for w in trial) + space * (len(trial) - 1)
                if current and used > width:
                    lines.append((current, True))
                    current = [word]
                else:
                    current = trial
                if forced:
                    lines.append((current, True))
                    current = []
        if current:
            lines.append((current, False))
        return lines

    def _draw(self, words: list[str], justify: bool) -> None:
        pdf = self.pdf
        if not justify or len(words) == 1:
            pdf.text(LEFT, self.y, " ".join(words))
            return
        widths = [pdf.get_string_width(w) for w in words]
        gap = (RIGHT - LEFT - sum(widths)) / (len(words) - 1)
        x = LEFT
        for word, w in zip(words, widths, strict=True):
            pdf.text(x, self.y, word)
            x += w + gap

    def save(self) -> PdfLayout:
        self.pdf.output(str(self.layout.path))
        return self.layout


def _roman(n: int) -> str:
    return ["", "i", "ii", "iii", "iv", "v"][n]


def build_report_pdf(
    path: Path, *, labels: bool = False, metadata: bool = True, xmp: bool = False
) -> PdfLayout:
    """A five-page research paper: title page, headings, a hyphenated break, a paragraph that
    runs from page 2 onto page 3, running header (not on page 1), footer page number and note."""
    w = _Writer(path, labels=labels)
    pdf = w.pdf
    if metadata:
        pdf.set_title(PDF_TITLE)
        pdf.set_author(PDF_AUTHOR)
        pdf.set_creation_date(PDF_CREATED)
    else:
        pdf.set_creation_date(PDF_CREATED)
    if xmp:
        pdf.set_xmp_metadata(
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
            '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            "<dc:publisher><rdf:Bag><rdf:li>Parliamentary Library</rdf:li></rdf:Bag>"
            "</dc:publisher></rdf:Description></rdf:RDF>"
        )
    w.new_page()
    w.title(["Vietnam and the United States:", "a comprehensive strategic partnership"])
    w.paragraph(INTRO)
    w.heading("Key points")
    w.paragraph(HYPHENATED)
    w.paragraph(CO_OP)
    w.paragraph(FILLER)
    w.heading("Semiconductors")
    w.paragraph(SEMICONDUCTORS)
    w.new_page()
    w.heading("Trade and investment")
    for _ in range(1):
        w.paragraph(FILLER.replace("1995", "July 1995"))
    w.heading("Defence")
    w.near_bottom(3)
    w.paragraph(CROSSING)
    w.paragraph(PAGE_THREE)
    w.new_page()
    w.heading("Outlook")
    w.paragraph(CONCLUSION)
    w.new_page()
    w.heading("Notes")
    w.paragraph("This page is left short on purpose: a page with a single paragraph on it.")
    return w.save()
