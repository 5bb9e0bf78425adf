"""The validated knowledge base: items by collection, lookups, and relations both ways.

The items themselves are the contract's models (:mod:`macros.contract`). Relations
come from the contract too: every top-level field marked as a reference to another
collection is one row of the relation table, so a risk card lists the cases that
name it without an editor writing it twice. No MkDocs in here.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Iterable

from .contract import ADVICES, CASES, CHAPTERS, COLLECTIONS, LEARNING_LINES, MUNICIPALITIES, RISKS, SYNONYMS, Case, Collection, Entry
from .fields import Shape, shapes
from .taxonomy import UNKNOWN, Taxonomy, Vocabulary


@dataclass(frozen=True)
class Relation:
    """Items of ``source`` name items of ``target`` in their field ``field``."""

    source: Collection
    field: str
    target: Collection


def _relations() -> tuple[Relation, ...]:
    by_folder = {c.folder: c for c in COLLECTIONS}
    return tuple(
        Relation(collection, shape.name, by_folder[shape.reference])
        for collection in COLLECTIONS
        for shape in shapes(collection.model)
        if shape.reference
    )


RELATIONS = _relations()


@cache
def case_vocabularies() -> dict[str, tuple[tuple[str, ...], bool]]:
    """Vocabulary -> (path of the case field that uses it, whether it takes several values)."""
    found: dict[str, tuple[tuple[str, ...], bool]] = {}

    def visit(fields: tuple[Shape, ...], prefix: tuple[str, ...]) -> None:
        for shape in fields:
            if shape.vocabulary:
                found[shape.vocabulary] = (prefix + (shape.name,), shape.multiple)
            elif shape.record is not None and not shape.multiple:
                visit(shapes(shape.record), prefix + (shape.name,))

    visit(shapes(Case), ())
    return found


def facet_values(case: Case, vocabulary_id: str) -> tuple[str, ...]:
    """The values a case has for a vocabulary, as a tuple (empty when not recorded)."""
    path, _multiple = case_vocabularies()[vocabulary_id]
    value: Any = case
    for name in path:
        value = getattr(value, name)
    return _as_tuple(value)


def _as_tuple(value: Any) -> tuple:
    if value is None:
        return ()
    return value if isinstance(value, tuple) else (value,)


def key_of(collection: Collection, item: Entry) -> Any:
    return getattr(item, collection.key)


@dataclass(frozen=True)
class Kennisbank:
    """All content, validated, with lookups and relations resolved both ways."""

    taxonomy: Taxonomy
    items: dict[str, tuple[Entry, ...]]  # Collection.folder -> items in reading order
    _index: dict = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_key = {c.folder: {key_of(c, item): item for item in self.items.get(c.folder, ())} for c in COLLECTIONS}
        # Both directions of every relation, computed once so that thousands of items stay linear.
        named_by: dict[tuple[str, Any, str], list[Any]] = defaultdict(list)
        for relation in RELATIONS:
            for item in self.items.get(relation.source.folder, ()):
                for key in _as_tuple(getattr(item, relation.field)):
                    named_by[relation.target.folder, key, relation.source.folder].append(key_of(relation.source, item))
        facets: dict[tuple[str, str], list[str]] = defaultdict(list)
        for case in self.cases:
            for vocabulary_id in case_vocabularies():
                for value in self.values_of(case, vocabulary_id):
                    facets[vocabulary_id, value].append(case.id)
        self._index.update(by_key=by_key, named_by=named_by, facets=facets)

    # ---------------------------------------------------------------- collections

    @property
    def cases(self) -> tuple[Any, ...]:
        return self.items.get(CASES.folder, ())

    @property
    def learning_lines(self) -> tuple[Any, ...]:
        return self.items.get(LEARNING_LINES.folder, ())

    @property
    def risks(self) -> tuple[Any, ...]:
        return self.items.get(RISKS.folder, ())

    @property
    def advices(self) -> tuple[Any, ...]:
        return self.items.get(ADVICES.folder, ())

    @property
    def municipalities(self) -> tuple[Any, ...]:
        return self.items.get(MUNICIPALITIES.folder, ())

    @property
    def chapters(self) -> tuple[Any, ...]:
        return self.items.get(CHAPTERS.folder, ())

    @property
    def synonyms(self) -> tuple[Any, ...]:
        return self.items.get(SYNONYMS.folder, ())

    # ---------------------------------------------------------------- lookups

    def get(self, collection: Collection, key: Any) -> Any:
        """The item with this key; KeyError when there is none."""
        return self._index["by_key"][collection.folder][key]

    def has(self, collection: Collection, key: Any) -> bool:
        return key in self._index["by_key"][collection.folder]

    def keys(self, collection: Collection) -> list[Any]:
        return list(self._index["by_key"][collection.folder])

    def case(self, case_id: str) -> Any:
        return self.get(CASES, case_id)

    def learning_line(self, line_id: str) -> Any:
        return self.get(LEARNING_LINES, line_id)

    def risk(self, risk_id: str) -> Any:
        return self.get(RISKS, risk_id)

    def advice(self, number: int) -> Any:
        return self.get(ADVICES, number)

    def municipality(self, municipality_id: str) -> Any:
        return self.get(MUNICIPALITIES, municipality_id)

    def chapter(self, number: int) -> Any:
        return self.get(CHAPTERS, number)

    # ---------------------------------------------------------------- relations

    def related(self, item: Entry, source: Collection, target: Collection) -> tuple[Any, ...]:
        """The items of ``target`` that ``item`` (of ``source``) names, then those that name it.

        Learning lines and advices come in their report order; others as named.
        """
        keys: list[Any] = []
        for relation in RELATIONS:
            if relation.source is source and relation.target is target:
                keys.extend(_as_tuple(getattr(item, relation.field)))
        keys.extend(self._index["named_by"].get((source.folder, key_of(source, item), target.folder), ()))
        found = [self.get(target, key) for key in dict.fromkeys(keys)]
        if target in (LEARNING_LINES, ADVICES):
            found.sort(key=lambda other: other.nummer)
        return tuple(found)

    def values_of(self, case: Case, vocabulary_id: str) -> tuple[str, ...]:
        """The values a reader sees for a facet: the recorded ones, or 'onbekend' when there are none."""
        values = facet_values(case, vocabulary_id)
        if not values and vocabulary_id in self.taxonomy and self.taxonomy[vocabulary_id].has_unknown:
            return (UNKNOWN,)
        return values

    def report_values_of(self, case: Case, vocabulary_id: str) -> tuple[str, ...]:
        """The values as the report itself types the case: the editors' typings count as unknown."""
        typing = self.typing_of(case, vocabulary_id)
        if typing is not None and typing.from_report:
            return self.values_of(case, vocabulary_id)
        vocabulary = self.taxonomy[vocabulary_id] if vocabulary_id in self.taxonomy else None
        return (UNKNOWN,) if vocabulary is not None and vocabulary.has_unknown else ()

    def typing_of(self, case: Case, vocabulary_id: str) -> Any:
        """Where the case's values for a facet come from (a Typing), or None when they are unknown."""
        path, _multiple = case_vocabularies()[vocabulary_id]
        return case.typering.get(".".join(path))

    def cases_with(self, vocabulary_id: str, value: str) -> tuple[Any, ...]:
        return tuple(self.case(i) for i in self._index["facets"].get((vocabulary_id, value), ()))

    def facet_counts(self, vocabulary: Vocabulary) -> dict[str, int]:
        facets = self._index["facets"]
        return {term.id: len(facets.get((vocabulary.id, term.id), ())) for term in vocabulary.terms}

    def advices_in_chapter(self, chapter: int) -> tuple[Any, ...]:
        return tuple(a for a in self.advices if a.hoofdstuk == chapter)


def sorted_items(collection: Collection, items: Iterable[Entry]) -> tuple[Entry, ...]:
    """Items in the order readers expect: by number, alphabetically, or as the file has them."""
    if collection.sort_by is None:
        return tuple(items)
    if collection.sort_by == "nummer":
        return tuple(sorted(items, key=lambda i: i.nummer))  # type: ignore[attr-defined]
    name = collection.sort_by
    return tuple(sorted(items, key=lambda i: _sort_key(getattr(i, name))))


def _sort_key(title: str) -> str:
    """Alphabetical order as a reader expects it: ’s-Hertogenbosch under H, case ignored."""
    return title.lower().lstrip("’'\"").removeprefix("s-")
