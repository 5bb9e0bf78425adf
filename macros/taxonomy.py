"""The controlled vocabularies of ``content/taxonomie.yaml``: one source of truth.

Validation, labels on pages, index pages and filters all read this; adding a value
to the file (and nothing else) adds it everywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .contract import SLUG
from .problems import Problem
from .yamlsource import SourceDocument

TAXONOMY_FILE_NAME = "taxonomie.yaml"
# The term that a facet vocabulary has for "nothing can be said": a case without a value
# for that facet shows it, and readers can filter on it.
UNKNOWN = "onbekend"


@dataclass(frozen=True)
class Term:
    id: str
    label: str
    uitleg: str
    bron: str | None = None


@dataclass(frozen=True)
class Vocabulary:
    id: str  # also the content field it belongs to, e.g. ``domein`` or ``aard_interventie``
    label: str
    uitleg: str
    terms: tuple[Term, ...]
    bron: str | None = None
    # Vocabularies with index pages get /praktijkvoorbeelden/<slug>/<value>/.
    index: bool = False
    multiple: bool = False  # filled in from the schema: may a case have several values?

    @property
    def slug(self) -> str:
        return self.id.replace("_", "-")

    def ids(self) -> list[str]:
        return [t.id for t in self.terms]

    def term(self, term_id: str) -> Term:
        for term in self.terms:
            if term.id == term_id:
                return term
        raise KeyError(f"{self.id}: onbekende waarde {term_id!r}")

    def label_of(self, term_id: str) -> str:
        return self.term(term_id).label

    @property
    def has_unknown(self) -> bool:
        return UNKNOWN in self.ids()


@dataclass(frozen=True)
class Taxonomy:
    vocabularies: tuple[Vocabulary, ...]

    def __getitem__(self, vocabulary_id: str) -> Vocabulary:
        for vocabulary in self.vocabularies:
            if vocabulary.id == vocabulary_id:
                return vocabulary
        raise KeyError(vocabulary_id)

    def __contains__(self, vocabulary_id: str) -> bool:
        return any(v.id == vocabulary_id for v in self.vocabularies)

    @property
    def facets(self) -> tuple[Vocabulary, ...]:
        """The facets: vocabularies of case fields that have index pages (``index: true``), in file order.

        "Vocabulary" is any controlled list in the taxonomy; a "facet" is one that
        readers browse and filter cases by.
        """
        return tuple(v for v in self.vocabularies if v.index)


_VOCABULARY_KEYS = {"label", "uitleg", "bron", "index", "waarden"}
_TERM_KEYS = {"label", "uitleg", "bron"}


def taxonomy_from_document(document: SourceDocument) -> tuple[Taxonomy, list[Problem]]:
    """Check the structure of the taxonomy file and build the vocabularies."""
    problems: list[Problem] = []

    def problem(path: tuple, message: str) -> None:
        problems.append(Problem(document.path, document.line(path), ".".join(map(str, path)), message))

    data = document.data
    if not isinstance(data, dict):
        problem((), "de taxonomie moet een lijst van vocabulaires zijn (sleutel: waarden).")
        return Taxonomy(()), problems

    vocabularies = []
    for vocabulary_id, spec in data.items():
        path = (vocabulary_id,)
        if not re.fullmatch(r"[a-z][a-z_]*", vocabulary_id):
            problem(path, "de naam van een vocabulaire bestaat uit kleine letters en '_'.")
            continue
        if not isinstance(spec, dict):
            problem(path, "verwacht een blok met label, uitleg en waarden.")
            continue
        for key in spec.keys() - _VOCABULARY_KEYS:
            problem(path + (key,), f"onbekend veld. Toegestaan: {', '.join(sorted(_VOCABULARY_KEYS))}.")
        for key in ("label", "uitleg"):
            if not isinstance(spec.get(key), str) or not spec.get(key, "").strip():
                problem(path + (key,), "verplicht veld met tekst ontbreekt of is leeg.")
        if "index" in spec and not isinstance(spec["index"], bool):
            problem(path + ("index",), "verwacht true of false.")
        values = spec.get("waarden")
        if not isinstance(values, dict) or not values:
            problem(path + ("waarden",), "verwacht een blok met minstens één waarde (id: label, uitleg).")
            continue
        terms = []
        for term_id, term in values.items():
            term_path = path + ("waarden", term_id)
            if not isinstance(term_id, str) or not SLUG.fullmatch(term_id):
                problem(term_path, "een waarde bestaat uit kleine letters, cijfers en koppeltekens (bijv. 'smart-city').")
                continue
            if not isinstance(term, dict):
                problem(term_path, "verwacht een blok met label en uitleg.")
                continue
            for key in term.keys() - _TERM_KEYS:
                problem(term_path + (key,), f"onbekend veld. Toegestaan: {', '.join(sorted(_TERM_KEYS))}.")
            if not all(isinstance(term.get(k), str) and term[k].strip() for k in ("label", "uitleg")):
                problem(term_path, "elke waarde heeft een label en een uitleg (tekst).")
                continue
            terms.append(Term(term_id, term["label"].strip(), term["uitleg"].strip(), _text_or_none(term.get("bron"))))
        vocabularies.append(
            Vocabulary(
                id=vocabulary_id,
                label=str(spec.get("label", vocabulary_id)).strip(),
                uitleg=str(spec.get("uitleg", "")).strip(),
                terms=tuple(terms),
                bron=_text_or_none(spec.get("bron")),
                index=spec.get("index") is True,
            )
        )
    return Taxonomy(tuple(vocabularies)), problems


def _text_or_none(value: object) -> str | None:
    return str(value).strip() if value not in (None, "") else None
