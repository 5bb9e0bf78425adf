"""Which pages the content generates, at which stable URL, with which title.

Pure data, no MkDocs: the build hook turns each planned page into a virtual file
whose source is nothing but one macro call.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import json

from . import urls
from .listing import page_count
from .model import Kennisbank
from .render import facet_label, html_text
from .taxonomy import TAXONOMY_FILE_NAME



@dataclass(frozen=True)
class PlannedPage:
    src_uri: str  # virtual Markdown file in the docs tree
    kind: str  # first argument of the ``pagina`` macro: which page template
    args: tuple[str, ...]  # further arguments: item id, or vocabulary and value
    title: str  # plain text; escaped when written into the page
    description: str | None = None
    source_path: str | None = None  # content file behind the page, for the edit link
    search: bool = True  # whether the page belongs in the search index

    def source(self) -> str:
        """The page source: front matter plus a single macro call, nothing from content."""
        # JSON strings are valid YAML, and json.dumps is far quicker than yaml.safe_dump.
        lines = ["render_macros: true", f"title: {json.dumps(str(html_text(self.title)), ensure_ascii=False)}"]
        if self.description:
            lines.append(f"description: {json.dumps(str(html_text(self.description)), ensure_ascii=False)}")
        if not self.search:
            lines.append("search: {exclude: true}")
        # Ids and vocabulary names are validated slugs, so repr() is a safe literal.
        args = ", ".join(repr(a) for a in (self.kind, *self.args))
        return "---\n" + "\n".join(lines) + f"\n---\n\n{{{{ pagina({args}) }}}}\n"


def plan_pages(kb: Kennisbank, content_prefix: str = "content") -> list[PlannedPage]:
    """Every generated page: one per item, the overviews, and one per facet value."""
    taxonomy_path = f"{content_prefix}/{TAXONOMY_FILE_NAME}"
    pages = [
        PlannedPage(
            urls.item_source(urls.CASES, case.id), "praktijkvoorbeeld", (case.id,), case.titel, case.samenvatting, case.source_path
        )
        for case in kb.cases
    ]
    pages += [
        PlannedPage(urls.item_source(urls.LEARNING_LINES, line.id), "leerlijn", (line.id,), line.titel, line.samenvatting, line.source_path)
        for line in kb.learning_lines
    ]
    pages += [
        PlannedPage(urls.item_source(urls.RISKS, risk.id), "risico", (risk.id,), risk.titel, risk.samenvatting, risk.source_path)
        for risk in kb.risks
    ]
    pages += [
        PlannedPage(
            urls.item_source(urls.MUNICIPALITIES, municipality.id),
            "gemeente",
            (municipality.id,),
            f"Gemeente {municipality.naam}",
            municipality.toelichting,
            municipality.source_path,
        )
        for municipality in kb.municipalities
    ]
    advice_source = kb.advices[0].source_path if kb.advices else None
    pages += _paged(
        PlannedPage(f"{urls.CASES}/index.md", "praktijkvoorbeelden", (), "Praktijkvoorbeelden", search=False),
        urls.collection_url(urls.CASES),
        len(kb.cases),
    )
    pages += [
        PlannedPage(f"{urls.LEARNING_LINES}/index.md", "leerlijnen", (), "Leerlijnen", search=False),
        PlannedPage(f"{urls.RISKS}/index.md", "risicos", (), "Risicokaarten", search=False),
        PlannedPage(f"{urls.MUNICIPALITIES}/index.md", "gemeenten", (), "Gemeenten", search=False),
        PlannedPage(f"{urls.ADVICES}/index.md", "adviezen", (), "Adviezen uit het rapport", source_path=advice_source),
    ]
    for vocabulary in kb.taxonomy.facets:
        pages.append(
            PlannedPage(
                urls.facet_source(vocabulary), "facet", (vocabulary.id,), facet_label(vocabulary), vocabulary.uitleg, taxonomy_path
            )
        )
        for term in vocabulary.terms:
            first = PlannedPage(
                urls.facet_source(vocabulary, term.id),
                "facetwaarde",
                (vocabulary.id, term.id),
                f"{vocabulary.label}: {term.label}",
                term.uitleg,
                taxonomy_path,
                search=False,
            )
            pages += _paged(first, urls.facet_url(vocabulary, term.id), len(kb.cases_with(vocabulary.id, term.id)))
    relations = (
        [("risico", risk.id, f"Praktijkvoorbeelden bij de risicokaart {risk.titel}", risk.source_path) for risk in kb.risks]
        + [("leerlijn", line.id, f"Praktijkvoorbeelden bij leerlijn {line.nummer}: {line.titel}", line.source_path) for line in kb.learning_lines]
        + [("advies", str(a.nummer), f"Praktijkvoorbeelden bij advies {a.nummer}", a.source_path) for a in kb.advices]
    )
    for relation, key, title, source_path in relations:
        base = urls.relation_url(relation, key)
        first = PlannedPage(urls.source_of(base), "relatie", (relation, key), title, None, source_path, search=False)
        pages += _paged(first, base, len(kb.cases_for(relation, key)))
    return pages


def _paged(first: PlannedPage, base_url: str, items: int) -> list[PlannedPage]:
    """The first page of a list and, when it is long, its further pages (…/pagina-2/, …)."""
    pages = [first]
    for number in range(2, page_count(items) + 1):
        url = urls.list_page_url(base_url, number)
        pages.append(
            replace(first, src_uri=urls.source_of(url), args=(*first.args, str(number)), title=f"{first.title} (pagina {number})", search=False)
        )
    return pages


def plan_redirects(kb: Kennisbank) -> dict[str, str]:
    """Former address (file in the site) -> current page URL, for every id under ``aliassen``."""
    redirects = {}
    for collection, items in ((urls.CASES, kb.cases), (urls.LEARNING_LINES, kb.learning_lines), (urls.RISKS, kb.risks)):
        for item in items:
            for alias in item.aliassen:
                redirects[f"{collection}/{alias}/index.html"] = urls.item_url(collection, item.id)
    return redirects
