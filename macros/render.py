"""Render model items to page source (HTML blocks plus the editor's Markdown body).

Content values are data: the Jinja environment escapes every value, and nothing
from ``content/`` is ever compiled as a template. Markdown written by editors in
short fields is converted with raw HTML switched off.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from datetime import date
from contextvars import ContextVar
from functools import partial
from typing import Callable, Iterable

import markdown
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from . import urls
from .dates import dutch_date
from .exports import EXPORT_DIR, EXPORTS, LIST_SEPARATOR
from .listing import PAGE_SIZE, page_count
from .model import CASE_FACETS, Case, Kennisbank, facet_values
from .taxonomy import Vocabulary

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def html_text(text: str) -> Markup:
    """Text made safe for HTML *and* inert for template engines that look at it later.

    Braces become character references: mkdocs-macros renders a page title again when
    it sees ``{{``, and a content title must never run as a template.
    """
    return Markup(html.escape(text, quote=True).replace("{", "&#123;").replace("}", "&#125;"))


def markdown_escape(text: str) -> Markup:
    """Text that Markdown shows literally, e.g. an item title inside a Markdown heading.

    Quotes stay as they are: in text they need no escaping, and an entity such as
    &#x27; would show up literally in the table of contents. Braces are backslash-
    escaped, so that attr_list cannot read "{: ...}" in a title as attributes.
    """
    return Markup(_MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False)))


class _TextMarkdown:
    """Markdown for short fields (advice texts, explanations): no raw HTML at all."""

    def __init__(self) -> None:
        self._md = markdown.Markdown(extensions=["sane_lists"])
        self._md.preprocessors.deregister("html_block")
        self._md.inlinePatterns.deregister("html")

    def block(self, text: str) -> Markup:
        self._md.reset()
        return Markup(self._md.convert(text))

    def inline(self, text: str) -> Markup:
        converted = str(self.block(text))
        if converted.startswith("<p>") and converted.endswith("</p>") and converted.count("<p>") == 1:
            converted = converted[3:-4]
        return Markup(converted)


def sections_text(sections: Iterable[str]) -> str:
    """``("8.2", "12.5")`` -> ``paragrafen 8.2 en 12.5``."""
    sections = list(sections)
    if not sections:
        return ""
    paragraphs = [s for s in sections if not s.startswith("Bijlage")]
    appendices = [s for s in sections if s.startswith("Bijlage")]
    parts = []
    if paragraphs:
        word = "paragraaf" if len(paragraphs) == 1 else "paragrafen"
        parts.append(f"{word} {_join(paragraphs)}")
    parts.extend(appendices)
    return _join(parts)


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " en " + words[-1]


@dataclass(frozen=True)
class SiteInfo:
    """What pages need to know about the build: where the site lives and which edition it is."""

    base_url: str = ""  # absolute URL of the site root, ending in "/", or "" when unknown
    edition: str = "actueel"
    edit_base: str | None = None  # URL that, followed by a repository path, opens it for editing
    changed: dict[str, date] = field(default_factory=dict)  # repository path -> last commit date

    def edit_url(self, path: str | None) -> str | None:
        if not self.edit_base or not path:
            return None
        return self.edit_base + path

    def canonical(self, site_relative_url: str) -> str:
        return self.base_url + site_relative_url


_PAGE_URL: ContextVar[str] = ContextVar("page_url", default="")


def _link(to_url: str) -> str:
    """A link from the page being rendered to a site-relative URL."""
    return urls.relative(_PAGE_URL.get(), to_url)


# Item pages show this many related cases, then link to the complete (paginated) list.
RELATED_SHOWN = 10


def _page_of(items: tuple, number: int) -> tuple:
    return items[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]


@dataclass(frozen=True)
class FilterGroup:
    """One group of checkboxes in the cases filter, and how to read its values off a case."""

    key: str  # URL parameter and data attribute
    label: str
    options: tuple[tuple[str, str], ...]  # (value, label)
    values: Callable[[Case], tuple[str, ...]]


def _municipalities(case: Case) -> tuple[str, ...]:
    return case.gemeenten


class Renderer:
    """Turns the model into page source; one instance per build, shared by all pages."""

    def __init__(self, kennisbank: Kennisbank, site: SiteInfo | None = None):
        self.kb = kennisbank
        self.site = site or SiteInfo()
        self._text_markdown = _TextMarkdown()
        self.env = Environment(
            loader=PackageLoader("macros", "templates"),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters.update(
            datum=dutch_date,
            md=self._text_markdown.block,
            md_inline=self._text_markdown.inline,
            md_escape=markdown_escape,
            secties=sections_text,
        )
        taxonomy = kennisbank.taxonomy
        self.env.globals.update(
            link=_link,
            current_url=_PAGE_URL.get,
            site=self.site,
            card_meta=self.card_meta,
            related_shown=RELATED_SHOWN,
            kb=kennisbank,
            tax=taxonomy,
            urls=urls,
            facet_values=facet_values,
            # The vocabularies a case page shows, in taxonomy order.
            case_vocabularies=[v for v in taxonomy.vocabularies if v.id in CASE_FACETS],
        )

    def page(self, kind: str, *args: str, page_url: str) -> str:
        """The body of a generated page of this kind (see macros/pages.py)."""
        pages = {
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
        return pages[kind](*args, page_url=page_url)

    def card_meta(self, case: Case) -> str:
        """The line under a case title in lists: where, and in which domain."""
        where = ", ".join(self.kb.municipality(m).naam for m in case.gemeenten) or ", ".join(case.organisaties)
        return f"{where} · {self.kb.taxonomy['domein'].label_of(case.domein)}"

    def filter_data(self) -> str:
        """What the filter script needs to filter every case, also when the list has several pages."""
        groups = self.filter_groups()
        return json.dumps(
            {
                "groepen": [g.key for g in groups],
                "voorbeelden": [
                    {"id": c.id, "titel": c.titel, "meta": self.card_meta(c), "waarden": [list(g.values(c)) for g in groups]}
                    for c in self.kb.cases
                ],
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )

    def use_site(self, site: SiteInfo) -> None:
        """Set what the build knows about where the site lives (after all plugins configured it)."""
        self.site = site
        self.env.globals["site"] = site

    def _render(self, template: str, page_url: str, **context) -> str:
        # The page being rendered is known to link() and current_url() through a context
        # variable, so that the shared macros can be imported once and cached by Jinja
        # instead of being re-imported "with context" on every page.
        token = _PAGE_URL.set(page_url)
        try:
            return self.env.get_template(template).render(**context)
        finally:
            _PAGE_URL.reset(token)

    # ------------------------------------------------------------ item pages

    def case_page(self, case_id: str, page_url: str) -> str:
        case = self.kb.case(case_id)
        return self._render(
            "praktijkvoorbeeld.html",
            page_url,
            case=case,
            # The body is the editor's Markdown: validated (no HTML, safe links) and
            # sanitized after conversion; it must reach Markdown unescaped.
            body=Markup(case.body),
            risks=self.kb.risks_for_case(case),
            learning_lines=self.kb.learning_lines_for_case(case),
            advices=self.kb.advices_for_case(case),
        )

    def learning_line_page(self, line_id: str, page_url: str) -> str:
        line = self.kb.learning_line(line_id)
        return self._render(
            "leerlijn.html",
            page_url,
            line=line,
            body=Markup(line.body),
            cases=self.kb.cases_for_learning_line(line),
            all_cases_url=urls.relation_url("leerlijn", line.id),
            advices=self.kb.advices_for_learning_line(line),
        )

    def risk_page(self, risk_id: str, page_url: str) -> str:
        risk = self.kb.risk(risk_id)
        return self._render(
            "risico.html",
            page_url,
            risk=risk,
            body=Markup(risk.body),
            cases=self.kb.cases_for_risk(risk),
            all_cases_url=urls.relation_url("risico", risk.id),
            advices=self.kb.advices_for_risk(risk),
        )

    def municipality_page(self, municipality_id: str, page_url: str) -> str:
        municipality = self.kb.municipality(municipality_id)
        return self._render(
            "gemeente.html",
            page_url,
            municipality=municipality,
            cases=self.kb.cases_of_municipality(municipality_id),
        )

    # ------------------------------------------------------------ overviews

    def advices_page(self, page_url: str) -> str:
        grouped = [(chapter, self.kb.advices_in_chapter(chapter.nummer)) for chapter in self.kb.chapters]
        return self._render("adviezen.html", page_url, chapters=[(c, a) for c, a in grouped if a])

    def cases_overview(self, page: str = "1", *, page_url: str) -> str:
        number = int(page)
        return self._render(
            "praktijkvoorbeelden.html",
            page_url,
            total=len(self.kb.cases),
            cases=_page_of(self.kb.cases, number),
            page=number,
            pages=page_count(len(self.kb.cases)),
            base_url=urls.collection_url(urls.CASES),
            filter_groups=self.filter_groups(),
        )

    def filter_groups(self) -> list[FilterGroup]:
        """The filters of the cases overview: every facet of the taxonomy, then municipality."""
        groups = [
            FilterGroup(v.slug, v.label, tuple((t.id, t.label) for t in v.terms), partial(facet_values, vocabulary_id=v.id))
            for v in self.kb.taxonomy.facets
        ]
        used = {m for case in self.kb.cases for m in case.gemeenten}
        municipalities = tuple((m.id, m.naam) for m in self.kb.municipalities if m.id in used)
        groups.append(FilterGroup("gemeente", "Gemeente", municipalities, _municipalities))
        return groups

    def facet_overview(self, vocabulary_id: str, page_url: str) -> str:
        vocabulary = self.kb.taxonomy[vocabulary_id]
        return self._render(
            "facet.html", page_url, vocabulary=vocabulary, counts=self.kb.facet_counts(vocabulary)
        )

    def facet_value(self, vocabulary_id: str, term_id: str, page: str = "1", *, page_url: str) -> str:
        vocabulary = self.kb.taxonomy[vocabulary_id]
        cases = self.kb.cases_with(vocabulary_id, term_id)
        number = int(page)
        return self._render(
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

    def relation_list(self, relation: str, key: str, page: str = "1", *, page_url: str) -> str:
        """All cases of a risk card, learning line or advice, page by page."""
        cases = self.kb.cases_for(relation, key)
        number = int(page)
        item, item_url = {
            "risico": lambda: (self.kb.risk(key), urls.item_url(urls.RISKS, key)),
            "leerlijn": lambda: (self.kb.learning_line(key), urls.item_url(urls.LEARNING_LINES, key)),
            "advies": lambda: (self.kb.advice(int(key)), urls.advice_url(int(key))),
        }[relation]()
        return self._render(
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

    def learning_lines_overview(self, page_url: str) -> str:
        return self._render("leerlijnen.html", page_url, lines=self.kb.learning_lines, intro=True)

    def risks_overview(self, page_url: str) -> str:
        return self._render("risicos.html", page_url, risks=self.kb.risks, intro=True)

    def municipalities_overview(self, page_url: str) -> str:
        return self._render("gemeenten.html", page_url, municipalities=self.kb.municipalities)


    # ------------------------------------------------------------ story blocks

    def advice_block(self, chapter: int, page_url: str) -> str:
        return self._render("blok_adviezen.html", page_url, advices=self.kb.advices_in_chapter(chapter))

    def conclusion_block(self, chapter: int, page_url: str) -> str:
        return self._render("blok_conclusie.html", page_url, chapter=self.kb.chapter(chapter))

    def case_block(self, page_url: str, ids: Iterable[str] = (), **facets: str) -> str:
        """Cards for the cases named, or for the first cases with a facet value and a link to all."""
        if ids:
            return self._render("blok_praktijkvoorbeelden.html", page_url, cases=[self.kb.case(i) for i in ids], more=None)
        (vocabulary_id, value), = facets.items()
        cases = self.kb.cases_with(vocabulary_id, value)
        more = (len(cases), urls.facet_url(self.kb.taxonomy[vocabulary_id], value)) if len(cases) > RELATED_SHOWN else None
        return self._render("blok_praktijkvoorbeelden.html", page_url, cases=cases[:RELATED_SHOWN], more=more)

    def learning_lines_block(self, page_url: str) -> str:
        return self._render("leerlijnen.html", page_url, lines=self.kb.learning_lines, intro=False)

    def risks_block(self, page_url: str) -> str:
        return self._render("risicos.html", page_url, risks=self.kb.risks, intro=False)

    def municipalities_block(self, page_url: str, categorie: str) -> str:
        members = [m for m in self.kb.municipalities if m.categorie == categorie]
        return self._render("blok_gemeenten.html", page_url, municipalities=members)

    def vocabulary_block(self, vocabulary_id: str, page_url: str) -> str:
        vocabulary = self.kb.taxonomy[vocabulary_id]
        return self._render("blok_waarden.html", page_url, vocabulary=vocabulary, counts=self.kb.facet_counts(vocabulary))

    def figure_block(self, file: str, alt: str, caption: str, page_url: str) -> str:
        return self._render("blok_figuur.html", page_url, src=f"figuren/{file}", alt=alt, caption=caption)

    def chart_block(self, vocabulary_id: str, page_url: str) -> str:
        vocabulary = self.kb.taxonomy[vocabulary_id]
        return self._render("blok_grafiek.html", page_url, vocabulary=vocabulary, counts=self.kb.facet_counts(vocabulary))

    def chart_svg(self, vocabulary_id: str) -> str:
        """A bar chart of the number of cases per value, as a standalone SVG file."""
        vocabulary = self.kb.taxonomy[vocabulary_id]
        return self.env.get_template("grafiek.svg").render(vocabulary=vocabulary, counts=self.kb.facet_counts(vocabulary))

    def open_data_block(self, page_url: str) -> str:
        return self._render("blok_open_data.html", page_url, exports=EXPORTS, export_dir=EXPORT_DIR, separator=LIST_SEPARATOR)

    # ------------------------------------------------------------ files

    def redirect_page(self, target_url: str, page_url: str) -> str:
        """A small page at a former address that sends the reader on to the current one."""
        return self.env.get_template("doorverwijzing.html").render(
            target=urls.relative(page_url, target_url), canonical=self.site.canonical(target_url)
        )

    def feed(self, limit: int = 50) -> str:
        """Atom feed of new and updated cases, newest first."""
        cases = sorted(self.kb.cases, key=lambda c: (c.bijgewerkt, c.toegevoegd, c.id), reverse=True)[:limit]
        return self.env.get_template("feed.xml").render(cases=cases, updated=max((c.bijgewerkt for c in cases), default=None))

    def summary_page(self, page_url: str) -> str:
        chapters = [(chapter, self.kb.advices_in_chapter(chapter.nummer)) for chapter in self.kb.chapters]
        return self._render("samenvatting.html", page_url, chapters=chapters)


def facet_label(vocabulary: Vocabulary) -> str:
    """Title of a facet overview, e.g. 'Praktijkvoorbeelden naar domein'."""
    return f"Praktijkvoorbeelden naar {vocabulary.label[0].lower()}{vocabulary.label[1:]}"


