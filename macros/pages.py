"""Which pages the content generates, at which stable URL, with which title.

Pure data, no MkDocs: the build hook turns each planned page into a page of the
site whose body the renderer makes (:mod:`macros.render.pages`); nothing of the
content ever passes through a template engine as source.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from . import urls
from .contract import ADVICES, CASES, LEARNING_LINES, MUNICIPALITIES, RISKS, Collection
from .listing import page_count
from .model import Kennisbank
from .taxonomy import TAXONOMY_FILE_NAME, Vocabulary


@dataclass(frozen=True)
class PlannedPage:
    src_uri: str  # virtual Markdown file in the docs tree (MkDocs derives the URL from it)
    kind: str  # which page: see macros/render/pages.py
    args: tuple[str, ...]  # item id, or vocabulary and value, and the page number of a list
    title: str  # plain text; escaped in one place when the page is made
    description: str | None = None
    source_path: str | None = None  # content file behind the page, for the edit link
    search: bool = True  # whether the page belongs in the search index
    section: str | None = None  # URL of the overview the page belongs under (breadcrumb, tab)
    trail: tuple[tuple[str, str], ...] = ()  # (title, URL) of the pages above this one, after Home
    wide: bool = False  # the page needs the width of both sidebars (the filterable overview)

    @property
    def url(self) -> str:
        stem = self.src_uri[: -len(".md")]
        return stem[: -len("index")] if stem.endswith("index") else f"{stem}/"


def facet_title(vocabulary: Vocabulary) -> str:
    """Title of a facet overview, e.g. 'Praktijkvoorbeelden naar domein'."""
    return f"Praktijkvoorbeelden naar {vocabulary.label[0].lower()}{vocabulary.label[1:]}"


def _up(collection: Collection) -> tuple[str, str]:
    return (str(collection.title), urls.collection_url(collection))


def _item_pages(kb: Kennisbank, collection: Collection, kind: str) -> list[PlannedPage]:
    items: tuple[Any, ...] = kb.items[collection.folder]
    return [
        PlannedPage(
            urls.item_source(collection, item.id),
            kind,
            (item.id,),
            f"Gemeente {item.naam}" if collection is MUNICIPALITIES else item.titel,
            item.toelichting if collection is MUNICIPALITIES else item.samenvatting,
            item.source_path,
            section=urls.collection_url(collection),
            trail=(_up(collection),),
        )
        for item in items
    ]


def plan_pages(kb: Kennisbank, content_prefix: str = "content") -> list[PlannedPage]:
    """Every generated page: one per item, the overviews, and one per facet value."""
    taxonomy_path = f"{content_prefix}/{TAXONOMY_FILE_NAME}"
    pages = _item_pages(kb, CASES, "praktijkvoorbeeld")
    pages += _item_pages(kb, LEARNING_LINES, "leerlijn")
    pages += _item_pages(kb, RISKS, "risico")
    pages += _item_pages(kb, MUNICIPALITIES, "gemeente")
    advice_source = kb.advices[0].source_path if kb.advices else None
    pages += _paged(
        PlannedPage(urls.collection_source(CASES), "praktijkvoorbeelden", (), "Praktijkvoorbeelden", search=False, wide=True),
        urls.collection_url(CASES),
        len(kb.cases),
    )
    pages += [
        PlannedPage(urls.collection_source(LEARNING_LINES), "leerlijnen", (), "Leerlijnen", search=False),
        PlannedPage(urls.collection_source(RISKS), "risicos", (), "Risicokaarten", search=False),
        PlannedPage(urls.collection_source(MUNICIPALITIES), "gemeenten", (), "Gemeenten", search=False),
        PlannedPage(urls.collection_source(ADVICES), "adviezen", (), "Adviezen uit het rapport", source_path=advice_source),
    ]
    cases_url = urls.collection_url(CASES)
    for vocabulary in kb.taxonomy.facets:
        pages.append(
            PlannedPage(
                urls.facet_source(vocabulary), "facet", (vocabulary.id,), facet_title(vocabulary), vocabulary.uitleg, taxonomy_path,
                search=False,  # a list of values with counts: a search result would show a table blob
                section=cases_url, trail=(_up(CASES),),
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
                section=urls.facet_url(vocabulary),
                trail=(_up(CASES), (vocabulary.label, urls.facet_url(vocabulary))),
            )
            pages += _paged(first, urls.facet_url(vocabulary, term.id), len(kb.cases_with(vocabulary.id, term.id)))
    relations = (
        [("risico", risk.id, f"Praktijkvoorbeelden bij de risicokaart {risk.titel}", risk.source_path, (_up(RISKS), (risk.titel, urls.item_url(RISKS, risk.id))), kb.related(risk, RISKS, CASES)) for risk in kb.risks]
        + [
            ("leerlijn", line.id, f"Praktijkvoorbeelden bij leerlijn {line.nummer}: {line.titel}", line.source_path, (_up(LEARNING_LINES), (line.titel, urls.item_url(LEARNING_LINES, line.id))), kb.related(line, LEARNING_LINES, CASES))
            for line in kb.learning_lines
        ]
        + [("advies", str(a.nummer), f"Praktijkvoorbeelden bij advies {a.nummer}", a.source_path, (_up(ADVICES), (f"Advies {a.nummer}", urls.advice_url(a.nummer))), kb.related(a, ADVICES, CASES)) for a in kb.advices]
    )
    for relation, key, title, source_path, trail, cases in relations:
        base = urls.relation_url(relation, key)
        first = PlannedPage(urls.source_of(base), "relatie", (relation, key), title, None, source_path, search=False, section=trail[-1][1], trail=trail)
        pages += _paged(first, base, len(cases))
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


def plan_redirects(kb: Kennisbank) -> dict[str, tuple[str, str]]:
    """Former address (file in the site) -> (current page URL, content file), for every alias."""
    redirects = {}
    for collection in (CASES, LEARNING_LINES, RISKS):
        items: tuple[Any, ...] = kb.items[collection.folder]
        for item in items:
            for alias in item.aliassen:
                redirects[f"{urls.item_url(collection, alias)}index.html"] = (urls.item_url(collection, item.id), item.source_path)
    return redirects
