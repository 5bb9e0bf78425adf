"""Building the site: one page per item at its stable URL, indexes from the taxonomy."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from macros.load import load_kennisbank
from macros.model import case_vocabularies, facet_values

from .conftest import ROOT, VALID_CONTENT, build, make_site
from .htmlscan import parse, text_of


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory) -> Path:
    site = make_site(tmp_path_factory.mktemp("fixture-site"), VALID_CONTENT)
    build(site)
    return site / "site"


def page(site: Path, url: str) -> Path:
    return site / url / "index.html"


def links(site: Path, url: str) -> list[str]:
    return [e.attrs.get("href") for e in parse(page(site, url)).find("a")]


def test_every_item_has_a_page_at_its_stable_url(fixture_site):
    for url in (
        "praktijkvoorbeelden/wijkmonitor",
        "leerlijnen/leren-door-oefenen",
        "risicos/privacy",
        "gemeenten/voorbeeldstad",
        "gemeenten/testdorp",
    ):
        assert page(fixture_site, url).is_file(), url
    advices = parse(page(fixture_site, "adviezen"))
    assert {e.attrs["id"] for e in advices.find("h3")} == {"advies-1", "advies-12"}
    assert "Het rapport kent geen advies 11" in text_of(page(fixture_site, "adviezen"))


def test_case_page_shows_facets_as_links_and_unset_facets(fixture_site):
    case = page(fixture_site, "praktijkvoorbeelden/wijkmonitor")
    hrefs = links(fixture_site, "praktijkvoorbeelden/wijkmonitor")
    assert "../domein/sociaal/" in hrefs
    assert "../methodiek/monitoring/" in hrefs
    assert "../../gemeenten/voorbeeldstad/" in hrefs
    text = text_of(case)
    assert "Oriëntatie niet vastgelegd" in text
    assert "1 februari 2026" in text  # bijgewerkt, written in Dutch


def test_relations_are_shown_both_ways(fixture_site):
    # The case names the risk; the risk card lists the case without being told.
    assert "../../praktijkvoorbeelden/wijkmonitor/" in links(fixture_site, "risicos/privacy")
    # The learning line names the case; the case page lists the line.
    assert "../../leerlijnen/leren-door-oefenen/" in links(fixture_site, "praktijkvoorbeelden/wijkmonitor")
    # Advice 12 names the case; the case lists the advice, the advice links the case.
    assert "../../adviezen/#advies-12" in links(fixture_site, "praktijkvoorbeelden/wijkmonitor")
    assert "../praktijkvoorbeelden/wijkmonitor/" in links(fixture_site, "adviezen")
    assert "../../praktijkvoorbeelden/wijkmonitor/" in links(fixture_site, "gemeenten/voorbeeldstad")
    assert "../../praktijkvoorbeelden/wijkmonitor/" not in links(fixture_site, "gemeenten/testdorp")


def test_facet_pages_follow_the_taxonomy(fixture_site):
    kennisbank = load_kennisbank(VALID_CONTENT)
    facets = kennisbank.taxonomy.facets
    assert {f.id for f in facets} >= {"domein", "orientatie", "proces", "methodiek", "publieke_waarde", "fase"}
    for vocabulary in facets:
        overview = parse(page(fixture_site, f"praktijkvoorbeelden/{vocabulary.slug}"))
        rows = overview.find("tr")[1:]
        assert [r.text.split()[0] for r in rows] == [t.label.split()[0] for t in vocabulary.terms]
        for term in vocabulary.terms:
            listed = linked_cases(fixture_site, f"praktijkvoorbeelden/{vocabulary.slug}/{term.id}", kennisbank)
            expected = {c.id for c in kennisbank.cases if term.id in facet_values(c, vocabulary.id)}
            assert listed == expected, (vocabulary.id, term.id)


def linked_cases(site: Path, url: str, kennisbank) -> set[str]:
    """Ids of the cases that a page links to."""
    ids = {c.id for c in kennisbank.cases}
    targets = {h.split("#")[0].rstrip("/").rsplit("/", 1)[-1] for h in links(site, url) if h}
    return targets & ids


def test_facet_overview_counts(fixture_site):
    rows = parse(page(fixture_site, "praktijkvoorbeelden/domein")).find("tr")
    counts = {r.text.split()[0]: r.text.split()[-1] for r in rows[1:]}
    assert counts["Sociaal"] == "1" and counts["Fysiek"] == "0"


def test_cases_overview_lists_every_case(fixture_site):
    hrefs = links(fixture_site, "praktijkvoorbeelden")
    assert "wijkmonitor/" in hrefs
    assert "domein/" in hrefs and "publieke-waarde/" in hrefs


def test_new_taxonomy_value_gets_its_index_page(tmp_path, content):
    taxonomy = content / "taxonomie.yaml"
    text = taxonomy.read_text(encoding="utf-8")
    marker = "    bedrijfsvoering:\n"
    assert marker in text
    taxonomy.write_text(
        text.replace(marker, "    cultuur:\n      label: Cultuur\n      uitleg: Kunst, erfgoed en bibliotheken.\n" + marker, 1),
        encoding="utf-8",
    )
    site = make_site(tmp_path / "site-met-cultuur", content)
    build(site)
    new_page = page(site / "site", "praktijkvoorbeelden/domein/cultuur")
    assert new_page.is_file()
    assert "Kunst, erfgoed en bibliotheken." in text_of(new_page)
    assert "cultuur/" in links(site / "site", "praktijkvoorbeelden/domein")


def test_edit_link_points_at_the_content_file(fixture_site):
    edit = parse(page(fixture_site, "praktijkvoorbeelden/wijkmonitor")).find("a", rel="edit")
    assert len(edit) == 1
    assert edit[0].attrs["href"].endswith("/edit/main/content/praktijkvoorbeelden/wijkmonitor.md")
    facet_edit = parse(page(fixture_site, "praktijkvoorbeelden/domein/sociaal")).find("a", rel="edit")
    assert facet_edit[0].attrs["href"].endswith("/edit/main/content/taxonomie.yaml")
    story_edit = parse(fixture_site / "index.html").find("a", rel="edit")
    assert story_edit[0].attrs["href"].endswith("/edit/main/docs/index.md")


def test_item_pages_stay_out_of_the_navigation(fixture_site):
    nav_links = [e.attrs.get("href") for e in parse(fixture_site / "index.html").find("a", class_="md-nav__link")]
    assert "praktijkvoorbeelden/domein/" in nav_links  # facets are in the nav
    assert not [h for h in nav_links if h and "wijkmonitor" in h]
    assert not [h for h in nav_links if h and "domein/sociaal" in h]


def test_site_is_dutch(fixture_site):
    html = parse(fixture_site / "index.html")
    assert html.find("html")[0].attrs["lang"] == "nl"
    # The search index stems Dutch, and there is no second (lunr) index beside it.
    entry = json.loads((fixture_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["nl"]
    assert not (fixture_site / "search").exists()


def test_invalid_content_stops_the_build_without_writing(tmp_path, content):
    (content / "praktijkvoorbeelden" / "wijkmonitor.md").write_text(
        (VALID_CONTENT / "praktijkvoorbeelden" / "wijkmonitor.md").read_text(encoding="utf-8").replace("domein: sociaal", "domein: sociale"),
        encoding="utf-8",
    )
    site = make_site(tmp_path / "kapot", content)
    result = build(site, check=False)
    assert result.returncode != 0
    assert "content/praktijkvoorbeelden/wijkmonitor.md:7: domein: 'sociale' is geen toegestane waarde" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (site / "site").exists()


def test_project_site_builds_strict_with_a_page_per_item(real_site):
    kennisbank = load_kennisbank(ROOT / "content")
    for case in kennisbank.cases:
        assert page(real_site, f"praktijkvoorbeelden/{case.id}").is_file()
    for line in kennisbank.learning_lines:
        assert page(real_site, f"leerlijnen/{line.id}").is_file()
    for risk in kennisbank.risks:
        assert page(real_site, f"risicos/{risk.id}").is_file()
    for municipality in kennisbank.municipalities:
        assert page(real_site, f"gemeenten/{municipality.id}").is_file()
    assert linked_cases(real_site, "praktijkvoorbeelden", kennisbank) == {c.id for c in kennisbank.cases}
    assert set(case_vocabularies()) <= {v.id for v in kennisbank.taxonomy.vocabularies}


def test_generated_pages_say_where_the_reader_is(fixture_site):
    """A reader who lands on a generated page (from a search) sees the tab, the trail and no empty column."""
    for url, trail, tab, column in (
        ("praktijkvoorbeelden/wijkmonitor", ["Home", "Praktijkvoorbeelden"], "Praktijkvoorbeelden", True),
        ("praktijkvoorbeelden/domein/sociaal", ["Home", "Praktijkvoorbeelden", "Domein"], "Praktijkvoorbeelden", True),
        ("risicos/privacy", ["Home", "Risicokaarten"], "Risicokaarten", False),
        ("gemeenten/voorbeeldstad", ["Home", "Gemeenten"], "Gemeenten", False),
        ("praktijkvoorbeelden/risico/privacy", ["Home", "Risicokaarten", "Privacy"], "Risicokaarten", False),
        ("risicos", [], "Risicokaarten", False),
    ):
        document = parse(page(fixture_site, url))
        crumbs = document.find("nav", class_="kb-breadcrumb")
        assert len(crumbs) == 1, url
        following = document.elements[document.elements.index(crumbs[0]) + 1 :]
        end = next(i for i, e in enumerate(following) if e.attrs.get("aria-current") == "page")
        assert [e.text.strip() for e in following[:end] if e.tag == "a"] == (["Home", *trail[1:]] if trail else ["Home"]), url
        active = [e.text.strip() for e in document.find("li", class_="md-tabs__item--active")]
        assert active and active[0].startswith(tab), (url, active)
        sidebar = [e for e in document.find("div", class_="md-sidebar--primary")]
        assert ("hidden" not in sidebar[0].attrs) == column, url


def test_links_that_leave_the_site_carry_noopener(fixture_site):
    source = [e for e in parse(page(fixture_site, "praktijkvoorbeelden/wijkmonitor")).find("a", class_="kb-external")]
    assert source and all(e.attrs.get("rel") == "noopener" for e in source)
