"""MkDocs adapter: load the content once, add a generated page per item, keep pages safe.

Event order matters and is set explicitly:
1. ``on_config`` (priority 100) loads and validates ``content/`` before mkdocs-macros
   calls ``define_env``, which reads the model from the config. Invalid content stops
   the build here, before anything is written.
2. ``on_files`` adds one virtual page per planned page (``File.generated``), and the
   open data, the filter data, the charts and the redirects of old ids.
3. ``on_page_markdown`` (priority 50, before mkdocs-macros) makes the body of each
   generated page, points its edit link at the content file and marks its
   pre-escaped title as safe HTML.
4. ``on_page_content`` (priority -100, after every other plugin) sanitizes the HTML.
5. ``on_env`` trims the whitespace of the theme's templates.
"""

from __future__ import annotations

import logging
import os
import posixpath
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit, urlunsplit

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from macros.exports import EXPORT_DIR, export_files
from macros.gitdates import last_changed
from macros.load import load_kennisbank
from macros.model import Kennisbank
from macros.pages import PlannedPage, plan_pages, plan_redirects
from macros.problems import ContentError
from macros.render import Renderer, SiteInfo, html_text
from macros.sanitize import sanitize_html
from macros.urls import CASES, facet_source

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
    root = Path(config.config_file_path).parent
    prefix = content_dir.relative_to(root).as_posix()
    planned = {page.src_uri: page for page in plan_pages(kennisbank, prefix)}
    config[CONFIG_KEY] = BuildState(kennisbank, Renderer(kennisbank), planned, content_dir)
    _add_facets_to_nav(config.nav, kennisbank)
    return config


def _with_slash(url: str | None) -> str:
    return (url or "") if not url or url.endswith("/") else url + "/"


def _edit_base(config: MkDocsConfig, root: Path) -> str | None:
    """The edit URL of the repository root, derived from ``edit_uri`` (which points at docs/)."""
    if not config.edit_uri:
        return None
    docs_base = urljoin(config.repo_url or "", config.edit_uri)
    up = os.path.relpath(root, config.docs_dir).replace(os.sep, "/")
    parts = urlsplit(urljoin(docs_base, up + "/"))
    return urlunsplit(parts._replace(path=posixpath.normpath(parts.path) + "/"))


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
    # Known only now: other plugins (mike) may change site_url in their on_config.
    state.renderer.use_site(
        SiteInfo(
            base_url=_with_slash(config.site_url),
            edition=str(config.extra.get("editie") or "actueel"),
            edit_base=_edit_base(config, root),
            changed=last_changed(root, state.content_dir.relative_to(root).as_posix()),
        )
    )
    clashes = [uri for uri in state.pages if files.get_file_from_path(uri) is not None]
    if clashes:
        raise PluginError(
            "Deze bestanden in docs/ hebben hetzelfde adres als een gegenereerde pagina; "
            f"hernoem of verwijder ze: {', '.join('docs/' + c for c in clashes)}"
        )
    missing = [
        f"{c.source_path}: pagina: hoofdstuk {c.nummer} verwijst naar docs/{c.pagina}, maar die pagina bestaat niet."
        for c in state.kennisbank.chapters
        if c.pagina and files.get_file_from_path(c.pagina) is None
    ]
    if missing:
        for message in missing:
            log.error(message)
        raise PluginError("Een hoofdstuk verwijst naar een verhaalpagina die niet bestaat; zie hierboven.")
    for vocabulary in state.kennisbank.taxonomy.facets:
        # Charts are made from the content at every build, so they follow it.
        files.append(File.generated(config, f"grafieken/{vocabulary.slug}.svg", content=state.renderer.chart_svg(vocabulary.id)))
    for path, content in export_files(state.kennisbank, state.renderer.site.base_url).items():
        files.append(File.generated(config, path, content=content))
    files.append(File.generated(config, f"{EXPORT_DIR}/praktijkvoorbeelden-feed.xml", content=state.renderer.feed()))
    files.append(File.generated(config, f"{CASES}/filter.json", content=state.renderer.filter_data()))
    for path, target in plan_redirects(state.kennisbank).items():
        old_url = path.removesuffix("index.html")
        files.append(File.generated(config, path, content=state.renderer.redirect_page(target, old_url)))
    for page in state.pages.values():
        # Item and value pages are reached through the overviews, not the navigation.
        file = File.generated(config, page.src_uri, content=page.source(), inclusion=InclusionLevel.NOT_IN_NAV)
        if page.source_path:
            # Any value: the edit URL itself is set from the content file in on_page_markdown.
            file.edit_uri = page.source_path
        files.append(file)
    return files


@event_priority(50)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    state: BuildState = config[CONFIG_KEY]
    planned = state.pages.get(page.file.src_uri)
    if planned is not None:
        # The edit button must open the content file behind the page, not the virtual page.
        page.edit_url = state.renderer.site.edit_url(planned.source_path)
        # The page source is one call of the "pagina" macro. We know which call, so we
        # make it here and tell mkdocs-macros to leave the page alone: compiling every
        # page as a Jinja template would cost a millisecond per page for nothing.
        markdown = state.renderer.page(planned.kind, *planned.args, page_url=page.url)
        page.meta["render_macros"] = False
        # Written escaped into the front matter by PlannedPage.source(); mark them as
        # such so that templates neither escape them twice nor unescape them.
        for key in ("title", "description"):
            if key in page.meta:
                page.meta[key] = Markup(page.meta[key])
    return markdown


@event_priority(-100)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return sanitize_html(html)


def on_env(env, config: MkDocsConfig, files: Files):
    # Material's templates put every block tag on its own indented line; without
    # trimming, a page carries kilobytes of blank lines and indentation. Trimming
    # block tags keeps every page small (page content itself is a value, untouched).
    env.trim_blocks = True
    env.lstrip_blocks = True
    return env
