"""The blocks that story pages in ``docs/`` pull in through macros.

Every block checks its arguments first: a story page that asks for a value, number
or name that does not exist stops the build with a message that names what is
allowed, instead of quietly showing an empty block.
"""

from __future__ import annotations

from typing import Any, Iterable

from jinja2 import Environment
from markupsafe import Markup

from .. import urls
from ..contract import CASES
from ..exports import EXPORT_DIR, EXPORTS, LIST_SEPARATOR
from ..model import Kennisbank, case_vocabularies
from ..problems import allowed_list, suggestion
from .environment import RELATED_SHOWN, render


class MacroArgumentError(ValueError):
    """A story macro was called with something that does not exist (message in Dutch)."""


def _require(value: Any, allowed: Iterable[Any], what: str) -> None:
    allowed = list(allowed)
    if value not in allowed:
        hint = suggestion(value, [str(a) for a in allowed]) if isinstance(value, str) else ""
        raise MacroArgumentError(f"{value!r} is geen {what}.{hint} Toegestaan: {allowed_list(allowed)}.")


class StoryBlocks:
    """The implementation of the story macros (registered in :mod:`macros.environment`)."""

    def __init__(self, kennisbank: Kennisbank, env: Environment):
        self.kb = kennisbank
        self.env = env

    def _chapter(self, number: Any) -> Any:
        _require(number, [c.nummer for c in self.kb.chapters], "hoofdstuk in content/hoofdstukken.yaml")
        return self.kb.chapter(number)

    def _vocabulary(self, name: Any) -> Any:
        _require(name, [v.id for v in self.kb.taxonomy.vocabularies], "vocabulaire in content/taxonomie.yaml")
        return self.kb.taxonomy[name]

    def advices(self, chapter: int, page_url: str) -> Markup:
        self._chapter(chapter)
        return render(self.env, "blok_adviezen.html", page_url, advices=self.kb.advices_in_chapter(chapter))

    def conclusion(self, chapter: int, page_url: str) -> Markup:
        return render(self.env, "blok_conclusie.html", page_url, chapter=self._chapter(chapter))

    def cases(self, page_url: str, ids: Iterable[str] = (), **facets: str) -> Markup:
        """Cards for the cases named, or for the first cases with one facet value and a link to all."""
        ids = tuple(ids)
        if ids and facets or not ids and len(facets) != 1:
            raise MacroArgumentError("geef ids van praktijkvoorbeelden, of precies één kenmerk met een waarde, bijv. orientatie=\"datapolis\".")
        if ids:
            for case_id in ids:
                _require(case_id, self.kb.keys(CASES), "id van een praktijkvoorbeeld")
            return render(self.env, "blok_praktijkvoorbeelden.html", page_url, cases=[self.kb.case(i) for i in ids], more=None)
        ((vocabulary_id, value),) = facets.items()
        _require(vocabulary_id, list(case_vocabularies()), "kenmerk van praktijkvoorbeelden")
        vocabulary = self._vocabulary(vocabulary_id)
        _require(value, vocabulary.ids(), f"waarde van {vocabulary_id}")
        cases = self.kb.cases_with(vocabulary_id, value)
        more = (len(cases), urls.facet_url(vocabulary, value)) if len(cases) > RELATED_SHOWN and vocabulary.index else None
        return render(self.env, "blok_praktijkvoorbeelden.html", page_url, cases=cases[:RELATED_SHOWN], more=more)

    def learning_lines(self, page_url: str) -> Markup:
        return render(self.env, "leerlijnen.html", page_url, lines=self.kb.learning_lines, intro=False)

    def risks(self, page_url: str) -> Markup:
        return render(self.env, "risicos.html", page_url, risks=self.kb.risks, intro=False)

    def municipalities(self, page_url: str, category: str) -> Markup:
        _require(category, self.kb.taxonomy["gemeentecategorie"].ids(), "categorie van gemeenten (gemeentecategorie)")
        members = [m for m in self.kb.municipalities if m.categorie == category]
        return render(self.env, "blok_gemeenten.html", page_url, municipalities=members)

    def vocabulary(self, vocabulary_id: str, page_url: str) -> Markup:
        vocabulary = self._vocabulary(vocabulary_id)
        return render(self.env, "blok_waarden.html", page_url, vocabulary=vocabulary, counts=self.kb.facet_counts(vocabulary))

    def figure(self, file: str, alt: str, caption: str, page_url: str, figures: Iterable[str]) -> Markup:
        _require(file, sorted(figures), "figuur in docs/figuren/")
        if not alt.strip():
            raise MacroArgumentError("een figuur heeft een tekstalternatief (alt) nodig voor wie de afbeelding niet ziet.")
        return render(self.env, "blok_figuur.html", page_url, src=f"figuren/{file}", alt=alt, caption=caption)

    def chart(self, vocabulary_id: str, page_url: str) -> Markup:
        vocabulary = self._vocabulary(vocabulary_id)
        _require(vocabulary_id, [v.id for v in self.kb.taxonomy.facets], "kenmerk met een grafiek (index: true in de taxonomie)")
        return render(self.env, "blok_grafiek.html", page_url, vocabulary=vocabulary, counts=self.kb.facet_counts(vocabulary))

    def open_data(self, page_url: str) -> Markup:
        return render(self.env, "blok_open_data.html", page_url, exports=EXPORTS, export_dir=EXPORT_DIR, separator=LIST_SEPARATOR)

    def summary(self, page_url: str) -> Markup:
        chapters = [(chapter, self.kb.advices_in_chapter(chapter.nummer)) for chapter in self.kb.chapters]
        return render(self.env, "samenvatting.html", page_url, chapters=chapters)
