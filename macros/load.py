"""Read and validate all of ``content/`` in one pass and build the model.

Every problem in every file is collected before anything is reported, so that an
editor fixes everything in one round instead of one error per build: field
problems, references (also from files with other errors), aliases, reserved
names and output paths all come together.
"""

from __future__ import annotations

import difflib
import logging
import os
from dataclasses import dataclass, field, replace
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any, Callable

from pydantic import ValidationError

from . import urls
from .contract import CASES, COLLECTIONS, DATE, MUNICIPALITIES, Collection, Entry, Item, Source
from .editor_markdown import markdown_problems
from .fields import leaves, walk
from .messages import dotted, problems_from
from .model import Kennisbank, case_vocabularies, sorted_items
from .parallel import SharedWork
from .problems import ContentError, Problem, suggestion
from .provenance import typing_problems
from .search_terms import problems as search_term_problems
from .taxonomy import TAXONOMY_FILE_NAME as TAXONOMY_FILE, Taxonomy, taxonomy_from_document
from .textfile import file_kind_problem
from .yamlsource import SourceDocument, read_markdown_file, read_yaml_file
from .zelfscan import problems as self_scan_problems

log = logging.getLogger("mkdocs.plugins.kennisbank")

# Files and folders that may stand in content/; anything else is an error, so that
# nothing an editor adds is silently left off the site.
EXPECTED = {TAXONOMY_FILE, "README.md", *(c.source.rstrip("/") for c in COLLECTIONS)}
Shown = Callable[[Path], str]


def load_kennisbank(content_dir: Path) -> Kennisbank:
    """The validated model; raises :class:`ContentError` carrying every problem found."""
    kennisbank, problems = check_content(content_dir)
    # Warnings are advice to the editor, not failures: logged at INFO so that
    # "mkdocs build --strict" (which fails on any WARNING) still succeeds.
    for warning in (p for p in problems if p.warning):
        log.info(str(warning))
    if kennisbank is None:
        raise ContentError(problems)
    return kennisbank


@dataclass
class _Found:
    """What validation collects: problems, items, and every key that was read."""

    problems: list[Problem] = field(default_factory=list)
    items: dict[str, list[Entry]] = field(default_factory=lambda: {c.folder: [] for c in COLLECTIONS})
    # Keys of every item read, valid or not: a reference to an item whose file has
    # another mistake is not also reported as a reference to nothing.
    keys: dict[str, set[Any]] = field(default_factory=lambda: {c.folder: set() for c in COLLECTIONS})
    references: list[tuple[str, Any, Problem]] = field(default_factory=list)  # (collection, key, where)
    aliases: list[tuple[str, str, str, Problem]] = field(default_factory=list)  # (collection, item id, former id, where)

    def add(self, other: _Found) -> None:
        """Add what one file gave, in the order the files are read."""
        self.problems += other.problems
        for folder, items in other.items.items():
            self.items[folder] += items
            self.keys[folder] |= other.keys[folder]
        self.references += other.references
        self.aliases += other.aliases


class _Run(_Found):
    """What one validation run collects, and the taxonomy it checks against."""

    def __init__(self, taxonomy: Taxonomy):
        super().__init__()
        self.taxonomy = taxonomy


def check_content(content_dir: Path) -> tuple[Kennisbank | None, list[Problem]]:
    """Validate everything; returns the model (or None when there are errors) and all problems."""
    content_dir = Path(content_dir)
    root = content_dir.parent

    def shown(path: Path) -> str:
        return path.relative_to(root).as_posix()

    if not content_dir.is_dir() or content_dir.is_symlink():
        return None, [Problem(str(content_dir), 0, "", "de map met inhoud bestaat niet (of is een symbolische link).")]
    problems = _unexpected_entries(content_dir, shown)
    taxonomy, taxonomy_problems = _load_taxonomy(content_dir / TAXONOMY_FILE, shown)
    run = _Run(taxonomy)
    run.problems.extend(problems + taxonomy_problems)
    for collection in COLLECTIONS:
        _load_collection(collection, content_dir, shown, run)
    run.problems.extend(_reference_problems(run))
    run.problems.extend(_alias_problems(run))
    if any(not p.warning for p in run.problems):
        return None, run.problems
    kennisbank = Kennisbank(
        taxonomy=taxonomy,
        items={c.folder: sorted_items(c, run.items[c.folder]) for c in COLLECTIONS},
    )
    run.problems.extend(_output_problems(kennisbank, content_dir.name))
    run.problems.extend(self_scan_problems(kennisbank))  # the order of the cycle, across questions and aspects
    run.problems.extend(search_term_problems(kennisbank))  # each word a reader types has one rule
    if any(not p.warning for p in run.problems):
        return None, run.problems
    # Only on consistent content: the check follows references between items.
    run.problems.extend(likely_duplicates(kennisbank))
    return kennisbank, run.problems


def _unexpected_entries(content_dir: Path, shown: Shown) -> list[Problem]:
    problems = []
    for path in sorted(content_dir.iterdir()):
        kind = file_kind_problem(path, shown(path))
        if kind is not None:
            problems.append(kind)
        elif path.name.startswith("."):
            problems.append(_dotfile(path, shown))
        elif path.name not in EXPECTED:
            problems.append(
                Problem(
                    shown(path),
                    0,
                    "",
                    "dit bestand hoort hier niet en zou niet op de site komen. Verplaats het naar "
                    "praktijkvoorbeelden/, leerlijnen/ of risicos/ (als .md-bestand) of verwijder het.",
                )
            )
    return problems


def _dotfile(path: Path, shown: Shown) -> Problem:
    return Problem(
        shown(path),
        0,
        "",
        "bestanden en mappen waarvan de naam met een punt begint, worden niet gelezen en zouden "
        "dus niet op de site komen. Geef het een naam zonder punt aan het begin, of verwijder het.",
    )


# --------------------------------------------------------------------------- taxonomy


def _load_taxonomy(path: Path, shown: Shown) -> tuple[Taxonomy, list[Problem]]:
    if not path.exists() and not path.is_symlink():
        return Taxonomy(()), [Problem(shown(path), 0, "", "de taxonomie ontbreekt; zonder dit bestand kan niets worden gecontroleerd.")]
    document, problems = read_yaml_file(path, shown(path))
    if document is None:
        return Taxonomy(()), problems
    taxonomy, found = taxonomy_from_document(document)
    problems.extend(found)
    used = {shape.vocabulary for c in COLLECTIONS for _, shape in leaves(c.model) if shape.vocabulary}
    for vocabulary_id in sorted(used - {v.id for v in taxonomy.vocabularies}):
        problems.append(Problem(shown(path), 0, vocabulary_id, "deze vocabulaire ontbreekt in de taxonomie, maar velden gebruiken haar."))
    of_cases = case_vocabularies()
    for vocabulary in taxonomy.vocabularies:
        if vocabulary.index and vocabulary.id not in of_cases:
            problems.append(
                Problem(
                    shown(path),
                    document.line((vocabulary.id, "index")),
                    f"{vocabulary.id}.index",
                    "overzichtspagina's ('index: true') bestaan alleen voor kenmerken van praktijkvoorbeelden: "
                    f"{', '.join(of_cases)}. Haal 'index: true' hier weg.",
                )
            )
        for term in vocabulary.terms:
            if term.id in urls.RESERVED_NAMES:
                problems.append(
                    Problem(
                        shown(path),
                        document.line((vocabulary.id, "waarden", term.id)),
                        vocabulary.id,
                        f"'{term.id}' kan geen waarde zijn: die naam is nodig voor de pagina's van de site. Kies een andere.",
                    )
                )
    # Record on each vocabulary whether a case field takes several values (drives labels and filters).
    return Taxonomy(tuple(replace(v, multiple=of_cases.get(v.id, ((), False))[1]) for v in taxonomy.vocabularies)), problems


# --------------------------------------------------------------------------- collections


def _load_collection(collection: Collection, content_dir: Path, shown: Shown, run: _Run) -> None:
    if collection.layout == "list":
        path = content_dir / collection.source
        if not path.exists() and not path.is_symlink():
            if collection.required:
                run.problems.append(Problem(shown(path), 0, "", f"het bestand met {collection.folder} ontbreekt."))
            return
        document, found = read_yaml_file(path, shown(path))
        run.problems.extend(found)
        if document is not None:
            _list_items(collection, document, run)
        return

    directory = content_dir / collection.folder
    if not directory.exists():
        run.problems.append(Problem(shown(directory), 0, "", f"de map {collection.folder}/ ontbreekt."))
        return
    if file_kind_problem(directory, shown(directory)) is not None:
        return  # reported with the other entries of content/
    entries = [(Path(entry.path), _entry_problem(entry, collection, shown)) for entry in sorted(os.scandir(directory), key=lambda e: e.name)]
    # Reading and checking a file needs nothing from the other files: a helper process
    # takes the files from the end of the list while this one reads from the front.
    reading = SharedWork(partial(_read_item_file, collection, shown, run.taxonomy), "bestanden gelezen")
    reading.start([path for path, problem in entries if problem is None])
    try:
        for path, problem in entries:
            if problem is not None:
                run.problems.append(problem)
            else:
                run.add(reading.get(path)[0])
    finally:
        reading.finish()


def _entry_problem(entry: os.DirEntry, collection: Collection, shown: Shown) -> Problem | None:
    """Why an entry in a collection's folder is not an item file, or None when it is one."""
    path = Path(entry.path)
    kind = file_kind_problem(path, shown(path))
    if kind is not None:
        return kind
    if entry.name.startswith("."):
        return _dotfile(path, shown)
    if entry.is_dir(follow_symlinks=False) or path.suffix != ".md":
        return Problem(
            shown(path),
            0,
            "",
            f"in {collection.folder}/ horen alleen .md-bestanden (één per {collection.singular}); "
            "dit bestand zou niet op de site komen. Hernoem of verwijder het.",
        )
    return None


def _read_item_file(collection: Collection, shown: Shown, taxonomy: Taxonomy, path: Path) -> _Found:
    """What one item file gives: its problems, its item when valid, its keys and references."""
    run = _Run(taxonomy)
    # The file name is the id: references to an unreadable file are not errors of their own.
    run.keys[collection.folder].add(path.stem)
    document, found = read_markdown_file(path, shown(path))
    run.problems.extend(found)
    if document is not None:
        _file_item(collection, document, path.stem, not found, run)
    # Only what was found: the taxonomy stays behind (a helper would send it back with every file).
    return _Found(run.problems, run.items, run.keys, run.references, run.aliases)


def _file_item(collection: Collection, document: SourceDocument, stem: str, readable: bool, run: _Run) -> None:
    data = document.data
    if not isinstance(data, dict):
        run.problems.append(Problem(document.path, document.line(()), "", "de front matter moet velden bevatten (veld: waarde), bijv. 'titel: ...'."))
        return
    before = len(run.problems)
    if isinstance(data.get("id"), str):
        run.keys[collection.folder].add(data["id"])
        if data["id"] != stem:
            run.problems.append(
                Problem(
                    document.path,
                    document.line(("id",)),
                    "id",
                    f"het id '{data['id']}' verschilt van de bestandsnaam '{stem}.md'. Ze moeten gelijk zijn: "
                    f"hernoem het bestand naar '{data['id']}.md' of zet id op '{stem}'.",
                )
            )
    item = _validate(collection, data, document, (), run)
    if collection is CASES:
        run.problems.extend(typing_problems(data, document))
    if collection.body_required and not document.body.strip():
        run.problems.append(
            Problem(
                document.path,
                document.body_line,
                "tekst",
                "de tekst onder de front matter is leeg. Beschrijf het item met de kopjes "
                "'## Wat is er gedaan', '## Publieke waarde', '## Organisatie en samenwerking' en "
                "'## Lessen en overdraagbaarheid' (waar de bron dat toelaat).",
            )
        )
    page_url = urls.item_url(collection, data["id"]) if isinstance(data.get("id"), str) else ""
    for offset, message in markdown_problems(document.body, page_url):
        run.problems.append(Problem(document.path, document.body_line + offset, "tekst", message))
    if item is not None and readable and len(run.problems) == before:
        run.items[collection.folder].append(item.with_source(Source(document.path, document.body.strip("\n"), document.body_line)))


def _list_items(collection: Collection, document: SourceDocument, run: _Run) -> None:
    if not isinstance(document.data, list):
        run.problems.append(
            Problem(document.path, document.line(()), "", f"verwacht een lijst van {collection.folder}: begin elk item met '- {collection.key}: ...'.")
        )
        return
    seen: dict[Any, int] = {}
    for index, data in enumerate(document.data):
        path = (index,)
        if not isinstance(data, dict):
            run.problems.append(
                Problem(document.path, document.line(path), "", f"verwacht een {collection.singular} met velden, beginnend met '- {collection.key}: ...'.")
            )
            continue
        before = len(run.problems)
        key = data.get(collection.key)
        if isinstance(key, (str, int)) and not isinstance(key, bool):
            run.keys[collection.folder].add(key)
            if key in seen:
                run.problems.append(
                    Problem(
                        document.path,
                        document.line(path + (collection.key,)),
                        collection.key,
                        f"{collection.key} {key} komt al voor op regel {seen[key]}; twee {collection.folder} kunnen niet "
                        f"hetzelfde {collection.key} hebben.",
                    )
                )
            else:
                seen[key] = document.line(path + (collection.key,))
        item = _validate(collection, data, document, path, run)
        if item is not None and len(run.problems) == before:
            # The item's first line, for checks across items (its body is in the YAML fields).
            run.items[collection.folder].append(item.with_source(Source(document.path, "", document.line(path))))


def _validate(collection: Collection, data: dict, document: SourceDocument, base: tuple, run: _Run) -> Entry | None:
    """Check one item against its model plus the rules that span fields; collect its references."""
    item = None
    try:
        item = collection.model.model_validate(data, context={"taxonomy": run.taxonomy})
    except ValidationError as error:
        run.problems.extend(problems_from(error, collection.model, data, document, base))
    for path, shape, value in walk(collection.model, data):
        line = document.line(base + path)
        if shape.reference and (isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool))):
            run.references.append((shape.reference, value, Problem(document.path, line, dotted(base + path), "")))
        if shape.markdown and isinstance(value, str):
            # The text of a block scalar ('|' or '>') starts on the line after its indicator.
            first = line + 1 if base + path in document.block_scalars else line
            for offset, message in markdown_problems(value, headings=False):
                run.problems.append(Problem(document.path, first + offset, dotted(base + path), message))
    added, updated = _date(data.get("toegevoegd")), _date(data.get("bijgewerkt"))
    if added and updated and updated < added:
        run.problems.append(Problem(document.path, document.line(base + ("bijgewerkt",)), "bijgewerkt", f"bijgewerkt ({updated}) ligt vóór toegevoegd ({added}); dat kan niet."))
    bron = data.get("bron")
    if isinstance(bron, dict) and not bron.get("rapport") and not bron.get("links"):
        run.problems.append(Problem(document.path, document.line(base + ("bron",)), dotted(base + ("bron",)), "noem minstens een sectie van het rapport (rapport) of een webpagina (links)."))
    if issubclass(collection.model, Item) or collection is MUNICIPALITIES:
        for name in ("id", "aliassen"):
            values = data.get(name) if name == "aliassen" else [data.get(name)]
            for index, value in enumerate(values if isinstance(values, list) else []):
                if name == "aliassen" and isinstance(value, str) and isinstance(data.get("id"), str):
                    at = base + ("aliassen", index)
                    run.aliases.append((collection.folder, data["id"], value, Problem(document.path, document.line(at), dotted(at), "")))
                if isinstance(value, str) and urls.is_reserved(collection, value, run.taxonomy):
                    at = base + ((name, index) if name == "aliassen" else (name,))
                    run.problems.append(
                        Problem(document.path, document.line(at), dotted(at), f"'{value}' is gereserveerd voor een pagina van de site ({urls.reserved_reason(collection, value, run.taxonomy)}). Kies een ander id.")
                    )
    return item


def _date(value: Any) -> date | None:
    """A valid date written as JJJJ-MM-DD, else None (its own problem is reported by the contract)."""
    if isinstance(value, str) and DATE.fullmatch(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


# --------------------------------------------------------------------------- references


def _reference_problems(run: _Run) -> list[Problem]:
    problems = []
    by_folder = {c.folder: c for c in COLLECTIONS}
    for folder, key, where in run.references:
        if key in run.keys[folder]:
            continue
        target = by_folder[folder]
        existing = sorted(run.keys[folder], key=str)
        if target.key == "nummer":
            hint = f" Bestaande nummers: {', '.join(map(str, existing))}." if existing else ""
            message = f"{target.singular} {key} bestaat niet in content/{target.source}.{hint}"
        else:
            message = (
                f"'{key}' bestaat niet in {folder}.{suggestion(key, [str(k) for k in existing])}"
                f" Gebruik het id van een bestaand item (de bestandsnaam zonder .md"
                f"{', of het id in content/gemeenten.yaml' if target is MUNICIPALITIES else ''})."
            )
        problems.append(replace(where, message=message))
    return problems


def _alias_problems(run: _Run) -> list[Problem]:
    """An old id may not be the id (or old id) of another item: its URL would point two ways."""
    problems = []
    owners: dict[tuple[str, str], str] = {(folder, key): key for folder, keys in run.keys.items() for key in keys if isinstance(key, str)}
    for folder, item_id, alias, where in run.aliases:
        owner = owners.setdefault((folder, alias), item_id)
        if owner != item_id or alias == item_id:
            problems.append(
                replace(
                    where,
                    message=f"'{alias}' is al het id of oude id van '{owner}' in {folder}; een oud adres kan maar naar één pagina verwijzen.",
                )
            )
    return problems


def _output_problems(kennisbank: Kennisbank, content_prefix: str) -> list[Problem]:
    """Every file the site will hold has exactly one owner; two claims on one path is an error."""
    from .site_plan import output_collisions

    return [Problem(first, 0, "", message) for first, message in output_collisions(kennisbank, content_prefix)]


DUPLICATE_SIMILARITY = 0.8


def likely_duplicates(kennisbank: Kennisbank) -> list[Problem]:
    """Warn (not fail) when a case repeats another of the same municipality under a very similar title.

    Compared within each municipality only, so the cost stays linear in practice.
    """
    warnings = []
    by_municipality: dict[str, list[Any]] = {}
    for case in kennisbank.cases:
        for municipality in case.gemeenten:
            by_municipality.setdefault(municipality, []).append(case)
    flagged: set[str] = set()
    for municipality, cases in by_municipality.items():
        name = kennisbank.municipality(municipality).naam
        titles = {c.id: _bare_title(c.titel, name) for c in cases}
        # One matcher per newer title: difflib prepares its second sequence once, not per pair.
        matchers: dict[str, difflib.SequenceMatcher] = {}
        for index, first in enumerate(cases):
            for second in cases[index + 1 :]:
                older, newer = sorted((first, second), key=lambda c: (c.toegevoegd, c.id))
                if newer.id in flagged:
                    continue  # one warning per case is enough
                matcher = matchers.get(newer.id) or matchers.setdefault(newer.id, difflib.SequenceMatcher(None, "", titles[newer.id]))
                matcher.set_seq1(titles[older.id])
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
