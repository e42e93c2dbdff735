"""One-page PDFs in the shape of real ones, for the layout rules that cannot lean on repetition
across pages: a parliamentary research note (its footer drawn before the body, as many
exporters do), a press release ("Page 1 of 1", a URL and a copyright line at the foot) and a
memo (protective markings at top and bottom, one-line items with paragraph spacing)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fpdf import FPDF

LEFT, RIGHT = 25.0, 185.0  # mm on A4
LEADING = 5.5  # mm between the lines of one paragraph (11 pt type)
PARA = 3.5  # mm of extra space before each paragraph

NOTE_TITLE = "Vietnam's new partnership with the United States"
NOTE_AUTHOR = "Vu Lam, Foreign Affairs, Defence and Security Section"
NOTE_BODY = (
    "In September 2023 the United States and Vietnam raised their relationship to a "
    "comprehensive strategic partnership, the highest tier in Hanoi's diplomatic hierarchy. "
    "This note summarises what changed and what it may mean for Australia."
)
NOTE_POINTS = (
    "Semiconductors are the centrepiece of the agreement.",
    "Defence cooperation stays within Vietnam's four nos.",
    "Human rights remain the most contested issue.",
)
NOTE_CLOSE = (
    "For Australia the upgrade is broadly welcome: it gives a regional partner more room to "
    "manoeuvre and does not require anyone to choose between Washington and Beijing."
)
NOTE_FOOTER = "© Commonwealth of Australia 2023"

RELEASE_TITLE = "Minister welcomes new trade agreement"
RELEASE_LEAD = (
    "CANBERRA, 17 November 2023 — The Minister for Trade today welcomed the signing of the "
    "agreement, which will lower tariffs on agricultural exports from next July."
)
RELEASE_ITEMS = (
    "Key outcomes:",
    "Tariffs removed on beef, wine and barley",
    "New rules for trade in services",
    "A joint committee to meet each year",
)
RELEASE_CONTACT = "Media contact: Jane Smith, 02 6277 7000"
RELEASE_FOOTER = ("www.trade.example.gov.au", "Page 1 of 1", "© Department of Trade 2023")

MEMO_HEAD = ("MEMORANDUM", "To: All branch staff", "From: Chief Operating Officer")
MEMO_BODY = (
    "The office will move to the new building over the weekend of 2 December. Please pack "
    "your desk before you leave on Friday and label every box with your name and floor."
)
MEMO_ITEMS = (
    "Pack personal items by Thursday.",
    "Return laptops to the service desk.",
    "Collect new access cards on Monday.",
    "Report missing boxes to facilities.",
    "Update your address in the directory.",
)
MEMO_MARKING = "OFFICIAL: Sensitive"


@dataclass
class OnePage:
    """A one-page PDF and the body it was drawn from, in reading order."""

    path: Path
    title: str
    paragraphs: tuple[str, ...]  # every paragraph of the body, as it should read
    furniture: tuple[str, ...]  # lines that must not reach the text


class _Page:
    """Draws one A4 page line by line, wrapping paragraphs greedily, ragged right."""

    def __init__(self) -> None:
        self.pdf = FPDF(format="A4", unit="mm")
        self.pdf.core_fonts_encoding = "windows-1252"
        self.pdf.set_auto_page_break(False)
        self.pdf.set_compression(False)
        self.pdf.add_page()
        self.y = 25.0

    def small(self, text: str, y: float, size: float = 8) -> None:
        self.pdf.set_font("Helvetica", "", size)
        self.pdf.text(LEFT, y, text)

    def heading(self, text: str, size: float = 16) -> None:
        self.pdf.set_font("Helvetica", "B", size)
        self.y += size * 0.45
        self.pdf.text(LEFT, self.y, text)
        self.y += 2.0

    def paragraph(self, text: str, style: str = "") -> None:
        self.pdf.set_font("Helvetica", style, 11)
        self.y += PARA
        line: list[str] = []
        for word in text.split():
            if line and self.pdf.get_string_width(" ".join([*line, word])) > RIGHT - LEFT:
                self._line(" ".join(line))
                line = []
            line.append(word)
        self._line(" ".join(line))

    def lines(self, texts: tuple[str, ...]) -> None:
        """Lines set one under another with no paragraph spacing (a memo's To/From block)."""
        self.pdf.set_font("Helvetica", "", 11)
        self.y += PARA
        for text in texts:
            self._line(text)

    def _line(self, text: str) -> None:
        self.y += LEADING
        self.pdf.text(LEFT, self.y, text)


def build_research_note(path: Path) -> OnePage:
    """A one-page research note: the footer and page number are drawn first (as a template
    would), then the title, an author line, a paragraph, one-line key points, a closing one."""
    page = _Page()
    page.small(NOTE_FOOTER, 287, 7)
    page.small("1", 280, 9)
    page.heading(NOTE_TITLE)
    page.paragraph(NOTE_AUTHOR, "I")
    page.paragraph(NOTE_BODY)
    for point in NOTE_POINTS:
        page.paragraph(point)
    page.paragraph(NOTE_CLOSE)
    page.pdf.set_title(NOTE_TITLE)
    page.pdf.output(str(path))
    body = (NOTE_TITLE, NOTE_AUTHOR, NOTE_BODY, *NOTE_POINTS, NOTE_CLOSE)
    return OnePage(path, NOTE_TITLE, body, (NOTE_FOOTER, "1"))


def build_press_release(path: Path) -> OnePage:
    """A press release with no document title: a URL, "Page 1 of 1" and a copyright line at
    the foot of the page, drawn after the body, in the body's own size."""
    page = _Page()
    page.heading(RELEASE_TITLE, 18)
    page.paragraph(RELEASE_LEAD)
    for item in RELEASE_ITEMS:
        page.paragraph(item)
    page.paragraph(RELEASE_CONTACT)
    for y, text in zip((268, 274, 280), RELEASE_FOOTER, strict=True):
        page.small(text, y, 11)
    page.pdf.output(str(path))
    body = (RELEASE_TITLE, RELEASE_LEAD, *RELEASE_ITEMS, RELEASE_CONTACT)
    return OnePage(path, RELEASE_TITLE, body, RELEASE_FOOTER)


def build_memo(path: Path) -> OnePage:
    """A memo marked "OFFICIAL: Sensitive" at top and bottom, a To/From block, a paragraph and
    one-line action items, each its own paragraph."""
    page = _Page()
    page.small(MEMO_MARKING, 12, 9)
    page.small(MEMO_MARKING, 288, 9)
    page.heading(MEMO_HEAD[0], 14)
    page.lines(MEMO_HEAD[1:])
    page.paragraph(MEMO_BODY)
    for item in MEMO_ITEMS:
        page.paragraph(item)
    page.pdf.output(str(path))
    body = (MEMO_HEAD[0], *MEMO_HEAD[1:], MEMO_BODY, *MEMO_ITEMS)
    return OnePage(path, MEMO_HEAD[0], body, (MEMO_MARKING,))
