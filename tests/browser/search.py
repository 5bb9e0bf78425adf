"""Search as a reader uses it: type in the search field in the header, read the first results."""

from __future__ import annotations

from pathlib import Path

import yaml

FOLDER = Path(__file__).resolve().parents[1]
QUERIES = {
    "gewoon": FOLDER / "search_queries.yaml",
    "moeilijk": FOLDER / "search_queries_moeilijk.yaml",
    "blind": FOLDER / "search_queries_blind.yaml",  # written after the search was built, measured once
    "derde": FOLDER / "search_queries_derde.yaml",  # written blind while the glossary grew (SEARCH.md)
    "vierde": FOLDER / "search_queries_vierde.yaml",  # written blind after the glossary
    "vijfde": FOLDER / "search_queries_vijfde.yaml",  # written blind after the last change, measured once
    "zesde": FOLDER / "search_queries_zesde.yaml",  # written blind during the second glossary pass (SEARCH.md)
    "zevende": FOLDER / "search_queries_zevende.yaml",  # written blind after the rule for verbs on -eren, measured once
    "achtste": FOLDER / "search_queries_achtste.yaml",  # written during the third glossary pass (SEARCH.md)
    "negende": FOLDER / "search_queries_negende.yaml",  # written in a folder with only the site's pages (SEARCH.md)
}
LIMIT = 5  # recall@5: the answer must be among the first five results


def load_queries(kind: str = "gewoon") -> list[dict]:
    return yaml.safe_load(QUERIES[kind].read_text(encoding="utf-8"))


def search(page, query: str, limit: int = LIMIT) -> list[str]:
    """Site-relative URLs of the pages in the first ``limit`` results."""
    box = page.locator("#kb-zoekvak")
    if not box.is_visible():
        page.locator(".kb-search__open").click()  # a phone: the field opens from the header button
    box.fill(query)  # one input event, as a paste; the keyboard test types key by key
    page.wait_for_function(
        "q => { const s = document.getElementById('kb-zoekstatus').textContent;"
        " return /resulta/i.test(s) && s.includes('‘' + q.trim() + '’') && document.getElementById('kb-zoekvak').value === q }",
        arg=query,
        timeout=15000,
    )
    origin, hrefs = page.evaluate(
        "limit => [location.origin + '/', [...document.querySelectorAll('#kb-zoekresultaten a.md-search-result__link')].slice(0, limit).map(a => a.href)]",
        limit,
    )
    return [href.split("#")[0].split("?")[0].removeprefix(origin) for href in hrefs]


def recall(page, queries: list[dict], limit: int = LIMIT) -> tuple[float, list[tuple[str, str, list[str]]]]:
    misses = []
    for item in queries:
        found = search(page, item["zoek"], limit)
        # An advice's address is a place on the advices page: the result is that page.
        if item["vind"].split("#")[0] not in found:
            misses.append((item["zoek"], item["vind"], found))
    return 1 - len(misses) / len(queries), misses
