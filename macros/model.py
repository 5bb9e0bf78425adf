"""The typed, immutable model of the knowledge base. No MkDocs in here.

Relations are typed once (a case names its risks, or a risk names its cases) and
resolved both ways here, so that every page shows them without an editor writing
them twice.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Iterable, TypeVar

from .schema import CASE_FIELDS, choice_paths
from .taxonomy import Taxonomy, Vocabulary


@dataclass(frozen=True)
class Link:
    titel: str
    url: str


@dataclass(frozen=True)
class Bron:
    rapport: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()


@dataclass(frozen=True)
class Aard:
    gericht_op: str | None = None
    interventie: str | None = None
    sturing: str | None = None


@dataclass(frozen=True, kw_only=True)
class Item:
    """What every item with its own page has."""

    id: str
    titel: str
    samenvatting: str
    bron: Bron
    toegevoegd: date
    bijgewerkt: date
    trefwoorden: tuple[str, ...] = ()
    eigenaar: str | None = None
    aliassen: tuple[str, ...] = ()
    body: str = ""
    source_path: str = ""  # the content file, relative to the repository root
    body_line: int = 0


@dataclass(frozen=True, kw_only=True)
class Case(Item):
    organisaties: tuple[str, ...]
    domein: str
    gemeenten: tuple[str, ...] = ()
    orientatie: tuple[str, ...] = ()
    publieke_waarde: tuple[str, ...] = ()
    aard: Aard = field(default_factory=Aard)
    proces: str | None = None
    methodiek: tuple[str, ...] = ()
    fase: str | None = None
    partners: tuple[str, ...] = ()
    risicos: tuple[str, ...] = ()
    leerlijnen: tuple[str, ...] = ()
    adviezen: tuple[int, ...] = ()


@dataclass(frozen=True)
class Strategy:
    titel: str
    uitleg: str
    gemeenten: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class LearningLine(Item):
    nummer: int
    vormen: tuple[str, ...] = ()
    strategieen: tuple[Strategy, ...] = ()
    praktijkvoorbeelden: tuple[str, ...] = ()
    adviezen: tuple[int, ...] = ()


@dataclass(frozen=True)
class Measure:
    titel: str
    uitleg: str
    bron: tuple[str, ...] = ()
    praktijkvoorbeelden: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Risk(Item):
    soort: str
    rathenau_themas: tuple[str, ...] = ()
    maatregelen: tuple[Measure, ...] = ()
    vragen: tuple[str, ...] = ()
    praktijkvoorbeelden: tuple[str, ...] = ()
    adviezen: tuple[int, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Advice:
    nummer: int
    titel: str
    tekst: str
    hoofdstuk: int
    themas: tuple[str, ...]
    voor: tuple[str, ...]
    bron: Bron
    praktijkvoorbeelden: tuple[str, ...] = ()
    risicos: tuple[str, ...] = ()
    leerlijnen: tuple[str, ...] = ()
    source_path: str = ""

    @property
    def id(self) -> str:
        return f"advies-{self.nummer}"


@dataclass(frozen=True, kw_only=True)
class Chapter:
    nummer: int
    titel: str
    bron: Bron
    conclusie: str | None = None
    pagina: str | None = None  # story page in docs/
    source_path: str = ""


@dataclass(frozen=True, kw_only=True)
class Municipality:
    id: str
    naam: str
    bron: Bron
    categorie: str | None = None
    toelichting: str | None = None
    source_path: str = ""


T = TypeVar("T")

# Where each case facet lives on a Case, derived from the schema: {"aard_interventie": (("aard", "interventie"), False)}
CASE_FACETS = choice_paths(CASE_FIELDS)


def facet_values(case: Case, vocabulary_id: str) -> tuple[str, ...]:
    """The values a case has for a vocabulary, as a tuple (empty when not recorded)."""
    path, _multiple = CASE_FACETS[vocabulary_id]
    value: object = case
    for name in path:
        value = getattr(value, name)
    if value is None:
        return ()
    return value if isinstance(value, tuple) else (value,)


def _union(first: Iterable[T], second: Iterable[T]) -> tuple[T, ...]:
    """Both directions of a relation, without duplicates, first direction first."""
    return tuple(dict.fromkeys([*first, *second]))


@dataclass(frozen=True)
class Kennisbank:
    """All content, validated, with lookups and relations resolved both ways."""

    taxonomy: Taxonomy
    cases: tuple[Case, ...]
    learning_lines: tuple[LearningLine, ...]
    risks: tuple[Risk, ...]
    advices: tuple[Advice, ...]
    municipalities: tuple[Municipality, ...]
    chapters: tuple[Chapter, ...] = ()
    _index: dict = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        index = self._index
        index["case"] = {c.id: c for c in self.cases}
        index["learning_line"] = {l.id: l for l in self.learning_lines}
        index["risk"] = {r.id: r for r in self.risks}
        index["advice"] = {a.nummer: a for a in self.advices}
        index["municipality"] = {m.id: m for m in self.municipalities}
        index["chapter"] = {c.nummer: c for c in self.chapters}
        # Reverse relations, computed once so that thousands of cases stay linear.
        cases_by = defaultdict(list)
        for case in self.cases:
            for risk_id in case.risicos:
                cases_by["risk", risk_id].append(case.id)
            for line_id in case.leerlijnen:
                cases_by["learning_line", line_id].append(case.id)
            for number in case.adviezen:
                cases_by["advice", number].append(case.id)
            for municipality_id in case.gemeenten:
                cases_by["municipality", municipality_id].append(case.id)
            for vocabulary_id in CASE_FACETS:
                for value in facet_values(case, vocabulary_id):
                    cases_by[vocabulary_id, value].append(case.id)
        named_by = defaultdict(list)  # (kind of the other item, case id) -> ids that name the case
        for risk in self.risks:
            for case_id in risk.praktijkvoorbeelden:
                named_by["risk", case_id].append(risk.id)
            for number in risk.adviezen:
                named_by["advice-risk", number].append(risk.id)
        for line in self.learning_lines:
            for case_id in line.praktijkvoorbeelden:
                named_by["learning_line", case_id].append(line.id)
            for number in line.adviezen:
                named_by["advice-learning_line", number].append(line.id)
        for advice in self.advices:
            for case_id in advice.praktijkvoorbeelden:
                named_by["advice", case_id].append(advice.nummer)
            for risk_id in advice.risicos:
                named_by["risk-advice", risk_id].append(advice.nummer)
            for line_id in advice.leerlijnen:
                named_by["learning_line-advice", line_id].append(advice.nummer)
        index["cases_by"] = cases_by
        index["named_by"] = named_by

    # ---------------------------------------------------------------- lookups

    def case(self, case_id: str) -> Case:
        return self._index["case"][case_id]

    def learning_line(self, line_id: str) -> LearningLine:
        return self._index["learning_line"][line_id]

    def risk(self, risk_id: str) -> Risk:
        return self._index["risk"][risk_id]

    def advice(self, number: int) -> Advice:
        return self._index["advice"][number]

    def municipality(self, municipality_id: str) -> Municipality:
        return self._index["municipality"][municipality_id]

    def chapter(self, number: int) -> Chapter:
        return self._index["chapter"][number]

    def has(self, collection: str, key: object) -> bool:
        kind = {
            "praktijkvoorbeelden": "case",
            "leerlijnen": "learning_line",
            "risicos": "risk",
            "adviezen": "advice",
            "gemeenten": "municipality",
            "hoofdstukken": "chapter",
        }[collection]
        return key in self._index[kind]

    def _cases(self, ids: Iterable[str]) -> tuple[Case, ...]:
        return tuple(self.case(i) for i in ids)

    # ---------------------------------------------------------------- relations

    def cases_with(self, vocabulary_id: str, value: str) -> tuple[Case, ...]:
        return self._cases(self._index["cases_by"].get((vocabulary_id, value), ()))

    def facet_counts(self, vocabulary: Vocabulary) -> dict[str, int]:
        cases_by = self._index["cases_by"]
        return {term.id: len(cases_by.get((vocabulary.id, term.id), ())) for term in vocabulary.terms}

    def cases_of_municipality(self, municipality_id: str) -> tuple[Case, ...]:
        return self._cases(self._index["cases_by"].get(("municipality", municipality_id), ()))

    def cases_for_risk(self, risk: Risk) -> tuple[Case, ...]:
        return self._cases(_union(risk.praktijkvoorbeelden, self._index["cases_by"].get(("risk", risk.id), ())))

    def cases_for_learning_line(self, line: LearningLine) -> tuple[Case, ...]:
        return self._cases(_union(line.praktijkvoorbeelden, self._index["cases_by"].get(("learning_line", line.id), ())))

    def cases_for_advice(self, advice: Advice) -> tuple[Case, ...]:
        return self._cases(_union(advice.praktijkvoorbeelden, self._index["cases_by"].get(("advice", advice.nummer), ())))

    def risks_for_case(self, case: Case) -> tuple[Risk, ...]:
        ids = _union(case.risicos, self._index["named_by"].get(("risk", case.id), ()))
        return tuple(self.risk(i) for i in ids)

    def learning_lines_for_case(self, case: Case) -> tuple[LearningLine, ...]:
        ids = _union(case.leerlijnen, self._index["named_by"].get(("learning_line", case.id), ()))
        return tuple(sorted((self.learning_line(i) for i in ids), key=lambda l: l.nummer))

    def advices_for_case(self, case: Case) -> tuple[Advice, ...]:
        numbers = _union(case.adviezen, self._index["named_by"].get(("advice", case.id), ()))
        return tuple(self.advice(n) for n in sorted(numbers))

    def advices_for_risk(self, risk: Risk) -> tuple[Advice, ...]:
        numbers = _union(risk.adviezen, self._index["named_by"].get(("risk-advice", risk.id), ()))
        return tuple(self.advice(n) for n in sorted(numbers))

    def advices_for_learning_line(self, line: LearningLine) -> tuple[Advice, ...]:
        numbers = _union(line.adviezen, self._index["named_by"].get(("learning_line-advice", line.id), ()))
        return tuple(self.advice(n) for n in sorted(numbers))

    def risks_for_advice(self, advice: Advice) -> tuple[Risk, ...]:
        ids = _union(advice.risicos, self._index["named_by"].get(("advice-risk", advice.nummer), ()))
        return tuple(self.risk(i) for i in ids)

    def learning_lines_for_advice(self, advice: Advice) -> tuple[LearningLine, ...]:
        ids = _union(advice.leerlijnen, self._index["named_by"].get(("advice-learning_line", advice.nummer), ()))
        return tuple(sorted((self.learning_line(i) for i in ids), key=lambda l: l.nummer))

    def cases_for(self, relation: str, key: str | int) -> tuple[Case, ...]:
        """The cases related to a risk card, learning line or advice (both directions)."""
        if relation == "risico":
            return self.cases_for_risk(self.risk(str(key)))
        if relation == "leerlijn":
            return self.cases_for_learning_line(self.learning_line(str(key)))
        if relation == "advies":
            return self.cases_for_advice(self.advice(int(key)))
        raise KeyError(relation)

    def advices_in_chapter(self, chapter: int) -> tuple[Advice, ...]:
        return tuple(a for a in self.advices if a.hoofdstuk == chapter)
