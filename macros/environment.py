"""The mkdocs-macros adapter: registers the macros and nothing else.

The model and the renderer come from the build state that the hook put on the
config (content is loaded once per build). Macros return rendered page source; their
output is never rendered as a template again, so content stays data.
"""

from __future__ import annotations


def define_env(env) -> None:
    state = env.conf["kennisbank"]
    renderer = state.renderer
    pages = {
        "praktijkvoorbeeld": renderer.case_page,
        "leerlijn": renderer.learning_line_page,
        "risico": renderer.risk_page,
        "gemeente": renderer.municipality_page,
        "adviezen": renderer.advices_page,
        "praktijkvoorbeelden": renderer.cases_overview,
        "leerlijnen": renderer.learning_lines_overview,
        "risicos": renderer.risks_overview,
        "gemeenten": renderer.municipalities_overview,
        "facet": renderer.facet_overview,
        "facetwaarde": renderer.facet_value,
    }

    @env.macro
    def pagina(kind: str, *args: str) -> str:
        """The whole body of a generated page (see macros/pages.py)."""
        return pages[kind](*args, page_url=env.page.url)
