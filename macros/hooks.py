"""MkDocs adapter: load the content once, add a page per item, keep pages safe.

Event order matters and is set explicitly:
0. ``on_startup`` notes whether this is ``mkdocs serve``: hooks stay loaded across its
   rebuilds, so the note lasts, as a plugin's attribute would.
1. ``on_config`` (priority 100) checks that docs/ and overrides/ hold only plain
   files and loads and validates ``content/``, before mkdocs-macros calls
   ``define_env``. Any problem stops the build here, before anything is written.
2. ``on_files`` adds one page per planned page (``File.generated`` with a
   :class:`GeneratedPage`, as mkdocs-material's blog plugin does for its views), and
   the open data, charts, feed and redirects of old ids. Every path is
   claimed once; a hand-written file at a generated address is an error.
3. Generated pages render themselves from the model: their body never passes
   through Markdown or mkdocs-macros; each is sanitized as it is rendered. ``on_nav``,
   the last event before MkDocs fills in the pages, forks a helper that renders them
   from the other end of the list (macros/parallel.py); ``on_env`` ends it.
4. ``on_page_content`` (priority -100, after every other plugin) sanitizes the HTML,
   unless it is the very HTML that was sanitized with a generated page.
5. ``on_env`` runs when every page has its content and before the theme renders any:
   it trims the whitespace of the theme's templates and starts the search index
   (Pagefind, see macros/search_index.py) in a process of its own, from the part of each
   page that the index reads. ``on_post_build`` waits for it, so that ``mkdocs build``
   and ``mkdocs serve`` give the whole site, and each edition that mike builds gets its
   own index. A ``--dirty`` build writes changed pages only; it indexes the pages on
   disk after the build.

Under ``mkdocs serve``, invalid content does not stop the server: every page the
reader had open becomes a page with the messages, which reloads itself when a file
is saved, so the reader sees both the problem and its fix without leaving the browser.
"""

from __future__ import annotations

import logging
import os
import posixpath
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any, Callable
from urllib.parse import urljoin, urlsplit, urlunsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from macros.editor_markdown import EditorMarkdown
from macros.exports import FEED, export_files
from macros.gitdates import last_changed
from macros.load import check_content
from macros.mentions import StoryPage, mentions, page_title
from macros.model import Kennisbank
from macros.pages import PlannedPage, plan_pages, plan_redirects
from macros.parallel import SharedWork
from macros.problems import Problem
from macros.render.blocks import StoryBlocks
from macros.render.environment import SiteInfo, html_text, make_environment
from macros.render.files import SiteFiles
from macros.render.pages import PageRenderer, RenderedPage
from macros.sanitize import sanitize_html
from macros.search_index import ARTICLE, INDEX_FOLDER, IndexJob, build_search_index, elements_on_disk, indexed_copy, search_marks, start_search_index
from macros.site_plan import chart_path
from macros.textfile import file_kind_problem
from macros.urls import CASES_PREFIX, facet_source

log = logging.getLogger("mkdocs.plugins.kennisbank")

CONFIG_KEY = "kennisbank"
_serving = False  # set by on_startup; True under "mkdocs serve"
_dirty = False  # set by on_startup; True for "--dirty", which rebuilds changed pages only
_search_jobs: list[IndexJob] = []  # the search index being made beside the build (on_env to on_post_build)
_page_helpers: list[SharedWork] = []  # pages being rendered by a helper process (on_nav to on_env)


@dataclass(frozen=True)
class Rendering:
    """What renders pages and blocks; made once the site's address is known (on_files)."""

    pages: SharedWork[PlannedPage, tuple[RenderedPage, str]]  # generated pages, rendered and sanitized
    blocks: StoryBlocks
    files: SiteFiles
    figures: tuple[File, ...]


@dataclass(frozen=True)
class BuildState:
    """What one build knows about the content; stored on the config for the macros."""

    kennisbank: Kennisbank
    pages: dict[str, PlannedPage]
    content_dir: Path
    rendering: Rendering | None = None

    @property
    def blocks(self) -> StoryBlocks:
        assert self.rendering is not None, "story macros run after on_files"
        return self.rendering.blocks

    @property
    def figures(self) -> tuple[File, ...]:
        return self.rendering.figures if self.rendering else ()


class GeneratedPage(Page):
    """A page made from the model: its title and body come from us, not from a Markdown file."""

    def __init__(
        self, planned: PlannedPage, file: File, config: MkDocsConfig, make: Callable[[PlannedPage], tuple[RenderedPage, str]], edit_url: str | None
    ):
        super().__init__(None, file, config)
        self.planned = planned
        self._make = make
        self.edit_url = edit_url  # the content file behind the page, not the virtual page
        self.hide_navigation = False  # set in on_nav when the left column would be empty
        self.sanitized: tuple[str, str] | None = None  # (content, the same through the sanitizer), once rendered

    def read_source(self, config: MkDocsConfig) -> None:
        # Titles are escaped here, once: the theme prints page titles as they are.
        self.markdown = ""
        self.meta = {"title": html_text(self.planned.title), "render_macros": False}
        if self.planned.description:
            self.meta["description"] = html_text(self.planned.description)
        if not self.planned.search:
            self.meta["search"] = {"exclude": True}
        if self.planned.wide:
            self.meta["hide"] = ["navigation", "toc"]
        elif self.hide_navigation:
            self.meta["hide"] = ["navigation"]

    def render(self, config: MkDocsConfig, files: Files) -> None:
        rendered, cleaned = self._make(self.planned)
        self.content = str(rendered.html)
        self.toc = get_toc(rendered.toc)  # type: ignore[arg-type]
        self.sanitized = (self.content, cleaned)


def _plain_files_problems(root: Path, folders: list[Path]) -> list[Problem]:
    """Symlinks and special files in docs/ or overrides/ would publish whatever they point at."""
    problems = []
    for folder in folders:
        if not folder.exists():
            continue
        for directory, subdirectories, names in os.walk(folder, followlinks=False):
            for name in sorted(subdirectories + names):
                path = Path(directory) / name
                problem = file_kind_problem(path, Path(os.path.relpath(path, root)).as_posix())
                if problem is not None:
                    problems.append(problem)
    return problems


@dataclass(frozen=True)
class BrokenState:
    """Under ``mkdocs serve``: the content has errors; every page shows them instead."""

    problems: tuple[Problem, ...]
    pages: tuple[str, ...] = ()  # the HTML files of the last good build, to show the messages at


def on_startup(command: str, dirty: bool) -> None:
    global _serving, _dirty
    _serving, _dirty = command == "serve", dirty


@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).resolve().parent
    content_dir = root / "content"
    custom_dir = config.theme.custom_dir
    folders = [Path(config.docs_dir)] + ([Path(custom_dir)] if custom_dir else [])
    problems = _plain_files_problems(root, [folder if folder.is_absolute() else root / folder for folder in folders])
    kennisbank, content_problems = check_content(content_dir)
    problems += content_problems
    for warning in (p for p in problems if p.warning):
        log.info(str(warning))  # advice, not a failure: INFO keeps "mkdocs build --strict" passing
    errors = [p for p in problems if not p.warning]
    if (errors or kennisbank is None) and _serving:
        # Logged at INFO: a WARNING would abort "serve --strict" before the page with the messages is written.
        for problem in sorted(errors):
            log.info(f"FOUT {problem}")
        log.info(f"{len(errors)} fout(en) gevonden; de browser toont ze tot ze zijn opgelost.")
        config[CONFIG_KEY] = BrokenState(tuple(sorted(problems)))
        config.nav = None
        return config
    if errors or kennisbank is None:
        for problem in sorted(errors):
            log.error(str(problem))
        raise PluginError(
            f"{len(errors)} fout(en) gevonden; de site is niet gebouwd. "
            "Los de meldingen hierboven op (pad:regel: veld: melding) en probeer opnieuw."
        )
    planned = {page.src_uri: page for page in plan_pages(kennisbank, content_dir.relative_to(root).as_posix())}
    config[CONFIG_KEY] = BuildState(kennisbank, planned, content_dir)
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
    overview = f"{CASES_PREFIX}/index.md"
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


def on_pre_build(config: MkDocsConfig) -> None:
    state = config[CONFIG_KEY]
    if isinstance(state, BrokenState):
        # Read before MkDocs cleans the folder: the pages of the last build, which readers may have open.
        site = Path(config.site_dir)
        pages = tuple(sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))) if site.is_dir() else ()
        config[CONFIG_KEY] = replace(state, pages=pages)


def _broken_site(state: BrokenState, files: Files, config: MkDocsConfig) -> Files:
    """Only the messages, at every address the reader may have open; no page is rendered."""
    from jinja2 import Environment, PackageLoader

    template = Environment(loader=PackageLoader("macros", "templates"), autoescape=True).get_template("fouten.html")
    page = template.render(problems=state.problems)
    shown = Files([f for f in files if not f.is_documentation_page() and not f.src_uri.endswith(".html")])
    for path in dict.fromkeys(("index.html", "404.html", *state.pages)):
        shown.append(File.generated(config, path, content=page))
    return shown


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if isinstance(config[CONFIG_KEY], BrokenState):
        return _broken_site(config[CONFIG_KEY], files, config)
    state: BuildState = config[CONFIG_KEY]
    root = Path(config.config_file_path).resolve().parent
    # Known only now: other plugins (mike) may change site_url in their on_config.
    site = SiteInfo(
        base_url=_with_slash(config.site_url),
        edition=str(config.extra.get("editie") or "actueel"),
        edit_base=_edit_base(config, root),
        changed=last_changed(root, state.content_dir.relative_to(root).as_posix()),
    )
    markdown = EditorMarkdown()
    env = make_environment(state.kennisbank, site, markdown)
    story = [
        StoryPage(file.url, page_title(file.content_string, file.name), file.content_string)
        for file in files.documentation_pages()
        if file.src_uri.startswith("verhaal/")
    ]
    page_renderer = PageRenderer(state.kennisbank, env, markdown, mentions(story, {m.id: m.naam for m in state.kennisbank.municipalities}))
    rendering = Rendering(
        pages=SharedWork(partial(_rendered_and_sanitized, page_renderer), "pagina's gemaakt"),
        blocks=StoryBlocks(state.kennisbank, env),
        files=SiteFiles(state.kennisbank, env, site),
        figures=tuple(f for f in files if f.src_uri.startswith("figuren/")),
    )
    config[CONFIG_KEY] = state = replace(state, rendering=rendering)

    generated: dict[str, str] = {}  # every path this hook writes, with what it is

    def claim(path: str, what: str) -> None:
        existing = files.get_file_from_path(path)
        if path in generated or existing is not None:
            owner = generated.get(path) or f"docs/{existing.src_uri}"  # type: ignore[union-attr]
            raise PluginError(f"Twee bestanden claimen hetzelfde adres /{path}: {owner} en {what}. Hernoem of verwijder er één.")
        generated[path] = what

    _check_story_pages(state, files)
    for file in files:
        if file.dest_uri.startswith(INDEX_FOLDER + "/"):
            raise PluginError(f"docs/{file.src_uri} staat op /{file.dest_uri}, maar /{INDEX_FOLDER}/ is van de zoekindex. Kies een andere map.")
    extra: dict[str, str] = {}
    for vocabulary in state.kennisbank.taxonomy.facets:
        # Charts are made from the content at every build, so they follow it.
        extra[chart_path(vocabulary.slug)] = rendering.files.chart_svg(vocabulary.id)
    extra.update(export_files(state.kennisbank, site.base_url))
    extra[FEED] = rendering.files.feed()
    extra.update(rendering.files.self_scan_files())
    for path, (target, _source) in plan_redirects(state.kennisbank).items():
        extra[path] = rendering.files.redirect_page(target, path.removesuffix("index.html"))
    for path, content in extra.items():
        claim(path, "een gegenereerd bestand")
        files.append(File.generated(config, path, content=content))

    def render(page: PlannedPage) -> tuple[RenderedPage, str]:
        return rendering.pages.get(page)[0]

    for planned in state.pages.values():
        claim(planned.src_uri, planned.source_path or "een overzichtspagina")
        # Item and value pages are reached through the overviews, not the navigation.
        file = File.generated(config, planned.src_uri, content="", inclusion=InclusionLevel.NOT_IN_NAV)
        files.append(file)
        GeneratedPage(planned, file, config, render, site.edit_url(planned.source_path))
    return files


def _rendered_and_sanitized(renderer: PageRenderer, page: PlannedPage) -> tuple[RenderedPage, str]:
    # Sanitized here, with the page, so that a helper process does that part too;
    # on_page_content keeps the result when the HTML is still the same.
    rendered = renderer.render(page)
    return rendered, sanitize_html(str(rendered.html))


def _check_story_pages(state: BuildState, files: Files) -> None:
    missing = [
        f"{c.source_path}: pagina: hoofdstuk {c.nummer} verwijst naar docs/{c.pagina}, maar die pagina bestaat niet."
        for c in state.kennisbank.chapters
        if c.pagina and files.get_file_from_path(c.pagina) is None
    ]
    if missing:
        for message in missing:
            log.error(message)
        raise PluginError("Een hoofdstuk verwijst naar een verhaalpagina die niet bestaat; zie hierboven.")


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """Generated pages are not in the navigation, but belong under a section: its tab is active.

    Each page hangs under the section whose overview starts its breadcrumb (Praktijkvoorbeelden,
    Risicokaarten, ...). A section that holds only its overview would give a left column with
    one link: the page then hides the column instead.
    """
    if isinstance(config[CONFIG_KEY], BrokenState):
        return nav
    sections: dict[str, Section] = {}
    for item in nav.items:
        if isinstance(item, Section) and item.children and isinstance(item.children[0], Page):
            sections[item.children[0].url.split("/")[0]] = item
    for file in files.documentation_pages():
        page = file.page
        if not isinstance(page, GeneratedPage):
            continue
        if page.parent is None:
            # Under the section its breadcrumb starts with (a list of a risk card's cases: Risicokaarten).
            top = page.planned.trail[0][1] if page.planned.trail else page.url
            page.parent = sections.get(top.split("/")[0])
        if isinstance(page.parent, Section):
            page.hide_navigation = len(page.parent.children) == 1
    state = config[CONFIG_KEY]
    if state.rendering is not None and not _dirty:  # a --dirty build renders only changed pages
        # In the order in which MkDocs will fill them in: it takes them from the front.
        generated = [file.page.planned for file in files.documentation_pages() if isinstance(file.page, GeneratedPage)]
        state.rendering.pages.start(generated)
        _page_helpers.append(state.rendering.pages)
    return nav


@event_priority(-100)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # A generated page was sanitized as it was rendered (maybe by a helper process), from this very HTML.
    prepared = getattr(page, "sanitized", None)
    if prepared is not None and prepared[0] == html:
        return prepared[1]
    return sanitize_html(html)


def on_post_build(config: MkDocsConfig) -> None:
    state = config[CONFIG_KEY]
    if not isinstance(state, BuildState):
        return
    if _dirty:
        synonyms = [s.for_search() for s in state.kennisbank.synonyms]
        build_search_index(Path(config.site_dir), elements_on_disk(Path(config.site_dir)), synonyms)
        return
    try:
        _search_jobs.pop().finish()
    except RuntimeError as error:
        raise PluginError(str(error)) from None


def on_build_error(error: Exception) -> None:
    # The build stopped: the helper rendering pages, or the index being made, belongs to no site.
    while _page_helpers:
        _page_helpers.pop().finish()
    while _search_jobs:
        _search_jobs.pop().cancel()


def _indexed(page: Page | None) -> bool:
    """Whether the search index reads a page: not the ones whose meta says ``search: exclude``."""
    if page is None or page.url is None or page.content is None:
        return False
    search = page.meta.get("search")
    return not (isinstance(search, dict) and search.get("exclude"))


def _article_start(page: Page | None) -> str:
    """The opening of the theme's article as the site writes it (overrides/main.html).

    With the search index's marks on an indexed page, and on every page the target of
    the skip link: an empty element, focusable by script only.
    """
    marks = search_marks(page.url) if page is not None and _indexed(page) else ""
    return f'{ARTICLE}{marks}><span id="inhoud" tabindex="-1"></span>'


def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    # Material's templates put every block tag on its own indented line; without
    # trimming, a page carries kilobytes of blank lines and indentation. Trimming
    # block tags keeps every page small (page content itself is a value, untouched).
    env.trim_blocks = True
    env.lstrip_blocks = True
    env.globals["kb_article_start"] = _article_start
    state = config[CONFIG_KEY]
    while _page_helpers:
        _page_helpers.pop().finish()  # every page has its content now
    if isinstance(state, BuildState) and not _dirty:
        site_title = config.site_name
        elements = [
            (file.dest_uri, indexed_copy(_article_start(file.page), file.page.title or site_title, file.page.content or ""))
            for file in files.documentation_pages()
            if file.page is not None and _indexed(file.page)
        ]
        _search_jobs.append(start_search_index(Path(config.site_dir), elements, [s.for_search() for s in state.kennisbank.synonyms]))
    return env
