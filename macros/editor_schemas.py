"""JSON Schemas for editors, generated from the content contract and the taxonomy.

Editors such as VS Code read them to autocomplete field names and allowed values and
to show the explanation of each. They are a convenience: the validator stays the
authority (it also checks references, dates and the Markdown body).
"""

from __future__ import annotations

import json
from typing import Any

from .contract import COLLECTIONS, Collection, fields_in_order
from .taxonomy import Taxonomy

SCHEMA_DIR = "schemas"


def schema_file(collection: Collection) -> str:
    return f"{SCHEMA_DIR}/{collection.folder}.schema.json"


def _editor_view(node: Any, taxonomy: Taxonomy, definitions: dict[str, Any]) -> Any:
    """pydantic's schema, made for editors: enums from the taxonomy, no null option, no titles."""
    if isinstance(node, list):
        return [_editor_view(item, taxonomy, definitions) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        resolved = _editor_view(definitions[name], taxonomy, definitions)
        return {**resolved, **{k: v for k, v in node.items() if k not in ("$ref",)}}
    node = dict(node)
    if "anyOf" in node:
        # Optional fields may be left out, not left empty: drop the null alternative.
        options = [o for o in node.pop("anyOf") if o.get("type") != "null"]
        if len(options) == 1:
            node = {**options[0], **node}
        else:
            node["anyOf"] = options
    node.pop("title", None)
    node.pop("default", None)
    vocabulary = node.get("x-vocabulaire")
    if vocabulary and vocabulary in taxonomy:
        terms = taxonomy[vocabulary].terms
        node["enum"] = [t.id for t in terms]
        node["markdownEnumDescriptions"] = [f"**{t.label}**: {t.uitleg}" for t in terms]
    if "prefixItems" not in node and node.get("type") == "array" and "maxItems" not in node:
        node.setdefault("minItems", 1)
    return {key: _editor_view(value, taxonomy, definitions) for key, value in node.items()}


def model_schema(collection: Collection, taxonomy: Taxonomy) -> dict[str, Any]:
    raw = collection.model.model_json_schema(mode="validation")
    definitions = raw.pop("$defs", {})
    item = _editor_view(raw, taxonomy, definitions)
    order = fields_in_order(collection.model)
    item["properties"] = {name: item["properties"][name] for name in order}
    return item


def collection_schema(collection: Collection, taxonomy: Taxonomy) -> dict[str, Any]:
    item = model_schema(collection, taxonomy)
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
