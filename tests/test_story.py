"""The story pages: they build, embed the content faithfully, and every figure can be read without seeing it."""

from __future__ import annotations

import re

import pytest

from macros.load import load_kennisbank

from .conftest import ROOT
from .htmlscan import parse, text_of

KB = load_kennisbank(ROOT / "content")
STORY_PAGES = sorted(p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs" / "verhaal").glob("*.md"))
THEMES = ["definitie", "fasen", "agendering", "publieke-waarde", "verbreden-en-leren", "verankeren",
          "randvoorwaarden-en-risicos", "sturing", "andere-sectoren", "belang", "denkkader"]


def built(site, source: str):
    stem = source[: -len(".md")]
    return site / (stem[: -len("index")] if stem.endswith("index") else stem + "/") / "index.html"


def test_one_page_per_theme_and_all_build(real_site):
    assert sorted(STORY_PAGES) == sorted(["verhaal/index.md"] + [f"verhaal/{t}.md" for t in THEMES])
    for source in STORY_PAGES + ["index.md", "samenvatting/index.md", "samenvatting/uitgebreid.md", "open-data.md", "toegankelijkheid.md"]:
        assert built(real_site, source).is_file(), source


def links_on(page) -> set[str]:
    return {a.attrs.get("href") or "" for a in parse(page).find("a")}


def test_learning_lines_page_shows_all_five(real_site):
    hrefs = links_on(built(real_site, "verhaal/verbreden-en-leren.md"))
    for line in KB.learning_lines:
        assert any(h.endswith(f"leerlijnen/{line.id}/") for h in hrefs), line.id


def test_risk_page_shows_every_card(real_site):
    hrefs = links_on(built(real_site, "verhaal/randvoorwaarden-en-risicos.md"))
    for risk in KB.risks:
        assert any(h.endswith(f"risicos/{risk.id}/") for h in hrefs), risk.id


def test_every_advice_is_on_the_page_of_its_chapter(real_site):
    for chapter in KB.chapters:
        hrefs = links_on(built(real_site, chapter.pagina))
        for advice in KB.advices_in_chapter(chapter.nummer):
            assert any(h.endswith(f"adviezen/#advies-{advice.nummer}") for h in hrefs), (chapter.pagina, advice.nummer)


def test_long_summary_holds_every_conclusion_and_every_advice(real_site):
    page = built(real_site, "samenvatting/uitgebreid.md")
    text = text_of(page)
    for chapter in KB.chapters:
        first_words = " ".join(re.sub(r"[*_`\[\]]", "", chapter.conclusie).split()[:6])
        assert first_words in text, chapter.nummer
    numbers = [int(li.attrs["value"]) for li in parse(page).find("li") if li.attrs.get("value")]
    assert numbers == [a.nummer for a in KB.advices]


def test_every_figure_has_a_text_alternative(real_site):
    images = [(path, img) for path in real_site.rglob("*.html") for img in parse(path).find("img")]
    assert images
    for path, img in images:
        assert len((img.attrs.get("alt") or "").strip()) >= 20, (path, img.attrs.get("src"))
    for svg in (ROOT / "docs" / "figuren").glob("*.svg"):
        text = svg.read_text(encoding="utf-8")
        assert "<title" in text and "<desc" in text, svg.name
        assert not re.search(r"(href|src)=\"(https?:)?//", text), svg.name
        assert "<script" not in text and "foreignObject" not in text, svg.name


@pytest.mark.parametrize("facet", ["domein", "fase", "methodiek"])
def test_charts_are_made_from_the_content(real_site, facet):
    svg = (real_site / "grafieken" / f"{facet}.svg").read_text(encoding="utf-8")
    vocabulary = KB.taxonomy[facet]
    counts = KB.facet_counts(vocabulary)
    for term in vocabulary.terms:
        assert f">{counts[term.id]}</text>" in svg, (facet, term.id)
