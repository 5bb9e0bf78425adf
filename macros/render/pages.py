"""The body of every generated page: where a case page (or any other) is made.

One method per kind of page (:attr:`PlannedPage.kind` in :mod:`macros.pages`); each
renders one template from ``macros/templates/`` to finished HTML. The hook hands
that HTML to the theme as it is: generated pages never pass through Markdown.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any, Callable

from jinja2 import Environment
from markupsafe import Markup

from .. import urls
from ..contract import ADVICES, CASES, LEARNING_LINES, MUNICIPALITIES, RISKS, Item
from ..editor_markdown import EditorMarkdown
from ..listing import PAGE_SIZE, page_count
from ..mentions import StoryPage
from ..model import Kennisbank, case_vocabularies
from ..pages import PlannedPage
from .environment import SiteInfo, make_environment, render
from .toc import toc_tokens


@dataclass(frozen=True)
class RenderedPage:
    html: Markup
    toc: list[dict]


@dataclass(frozen=True)
class FilterGroup:
    """One group of checkboxes in the cases filter, and how to read its values off a case."""

    key: str  # URL parameter and data attribute
    label: str
    options: tuple[tuple[str, str], ...]  # (value, label)
    values: Callable[[Any], tuple[str, ...]]
    report_values: Callable[[Any], tuple[str, ...]]  # the values as the report types the case
    multiple: bool = False  # a case can have several values: the reader may ask for all chosen ones


def _page_of(items: tuple, number: int) -> tuple:
    return items[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]


class PageRenderer:
    """Renders planned pages; one instance per build, shared by all pages."""

    def __init__(self, kennisbank: Kennisbank, env: Environment, markdown: EditorMarkdown, story: dict[str, tuple[StoryPage, ...]] | None = None):
        self.kb = kennisbank
        self.env = env
        self.markdown = markdown
        self.story = story or {}  # municipality id -> story pages that mention it
        self._filter_groups = filter_groups(kennisbank)  # the overview's filters, written into each case page
        self._kinds: dict[str, Callable[..., Markup]] = {
            "praktijkvoorbeeld": self.case_page,
            "leerlijn": self.learning_line_page,
            "risico": self.risk_page,
            "gemeente": self.municipality_page,
            "adviezen": self.advices_page,
            "praktijkvoorbeelden": self.cases_overview,
            "leerlijnen": self.learning_lines_overview,
            "risicos": self.risks_overview,
            "gemeenten": self.municipalities_overview,
            "facet": self.facet_overview,
            "facetwaarde": self.facet_value,
            "relatie": self.relation_list,
        }

    def render(self, page: PlannedPage) -> RenderedPage:
        html = self._kinds[page.kind](*page.args, page_url=page.url)
        # Readers who land here from a search see where they are (WCAG 2.4.8, location).
        trail = render(self.env, "_kruimelpad.html", page.url, trail=page.trail, title=page.title)
        return RenderedPage(Markup(trail + html), toc_tokens(html))

    def _body(self, item: Item, page_url: str) -> Markup:
        return self.markdown.render(item.body, page_url).html

    # ------------------------------------------------------------ item pages

    def case_page(self, case_id: str, page_url: str) -> Markup:
        case = self.kb.case(case_id)
        return render(
            self.env,
            "praktijkvoorbeeld.html",
            page_url,
            case=case,
            body=self._body(case, page_url),
            risks=self.kb.related(case, CASES, RISKS),
            learning_lines=self.kb.related(case, CASES, LEARNING_LINES),
            advices=self.kb.related(case, CASES, ADVICES),
            search_filters=[(group.key, group.values(case), group.report_values(case)) for group in self._filter_groups],
        )

    def learning_line_page(self, line_id: str, page_url: str) -> Markup:
        line = self.kb.learning_line(line_id)
        return render(
            self.env,
            "leerlijn.html",
            page_url,
            line=line,
            body=self._body(line, page_url),
            cases=self.kb.related(line, LEARNING_LINES, CASES),
            all_cases_url=urls.relation_url("leerlijn", line.id),
            advices=self.kb.related(line, LEARNING_LINES, ADVICES),
        )

    def risk_page(self, risk_id: str, page_url: str) -> Markup:
        risk = self.kb.risk(risk_id)
        return render(
            self.env,
            "risico.html",
            page_url,
            risk=risk,
            body=self._body(risk, page_url),
            cases=self.kb.related(risk, RISKS, CASES),
            all_cases_url=urls.relation_url("risico", risk.id),
            advices=self.kb.related(risk, RISKS, ADVICES),
        )

    def municipality_page(self, municipality_id: str, page_url: str) -> Markup:
        municipality = self.kb.municipality(municipality_id)
        return render(
            self.env,
            "gemeente.html",
            page_url,
            municipality=municipality,
            cases=self.kb.related(municipality, MUNICIPALITIES, CASES),
            story=self.story.get(municipality_id, ()),
        )

    # ------------------------------------------------------------ overviews

    def advices_page(self, page_url: str) -> Markup:
        grouped = [(chapter, self.kb.advices_in_chapter(chapter.nummer)) for chapter in self.kb.chapters]
        return render(self.env, "adviezen.html", page_url, chapters=[(c, a) for c, a in grouped if a])

    def cases_overview(self, page: str = "1", *, page_url: str) -> Markup:
        number = int(page)
        return render(
            self.env,
            "praktijkvoorbeelden.html",
            page_url,
            total=len(self.kb.cases),
            cases=_page_of(self.kb.cases, number),
            page=number,
            pages=page_count(len(self.kb.cases)),
            base_url=urls.collection_url(CASES),
            filter_groups=filter_groups(self.kb),
        )

    def facet_overview(self, vocabulary_id: str, page_url: str) -> Markup:
        vocabulary = self.kb.taxonomy[vocabulary_id]
        return render(self.env, "facet.html", page_url, vocabulary=vocabulary, counts=self.kb.facet_counts(vocabulary))

    def facet_value(self, vocabulary_id: str, term_id: str, page: str = "1", *, page_url: str) -> Markup:
        vocabulary = self.kb.taxonomy[vocabulary_id]
        cases = self.kb.cases_with(vocabulary_id, term_id)
        number = int(page)
        return render(
            self.env,
            "facetwaarde.html",
            page_url,
            vocabulary=vocabulary,
            term=vocabulary.term(term_id),
            total=len(cases),
            cases=_page_of(cases, number),
            page=number,
            pages=page_count(len(cases)),
            base_url=urls.facet_url(vocabulary, term_id),
        )

    def relation_list(self, relation: str, key: str, page: str = "1", *, page_url: str) -> Markup:
        """All cases of a risk card, learning line or advice, page by page."""
        item, collection, item_url = {
            "risico": lambda: (self.kb.risk(key), RISKS, urls.item_url(RISKS, key)),
            "leerlijn": lambda: (self.kb.learning_line(key), LEARNING_LINES, urls.item_url(LEARNING_LINES, key)),
            "advies": lambda: (self.kb.advice(int(key)), ADVICES, urls.advice_url(int(key))),
        }[relation]()
        cases = self.kb.related(item, collection, CASES)
        number = int(page)
        return render(
            self.env,
            "relatie.html",
            page_url,
            item=item,
            item_url=item_url,
            total=len(cases),
            cases=_page_of(cases, number),
            page=number,
            pages=page_count(len(cases)),
            base_url=urls.relation_url(relation, key),
        )

    def learning_lines_overview(self, page_url: str) -> Markup:
        return render(self.env, "leerlijnen.html", page_url, lines=self.kb.learning_lines, intro=True)

    def risks_overview(self, page_url: str) -> Markup:
        return render(self.env, "risicos.html", page_url, risks=self.kb.risks, intro=True)

    def municipalities_overview(self, page_url: str) -> Markup:
        return render(self.env, "gemeenten.html", page_url, municipalities=self.kb.municipalities)


def standalone_renderer(kennisbank: Kennisbank, site: SiteInfo | None = None) -> PageRenderer:
    """A page renderer outside a MkDocs build (scripts, tests)."""
    markdown = EditorMarkdown()
    return PageRenderer(kennisbank, make_environment(kennisbank, site or SiteInfo(), markdown), markdown)


def filter_groups(kb: Kennisbank) -> list[FilterGroup]:
    """The filters of the cases overview: every facet of the taxonomy, then municipality."""
    groups = [
        FilterGroup(
            v.slug,
            v.label,
            tuple((t.id, t.label) for t in v.terms),
            partial(kb.values_of, vocabulary_id=v.id),
            partial(kb.report_values_of, vocabulary_id=v.id),
            case_vocabularies()[v.id][1],
        )
        for v in kb.taxonomy.facets
    ]
    used = {m for case in kb.cases for m in case.gemeenten}
    municipalities = tuple((m.id, m.naam) for m in kb.municipalities if m.id in used)
    groups.append(FilterGroup("gemeente", "Gemeente", municipalities, lambda case: case.gemeenten, lambda case: case.gemeenten, True))
    return groups
