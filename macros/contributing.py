"""The field tables in CONTRIBUTING.md, written from the content contract.

Each table stands between two marker lines; ``scripts/schemas.py`` rewrites what is
between them, and a test checks that CONTRIBUTING says what the contract says.
"""

from __future__ import annotations

import re

from pydantic import BaseModel

from .contract import COLLECTIONS, Collection
from .fields import shapes
from .taxonomy import Taxonomy

_SECTION = re.compile(r"(<!-- velden: (?P<folder>[a-z_]+) -->\n)(?P<table>.*?)(<!-- einde velden -->)", re.S)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def field_table(model: type[BaseModel], taxonomy: Taxonomy) -> str:
    """A Markdown table of the fields of a model: name, required, explanation and allowed values."""
    rows = ["| veld | verplicht | wat vult u in |", "|---|---|---|"]

    def add(model: type[BaseModel], prefix: str) -> None:
        for shape in shapes(model):
            name = f"{prefix}{shape.name}"
            record = shape.record
            explanation = shape.description
            if shape.vocabulary and shape.vocabulary in taxonomy:
                explanation += " Toegestaan: " + ", ".join(f"`{t}`" for t in taxonomy[shape.vocabulary].ids()) + "."
            if shape.multiple and record is None:
                explanation += " Een lijst."
            rows.append(f"| `{name}` | {'ja' if shape.required else 'nee'} | {_cell(explanation)} |")
            if record is not None and not shape.multiple:
                add(record, f"{name}.")
            elif record is not None:
                rows.extend(
                    f"| `{name}[].{sub.name}` | {'ja' if sub.required else 'nee'} | {_cell(sub.description)} |" for sub in shapes(record)
                )

    add(model, "")
    return "\n".join(rows) + "\n"


def _collection(folder: str) -> Collection:
    return next(c for c in COLLECTIONS if c.folder == folder)


def rewrite(text: str, taxonomy: Taxonomy) -> str:
    """CONTRIBUTING's text with every marked field table made anew."""
    return _SECTION.sub(lambda m: m.group(1) + field_table(_collection(m.group("folder")).model, taxonomy) + m.group(4), text)


def stale_sections(text: str, taxonomy: Taxonomy) -> list[str]:
    """The folders whose table in CONTRIBUTING no longer matches the contract."""
    return [
        m.group("folder")
        for m in _SECTION.finditer(text)
        if m.group("table") != field_table(_collection(m.group("folder")).model, taxonomy)
    ]
