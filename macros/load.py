"""Read and validate all of ``content/`` in one pass and build the model.

Every problem in every file is collected before anything is reported, so that an
editor fixes everything in one round instead of one error per build.
"""

from __future__ import annotations

import difflib
import logging
import re
from dataclasses import replace
from pathlib import Path
from typing import Any, Callable

from . import model as m
from .markdown_rules import is_blank, markdown_problems
from .problems import ContentError, Problem, suggestion
from .schema import (
    ADVICES,
    CASES,
    CHAPTERS,
    COLLECTIONS,
    INVALID,
    LEARNING_LINES,
    MUNICIPALITIES,
    RISKS,
    Check,
    Collection,
    Record,
    Reference,
    check_fields,
    choice_paths,
)
from .taxonomy import TAXONOMY_FILE_NAME as TAXONOMY_FILE, Taxonomy, taxonomy_from_document
from .urls import RELATIONS
from .yamlsource import SourceDocument, read_markdown_file, read_yaml_file

log = logging.getLogger("mkdocs.plugins.kennisbank")

# Files and folders that may stand in content/; anything else is an error, so that
# nothing an editor adds is silently left off the site.
EXPECTED = {TAXONOMY_FILE, "hoofdstukken.yaml", "gemeenten.yaml", "adviezen.yaml", "praktijkvoorbeelden", "leerlijnen", "risicos", "README.md"}


def load_kennisbank(content_dir: Path) -> m.Kennisbank:
    """The validated model; raises :class:`ContentError` carrying every problem found."""
    kennisbank, problems = check_content(content_dir)
    # Warnings are advice to the editor, not failures: logged at INFO so that
    # "mkdocs build --strict" (which fails on any WARNING) still succeeds.
    for warning in (p for p in problems if p.warning):
        log.info(str(warning))
    if kennisbank is None:
        raise ContentError(problems)
    return kennisbank


def check_content(content_dir: Path) -> tuple[m.Kennisbank | None, list[Problem]]:
    """Validate everything; returns the model (or None when there are errors) and all problems."""
    content_dir = Path(content_dir)
    root = content_dir.parent

    def shown(path: Path) -> str:
        return path.relative_to(root).as_posix()

    problems: list[Problem] = []
    if not content_dir.is_dir():
        return None, [Problem(str(content_dir), 0, "", "de map met inhoud bestaat niet.")]
    for path in sorted(content_dir.iterdir()):
        if path.name.startswith(".") or path.name in EXPECTED:
            continue
        problems.append(
            Problem(
                shown(path),
                0,
                "",
                "dit bestand hoort hier niet en zou niet op de site komen. Verplaats het naar "
                "praktijkvoorbeelden/, leerlijnen/ of risicos/ (als .md-bestand) of verwijder het.",
            )
        )

    taxonomy = _load_taxonomy(content_dir / TAXONOMY_FILE, shown, problems)
    references: list[Reference] = []
    items: dict[str, list[Any]] = {}
    for collection in COLLECTIONS:
        items[collection.name] = _load_collection(collection, content_dir, shown, taxonomy, problems, references)

    if not any(not p.warning for p in problems):
        kennisbank = m.Kennisbank(
            taxonomy=taxonomy,
            cases=tuple(sorted(items[CASES.name], key=lambda c: _sort_key(c.titel))),
            learning_lines=tuple(sorted(items[LEARNING_LINES.name], key=lambda l: l.nummer)),
            risks=tuple(sorted(items[RISKS.name], key=lambda r: _sort_key(r.titel))),
            advices=tuple(sorted(items[ADVICES.name], key=lambda a: a.nummer)),
            municipalities=tuple(sorted(items[MUNICIPALITIES.name], key=lambda g: _sort_key(g.naam))),
            chapters=tuple(sorted(items[CHAPTERS.name], key=lambda c: c.nummer)),
        )
        problems.extend(_reference_problems(kennisbank, references))
        problems.extend(_alias_problems(kennisbank))
        if not any(not p.warning for p in problems):
            # Only on consistent content: the check follows references between items.
            problems.extend(likely_duplicates(kennisbank))
            return kennisbank, problems
    return None, problems


def _sort_key(title: str) -> str:
    """Alphabetical order as a reader expects it: ’s-Hertogenbosch under H, case ignored."""
    return title.lower().lstrip("’'\"").removeprefix("s-")


# --------------------------------------------------------------------------- taxonomy


def _load_taxonomy(path: Path, shown: Callable[[Path], str], problems: list[Problem]) -> Taxonomy:
    if not path.is_file():
        problems.append(Problem(shown(path), 0, "", "de taxonomie ontbreekt; zonder dit bestand kan niets worden gecontroleerd."))
        return Taxonomy(())
    document, found = read_yaml_file(path, shown(path))
    problems.extend(found)
    if document is None:
        return Taxonomy(())
    taxonomy, found = taxonomy_from_document(document)
    problems.extend(found)
    needed: dict[str, bool] = {}
    for collection in COLLECTIONS:
        needed.update({vocabulary: multiple for vocabulary, (_, multiple) in choice_paths(collection.fields).items()})
    for vocabulary_id in needed:
        if vocabulary_id not in taxonomy:
            problems.append(Problem(shown(path), 0, vocabulary_id, "deze vocabulaire ontbreekt in de taxonomie, maar velden gebruiken haar."))
    for vocabulary in taxonomy.vocabularies:
        if "index" in vocabulary.ids():
            problems.append(Problem(shown(path), document.line((vocabulary.id, "waarden", "index")), vocabulary.id, "'index' kan geen waarde zijn: die naam is nodig voor de overzichtspagina."))
    # Record on each vocabulary whether a field takes several values (drives labels and filters).
    return Taxonomy(tuple(replace(v, multiple=needed.get(v.id, False)) for v in taxonomy.vocabularies))


# --------------------------------------------------------------------------- collections


def _load_collection(collection: Collection, content_dir: Path, shown, taxonomy, problems, references) -> list[Any]:
    if collection.layout == "list":
        path = content_dir / f"{collection.name}.yaml"
        if not path.is_file():
            problems.append(Problem(shown(path), 0, "", f"het bestand met {collection.name} ontbreekt."))
            return []
        document, found = read_yaml_file(path, shown(path))
        problems.extend(found)
        if document is None:
            return []
        return _list_items(collection, document, taxonomy, problems, references)

    directory = content_dir / collection.name
    if not directory.is_dir():
        problems.append(Problem(shown(directory), 0, "", f"de map {collection.name}/ ontbreekt."))
        return []
    result = []
    for path in sorted(directory.iterdir()):
        if path.name.startswith("."):
            continue
        if path.is_dir() or path.suffix != ".md":
            problems.append(
                Problem(
                    shown(path),
                    0,
                    "",
                    f"in {collection.name}/ horen alleen .md-bestanden (één per {collection.singular}); "
                    "dit bestand zou niet op de site komen. Hernoem of verwijder het.",
                )
            )
            continue
        document, found = read_markdown_file(path, shown(path))
        problems.extend(found)
        if document is None:
            continue
        item = _directory_item(collection, document, path.stem, taxonomy, problems, references)
        if item is not None:
            result.append(item)
    return result


def _directory_item(collection, document: SourceDocument, stem: str, taxonomy, problems, references):
    ctx = Check(document, taxonomy, problems, references)
    if not isinstance(document.data, dict):
        ctx.fail((), "de front matter moet velden bevatten (veld: waarde), bijv. 'titel: ...'.")
        return None
    before = len(problems)
    clean = check_fields(collection.fields, document.data, (), ctx)
    data = document.data
    if isinstance(data.get("id"), str) and data["id"] != stem:
        ctx.fail(
            ("id",),
            f"het id '{data['id']}' verschilt van de bestandsnaam '{stem}.md'. Ze moeten gelijk zijn: "
            f"hernoem het bestand naar '{data['id']}.md' of zet id op '{stem}'.",
        )
    if collection is CASES and isinstance(data.get("id"), str):
        reserved = {v.slug for v in taxonomy.facets} | {"index", *RELATIONS}
        if data["id"] in reserved or re.fullmatch(r"pagina-\d+", data["id"]):
            ctx.fail(("id",), f"'{data['id']}' is gereserveerd voor een overzichtspagina. Kies een ander id.")
    _check_dates(data, ctx)
    _check_bron(data, ctx)
    _check_body(collection, document, ctx)
    if clean is INVALID or len(problems) > before:
        return None
    return _build(collection, clean, document)


def _list_items(collection: Collection, document: SourceDocument, taxonomy, problems, references) -> list[Any]:
    ctx = Check(document, taxonomy, problems, references)
    if not isinstance(document.data, list):
        ctx.fail((), f"verwacht een lijst van {collection.name}: begin elk item met '- {collection.key}: ...'.")
        return []
    result, seen = [], {}
    for index, data in enumerate(document.data):
        path = (index,)
        if not isinstance(data, dict):
            ctx.fail(path, f"verwacht een {collection.singular} met velden, beginnend met '- {collection.key}: ...'.")
            continue
        before = len(problems)
        clean = Record(collection.fields).check(data, path, ctx)
        key = data.get(collection.key)
        if isinstance(key, (str, int)) and not isinstance(key, bool):
            if key in seen:
                ctx.fail(
                    path + (collection.key,),
                    f"{collection.key} {key} komt al voor op regel {seen[key]}; twee {collection.name} kunnen niet "
                    f"hetzelfde {collection.key} hebben.",
                )
            else:
                seen[key] = document.line(path + (collection.key,))
        _check_bron(data, ctx, path)
        if clean is INVALID or len(problems) > before:
            continue
        result.append(_build(collection, clean, document))
    return result


def _check_dates(data: dict, ctx: Check) -> None:
    added, updated = data.get("toegevoegd"), data.get("bijgewerkt")
    if isinstance(added, str) and isinstance(updated, str) and updated.strip() < added.strip():
        ctx.fail(("bijgewerkt",), f"bijgewerkt ({updated}) ligt vóór toegevoegd ({added}); dat kan niet.")


def _check_bron(data: dict, ctx: Check, path: tuple = ()) -> None:
    bron = data.get("bron")
    if isinstance(bron, dict) and not bron.get("rapport") and not bron.get("links"):
        ctx.fail(path + ("bron",), "noem minstens een sectie van het rapport (rapport) of een webpagina (links).")


def _check_body(collection: Collection, document: SourceDocument, ctx: Check) -> None:
    if collection.body_required and is_blank(document.body):
        ctx.problems.append(
            Problem(
                document.path,
                document.body_line,
                "tekst",
                "de tekst onder de front matter is leeg. Beschrijf het item met de kopjes "
                "'## Wat is er gedaan', '## Publieke waarde', '## Organisatie en samenwerking' en "
                "'## Lessen en overdraagbaarheid' (waar de bron dat toelaat).",
            )
        )
    for offset, message in markdown_problems(document.body):
        ctx.problems.append(Problem(document.path, document.body_line + offset, "tekst", message))


# --------------------------------------------------------------------------- references


def _reference_problems(kennisbank: m.Kennisbank, references: list[Reference]) -> list[Problem]:
    problems = []
    for ref in references:
        if kennisbank.has(ref.collection, ref.value):
            continue
        if ref.collection in (ADVICES.name, CHAPTERS.name):
            existing = [a.nummer for a in (kennisbank.advices if ref.collection == ADVICES.name else kennisbank.chapters)]
            hint = f" Bestaande nummers: {', '.join(map(str, existing))}." if existing else ""
            singular = ADVICES.singular if ref.collection == ADVICES.name else CHAPTERS.singular
            message = f"{singular} {ref.value} bestaat niet in content/{ref.collection}.yaml.{hint}"
        else:
            existing = _ids(kennisbank, ref.collection)
            message = (
                f"'{ref.value}' bestaat niet in {ref.collection}.{suggestion(ref.value, existing)}"
                f" Gebruik het id van een bestaand item (de bestandsnaam zonder .md"
                f"{', of het id in content/gemeenten.yaml' if ref.collection == MUNICIPALITIES.name else ''})."
            )
        problems.append(Problem(ref.path, ref.line, ref.field, message))
    return problems


def _ids(kennisbank: m.Kennisbank, collection: str) -> list[str]:
    return {
        CASES.name: [c.id for c in kennisbank.cases],
        LEARNING_LINES.name: [l.id for l in kennisbank.learning_lines],
        RISKS.name: [r.id for r in kennisbank.risks],
        MUNICIPALITIES.name: [g.id for g in kennisbank.municipalities],
    }[collection]


def _alias_problems(kennisbank: m.Kennisbank) -> list[Problem]:
    """An old id may not be the id (or old id) of another item: its URL would point two ways."""
    problems = []
    for collection, items in ((CASES.name, kennisbank.cases), (LEARNING_LINES.name, kennisbank.learning_lines), (RISKS.name, kennisbank.risks)):
        owners: dict[str, str] = {item.id: item.id for item in items}
        for item in items:
            for alias in item.aliassen:
                if alias in owners:
                    problems.append(
                        Problem(
                            item.source_path,
                            0,
                            "aliassen",
                            f"'{alias}' is al het id of oude id van '{owners[alias]}' in {collection}; "
                            "een oud adres kan maar naar één pagina verwijzen.",
                        )
                    )
                else:
                    owners[alias] = item.id
    return problems


DUPLICATE_SIMILARITY = 0.8


def likely_duplicates(kennisbank: m.Kennisbank) -> list[Problem]:
    """Warn (not fail) when a case repeats another of the same municipality under a very similar title.

    Compared within each municipality only, so the cost stays linear in practice.
    """
    warnings = []
    by_municipality: dict[str, list[m.Case]] = {}
    for case in kennisbank.cases:
        for municipality in case.gemeenten:
            by_municipality.setdefault(municipality, []).append(case)
    flagged: set[str] = set()
    for municipality, cases in by_municipality.items():
        name = kennisbank.municipality(municipality).naam
        titles = {c.id: _bare_title(c.titel, name) for c in cases}
        for index, first in enumerate(cases):
            for second in cases[index + 1 :]:
                older, newer = sorted((first, second), key=lambda c: (c.toegevoegd, c.id))
                if newer.id in flagged:
                    continue  # one warning per case is enough
                matcher = difflib.SequenceMatcher(None, titles[older.id], titles[newer.id])
                # The quick upper bounds skip most pairs before the full comparison.
                if matcher.real_quick_ratio() >= DUPLICATE_SIMILARITY and matcher.quick_ratio() >= DUPLICATE_SIMILARITY and matcher.ratio() >= DUPLICATE_SIMILARITY:
                    flagged.add(newer.id)
                    warnings.append(
                        Problem(
                            newer.source_path,
                            2,
                            "titel",
                            f"lijkt op '{older.titel}' ({older.source_path}) van dezelfde gemeente. "
                            "Gaat het om hetzelfde project? Vul dan dat bestand aan in plaats van een nieuw te maken.",
                            warning=True,
                        )
                    )
    return warnings


def _bare_title(title: str, municipality: str) -> str:
    """The title without the municipality's name, which every case of that municipality shares."""
    return title.lower().replace(municipality.lower(), "").strip(" :-–")


# --------------------------------------------------------------------------- building


def _bron(data: dict) -> m.Bron:
    return m.Bron(
        rapport=data.get("rapport", ()),
        links=tuple(m.Link(**link) for link in data.get("links", ())),
    )


def _item_fields(clean: dict, document: SourceDocument) -> dict:
    fields = dict(clean)
    fields["bron"] = _bron(clean["bron"])
    fields["body"] = document.body.strip("\n")
    fields["source_path"] = document.path
    fields["body_line"] = document.body_line
    return fields


def _build(collection: Collection, clean: dict, document: SourceDocument):
    if collection is CASES:
        fields = _item_fields(clean, document)
        fields["aard"] = m.Aard(**clean.get("aard", {}))
        return m.Case(**fields)
    if collection is LEARNING_LINES:
        fields = _item_fields(clean, document)
        fields["strategieen"] = tuple(m.Strategy(**s) for s in clean.get("strategieen", ()))
        return m.LearningLine(**fields)
    if collection is RISKS:
        fields = _item_fields(clean, document)
        fields["maatregelen"] = tuple(m.Measure(**s) for s in clean.get("maatregelen", ()))
        return m.Risk(**fields)
    if collection is ADVICES:
        return m.Advice(**{**clean, "bron": _bron(clean["bron"]), "source_path": document.path})
    if collection is CHAPTERS:
        return m.Chapter(**{**clean, "bron": _bron(clean["bron"]), "source_path": document.path})
    if collection is MUNICIPALITIES:
        return m.Municipality(**{**clean, "bron": _bron(clean["bron"]), "source_path": document.path})
    raise ValueError(collection.name)
