"""The mkdocs-macros adapter: registers the story macros and nothing else.

The blocks come from the build state that the hook put on the config (content is
loaded once per build). Macros return HTML; their output is never rendered as a
template again, so content stays data. A macro called with something that does
not exist stops the build with the page, the macro and what is allowed.
"""

from __future__ import annotations

from functools import wraps
from typing import Any, Callable

from mkdocs_macros.errors import format_error

from .render.blocks import MacroArgumentError
from .render.werkblad import worksheet
from .render.zelfscan import self_scan


class StoryMacroError(Exception):
    """A story macro was called with something that does not exist; the message says where and what."""


@format_error.register
def _format_story_macro_error(error: StoryMacroError, markdown: str, page: Any) -> str:
    # mkdocs-macros prints a traceback for other errors; this one is for a page author, not a bug.
    return f"Fout in een verhaalpagina: {error}"


def define_env(env: Any) -> None:
    def blocks() -> Any:
        # Built in the hook's on_files, after every plugin has set the site's address.
        return env.conf["kennisbank"].blocks

    def checked(function: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(function)
        def macro(*args: Any, **kwargs: Any) -> Any:
            try:
                return function(*args, **kwargs)
            except MacroArgumentError as error:
                shown = ", ".join([repr(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()])
                raise StoryMacroError(f"docs/{env.page.file.src_uri}: {function.__name__}({shown}): {error}") from None

        return env.macro(macro)

    # Blocks for the story pages in docs/. Each returns an HTML block: put the call on
    # a line of its own, with an empty line before and after.

    @checked
    def adviezen(hoofdstuk: int) -> str:
        """All advices of a chapter, in full."""
        return blocks().advices(hoofdstuk, env.page.url)

    @checked
    def conclusie(hoofdstuk: int) -> str:
        """The conclusion of a chapter (content/hoofdstukken.yaml)."""
        return blocks().conclusion(hoofdstuk, env.page.url)

    @checked
    def praktijkvoorbeelden(*ids: str, **facetten: str) -> str:
        """Cards for the cases named by id, or for all cases with a facet value, e.g. orientatie="datapolis"."""
        return blocks().cases(env.page.url, ids, **facetten)

    @checked
    def leerlijnen() -> str:
        return blocks().learning_lines(env.page.url)

    @checked
    def risicokaarten() -> str:
        return blocks().risks(env.page.url)

    @checked
    def gemeenten(categorie: str) -> str:
        """Links to the municipalities that the report puts in a category."""
        return blocks().municipalities(env.page.url, categorie)

    @checked
    def waarden(vocabulaire: str) -> str:
        """The values of a taxonomy vocabulary with their explanation (and index links)."""
        return blocks().vocabulary(vocabulaire, env.page.url)

    @checked
    def figuur(bestand: str, alt: str, bijschrift: str) -> str:
        """A figure from docs/figuren/ with its text alternative and caption."""
        figures = [f.src_uri.removeprefix("figuren/") for f in env.conf["kennisbank"].figures]
        return blocks().figure(bestand, alt, bijschrift, env.page.url, figures)

    @checked
    def grafiek(vocabulaire: str) -> str:
        """A chart of the number of cases per value, generated from the content at build time."""
        return blocks().chart(vocabulaire, env.page.url)

    @checked
    def open_data() -> str:
        """The list of open-data files and their columns."""
        return blocks().open_data(env.page.url)

    @checked
    def samenvatting() -> str:
        """Conclusions and advices of every chapter: the summary for administrators."""
        return blocks().summary(env.page.url)

    @checked
    def werkblad() -> str:
        """The worksheet of the denkkader (chapter 12): five parts to fill in, and the agenda they make."""
        state = blocks()
        return worksheet(state.kb, state.env, env.page.url)

    @checked
    def zelfscan() -> str:
        """The self-scan: its questions as a form (a checklist without JavaScript); zelfscan.js shows the result."""
        state = blocks()
        return self_scan(state.kb, state.env, env.page.url)
