"""Property: whatever the format, every excerpt is its source's canonical text at [start:end],
and a PDF excerpt's pages hold its words by PDFium's own per-page text.

Hypothesis writes documents (titles, headings, paragraphs of sentences with datelines, curly
and straight quotation marks, hyphenated words broken at line ends, non-ASCII names) as .txt,
.md, a saved news page (.html, and as a browser's web archive, .mhtml), .docx and a PDF of
several pages, one document per format in one sources folder; then the real code path indexes
them, composes an outline's slide and searches, and each excerpt is checked against
`read_canonical` (what `briefing text` prints) and, for the PDF, against PDFium's text of each
page the excerpt claims.
"""

from __future__ import annotations

import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.compose.composer import compose_file
from briefing.deck import Excerpt
from briefing.sources.canonical import read_canonical
from briefing.tui.present.evidence import Evidence
from tests.conftest import write
from tests.sources import fixtures_formats as fx

KEYWORDS = ("semiconductor", "supply chain", "chip packaging")
THEME = "title: Probe\nkeywords: [semiconductor, supply chain, chip packaging]\n"
OUTLINE = (
    "title: Property\nsources: sources\nthemes: themes\n"
    "slides:\n  - title: Chips\n    theme: probe\n    excerpts: 10\n"
)
FORMATS = (".txt", ".md", ".html", ".mhtml", ".docx", ".pdf")

WORDS = (
    "officials in the capital said the agreement would expand trade and investment between "
    "both countries while engineers and ministers expect new factories to open near the port "
    "over the next three years because demand for testing and training keeps growing across "
    "the region and several firms have announced plans for research centres"
).split()
# Non-ASCII words, numbers and hyphenated words; "|" is a line break the layout forces there
# ("infra|structure" breaks as "infra-" / "structure"; "well-|known" after its own hyphen).
EXTRAS = (
    "Hà Nội",
    "Nguyễn Thị Lan",
    "Đà Nẵng",
    "Zürich",
    "São Paulo",
    "café",
    "naïve",
    "€40 million",
    "12.5 per cent",
    "1990s",
    "infra|structure",
    "inter|national",
    "govern|ment",
    "well-|known",
    "long-|term",
    "Indo-|Pacific",
    "co-|operation",
)
DATELINES = (
    "HANOI, Vietnam (AP) — ",
    "TAIPEI (Taiwan News) – ",
    "HÀ NỘI (Reuters) - ",
    "SINGAPORE, Sept. 11 (Reuters) — ",
)
QUOTES = (("“", "”"), ('"', '"'), ("‘", "’"))


@dataclass(frozen=True)
class Doc:
    title: str
    paragraphs: tuple[str, ...]  # with "|" line-break marks
    headings: dict[int, str]  # a heading before the paragraph at this index
    breaks: dict[int, int]  # PDF: before this paragraph, leave this many lines on the page


def plain(text: str) -> str:
    """The words as a reader sees them: forced breaks gone, a layout hyphen with them."""
    parts = text.split("|")
    out = parts[0]
    for part in parts[1:]:
        out += part  # "well-|known" keeps its own hyphen; "infra|structure" joins
    return out


@st.composite
def sentences(draw: st.DrawFn, keyword: bool, number: int) -> str:
    """A run of prose words (a contiguous stretch of WORDS, so it reads as English; each
    document starts its runs elsewhere), with non-ASCII names, numbers or hyphenated words
    put in, perhaps a keyword and a quotation."""
    start = draw(st.integers(0, len(WORDS) - 1)) + 11 * number
    size = draw(st.integers(10, 22))
    words = [WORDS[(start + k) % len(WORDS)] for k in range(size)]
    for extra in draw(st.lists(st.sampled_from(EXTRAS), max_size=3)):
        words.insert(draw(st.integers(0, len(words))), extra)
    if keyword:
        words.insert(draw(st.integers(1, len(words))), draw(st.sampled_from(KEYWORDS)))
    quote = draw(st.sampled_from((None, *QUOTES)))
    end = draw(st.sampled_from((".", ".", ".", "?", "!")))
    if quote is not None:
        i = draw(st.integers(1, len(words) - 2))
        j = draw(st.integers(i + 1, len(words)))
        opening, closing = quote
        words[i] = opening + words[i]
        if j == len(words):  # a quotation that ends the sentence closes after its stop
            end += closing
        else:
            words[j - 1] = words[j - 1] + closing
    text = " ".join(words)
    return text[0].upper() + text[1:] + end


@st.composite
def paragraphs(draw: st.DrawFn, number: int, year: int) -> str:
    """Sentences, the first with a keyword and a year of its own (no two paragraphs are the
    same: cleaning rightly drops a paragraph repeated as boilerplate, and search a passage
    that another document repeats)."""
    first = draw(sentences(True, number))
    rest = draw(st.lists(sentences(draw(st.booleans()), number), max_size=4))
    return " ".join([f"In {year}, {first[0].lower()}{first[1:]}", *rest])


@st.composite
def documents(draw: st.DrawFn, number: int) -> Doc:
    """Document `number` of an example: a title, 3-7 paragraphs, perhaps a dateline first,
    up to two headings, and up to three paragraphs the PDF starts near a page's foot."""
    start = draw(st.integers(0, len(WORDS) - 1)) + 11 * number
    title = " ".join(WORDS[(start + k) % len(WORDS)] for k in range(draw(st.integers(3, 7))))
    count = draw(st.integers(3, 7))
    paras = [draw(paragraphs(number, 1900 + 10 * number + i)) for i in range(count)]
    if draw(st.booleans()):
        paras[0] = draw(st.sampled_from(DATELINES)) + paras[0]
    headings = {
        i: " ".join(WORDS[(start + 7 * i + k) % len(WORDS)] for k in range(3)).title()
        for i in draw(st.sets(st.integers(1, count - 1), max_size=2))
    }
    breaks = {
        i: draw(st.integers(1, 3)) for i in draw(st.sets(st.integers(0, count - 1), max_size=3))
    }
    return Doc(title.title(), tuple(paras), headings, breaks)


def wrapped(text: str, width: int = 72) -> str:
    """Hard-wrapped lines, as a .txt capture has them; "|" breaks the line there."""
    lines, line = [], ""
    for token in text.split(" "):
        parts = token.split("|")
        for k, part in enumerate(parts):
            word = part + ("-" if k < len(parts) - 1 and not part.endswith("-") else "")
            if line and len(line) + 1 + len(word) > width:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
            if k < len(parts) - 1:
                lines.append(line)
                line = ""
    lines.append(line)
    return "\n".join(lines)


def write_txt(doc: Doc, path: Path) -> None:
    blocks = [doc.title]
    for i, para in enumerate(doc.paragraphs):
        if i in doc.headings:
            blocks.append(doc.headings[i])
        blocks.append(wrapped(para))
    write(path, "\n\n".join(blocks) + "\n")


def write_md(doc: Doc, path: Path) -> None:
    blocks = [f"# {doc.title}"]
    for i, para in enumerate(doc.paragraphs):
        if i in doc.headings:
            blocks.append(f"## {doc.headings[i]}")
        blocks.append(plain(para))
    write(path, "\n\n".join(blocks) + "\n")


def write_html(doc: Doc, path: Path) -> None:
    page = fx.saved_news_page(
        [plain(p) for p in doc.paragraphs],
        title=plain(doc.title),
        seed=len(doc.paragraphs),
        headings=doc.headings,
        chrome_chars=2_000,
    )
    path.write_bytes(page.encode("utf-8"))


def write_mhtml(doc: Doc, path: Path) -> None:
    """The same kind of page, saved by a browser as a web archive (quoted-printable)."""
    write_html(doc, path)
    path.write_bytes(fx.mhtml_archive(path.read_bytes()))


def write_docx(doc: Doc, path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading(doc.title, level=0)
    for i, para in enumerate(doc.paragraphs):
        if i in doc.headings:
            document.add_heading(doc.headings[i], level=2)
        document.add_paragraph(plain(para))
    document.save(str(path))


FONT = next(
    (
        p
        for p in (
            Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
            Path("/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf"),
        )
        if p.is_file()
    ),
    None,
)


def write_pdf(doc: Doc, path: Path) -> None:
    """Several pages when `breaks` asks: a paragraph that starts near a page's foot crosses
    onto the next. Without a Unicode font, letters outside windows-1252 are folded."""
    fold = (lambda s: s) if FONT else fx.cp1252_safe
    w = fx._Writer(path, labels=False, font=FONT)
    w.pdf.set_title(fold(doc.title))
    w.new_page()
    w.title([fold(doc.title)])
    for i, para in enumerate(doc.paragraphs):
        if i in doc.headings:
            w.heading(fold(doc.headings[i]))
        if i in doc.breaks:
            w.near_bottom(doc.breaks[i])
        w.paragraph(fold(para))
    w.save()


WRITERS = {".txt": write_txt, ".md": write_md, ".html": write_html, ".docx": write_docx}
WRITERS[".pdf"] = write_pdf
WRITERS[".mhtml"] = write_mhtml


def words(text: str) -> str:
    """Letters and digits only, NFC: what must match between our text and PDFium's, whatever
    the line breaks, layout hyphens and spacing between them."""
    return "".join(c for c in unicodedata.normalize("NFC", text) if c.isalnum())


def pdfium_pages(path: Path) -> list[str]:
    """Each page's text as PDFium reads it, independently of our extractor."""
    document = pdfium.PdfDocument(path)
    try:
        texts = []
        for i in range(len(document)):
            page = document[i]
            textpage = page.get_textpage()
            texts.append(words(textpage.get_text_range()))
            textpage.close()
            page.close()
        return texts
    finally:
        document.close()


def check_excerpt(sources: Path, excerpt: Excerpt) -> None:
    path = sources / excerpt.source.file
    canonical = read_canonical(path)
    assert excerpt.text, excerpt
    assert canonical.text[excerpt.start : excerpt.end] == excerpt.text, (
        excerpt.source.file,
        excerpt.start,
        excerpt.end,
    )
    if path.suffix != ".pdf":
        assert excerpt.page is None
        return
    # Each piece of the quote that lies on a page (by our page spans) is on that page by
    # PDFium's own text; the quote starts on `page` and ends on the page its citation names.
    pages = pdfium_pages(path)
    pieces = []
    for span in canonical.pages:
        lo, hi = max(excerpt.start, span.start), min(excerpt.end, span.end)
        if lo < hi and words(canonical.text[lo:hi]):
            pieces.append((span.number, words(canonical.text[lo:hi])))
    assert "".join(piece for _, piece in pieces) == words(excerpt.text), "outside every page"
    for number, piece in pieces:
        assert piece in pages[number - 1], (number, excerpt.text)
    first, last = pieces[0][0], pieces[-1][0]
    assert excerpt.page == first
    assert excerpt.pages == (f"p. {first}" if first == last else f"pp. {first}-{last}")


@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.tuples(*(documents(number) for number in range(len(FORMATS)))))
def test_every_excerpt_of_every_format_is_its_canonical_slice(docs: tuple[Doc, ...]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        sources = root / "sources"
        sources.mkdir()
        for doc, suffix in zip(docs, FORMATS, strict=True):
            WRITERS[suffix](doc, sources / f"doc{suffix}")
        write(root / "themes" / "probe.yaml", THEME)
        write(root / "deck.yaml", OUTLINE)

        deck = compose_file(root / "deck.yaml")
        composed = [e for slide in deck.slides for e in slide.excerpts]
        evidence = Evidence(sources)
        try:
            found = [e for query in KEYWORDS for e in evidence.search(f'"{query}"', 40)]
        finally:
            evidence.close()

        assert composed
        for excerpt in composed + found:
            check_excerpt(sources, excerpt)
        # every format was indexed and is found: none of the checks above is vacuous
        formats = {Path(e.source.file).suffix for e in found}
        assert formats == set(FORMATS), [(e.source.file, e.text) for e in found]
