"""One namespace of output paths: every file the build writes claims its path.

Generated pages, redirects of old ids, open data, charts and feeds are all planned
from the content. Two claims on one path would silently overwrite each other (a
case alias ``domein`` under the facet overview of the same name, a risk card with
id ``index`` under the overview); here that is an error naming both sources.
"""

from __future__ import annotations

from dataclasses import dataclass

from .exports import export_paths
from .model import Kennisbank
from .pages import plan_pages, plan_redirects


@dataclass(frozen=True)
class Output:
    path: str  # the file in the built site
    owner: str  # the content file (or other source) that makes it
    what: str  # Dutch, for messages


def chart_path(vocabulary_slug: str) -> str:
    return f"grafieken/{vocabulary_slug}.svg"


def page_output(src_uri: str) -> str:
    """The built file of a (virtual) Markdown page under directory URLs."""
    stem = src_uri[: -len(".md")]
    return f"{stem}.html" if stem == "index" or stem.endswith("/index") else f"{stem}/index.html"


def planned_outputs(kb: Kennisbank, content_prefix: str = "content") -> list[Output]:
    taxonomy_path = f"{content_prefix}/taxonomie.yaml"
    outputs = [Output(page_output(p.src_uri), p.source_path or "de kennisbank zelf", f"de pagina '{p.title}'") for p in plan_pages(kb, content_prefix)]
    outputs += [Output(path, source, f"de doorverwijzing van een oud id naar {target}") for path, (target, source) in plan_redirects(kb).items()]
    outputs += [Output(path, "de open data", "een bestand met open data") for path in export_paths()]
    outputs += [Output(chart_path(v.slug), taxonomy_path, f"de grafiek van {v.label}") for v in kb.taxonomy.facets]
    return outputs


def output_collisions(kb: Kennisbank, content_prefix: str = "content") -> list[tuple[str, str]]:
    """(content file, Dutch message) for every path claimed twice."""
    claimed: dict[str, Output] = {}
    found = []
    for output in planned_outputs(kb, content_prefix):
        earlier = claimed.setdefault(output.path, output)
        if earlier is not output:
            found.append(
                (
                    output.owner,
                    f"dit maakt {output.what} op /{output.path}, maar daar staat al {earlier.what} "
                    f"(uit {earlier.owner}). Eén adres kan maar één ding bevatten: kies een ander id of alias.",
                )
            )
    return found
