"""The two pages a council member with ten minutes reads: the home page and the short summary.

The home page opens with a definition of datagedreven sturing and then offers the entry
points; the short summary (``/samenvatting/``) fits on two A4 pages and holds the parts
the issue asks for, with the advices to municipalities taken from the content. The long
summary lives at ``/samenvatting/uitgebreid/``. Whether the short one prints on two pages
is checked in a real browser (tests/browser/test_readers.py).
"""

from __future__ import annotations

import re
from pathlib import Path

from macros.load import load_kennisbank

from .conftest import ROOT
from .htmlscan import Document, Element

KB = load_kennisbank(ROOT / "content")
MAX_WORDS = 900
# What the short summary must hold, as its section headings (h2), in this order.
SUMMARY_PARTS = [
    "Wat is datagedreven sturing?",
    "Wat het oplevert",
    "De belangrijkste risico's",
    "Het bestuurlijk denkkader",
    "Adviezen aan gemeenten",
]
# The entry points of the home page: the address each one leads to, from the home page.
ENTRY_POINTS = ["verhaal/", "praktijkvoorbeelden/", "risicos/", "samenvatting/", "zelfscan/", "werkblad/"]


def article(page: Path) -> Document:
    """The page's article (the content, without header, navigation and footer), parsed."""
    html = page.read_text(encoding="utf-8")
    start, end = html.index("<article"), html.index("</article>")
    document = Document()
    document.feed(html[start:end + len("</article>")])
    document.close()
    return document


def heading_text(element: Element) -> str:
    return element.text.removesuffix("#").strip()  # without the permalink


def words(document: Document) -> list[str]:
    """The words a reader sees in the article; the permalinks (#) and the edit icon are no words."""
    return [word for word in document.elements[0].text.split() if re.search(r"\w", word)]


def section(document: Document, heading: str) -> list[Element]:
    """The elements under the h2 with this text, up to the next h2."""
    elements = document.elements
    starts = [i for i, e in enumerate(elements) if e.tag == "h2" and heading_text(e) == heading]
    assert len(starts) == 1, f"kop {heading!r} staat niet precies één keer op de pagina"
    after = elements[starts[0] + 1:]
    ends = [i for i, e in enumerate(after) if e.tag in ("h1", "h2")]
    return after[: ends[0]] if ends else after


def hrefs(elements: list[Element]) -> list[str]:
    return [e.attrs.get("href") or "" for e in elements if e.tag == "a" and "headerlink" not in (e.attrs.get("class") or "")]


def target(site: Path, page_dir: Path, href: str) -> Path:
    """The built file a relative link on a page points to."""
    path = (page_dir / href.split("#")[0]).resolve()
    return path / "index.html" if href.split("#")[0].endswith("/") or path.is_dir() else path


# --- The short summary ----------------------------------------------------------------


def test_short_summary_has_at_most_900_words(real_site):
    counted = words(article(real_site / "samenvatting" / "index.html"))
    assert 300 <= len(counted) <= MAX_WORDS, f"de korte samenvatting telt {len(counted)} woorden; hoogstens {MAX_WORDS}"


def test_short_summary_has_every_part_in_order(real_site):
    document = article(real_site / "samenvatting" / "index.html")
    headings = [heading_text(e) for e in document.elements if e.tag == "h2"]
    assert [h for h in headings if h in SUMMARY_PARTS] == SUMMARY_PARTS, headings


def test_short_summary_links_three_cases_and_the_risk_cards(real_site):
    document = article(real_site / "samenvatting" / "index.html")
    case_ids = {c.id for c in KB.cases}
    cases = [h for h in hrefs(section(document, "Wat het oplevert")) if h.startswith("../praktijkvoorbeelden/")]
    linked_cases = {h.strip("/").rsplit("/", 1)[-1] for h in cases}
    assert len(linked_cases) >= 3 and linked_cases <= case_ids, cases
    risk_ids = {r.id for r in KB.risks}
    risks = {h.strip("/").rsplit("/", 1)[-1] for h in hrefs(section(document, "De belangrijkste risico's")) if h.startswith("../risicos/")}
    assert "risicos" in risks, "de sectie over risico's linkt naar het overzicht van de risicokaarten"
    assert len(risks - {"risicos"}) >= 4 and risks - {"risicos"} <= risk_ids, risks


def test_short_summary_names_the_five_parts_of_the_framework(real_site):
    elements = section(article(real_site / "samenvatting" / "index.html"), "Het bestuurlijk denkkader")
    items = [heading_text(e).lower() for e in elements if e.tag == "li"]
    assert len(items) == 5, items
    for item, part in zip(items, ["visie", "prioriteiten", "risico's en ethiek", "organisatie en middelen", "agendering"]):
        assert part in item, (part, item)


def test_short_summary_lists_exactly_the_advices_to_municipalities(real_site):
    expected = [advice.nummer for advice in KB.advices if "gemeenten" in advice.voor]
    assert expected, "de inhoud heeft geen adviezen voor gemeenten; dan klopt de sectie niet meer"
    elements = section(article(real_site / "samenvatting" / "index.html"), "Adviezen aan gemeenten")
    linked = [int(m.group(1)) for h in hrefs(elements) if (m := re.fullmatch(r"\.\./adviezen/#advies-(\d+)", h))]
    assert linked == expected, f"de sectie noemt adviezen {linked}; voor gemeenten zijn in content/adviezen.yaml: {expected}"
    for number in linked:
        assert f'id="advies-{number}"' in (real_site / "adviezen" / "index.html").read_text(encoding="utf-8"), number


def test_short_and_long_summary_link_to_each_other(real_site):
    short = article(real_site / "samenvatting" / "index.html")
    assert "uitgebreid/" in hrefs(short.elements), "de korte samenvatting linkt naar de uitgebreide"
    long = article(real_site / "samenvatting" / "uitgebreid" / "index.html")
    assert "../" in hrefs(long.elements), "de uitgebreide samenvatting linkt terug naar de korte"
    intro = next(e for e in long.elements if e.tag == "p")
    assert "lange versie" in intro.text and "korte samenvatting" in intro.text, intro.text


def test_every_link_of_the_short_summary_leads_to_a_page(real_site):
    page_dir = real_site / "samenvatting"
    for href in hrefs(article(page_dir / "index.html").elements):
        if href.startswith(("http:", "https:", "#")):
            continue
        assert target(real_site, page_dir, href).is_file(), href


# --- The home page --------------------------------------------------------------------


def test_home_page_opens_with_the_definition_before_the_entry_points(real_site):
    elements = article(real_site / "index.html").elements
    definitions = [i for i, e in enumerate(elements) if e.tag == "p" and "kb-definitie" in (e.attrs.get("class") or "").split()]
    entries = [i for i, e in enumerate(elements) if e.tag == "li" and "kb-entry" in (e.attrs.get("class") or "").split()]
    assert len(definitions) == 1 and entries, "de home-pagina heeft één definitie en een lijst met ingangen"
    assert definitions[0] < entries[0]
    first_paragraph = next(i for i, e in enumerate(elements) if e.tag == "p")
    assert first_paragraph == definitions[0], "de definitie is de eerste alinea, direct onder de titel"
    definition = " ".join(elements[definitions[0]].text.split())
    assert definition.startswith("Datagedreven sturing ")
    assert len(definition.split()) <= 90 and 2 <= definition.count(". ") + 1 <= 3, definition


def test_home_page_links_to_all_six_entry_points(real_site):
    elements = article(real_site / "index.html").elements
    entries = [i for i, e in enumerate(elements) if e.tag == "li" and "kb-entry" in (e.attrs.get("class") or "").split()]
    # The first link in each entry is its target.
    linked = []
    for index in entries:
        link = next(e for e in elements[index + 1:] if e.tag == "a")
        linked.append(link.attrs.get("href"))
    assert linked == ENTRY_POINTS
    for href in linked:
        assert target(real_site, real_site, href).is_file(), href


def test_home_page_features_cases_a_figure_and_keeps_the_contributors_anchor(real_site):
    document = article(real_site / "index.html")
    cards = [e.attrs.get("href") or "" for e in document.elements if e.tag == "a" and "kb-card__title" in (e.attrs.get("class") or "")]
    assert len(cards) >= 3
    images = [e for e in document.elements if e.tag == "img"]
    assert images and all(len(img.attrs.get("alt") or "") >= 20 for img in images)
    # Generated pages link to this anchor ("Draag het bij"); the heading text must stay.
    headings = {e.attrs.get("id"): heading_text(e) for e in document.elements if e.tag == "h2"}
    assert headings.get("een-praktijkvoorbeeld-bijdragen") == "Een praktijkvoorbeeld bijdragen"
    order = [heading_text(e) for e in document.elements if e.tag == "h2"]
    assert order.index("Een praktijkvoorbeeld bijdragen") > order.index("Waar wilt u beginnen?")
