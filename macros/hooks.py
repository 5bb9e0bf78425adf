"""MkDocs adapter: load the content once, add a generated page per item, keep pages safe.

Event order matters and is set explicitly:
1. ``on_config`` (priority 100) loads and validates ``content/`` before mkdocs-macros
   calls ``define_env``, which reads the model from the config. Invalid content stops
   the build here, before anything is written.
2. ``on_files`` adds one virtual page per planned page (``File.generated``).
3. ``on_page_markdown`` (priority 50, before mkdocs-macros) marks the pre-escaped
   titles of generated pages as safe HTML.
4. ``on_page_content`` (priority -100, after every other plugin) sanitizes the HTML.
"""

from __future__ import annotations

import logging
import os
import posixpath
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from macros.load import load_kennisbank
from macros.urls import CASES, facet_source
from macros.model import Kennisbank
from macros.pages import PlannedPage, plan_pages
from macros.problems import ContentError
from macros.render import Renderer, html_text
from macros.sanitize import sanitize_html

log = logging.getLogger("mkdocs.plugins.kennisbank")

CONFIG_KEY = "kennisbank"


@dataclass(frozen=True)
class BuildState:
    """What one build knows about the content; stored on the config for the macros."""

    kennisbank: Kennisbank
    renderer: Renderer
    pages: dict[str, PlannedPage]
    content_dir: Path


@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    content_dir = Path(config.config_file_path).parent / "content"
    try:
        kennisbank = load_kennisbank(content_dir)
    except ContentError as error:
        errors = [p for p in error.problems if not p.warning]
        for problem in errors:
            log.error(str(problem))
        raise PluginError(
            f"{len(errors)} fout(en) in de inhoud gevonden; de site is niet gebouwd. "
            "Los de meldingen hierboven op (pad:regel: veld: melding) en probeer opnieuw."
        ) from None
    prefix = content_dir.relative_to(Path(config.config_file_path).parent).as_posix()
    planned = {page.src_uri: page for page in plan_pages(kennisbank, prefix)}
    config[CONFIG_KEY] = BuildState(kennisbank, Renderer(kennisbank), planned, content_dir)
    _add_facets_to_nav(config.nav, kennisbank)
    return config


def _add_facets_to_nav(nav: list | None, kennisbank: Kennisbank) -> None:
    """Put one entry per facet under the section that holds the cases overview.

    The taxonomy decides which facets exist, so the navigation follows it instead of
    repeating the list in mkdocs.yml.
    """
    overview = f"{CASES}/index.md"
    for entry in nav or []:
        section = next(iter(entry.values())) if isinstance(entry, dict) else None
        if isinstance(section, list) and overview in section:
            known = {next(iter(e.values())) if isinstance(e, dict) else e for e in section}
            # Navigation titles are printed unescaped by the theme: escape them here.
            section.extend(
                {str(html_text(facet.label)): facet_source(facet)}
                for facet in kennisbank.taxonomy.facets
                if facet_source(facet) not in known
            )
            return


def on_files(files: Files, config: MkDocsConfig) -> Files:
    state: BuildState = config[CONFIG_KEY]
    root = Path(config.config_file_path).parent
    clashes = [uri for uri in state.pages if files.get_file_from_path(uri) is not None]
    if clashes:
        raise PluginError(
            "Deze bestanden in docs/ hebben hetzelfde adres als een gegenereerde pagina; "
            f"hernoem of verwijder ze: {', '.join('docs/' + c for c in clashes)}"
        )
    missing = [f"content/hoofdstukken.yaml: hoofdstuk {c.nummer}: pagina: docs/{c.pagina} bestaat niet." for c in state.kennisbank.chapters if c.pagina and files.get_file_from_path(c.pagina) is None]
    if missing:
        for message in missing:
            log.error(message)
        raise PluginError("Een hoofdstuk verwijst naar een verhaalpagina die niet bestaat; zie hierboven.")
    for vocabulary in state.kennisbank.taxonomy.facets:
        # Charts are made from the content at every build, so they follow it.
        files.append(File.generated(config, f"grafieken/{vocabulary.slug}.svg", content=state.renderer.chart_svg(vocabulary.id)))
    for page in state.pages.values():
        # Item and value pages are reached through the overviews, not the navigation.
        file = File.generated(config, page.src_uri, content=page.source(), inclusion=InclusionLevel.NOT_IN_NAV)
        if page.source_path:
            # The edit button must open the content file, not the virtual page.
            file.edit_uri = os.path.relpath(root / page.source_path, config.docs_dir).replace(os.sep, "/")
        files.append(file)
    return files


@event_priority(50)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri in config[CONFIG_KEY].pages:
        if page.edit_url:
            # ".../edit/main/docs/../content/x.md" -> ".../edit/main/content/x.md"
            parts = urlsplit(page.edit_url)
            page.edit_url = urlunsplit(parts._replace(path=posixpath.normpath(parts.path)))
        # Written escaped into the front matter by PlannedPage.source(); mark them as
        # such so that templates neither escape them twice nor unescape them.
        for key in ("title", "description"):
            if key in page.meta:
                page.meta[key] = Markup(page.meta[key])
    return markdown


@event_priority(-100)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return sanitize_html(html)
