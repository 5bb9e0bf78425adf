"""The mkdocs-macros adapter: registers the macros and nothing else.

The model and the renderer come from the build state that the hook put on the
config (content is loaded once per build). Macros return rendered page source; their
output is never rendered as a template again, so content stays data.
"""

from __future__ import annotations


def define_env(env) -> None:
    state = env.conf["kennisbank"]
    renderer = state.renderer

    @env.macro
    def pagina(kind: str, *args: str) -> str:
        """The whole body of a generated page (see macros/pages.py)."""
        return renderer.page(kind, *args, page_url=env.page.url)

    # Blocks for the story pages in docs/. Each returns an HTML block: put the call on
    # a line of its own, with an empty line before and after.

    @env.macro
    def adviezen(hoofdstuk: int) -> str:
        """All advices of a chapter, in full."""
        return renderer.advice_block(hoofdstuk, env.page.url)

    @env.macro
    def conclusie(hoofdstuk: int) -> str:
        """The conclusion of a chapter (content/hoofdstukken.yaml)."""
        return renderer.conclusion_block(hoofdstuk, env.page.url)

    @env.macro
    def praktijkvoorbeelden(*ids: str, **facetten: str) -> str:
        """Cards for the cases named by id, or for all cases with a facet value, e.g. orientatie="datapolis"."""
        return renderer.case_block(env.page.url, ids, **facetten)

    @env.macro
    def leerlijnen() -> str:
        return renderer.learning_lines_block(env.page.url)

    @env.macro
    def risicokaarten() -> str:
        return renderer.risks_block(env.page.url)

    @env.macro
    def gemeenten(categorie: str) -> str:
        """Links to the municipalities that the report puts in a category."""
        return renderer.municipalities_block(env.page.url, categorie)

    @env.macro
    def waarden(vocabulaire: str) -> str:
        """The values of a taxonomy vocabulary with their explanation (and index links)."""
        return renderer.vocabulary_block(vocabulaire, env.page.url)

    @env.macro
    def figuur(bestand: str, alt: str, bijschrift: str) -> str:
        """A figure from docs/figuren/ with its text alternative and caption."""
        return renderer.figure_block(bestand, alt, bijschrift, env.page.url)

    @env.macro
    def grafiek(vocabulaire: str) -> str:
        """A chart of the number of cases per value, generated from the content at build time."""
        return renderer.chart_block(vocabulaire, env.page.url)

    @env.macro
    def open_data() -> str:
        """The list of open-data files and their columns."""
        return renderer.open_data_block(env.page.url)

    @env.macro
    def samenvatting() -> str:
        """Conclusions and advices of every chapter: the summary for administrators."""
        return renderer.summary_page(env.page.url)
