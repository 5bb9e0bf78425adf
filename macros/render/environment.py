"""The Jinja environment that renders generated pages and blocks, and what it knows about the site."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterable

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from .. import contract, urls
from ..dates import dutch_date
from ..editor_markdown import EditorMarkdown
from ..model import Kennisbank, case_vocabularies, facet_values

# Item pages show this many related cases, then link to the complete (paginated) list.
RELATED_SHOWN = 10


def html_text(text: str) -> Markup:
    """Text made safe for HTML *and* inert for template engines that look at it later.

    The one place where titles from content become HTML. MkDocs' theme prints page
    titles unescaped, and mkdocs-macros renders a page title again when it sees
    ``{{``; braces become character references so that neither can run.
    """
    return Markup(html.escape(text, quote=True).replace("{", "&#123;").replace("}", "&#125;"))


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


@dataclass(frozen=True)
class Here:
    """The page being rendered: links from it are relative, so the site works under any prefix."""

    url: str

    def link(self, to_url: str) -> str:
        return urls.relative(self.url, to_url)


def make_environment(kennisbank: Kennisbank, site: SiteInfo, markdown: EditorMarkdown) -> Environment:
    env = Environment(
        loader=PackageLoader("macros", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        datum=dutch_date,
        md=lambda text: markdown.render(text, headings=False).html,
        md_inline=markdown.inline,
        secties=sections_text,
    )
    taxonomy = kennisbank.taxonomy
    env.globals.update(
        site=site,
        kb=kennisbank,
        tax=taxonomy,
        urls=urls,
        C=contract,
        facet_values=facet_values,
        related_shown=RELATED_SHOWN,
        # The vocabularies a case page shows, in taxonomy order.
        case_vocabularies=[v for v in taxonomy.vocabularies if v.id in case_vocabularies()],
    )
    return env


def render(env: Environment, template: str, page_url: str, **context: Any) -> Markup:
    here = Here(page_url)
    return Markup(env.get_template(template).render(here=here, link=here.link, **context))
