"""Long lists are split into pages, so that no page grows with the number of cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.listing import PAGE_SIZE

from .conftest import build, make_site
from .htmlscan import parse

MANY = 2 * PAGE_SIZE + 5
NAMES = ["afvalinzameling", "parkeren", "jeugdzorg", "schuldhulp", "verkeersveiligheid", "wijkbudget", "luchtkwaliteit", "armoedebeleid"]


@pytest.fixture(scope="module")
def big_site(tmp_path_factory) -> Path:
    from .conftest import VALID_CONTENT
    import shutil

    root = tmp_path_factory.mktemp("veel")
    content = root / "inhoud"
    shutil.copytree(VALID_CONTENT, content)
    template = (content / "praktijkvoorbeelden" / "wijkmonitor.md").read_text(encoding="utf-8")
    for index in range(1, MANY):
        (content / "praktijkvoorbeelden" / f"monitor-{index:03d}.md").write_text(
            template.replace("id: wijkmonitor", f"id: monitor-{index:03d}").replace("Voorbeeldstad: wijkmonitor", f"Testdorp: {NAMES[index % len(NAMES)]} {index}").replace("[voorbeeldstad]", "[testdorp]"),
            encoding="utf-8",
        )
    site = make_site(root / "project", content)
    build(site)
    return site / "site"


def case_links(page: Path) -> list[str]:
    return [a.attrs["href"] for a in parse(page).find("a", class_="kb-card__title")]


@pytest.mark.parametrize("base", ["praktijkvoorbeelden", "praktijkvoorbeelden/domein/sociaal", "praktijkvoorbeelden/risico/privacy"])
def test_long_lists_are_split_into_pages_that_together_hold_every_case(big_site, base):
    pages = [big_site / base / "index.html", big_site / base / "pagina-2" / "index.html", big_site / base / "pagina-3" / "index.html"]
    assert all(p.is_file() for p in pages)
    assert not (big_site / base / "pagina-4").exists()
    linked = [case_links(p) for p in pages]
    assert [len(l) for l in linked] == [PAGE_SIZE, PAGE_SIZE, MANY - 2 * PAGE_SIZE]
    ids = {h.rstrip("/").rsplit("/", 1)[-1] for links in linked for h in links}
    assert len(ids) == MANY
    nav = parse(pages[1]).find("nav", class_="kb-pagination")
    assert nav, base
    second = parse(pages[1])
    # The pagination marks the page it is on (the breadcrumb marks the page too, by its title).
    assert [e.text for e in second.find("span") if e.attrs.get("aria-current") == "page" and e.text.isdigit()] == ["2"]
    assert second.find("a", rel="prev")[0].attrs["href"] == "../" and second.find("a", rel="next")[0].attrs["href"] == "../pagina-3/"


def test_item_pages_show_the_first_related_cases_and_link_to_all(big_site):
    risk = big_site / "risicos" / "privacy" / "index.html"
    assert len(case_links(risk)) == 10
    more = [a for a in parse(risk).find("a") if (a.attrs.get("href") or "").endswith("praktijkvoorbeelden/risico/privacy/")]
    assert more and more[0].text == f"Alle {MANY} praktijkvoorbeelden bij deze risicokaart"


def test_pages_do_not_grow_with_the_number_of_cases(big_site):
    sizes = [p.stat().st_size for p in (big_site / "praktijkvoorbeelden").rglob("index.html")]
    assert max(sizes) < 300 * 1024


@pytest.mark.parametrize("reserved", ["pagina-2", "risico", "advies", "leerlijn", "methodiek"])
def test_ids_that_would_collide_with_list_pages_are_refused(content, reserved):
    from macros.load import check_content

    template = (content / "praktijkvoorbeelden" / "wijkmonitor.md").read_text(encoding="utf-8")
    (content / "praktijkvoorbeelden" / f"{reserved}.md").write_text(template.replace("id: wijkmonitor", f"id: {reserved}"), encoding="utf-8")
    _, problems = check_content(content)
    assert [(p.field, "gereserveerd" in p.message) for p in problems] == [("id", True)]
