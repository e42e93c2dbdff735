"""A browser-printed page's title loses the site's name after it only when that name is the
site's own (`formats/site_name.py`): by its address, never by the look of the title alone."""

from __future__ import annotations

import pytest

from briefing.sources.formats.site_name import split_site_name


@pytest.mark.parametrize(
    ("title", "url", "head", "site"),
    [
        (
            "Biden lands in Hanoi | AP News",
            "https://apnews.com/article/x",
            "Biden lands in Hanoi",
            "AP News",
        ),
        (
            "Hanoi's hedge - Nikkei Asia",
            "https://asia.nikkei.com/Politics/x",
            "Hanoi's hedge",
            "Nikkei Asia",
        ),
        (
            "Chips and ties | BBC News",
            "https://www.bbc.co.uk/news/world-asia-1",
            "Chips and ties",
            "BBC News",
        ),
        (
            "A new partnership – The Diplomat",
            "https://thediplomat.com/2023/09/x/",
            "A new partnership",
            "The Diplomat",
        ),
        (
            "Vietnam's balancing act | CFR",
            "https://www.cfr.org/blog/x",
            "Vietnam's balancing act",
            "CFR",
        ),
        (
            "Why Hanoi hedges | Council on Foreign Relations",
            "https://www.cfr.org/x",
            "Why Hanoi hedges",
            "Council on Foreign Relations",
        ),
        (
            "Ties upgraded — VnExpress International",
            "https://e.vnexpress.net/x",
            "Ties upgraded",
            "VnExpress International",
        ),
        (
            "Klimapolitik im Bundestag | tagesschau.de",
            "https://www.tagesschau.de/inland/x",
            "Klimapolitik im Bundestag",
            "tagesschau.de",
        ),
        (
            "Hanoi - a view | Part two - The Diplomat",
            "https://thediplomat.com/x",
            "Hanoi - a view | Part two",
            "The Diplomat",
        ),
    ],
)
def test_the_sites_own_name_is_taken_off(title: str, url: str, head: str, site: str) -> None:
    assert split_site_name(title, url) == (head, site)


@pytest.mark.parametrize(
    ("title", "url"),
    [
        ("Vietnam - US ties deepen", "https://apnews.com/article/x"),  # a dash, not a name
        ("Biden in Hanoi | Opinion", "https://www.nytimes.com/2023/09/x.html"),
        ("Exclusive - Vietnam to buy jets | Analysis", "https://www.reuters.com/x"),
        ("Malaysia and Vietnam race for chips - Asia Markets Review", "http://127.0.0.1:8000/x"),
        ("Local page | Notes", "http://localhost:8000/notes.html"),
        ("Biden lands in Hanoi | AP News", None),
        (None, "https://apnews.com/x"),
        ("AP News", "https://apnews.com/"),  # nothing left before the name
        ("Hanoi | AP News desk reporting from the region today", "https://apnews.com/x"),
    ],
)
def test_a_title_keeps_what_does_not_name_its_site(title: str | None, url: str | None) -> None:
    assert split_site_name(title, url) == (title, None)
