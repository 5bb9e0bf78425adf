"""Search as a reader uses it: type in Material's search box, read the first results."""

from __future__ import annotations

from pathlib import Path

import yaml

QUERIES = Path(__file__).resolve().parents[1] / "search_queries.yaml"


def load_queries() -> list[dict]:
    return yaml.safe_load(QUERIES.read_text(encoding="utf-8"))


def search(page, query: str, limit: int = 8) -> list[str]:
    """Site-relative URLs of the pages in the first ``limit`` results."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    box.press_sequentially(query, delay=10)  # Material listens to key events, not to fill()
    page.wait_for_function(
        "q => { const m = document.querySelector('.md-search-result__meta');"
        " return m && /overeenkom|geen/i.test(m.textContent) && document.querySelector('input.md-search__input').value === q }",
        arg=query,
        timeout=10000,
    )
    page.wait_for_timeout(100)  # the list is filled right after the counter
    # One round trip for all links (and the origin), not one per link.
    origin, hrefs = page.evaluate(
        "limit => [location.origin + '/', [...document.querySelectorAll('.md-search-result__item > a.md-search-result__link')].slice(0, limit).map(a => a.href)]",
        limit,
    )
    return [href.split("#")[0].split("?")[0].removeprefix(origin) for href in hrefs]


def recall(page, queries: list[dict], limit: int = 8) -> tuple[float, list[tuple[str, str, list[str]]]]:
    misses = []
    for item in queries:
        found = search(page, item["zoek"], limit)
        if item["vind"] not in found:
            misses.append((item["zoek"], item["vind"], found))
    return 1 - len(misses) / len(queries), misses
