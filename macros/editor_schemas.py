"""JSON Schemas for editors, generated from the field declarations and the taxonomy.

Editors such as VS Code read them to autocomplete field names and allowed values and
to show the explanation of each. They are a convenience: the validator stays the
authority (it also checks references, dates and the Markdown body).
"""

from __future__ import annotations

import json
from typing import Any

from .schema import (
    COLLECTIONS,
    DATE,
    SECTION,
    Choice,
    Collection,
    Date,
    Field,
    Identifier,
    Integer,
    Kind,
    ListOf,
    Record,
    Ref,
    Section,
    StoryPage,
    STORY_PAGE,
    Text,
    Url,
)
from .taxonomy import SLUG, Taxonomy

SCHEMA_DIR = "schemas"


def schema_file(collection: Collection) -> str:
    return f"{SCHEMA_DIR}/{collection.name}.schema.json"


def _kind_schema(kind: Kind, taxonomy: Taxonomy) -> dict[str, Any]:
    if isinstance(kind, ListOf):
        return {"type": "array", "minItems": 1, "uniqueItems": True, "items": _kind_schema(kind.item, taxonomy)}
    if isinstance(kind, Record):
        return _object_schema(kind.fields, taxonomy)
    if isinstance(kind, Choice):
        vocabulary = taxonomy[kind.vocabulary]
        return {
            "enum": vocabulary.ids(),
            "markdownEnumDescriptions": [f"**{t.label}**: {t.uitleg}" for t in vocabulary.terms],
        }
    if isinstance(kind, Ref):
        if kind.numbered:
            return {"type": "integer", "minimum": 1}
        return {"type": "string", "pattern": SLUG.pattern}
    if isinstance(kind, Identifier):
        return {"type": "string", "pattern": SLUG.pattern}
    if isinstance(kind, Integer):
        return {"type": "integer", "minimum": kind.minimum, "maximum": kind.maximum}
    if isinstance(kind, Date):
        return {"type": "string", "pattern": DATE.pattern, "format": "date"}
    if isinstance(kind, Url):
        return {"type": "string", "format": "uri", "pattern": "^https?://"}
    if isinstance(kind, Section):
        return {"type": "string", "pattern": SECTION.pattern}
    if isinstance(kind, StoryPage):
        return {"type": "string", "pattern": STORY_PAGE.pattern}
    if isinstance(kind, Text):
        schema: dict[str, Any] = {"type": "string", "minLength": 1}
        if kind.max_length:
            schema["maxLength"] = kind.max_length
        return schema
    raise TypeError(f"no JSON Schema for {type(kind).__name__}")


def _object_schema(fields: tuple[Field, ...], taxonomy: Taxonomy) -> dict[str, Any]:
    properties = {}
    for spec in fields:
        prop = _kind_schema(spec.kind, taxonomy)
        prop["description"] = spec.uitleg
        properties[spec.name] = prop
    return {
        "type": "object",
        "additionalProperties": False,
        "required": [f.name for f in fields if f.required],
        "properties": properties,
    }


def collection_schema(collection: Collection, taxonomy: Taxonomy) -> dict[str, Any]:
    item = _object_schema(collection.fields, taxonomy)
    title = f"Kennisbank datagedreven sturing: {collection.singular}"
    if collection.layout == "list":
        return {"$schema": "http://json-schema.org/draft-07/schema#", "title": f"{title}s (lijst)", "type": "array", "items": item}
    return {"$schema": "http://json-schema.org/draft-07/schema#", "title": f"{title} (front matter)", **item}


def editor_schemas(taxonomy: Taxonomy) -> dict[str, str]:
    """Repository path -> JSON text, for every collection."""
    return {
        schema_file(c): json.dumps(collection_schema(c, taxonomy), ensure_ascii=False, indent=2) + "\n"
        for c in COLLECTIONS
    }


def schema_comment(collection: Collection, depth: int) -> str:
    """The first line of a content file that tells editors which schema applies."""
    return f"# yaml-language-server: $schema={'../' * depth}{schema_file(collection)}"
