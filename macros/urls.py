"""The URL scheme. Links are forever: every URL is derived from a permanent id or number.

URLs are site-relative without a leading slash (``praktijkvoorbeelden/x/``); pages turn
them into relative links so that the site works under any prefix (editions, mirrors).
"""

from __future__ import annotations

from .taxonomy import Vocabulary

CASES = "praktijkvoorbeelden"
LEARNING_LINES = "leerlijnen"
RISKS = "risicos"
MUNICIPALITIES = "gemeenten"
ADVICES = "adviezen"


def item_url(collection: str, item_id: str) -> str:
    return f"{collection}/{item_id}/"


def item_source(collection: str, item_id: str) -> str:
    """The virtual Markdown file (``src_uri``) behind an item page."""
    return f"{collection}/{item_id}.md"


def collection_url(collection: str) -> str:
    return f"{collection}/"


def advice_anchor(number: int) -> str:
    return f"advies-{number}"


def advice_url(number: int) -> str:
    return f"{ADVICES}/#{advice_anchor(number)}"


def facet_url(vocabulary: Vocabulary, term_id: str | None = None) -> str:
    if term_id is None:
        return f"{CASES}/{vocabulary.slug}/"
    return f"{CASES}/{vocabulary.slug}/{term_id}/"


def facet_source(vocabulary: Vocabulary, term_id: str | None = None) -> str:
    if term_id is None:
        return f"{CASES}/{vocabulary.slug}/index.md"
    return f"{CASES}/{vocabulary.slug}/{term_id}.md"


# Lists of cases by what they relate to: /praktijkvoorbeelden/<relation>/<key>/
RELATIONS = ("risico", "leerlijn", "advies")


def relation_url(relation: str, key: object) -> str:
    return f"{CASES}/{relation}/{key}/"


def list_page_url(base_url: str, page: int) -> str:
    """Page ``page`` of a paginated list whose first page lives at ``base_url``."""
    return base_url if page == 1 else f"{base_url}pagina-{page}/"


def source_of(url: str) -> str:
    """The virtual Markdown file behind a directory URL: ``a/b/`` -> ``a/b.md``."""
    return url.rstrip("/") + ".md"


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
