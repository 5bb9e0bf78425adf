"""Turn pydantic's validation errors into Dutch messages at the right line.

pydantic reports where (``loc``) and what (``type``); the editor needs the file,
the line, the field in their own notation and what to do. The line comes from
the YAML node tree (as check-jsonschema does with ``absolute_path``).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError

from .fields import model_at, shape_at, shapes
from .problems import Problem, allowed_list, suggestion
from .yamlsource import SourceDocument


def dotted(path: tuple) -> str:
    """``("bron", "links", 0, "url")`` -> ``bron.links[0].url``.

    A leading list index (the n-th advice in adviezen.yaml) is left out: the line
    number already says which item it is.
    """
    shown = ""
    if path and isinstance(path[0], int):
        path = path[1:]
    for part in path:
        shown += f"[{part}]" if isinstance(part, int) else (f".{part}" if shown else str(part))
    return shown


def describe(value: Any) -> str:
    if value is None:
        return "niets (een leeg veld)"
    if isinstance(value, bool):
        return "een ja/nee-waarde"
    if isinstance(value, (int, float)):
        return f"het getal {value}"
    if isinstance(value, str):
        return f"de tekst '{value[:60]}'"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, dict):
        return "een blok met velden"
    return type(value).__name__


def _value_at(data: Any, loc: tuple) -> Any:
    for part in loc:
        if isinstance(data, dict) and isinstance(part, str):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            return None
    return data


def problems_from(
    error: ValidationError, model: type[BaseModel], data: Any, document: SourceDocument, base: tuple = ()
) -> list[Problem]:
    """One problem per error, with follow-up errors of the same value left out."""
    errors = error.errors(include_url=False, include_input=False)
    failed = {tuple(e["loc"]) for e in errors if e["type"] not in ("too_short",)}
    problems = []
    for entry in errors:
        loc = tuple(entry["loc"])
        # "The list is too short" after an item of it failed says nothing new.
        if entry["type"] == "too_short" and any(f[: len(loc)] == loc and len(f) > len(loc) for f in failed):
            continue
        path = base + loc
        message = _message(entry, model, loc, _value_at(data, loc), document, path)
        problems.append(Problem(document.path, document.line(path), dotted(path), message))
    return problems


def _message(entry: Any, model: type[BaseModel], loc: tuple, value: Any, document: SourceDocument, path: tuple) -> str:
    kind, context = entry["type"], entry.get("ctx") or {}
    if kind == "kennisbank":
        return entry["msg"]
    if kind == "missing":
        shape = shape_at(model, loc)
        return f"dit verplichte veld ontbreekt. {shape.description if shape else ''}".strip()
    if kind == "extra_forbidden":
        holder = model_at(model, loc[:-1])
        known = [s.name for s in shapes(holder)] if holder else []
        return f"onbekend veld.{suggestion(str(loc[-1]), known)} Toegestane velden hier: {allowed_list(known)}."
    if kind in ("string_too_short", "too_short"):
        return "dit veld is leeg; vul een waarde in of laat het veld weg als het niet verplicht is." if kind == "string_too_short" else "de lijst is leeg; vul minstens één waarde in of laat het veld weg."
    if kind == "string_too_long":
        length = len(value.strip()) if isinstance(value, str) else "te veel"
        return f"de tekst is {length} tekens lang; het maximum is {context.get('max_length')}. Maak hem korter."
    if kind in ("greater_than_equal", "less_than_equal"):
        shape = shape_at(model, loc)
        low, high = _bounds(shape)
        return f"{value} valt buiten het toegestane bereik {low} t/m {high}."
    if isinstance(value, bool):
        written = document.raw_scalars.get(path, str(value).lower())
        return f"'{written}' leest YAML als ja/nee-waarde, niet als {_expected(kind)}. Zet de waarde tussen aanhalingstekens: \"{written}\"."
    if kind in ("tuple_type", "list_type"):
        if value is None:
            return "de lijst is leeg; vul minstens één waarde in of laat het veld weg."
        if isinstance(value, (str, int)):
            return f"verwacht een lijst. Zet '- ' voor elke waarde, ook als er maar één is:\n    {loc[-1]}:\n      - {value}"
    if kind == "string_type":
        if value is None:
            return "dit veld is leeg; vul een tekst in of laat het veld weg als het niet verplicht is."
        if isinstance(value, int):
            written = document.raw_scalars.get(path, str(value))
            return f"verwacht tekst, maar YAML las een getal. Zet de waarde tussen aanhalingstekens: \"{written}\"."
        if isinstance(value, list):
            return "verwacht één waarde, geen lijst. Kies de waarde die het best past."
    if kind in ("int_type", "int_parsing") and isinstance(value, str) and value.strip().isdigit():
        return f"verwacht een getal zonder aanhalingstekens: {value.strip()}."
    return f"verwacht {_expected(kind)}, maar vond {describe(value)}."


def _expected(kind: str) -> str:
    return {
        "string_type": "tekst",
        "int_type": "een geheel getal",
        "int_parsing": "een geheel getal",
        "date_type": "een datum als JJJJ-MM-DD (bijv. 2018-03-01)",
        "tuple_type": "een lijst",
        "list_type": "een lijst",
        "model_type": "een blok met velden",
        "dict_type": "een blok met velden",
        "model_attributes_type": "een blok met velden",
    }.get(kind, "een andere waarde")


def _bounds(shape: Any) -> tuple[Any, Any]:
    low = high = "?"
    for marker in shape.markers if shape else ():
        low = getattr(marker, "ge", low) if getattr(marker, "ge", None) is not None else low
        high = getattr(marker, "le", high) if getattr(marker, "le", None) is not None else high
    return low, high
