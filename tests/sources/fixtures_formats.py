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
TRADE = (
    "Two-way trade reached about 124 billion dollars in 2022, with a large surplus in "
    "Vietnam's favour. Washington has so far declined to grant Vietnam market-economy "
    "status, a decision Hanoi raises at every meeting and one that affects anti-dumping "
    "duties on steel, shrimp and furniture. Investors from the United States rank well "
    "behind those from South Korea, Singapore and Japan, although several technology firms "
    "have announced expansions since the visit."
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

    def __init__(
        self,
        path: Path,
        *,
        labels: bool,
        header_on_first: bool = False,
        font: Path | None = None,
    ) -> None:
        self.pdf = FPDF(format="A4", unit="mm")
        self.pdf.core_fonts_encoding = "windows-1252"
        self.family = "Helvetica"
        if font is not None:  # a Unicode TrueType font, for text beyond windows-1252
            self.family = "Body"
            for style in ("", "B", "I"):
                self.pdf.add_font(self.family, style, str(font))
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
            pdf.set_font(self.family, "I", 9)
            pdf.text(LEFT, 16, HEADER)
            pdf.line(LEFT, 18, RIGHT, 18)
        pdf.set_font(self.family, "", 9)
        width = pdf.get_string_width(label)
        pdf.text((LEFT + RIGHT - width) / 2, 282, label)
        pdf.set_font(self.family, "", 7)
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
        self.pdf.set_font(self.family, "B", size)
        self.y += size * 0.35
        self.pdf.text(LEFT, self.y, text)
        self.layout.lines[self.pdf.page_no()].append(text)
        self.y += LEADING * 0.9

    def title(self, lines: list[str], size: float = 18) -> None:
        self.pdf.set_font(self.family, "B", size)
        for line in lines:
            self.y += size * 0.45
            self.pdf.text(LEFT, self.y, line)
            self.layout.lines[self.pdf.page_no()].append(line)
        self.y += LEADING

    def near_bottom(self, lines: int) -> None:
        """Move down so that only `lines` body lines fit on this page."""
        self.y = max(self.y, BOTTOM - lines * LEADING - 0.5 * LEADING)

    def paragraph(self, text: str, size: float = 11) -> None:
        self.pdf.set_font(self.family, "", size)
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
    w.paragraph(TRADE)
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


# --- HTML: news pages in three site styles ---------------------------------------------------

AP_PARAGRAPHS = [
    "HANOI, Vietnam (AP) — President Joe Biden on Sunday hailed Vietnam as a critical partner "
    "in Asia, as the two former enemies agreed to lift their ties to the highest level of "
    "diplomatic partnership half a century after the end of the Vietnam War.",
    "Biden and Nguyen Phu Trong, the general secretary of the Communist Party, signed a joint "
    "statement that places the United States alongside China and Russia in Hanoi's hierarchy "
    "of partners.",
    "The agreement covers cooperation on semiconductors, critical minerals and artificial "
    "intelligence, and officials said it would make supply chains more resilient.",
    "Human rights groups said the visit should not come at the expense of activists who remain "
    "in prison for criticizing the government.",
]

AP_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Biden hails Vietnam as critical partner in Asia | AP News</title>
<meta property="og:title"
 content="Biden and Vietnam lift ties to highest level, half a century after war">
<meta property="og:site_name" content="AP News">
<meta property="og:url" content="https://apnews.com/article/biden-vietnam-visit-trong-4d8a3c">
<meta property="og:type" content="article">
<link rel="canonical" href="https://apnews.com/article/biden-vietnam-visit-trong-4d8a3c">
<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Biden and Vietnam lift ties to highest level, half a century after war",
 "datePublished": "2023-09-10T14:04:11Z", "dateModified": "2023-09-11T02:00:00Z",
 "author": [{"@type": "Person", "name": "David Rising"},
            {"@type": "Person", "name": "Aniruddha Ghosal"}],
 "publisher": {"@type": "Organization", "name": "The Associated Press"}}
</script>
</head>
<body>
<div id="cookie-banner" class="cookie-consent">We use cookies to personalise content and ads.
 By clicking Accept all you agree to our use of cookies. <button>Accept all</button>
 <button>Manage settings</button></div>
<header class="site-header"><nav class="main-nav"><ul>
 <li><a href="/world-news">World</a></li><li><a href="/us-news">U.S.</a></li>
 <li><a href="/politics">Politics</a></li><li><a href="/sports">Sports</a></li>
 <li><a href="/entertainment">Entertainment</a></li><li><a href="/business">Business</a></li>
</ul></nav></header>
<main>
<article class="story">
<h1>Biden and Vietnam lift ties to highest level, half a century after war</h1>
<div class="byline">By DAVID RISING and ANIRUDDHA GHOSAL</div>
<div class="timestamp">Updated 2:04 PM UTC, September 10, 2023</div>
<div class="share-widget"><a href="#">Share on Facebook</a> <a href="#">Share on X</a>
 <a href="#">Copy link</a> <a href="#">Email</a> <a href="#">Print</a></div>
<figure class="lead-image"><img src="biden.jpg" alt="">
<figcaption>President Joe Biden, left, and Nguyen Phu Trong attend a ceremony in Hanoi,
 Sunday, Sept. 10, 2023. <span class="credit">(AP Photo/Evan Vucci)</span></figcaption>
</figure>
<!-- ad slot: inline-1, do not remove -->
<div class="story-body">
{paragraphs}
</div>
</article>
<section class="related"><h2>Related stories</h2><ul>
<li><a href="/a1">China says it is watching the Biden visit to Hanoi closely</a></li>
<li><a href="/a2">Vietnam's chip ambitions draw investors from South Korea and Japan</a></li>
<li><a href="/a3">What to know about the Vietnam War's lasting legacy</a></li>
</ul></section>
<section id="comments"><h3>Leave a comment</h3>
<form class="comment-form"><label>Name</label><input name="name">
<label>Your comment</label><textarea name="comment"></textarea>
<button>Post comment</button></form></section>
</main>
<footer><p>Copyright 2023 The Associated Press. All Rights Reserved.</p>
<a href="/privacy">Privacy Policy</a> <a href="/terms">Terms of Use</a></footer>
</body></html>
"""

BLOG_PARAGRAPHS = [
    "Washington’s upgrade of ties with Hanoi was a long time coming. For a decade, American "
    "diplomats have argued that Vietnam’s “bamboo diplomacy” – bending without breaking – "
    "left room for a much closer relationship than the comprehensive partnership of 2013.",
    "What held the relationship back was not only Hanoi’s caution about China. Congress, too, "
    "had its doubts, and the State Department’s annual human rights report has listed the "
    "same concerns about press freedom year after year.",
    "The new framework does not resolve these tensions. It does, however, give both sides a "
    "regular channel through which to manage them, which may matter more than any single "
    "announcement on semiconductors or rare earths.",
]

BLOG_PAGE = """<!DOCTYPE html>
<html lang="en-AU">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<title>Bamboo diplomacy bends toward Washington – The Interpreter</title>
<meta name="author" content="Huong Le Thu">
<meta name="description" content="Why the upgrade took a decade, and what it leaves unresolved.">
<meta property="article:published_time" content="2023-09-14T08:30:00+10:00">
<meta property="og:site_name" content="The Interpreter">
<link rel="canonical" href="https://www.lowyinstitute.org/the-interpreter/bamboo-diplomacy">
</head>
<body class="post-template">
<div class="newsletter-popup">Sign up for our weekly newsletter and never miss an analysis.
 <input type="email" placeholder="Email address"><button>Subscribe</button></div>
<div class="topbar"><a href="/">Home</a> | <a href="/about">About</a> |
 <a href="/topics">Topics</a> | <a href="/donate">Donate</a></div>
<div class="layout">
<aside class="sidebar"><h4>Most read</h4><ol>
<li><a href="/x1">The Pacific’s policing puzzle</a></li>
<li><a href="/x2">Indonesia’s election, explained</a></li></ol>
<h4>Tags</h4><a href="/tag/vietnam">Vietnam</a> <a href="/tag/us">United States</a></aside>
<div class="content">
<h1 class="entry-title">Bamboo diplomacy bends toward Washington</h1>
<p class="entry-meta">Huong Le Thu | <time datetime="2023-09-14">14 September 2023</time></p>
<div class="entry-content">
{paragraphs}
</div>
<div class="sharing">Share this: <a href="#">Twitter</a> <a href="#">LinkedIn</a>
 <a href="#">Facebook</a></div>
<div class="author-box">Huong Le Thu is a non-resident fellow. She writes on Southeast Asian
 security.</div>
</div></div>
<footer class="site-footer">© Lowy Institute 2023. All rights reserved.
 <a href="/privacy">Privacy</a></footer>
</body></html>
"""

DE_PARAGRAPHS = [
    "Die USA und Vietnam haben ihre Beziehungen auf die höchste diplomatische Stufe gehoben. "
    "Bei einem Besuch in Hanoi unterzeichnete US-Präsident Joe Biden eine umfassende "
    "strategische Partnerschaft mit dem kommunistisch regierten Land.",
    "Für Vietnam ist das ein bemerkenswerter Schritt: Bislang hatte Hanoi eine solche "
    "Partnerschaft nur mit China, Russland, Indien und Südkorea vereinbart. Peking verfolgt "
    "die Annäherung mit Argwohn.",
    "Im Mittelpunkt stehen wirtschaftliche Fragen. Die Vereinigten Staaten wollen ihre "
    "Lieferketten für Halbleiter breiter aufstellen und setzen dabei auch auf vietnamesische "
    "Fachkräfte.",
]

DE_PAGE = """<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="iso-8859-1">
<title>USA und Vietnam vertiefen Partnerschaft | Nachrichten</title>
<meta property="og:title" content="USA und Vietnam vertiefen Partnerschaft">
<meta property="og:site_name" content="Tagesbericht">
<meta property="og:url" content="https://www.tagesbericht.example/ausland/usa-vietnam-100.html">
<meta name="author" content="Katrin Weber">
<meta name="date" content="2023-09-10">
<link rel="canonical" href="https://www.tagesbericht.example/ausland/usa-vietnam-100.html">
</head>
<body>
<div class="consent-layer"><p>Wir verwenden Cookies, um Inhalte und Anzeigen zu
 personalisieren. Mit einem Klick auf »Alle akzeptieren« stimmen Sie der Verwendung zu.</p>
 <button>Alle akzeptieren</button> <button>Einstellungen</button></div>
<nav><a href="/">Startseite</a> <a href="/inland">Inland</a> <a href="/ausland">Ausland</a>
 <a href="/wirtschaft">Wirtschaft</a> <a href="/sport">Sport</a></nav>
<div id="main">
<div class="article">
<h1>USA und Vietnam vertiefen Partnerschaft</h1>
<p class="meta">Stand: 10.09.2023 16:12 Uhr · Von Katrin Weber, ARD-Studio Singapur</p>
<div class="teilen">Teilen: <a href="#">WhatsApp</a> <a href="#">Facebook</a>
 <a href="#">E-Mail</a></div>
{paragraphs}
<p class="bildunterschrift">Biden und Trong in Hanoi. Bild: dpa</p>
</div>
<div class="mehr-zum-thema"><h2>Mehr zum Thema</h2><ul>
<li><a href="/m1">Chinas Einfluss in Südostasien wächst</a></li>
<li><a href="/m2">Vietnam: Wirtschaft im Aufschwung</a></li></ul></div>
</div>
<footer>© Tagesbericht 2023 · Impressum · Datenschutz</footer>
</body></html>
"""


def _page(template: str, paragraphs: list[str]) -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return template.replace("{paragraphs}", body)


def build_news_html(path: Path) -> Path:
    """An AP-style story (UTF-8) with every kind of chrome a news site wraps around text."""
    path.write_bytes(_page(AP_PAGE, AP_PARAGRAPHS).encode("utf-8"))
    return path


def build_blog_html(path: Path) -> Path:
    """An analysis blog post encoded as windows-1252, declared only by http-equiv."""
    path.write_bytes(_page(BLOG_PAGE, BLOG_PARAGRAPHS).encode("windows-1252"))
    return path


def build_german_html(path: Path) -> Path:
    """A German news page encoded as ISO-8859-1, declared by <meta charset>."""
    path.write_bytes(_page(DE_PAGE, DE_PARAGRAPHS).encode("iso-8859-1"))
    return path


# --- DOCX ------------------------------------------------------------------------------------

DOCX_TITLE = "Briefing note: Vietnam's four nos"
DOCX_PARAGRAPHS = [
    "Vietnam's 2019 defence white paper restates the four nos, and officials cite them "
    "whenever a new partnership is announced.",
    "The policy has not stopped Hanoi from buying arms, training with foreign navies or "
    "hosting port calls.",
]


def build_docx(path: Path, *, properties: bool = True) -> Path:
    """A briefing note with a Title, two headings, paragraphs (one with a soft line break and
    a tab), empty paragraphs, a table, and core properties."""
    import docx

    document = docx.Document()
    document.add_paragraph(DOCX_TITLE, style="Title")
    document.add_heading("Background", level=1)
    document.add_paragraph(DOCX_PARAGRAPHS[0])
    document.add_paragraph("")
    document.add_paragraph("   ")
    run = document.add_paragraph("First line of an address").add_run()
    run.add_break()
    run.add_text("second line\tafter a tab")
    document.add_heading("Assessment", level=2)
    document.add_paragraph(DOCX_PARAGRAPHS[1])
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Partner"
    table.cell(0, 1).text = "Level"
    merged = table.cell(1, 0).merge(table.cell(1, 1))
    merged.text = "United States: comprehensive strategic partnership"
    document.add_paragraph("Prepared for the Asia-Pacific Desk.")
    props = document.core_properties
    if properties:
        props.title = DOCX_TITLE
        props.author = "Asia-Pacific Desk"
        props.created = datetime(2023, 11, 20, 9, 0, tzinfo=UTC)
    else:
        props.title = ""
        props.author = ""
    document.save(str(path))
    return path


# --- long documents, for the benchmark --------------------------------------------------------


def cp1252_safe(text: str) -> str:
    """Text the PDF core fonts can draw: accents folded where windows-1252 lacks the letter."""
    import unicodedata

    out = []
    for char in text:
        try:
            char.encode("cp1252")
            out.append(char)
        except UnicodeEncodeError:
            folded = unicodedata.normalize("NFKD", char).encode("cp1252", "ignore").decode("cp1252")
            out.append(folded or "?")
    return "".join(out)


def build_long_pdf(path: Path, paragraphs: list[str], pages: int) -> PdfLayout:
    """A report of about `pages` pages: the paragraphs in turn (cycled), a heading every six,
    with the same running header, footer and page numbers as the test report."""
    w = _Writer(path, labels=False)
    w.pdf.set_title("Synthetic research report")
    w.pdf.set_author("Benchmark")
    w.pdf.set_creation_date(PDF_CREATED)
    w.new_page()
    w.title(["A long research report for measuring extraction"])
    n = 0
    while not (w.pdf.page_no() >= pages and w.y > BOTTOM - 24 * LEADING):
        if n % 6 == 0:
            w.heading(f"Section {n // 6 + 1}")
        w.paragraph(cp1252_safe(paragraphs[n % len(paragraphs)]))
        n += 1
    return w.save()


# --- realistic saved news pages (property test and benchmark) ---------------------------------

_STYLES = ("wire", "magazine", "app")
_SECTIONS = ("World", "Asia", "Politics", "Business", "Technology", "Climate", "Opinion", "Video")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _nav(style: str, rng_seed: int) -> str:
    """A mega menu: every section with a dozen links, as real sites ship in each page."""
    links = []
    for i, section in enumerate(_SECTIONS):
        items = "".join(
            f'<li class="menu-item"><a href="/{section.lower()}/topic-{rng_seed}-{k}" '
            f'data-track="nav|{section}|{k}">{section} topic {k}</a></li>'
            for k in range(12)
        )
        links.append(
            f'<li class="menu-section" id="menu-{i}"><a href="/{section.lower()}">{section}</a>'
            f'<ul class="submenu">{items}</ul></li>'
        )
    return f'<nav class="{style}-nav main-menu" aria-label="Main"><ul>{"".join(links)}</ul></nav>'


def _scripts(style: str, seed: int, size: int) -> str:
    """Inline scripts and styles of roughly `size` characters: analytics set-up, an ad
    configuration and a bundle of CSS, which a saved page carries and an extractor must skip."""
    css = "".join(
        f".{style}-c{i}{{margin:{i % 7}px {i % 5}px;color:#{(i * 9973 + seed) % 0xFFFFFF:06x};"
        f"font:400 {12 + i % 6}px/1.4 sans-serif}}\n"
        for i in range(size // 160)
    )
    js = "".join(
        f'window.__ads.push({{"slot":"inline-{i}","sizes":[[300,250],[728,90]],'
        f'"targeting":{{"section":"{_SECTIONS[i % len(_SECTIONS)]}","pos":{i}}}}});\n'
        for i in range(size // 240)
    )
    return (
        f"<style>{css}</style>\n"
        f"<script>window.dataLayer=window.dataLayer||[];window.__ads=[];\n{js}</script>\n"
    )


def _inline(paragraph: str, k: int) -> str:
    """Some paragraphs carry links and emphasis around a word or two, as articles do."""
    words = _escape(paragraph).split(" ")
    if len(words) > 12 and k % 3 == 0:
        words[4] = f'<a href="/topic/{k}" class="inline-link">{words[4]}</a>'
    if len(words) > 12 and k % 4 == 1:
        words[9] = f"<em>{words[9]}</em>"
    if len(words) > 12 and k % 5 == 2:
        words[2] = f"<strong>{words[2]}</strong>"
    return " ".join(words)


def saved_news_page(
    paragraphs: list[str],
    *,
    title: str,
    seed: int = 0,
    headings: dict[int, str] | None = None,
    authors: tuple[str, ...] = ("Mai Linh Tran", "Peter Okafor"),
    site: str = "The Regional Ledger",
    chrome_chars: int = 40_000,
) -> str:
    """A news page as a browser saves it, around `paragraphs` (plain text, one per <p>):
    head metadata (og:, JSON-LD, canonical link), inline scripts and styles, a cookie banner,
    a mega menu, byline and time, share widgets, figures with captions and credits, ad slots,
    "Read more" asides, related stories, a newsletter box, comments and a long footer.
    `headings` puts an <h2> before the paragraph at that index. Three site styles by seed."""
    style = _STYLES[seed % len(_STYLES)]
    headings = headings or {}
    slug = f"story-{seed:04d}"
    url = f"https://www.regional-ledger.example/{style}/2023/09/{slug}"
    people = [{"@type": "Person", "name": n} for n in authors]
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": title,
        "datePublished": f"2023-09-{1 + seed % 28:02d}T08:{seed % 60:02d}:00Z",
        "author": people,
        "publisher": {"@type": "Organization", "name": site},
        "mainEntityOfPage": url,
    }
    import json

    body: list[str] = []
    for k, paragraph in enumerate(paragraphs):
        if k in headings:
            body.append(f"<h2>{_escape(headings[k])}</h2>")
        body.append(f"<p>{_inline(paragraph, k + seed)}</p>")
        if k % 9 == 4:
            body.append(
                '<div class="ad-slot" data-slot="inline">'
                '<span class="ad-label">ADVERTISEMENT</span></div>'
            )
        if k % 14 == 7:
            body.append(
                f'<figure class="inline-image"><img src="/img/{slug}-{k}.jpg" alt="">'
                f"<figcaption>Delegates arrive for talks in the capital, 2023. "
                f'<span class="credit">Photo: Reuters/{style.title()}</span></figcaption></figure>'
            )
        if k % 17 == 11:
            body.append(
                f'<aside class="read-more"><p>Read more: <a href="/r/{k}">'
                f"Why the region is watching the talks closely</a></p></aside>"
            )
    related = "".join(
        f'<li><a href="/related/{seed}-{i}">Related headline number {i} about the region</a></li>'
        for i in range(8)
    )
    footer = "".join(f'<li><a href="/footer/{i}">Footer link {i}</a></li>' for i in range(60))
    byline = " and ".join(authors)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_escape(title)} | {site}</title>
<meta property="og:title" content="{_escape(title)}">
<meta property="og:site_name" content="{site}">
<meta property="og:url" content="{url}">
<meta property="og:type" content="article">
<link rel="canonical" href="{url}">
<link rel="stylesheet" href="/static/{style}.css">
<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>
{_scripts(style, seed, chrome_chars)}
</head>
<body class="{style}-article">
<div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience and
 to show you relevant ads. <button>Accept all</button> <button>Manage settings</button></div>
<header class="site-header"><a class="logo" href="/">{site}</a>{_nav(style, seed)}
<form class="search"><input name="q" placeholder="Search"></form>
<a class="sign-in" href="/login">Sign In</a></header>
<main id="main">
<nav class="breadcrumb"><a href="/">Home</a> › <a href="/asia">Asia</a>
 › <a href="/asia/sea">Southeast Asia</a></nav>
<article class="story {style}">
<h1 class="headline">{_escape(title)}</h1>
<div class="byline">By {_escape(byline)}</div>
<time datetime="2023-09-{1 + seed % 28:02d}">Published September {1 + seed % 28}, 2023</time>
<div class="share-widget"><a href="#">Share on Facebook</a> <a href="#">Share on X</a>
 <a href="#">Copy link</a> <a href="#">Email</a> <a href="#">Print</a></div>
<figure class="lead-image"><img src="/img/{slug}.jpg" alt="">
<figcaption>Officials at a signing ceremony.
 <span class="credit">(AP Photo/Staff)</span></figcaption>
</figure>
<!-- ad slot: top, do not remove -->
<div class="story-body article-body">
{chr(10).join(body)}
</div>
<div class="tags">Tags: <a href="/tag/asia">Asia</a> <a href="/tag/trade">Trade</a></div>
</article>
<section class="related"><h2>Related stories</h2><ul>{related}</ul></section>
<div class="newsletter"><h3>Stay up to date</h3><p>Sign up for our morning briefing.</p>
<input type="email" placeholder="Email address"><button>Subscribe</button></div>
<section id="comments"><h3>Leave a comment</h3>
<form class="comment-form"><label>Name</label><input name="name">
<label>Your comment</label><textarea name="comment"></textarea>
<button>Post comment</button></form></section>
</main>
<footer class="site-footer"><ul>{footer}</ul>
<p>© 2023 {site}. All rights reserved.</p></footer>
</body></html>
"""


# --- MHTML (a browser's "Webpage, Single File" save) -----------------------------------------

NIKKEI_PARAGRAPHS = [
    "SINGAPORE — Malaysia and Vietnam are competing for the chip-packaging plants that "
    "American firms want to move out of China, and both governments have doubled their "
    "incentives since March.",
    "“We are not asking companies to choose sides,” said Trần Thị Hồng Minh, who heads the "
    "investment agency’s electronics desk. “We are asking them where their engineers will "
    "live in ten years.”",
    "Penang already assembles about 13% of the world’s back-end chip output, according to "
    "the Malaysian Investment Development Authority, while Bắc Ninh province has drawn "
    "Samsung, Amkor and Hana Micron.",
    "Analysts say the bottleneck is people: both countries graduate fewer than a third of "
    "the engineers the announced plants will need by 2030.",
]

NIKKEI_PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Malaysia and Vietnam race for chip-packaging plants - Asia Markets Review</title>
<meta property="og:site_name" content="Asia Markets Review">
<meta name="author" content="Lim Wei Ling; Đỗ Quang Huy">
<meta property="article:published_time" content="2024-05-14T08:30:00+08:00">
<link rel="stylesheet" href="https://asia.example.com/static/site.css">
</head><body>
<nav><a href="/">Home</a> <a href="/markets">Markets</a> <a href="/tech">Tech</a></nav>
<div class="consent">We use cookies to improve your experience. <button>Accept all</button></div>
<article>
<h1>Malaysia and Vietnam race for chip-packaging plants</h1>
<p class="byline">By Lim Wei Ling and Đỗ Quang Huy</p>
<figure><img src="https://asia.example.com/img/fab.png" alt="">
<figcaption>Workers at a test line in Bắc Ninh. (Photo by Đỗ Quang Huy)</figcaption></figure>
{paragraphs}
</article>
<aside><h3>Most read</h3><ul><li>Rice prices hit a ten-year high</li></ul></aside>
<footer>© Asia Markets Review. All rights reserved. <a href="/privacy">Privacy</a></footer>
</body></html>
"""

MHTML_URL = "https://asia.example.com/tech/chip-packaging-race"
PNG_1X1 = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f"
    b"\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00"
    b"\x00IEND\xaeB`\x82"
)


def mhtml_archive(
    html: bytes,
    *,
    charset: str | None = None,
    encoding: str = "quoted-printable",
    page_first: bool = True,
    start: bool = False,
    closed: bool = True,
) -> bytes:
    """A web archive as Chrome writes one (multipart/related, CRLF lines, the page
    quoted-printable, a style sheet and a picture beside it), with variations: the page's
    charset stated on its part, base64, the page not first (found by `start` or by type), the
    closing delimiter missing (an archive cut short)."""
    import base64
    import quopri

    boundary = "----MultipartBoundary--Xq3vGm0bTz7Lk2yWcJ8dR1sNfH4uPaEo----"
    page_type = f'text/html; charset="{charset}"' if charset else "text/html"
    encoded = {"quoted-printable": quopri.encodestring, "base64": base64.encodebytes}
    body = encoded.get(encoding, bytes)(html)  # "8bit": as it is
    page = (
        f"Content-Type: {page_type}\r\nContent-ID: <frame-7E1F@mhtml.blink>\r\n"
        f"Content-Transfer-Encoding: {encoding}\r\nContent-Location: {MHTML_URL}\r\n\r\n"
    ).encode() + body.replace(b"\n", b"\r\n").replace(b"\r\r\n", b"\r\n")
    css = (
        b"Content-Type: text/css\r\nContent-Transfer-Encoding: quoted-printable\r\n"
        b"Content-Location: https://asia.example.com/static/site.css\r\n\r\n"
        b'@charset "utf-8";\r\n\r\nnav { display: flex; }\r\n'
    )
    png = (
        b"Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
        b"Content-Location: https://asia.example.com/img/fab.png\r\n\r\n"
        + base64.encodebytes(PNG_1X1).replace(b"\n", b"\r\n")
    )
    parts = [page, css, png] if page_first else [css, png, page]
    start_param = ';\r\n\tstart="<frame-7E1F@mhtml.blink>"' if start else ""
    head = (
        "From: <Saved by Blink>\r\n"
        f"Snapshot-Content-Location: {MHTML_URL}\r\n"
        "Subject: =?utf-8?Q?Malaysia_and_Vietnam_race_for_chip-packaging_plants?=\r\n"
        "Date: Tue, 14 May 2024 09:12:44 +0800\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n'
        f'\tboundary="{boundary}"{start_param}\r\n\r\n\r\n'
    ).encode()
    delimiter = f"--{boundary}".encode()
    out = head + b"".join(delimiter + b"\r\n" + part + b"\r\n" for part in parts)
    return out + (delimiter + b"--\r\n" if closed else b"")


def build_mhtml(path: Path, **variation: object) -> Path:
    """A news analysis saved by a browser as a single-file web archive (see mhtml_archive)."""
    html = _page(NIKKEI_PAGE, NIKKEI_PARAGRAPHS).encode("utf-8")
    path.write_bytes(mhtml_archive(html, **variation))  # type: ignore[arg-type]
    return path
