"""Open data: every collection with pages as JSON and CSV, with a JSON Schema.

The columns are derived from the content contract (:mod:`macros.contract`): a
field declared there is exported here, with its explanation, without a second
declaration. The JSON, the CSV, the JSON Schema and the column table on the
"Open data" page are all made from the same columns.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import date
from typing import Any, Callable

from . import urls
from .contract import ADVICES, CASES, LEARNING_LINES, MUNICIPALITIES, RISKS, Collection, Item
from .fields import Shape, shapes
from .model import Kennisbank

LIST_SEPARATOR = " | "  # between several values in one CSV cell
EXPORT_DIR = "open-data"
FEED = f"{EXPORT_DIR}/praktijkvoorbeelden-feed.xml"
# A spreadsheet runs a cell that starts with one of these as a formula (OWASP: CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Column:
    name: str
    uitleg: str
    kind: str  # "string", "integer", "date", "uri", "list", "text"
    value: Callable[[Any], Any]
    required: bool = True

    def json_schema(self) -> dict:
        if self.kind == "list":
            return {"type": "array", "items": {"type": "string"}, "description": self.uitleg}
        schema: dict[str, Any] = {"type": "integer" if self.kind == "integer" else "string", "description": self.uitleg}
        if self.kind == "date":
            schema["format"] = "date"
        if self.kind == "uri":
            schema["format"] = "uri"
        if not self.required:
            schema["type"] = [schema["type"], "null"]
        return schema


def _kind(shape: Shape) -> str:
    if shape.multiple:
        return "list"
    if shape.markdown:
        return "text"
    return {int: "integer", date: "date"}.get(shape.base, "string")


def _getter(path: tuple[str, ...], export_key: str | None = None) -> Callable[[Any], Any]:
    def value(item: Any) -> Any:
        for name in path:
            item = getattr(item, name)
            if item is None:
                return None
        if export_key is not None:
            return tuple(getattr(record, export_key) for record in item)
        return item

    return value


def _named(name: str) -> Callable[[Any], Any]:
    return lambda item: tuple(f"{key}: {value}" for key, value in getattr(item, name).items())


def columns_of(collection: Collection) -> tuple[Column, ...]:
    """Every field of the collection's model as a column: records flattened, lists joined."""
    columns = [
        # Every row has an id, also where the item is known by its number (advies-12).
        Column("id", "Vast id van het item; verandert nooit.", "string", _getter(("id",))),
        Column("url", "Het vaste webadres van de pagina.", "uri", lambda item: _page_url(collection, item)),
    ]
    for shape in shapes(collection.model):
        if shape.name == "id":
            continue
        record = shape.record
        if shape.mapping:
            # A block of named values (typering): one list entry per name, "name: value".
            columns.append(Column(shape.name, shape.description, "list", _named(shape.name)))
        elif record is not None and not shape.multiple:
            for sub in shapes(record):
                sub_record = sub.record
                columns.append(
                    Column(
                        f"{shape.name}_{sub.name}",
                        sub.description,
                        "list" if sub.multiple else _kind(sub),
                        _getter((shape.name, sub.name), sub_record.export_key if sub_record is not None else None),
                        required=sub.multiple or (sub.required and shape.required),
                    )
                )
        elif record is not None:
            columns.append(Column(shape.name, shape.description, "list", _getter((shape.name,), record.export_key)))
        else:
            columns.append(Column(shape.name, shape.description, _kind(shape), _getter((shape.name,)), required=shape.required or shape.multiple))
    if issubclass(collection.model, Item):
        columns.append(Column("tekst", "De volledige tekst, in Markdown.", "text", lambda item: item.body))
    return tuple(columns)


def _page_url(collection: Collection, item: Any) -> str:
    if collection is ADVICES:
        return urls.advice_url(item.nummer)
    return urls.item_url(collection, item.id)


@dataclass(frozen=True)
class Export:
    collection: Collection
    titel: str

    @property
    def name(self) -> str:
        return self.collection.folder

    @property
    def columns(self) -> tuple[Column, ...]:
        return columns_of(self.collection)

    def rows(self, kennisbank: Kennisbank, page_url: Callable[[str], str]) -> list[dict[str, Any]]:
        columns = self.columns
        rows = []
        for item in kennisbank.items[self.collection.folder]:
            row = {}
            for column in columns:
                value = column.value(item)
                if column.kind == "uri":
                    value = page_url(value)
                if isinstance(value, tuple):
                    value = [str(v) for v in value]
                elif hasattr(value, "isoformat"):
                    value = value.isoformat()
                row[column.name] = value
            rows.append(row)
        return rows

    def to_json(self, kennisbank: Kennisbank, page_url: Callable[[str], str]) -> str:
        return json.dumps(self.rows(kennisbank, page_url), ensure_ascii=False, indent=1) + "\n"

    def to_csv(self, kennisbank: Kennisbank, page_url: Callable[[str], str]) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow([c.name for c in self.columns])
        for row in self.rows(kennisbank, page_url):
            writer.writerow([csv_cell(LIST_SEPARATOR.join(v) if isinstance(v, list) else ("" if v is None else v)) for v in row.values()])
        return buffer.getvalue()

    def schema(self, base_url: str) -> str:
        columns = self.columns
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"{base_url}{EXPORT_DIR}/{self.name}.schema.json",
            "title": f"{self.titel} (open data van de Kennisbank datagedreven sturing)",
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": [c.name for c in columns],
                "properties": {c.name: c.json_schema() for c in columns},
            },
        }
        return json.dumps(schema, ensure_ascii=False, indent=1) + "\n"


def csv_cell(value: Any) -> Any:
    """A cell a spreadsheet shows as text: a leading formula character gets a quote before it."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


EXPORTS = (
    Export(CASES, "Praktijkvoorbeelden"),
    Export(LEARNING_LINES, "Leerlijnen"),
    Export(RISKS, "Risicokaarten"),
    Export(ADVICES, "Adviezen"),
    Export(MUNICIPALITIES, "Gemeenten"),
)


def export_paths() -> list[str]:
    paths = [f"{EXPORT_DIR}/{e.name}.{suffix}" for e in EXPORTS for suffix in ("json", "csv", "schema.json")]
    return paths + [f"{EXPORT_DIR}/taxonomie.json", FEED]


def export_files(kennisbank: Kennisbank, base_url: str) -> dict[str, str]:
    """File path in the site -> content, for every export (the feed is made by the renderer)."""

    def page_url(site_relative: str) -> str:
        return base_url + site_relative

    files = {}
    for export in EXPORTS:
        stem = f"{EXPORT_DIR}/{export.name}"
        files[f"{stem}.json"] = export.to_json(kennisbank, page_url)
        files[f"{stem}.csv"] = export.to_csv(kennisbank, page_url)
        files[f"{stem}.schema.json"] = export.schema(base_url)
    files[f"{EXPORT_DIR}/taxonomie.json"] = json.dumps(
        {
            v.id: {"label": v.label, "uitleg": v.uitleg, "waarden": {t.id: {"label": t.label, "uitleg": t.uitleg} for t in v.terms}}
            for v in kennisbank.taxonomy.vocabularies
        },
        ensure_ascii=False,
        indent=1,
    ) + "\n"
    return files
