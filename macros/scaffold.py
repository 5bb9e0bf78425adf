"""Write a new content file with every field, each explained, ready to validate.

Used by ``scripts/nieuw.py``. Required fields get the values the editor gave; optional
fields are present as comments with their explanation and allowed values, so that
the file itself is the guide.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Any

import yaml
from jinja2 import Environment, PackageLoader, StrictUndefined

from .contract import CASES, DATE, LEARNING_LINES, RISKS, Collection, Record
from .editor_markdown import PLACEHOLDER
from .editor_schemas import schema_comment
from .fields import Shape, shapes
from .taxonomy import Taxonomy


@dataclass(frozen=True)
class Kind:
    """A kind of item that can be scaffolded."""

    name: str  # as typed on the command line
    collection: Collection
    headings: tuple[tuple[str, str], ...]  # body headings with a hint for the editor


KINDS = {
    "praktijkvoorbeeld": Kind(
        "praktijkvoorbeeld",
        CASES,
        (
            ("Wat is er gedaan", "Beschrijf het project: aanleiding, aanpak, gebruikte data en wat het opleverde."),
            ("Publieke waarde", "Hoe draagt het bij: efficiënter, effectiever of vernieuwend? Voor wie?"),
            ("Organisatie en samenwerking", "Wie deed wat, binnen de gemeente en met welke partners?"),
            ("Lessen en overdraagbaarheid", "Wat heeft een andere gemeente nodig om dit ook te doen? Wat zou u anders doen?"),
        ),
    ),
    "risicokaart": Kind(
        "risicokaart",
        RISKS,
        (
            ("Het risico", "Wat kan er misgaan, en voor wie?"),
            ("Waar het speelt", "In welke projecten of domeinen komt het voor?"),
            ("Hoe gemeenten ermee omgaan", "Welke maatregelen en afspraken helpen?"),
        ),
    ),
    "leerlijn": Kind(
        "leerlijn",
        LEARNING_LINES,
        (
            ("Wat het is", "Wat voor leren is dit?"),
            ("Wanneer het past", "In welke situatie werkt deze manier van leren goed?"),
            ("Voorbeelden", "Welke gemeenten doen dit, en hoe?"),
        ),
    ),
}


def slugify(title: str, max_length: int = 60) -> str:
    """An id from a title: 'Groningen: fraude voorspellen' -> 'groningen-fraude-voorspellen'."""
    text = unicodedata.normalize("NFKD", title.replace("’", "").replace("'", "")).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug or "nieuw"


def _flow(value: Any) -> str:
    """A YAML value on one line, quoted where YAML would otherwise misread it."""
    if isinstance(value, str) and DATE.fullmatch(value):
        return value  # dates are read as text by the validator; no quotes needed
    return yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10_000).strip().removesuffix("...").strip()


def _allowed(shape: Shape, taxonomy: Taxonomy) -> str:
    if shape.vocabulary and shape.vocabulary in taxonomy:
        return "Toegestaan: " + ", ".join(taxonomy[shape.vocabulary].ids()) + "."
    return ""


def _lines(model: type[Record], values: dict[str, Any], taxonomy: Taxonomy, indent: str = "") -> list[str]:
    lines = []
    for shape in shapes(model):
        explanation = " ".join(part for part in (shape.description, _allowed(shape, taxonomy)) if part)
        lines.append(f"{indent}# {explanation}" + ("" if shape.required else " Mag weg."))
        record = shape.record
        if shape.name in values:
            value = values[shape.name]
            if record is not None and not shape.multiple and not shape.mapping and isinstance(value, dict):
                lines.append(f"{indent}{shape.name}:")
                lines.extend(_lines(record, value, taxonomy, indent + "  "))
            else:
                lines.append(f"{indent}{shape.name}: {_flow(value)}")
        elif record is not None and not shape.multiple and not shape.mapping:
            lines.append(f"{indent}# {shape.name}:")
            lines.extend(f"{indent}#   {sub.name}: " for sub in shapes(record))
        else:
            lines.append(f"{indent}# {shape.name}: ")
    return lines


def new_file(kind: Kind, values: dict[str, Any], taxonomy: Taxonomy, today: date) -> str:
    """The text of a new content file; ``values`` holds at least every required field except dates."""
    values = {**values, "toegevoegd": today.isoformat(), "bijgewerkt": today.isoformat()}
    environment = Environment(loader=PackageLoader("macros", "templates"), undefined=StrictUndefined, keep_trailing_newline=True)
    return environment.get_template("nieuw.md").render(
        schema=schema_comment(kind.collection, depth=2),
        front_matter="\n".join(_lines(kind.collection.model, values, taxonomy)),
        headings=kind.headings,
        placeholder=PLACEHOLDER,
    )
