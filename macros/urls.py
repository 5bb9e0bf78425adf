"""The URL scheme. Links are forever: every URL is derived from a permanent id or number.

URLs are site-relative without a leading slash (``praktijkvoorbeelden/x/``); pages turn
them into relative links so that the site works under any prefix (editions, mirrors).
A collection (:mod:`macros.contract`) says where its pages live (``url_prefix``);
this module says what the addresses under it are, and which names it needs itself.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .contract import ADVICES, CASES, Collection

if TYPE_CHECKING:
    from .taxonomy import Taxonomy, Vocabulary

# The folder of the cases' pages, and of their overviews by facet and by relation.
CASES_PREFIX = str(CASES.url_prefix)
ADVICES_PREFIX = str(ADVICES.url_prefix)

# Lists of cases by what they relate to: /praktijkvoorbeelden/<relation>/<key>/
RELATIONS = ("risico", "leerlijn", "advies")

# Names the site itself needs in any collection folder (its overview page, the pages
# of a long list) or as a taxonomy value (a facet value page is <value>/index.html).
RESERVED_NAMES = frozenset({"index"})
_PAGINATION = re.compile(r"pagina-\d+")


def item_url(collection: Collection, item_id: str) -> str:
    return f"{collection.url_prefix}/{item_id}/"


def item_source(collection: Collection, item_id: str) -> str:
    """The virtual Markdown file (``src_uri``) behind an item page."""
    return f"{collection.url_prefix}/{item_id}.md"


def collection_url(collection: Collection) -> str:
    return f"{collection.url_prefix}/"


def collection_source(collection: Collection) -> str:
    return f"{collection.url_prefix}/index.md"


def advice_anchor(number: int) -> str:
    return f"advies-{number}"


def advice_url(number: int) -> str:
    return f"{ADVICES_PREFIX}/#{advice_anchor(number)}"


def facet_url(vocabulary: "Vocabulary", term_id: str | None = None) -> str:
    if term_id is None:
        return f"{CASES_PREFIX}/{vocabulary.slug}/"
    return f"{CASES_PREFIX}/{vocabulary.slug}/{term_id}/"


def facet_source(vocabulary: "Vocabulary", term_id: str | None = None) -> str:
    if term_id is None:
        return f"{CASES_PREFIX}/{vocabulary.slug}/index.md"
    return f"{CASES_PREFIX}/{vocabulary.slug}/{term_id}.md"


def relation_url(relation: str, key: object) -> str:
    return f"{CASES_PREFIX}/{relation}/{key}/"


def list_page_url(base_url: str, page: int) -> str:
    """Page ``page`` of a paginated list whose first page lives at ``base_url``."""
    return base_url if page == 1 else f"{base_url}pagina-{page}/"


def reserved_reason(collection: Collection, name: str, taxonomy: "Taxonomy") -> str | None:
    """Why ``name`` cannot be an id or alias in ``collection``, or None when it can."""
    if name in RESERVED_NAMES:
        return "de overzichtspagina van de collectie"
    if _PAGINATION.fullmatch(name):
        return "de volgende pagina's van een lange lijst"
    if collection.url_prefix == CASES_PREFIX:
        if name in RELATIONS:
            return f"de lijsten van praktijkvoorbeelden per {name}"
        if name in {v.slug for v in taxonomy.facets}:
            return "het overzicht van praktijkvoorbeelden per kenmerk"
    return None


def is_reserved(collection: Collection, name: str, taxonomy: "Taxonomy") -> bool:
    return reserved_reason(collection, name, taxonomy) is not None


def source_of(url: str) -> str:
    """The virtual Markdown file behind a directory URL: ``a/b/`` -> ``a/b.md``."""
    return url.rstrip("/") + ".md"


def output_path(url: str) -> str:
    """The file in the built site behind a directory URL: ``a/b/`` -> ``a/b/index.html``."""
    return f"{url}index.html" if url.endswith("/") or not url else url


def story_url(page_path: str) -> str:
    """``verhaal/definitie.md`` -> ``verhaal/definitie/``; ``verhaal/index.md`` -> ``verhaal/``."""
    stem = page_path[: -len(".md")]
    return stem[: -len("index")] if stem.endswith("index") else f"{stem}/"


def relative(from_url: str, to_url: str) -> str:
    """A relative link from the page at ``from_url`` to ``to_url`` (site-relative URLs).

    Relative links keep working under any prefix: an edition folder, a mirror, a file.
    Pure string work: it runs for every link on every page.
    """
    target, _, anchor = to_url.partition("#")
    folder = from_url.split("#")[0]
    if not folder.endswith("/"):
        folder = folder.rpartition("/")[0]  # a file such as 404.html lives in its folder
    base_parts = [p for p in folder.split("/") if p]
    target_parts = [p for p in target.split("/") if p]
    common = 0
    while common < min(len(base_parts), len(target_parts)) and base_parts[common] == target_parts[common]:
        common += 1
    parts = [".."] * (len(base_parts) - common) + target_parts[common:]
    path = "/".join(parts)
    if target.endswith("/") or not target:
        path = f"{path}/" if path else "./"
    if anchor:
        return f"#{anchor}" if path == "./" else f"{path}#{anchor}"
    return path
