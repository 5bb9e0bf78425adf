"""Read the contract's declarations: what shape each field has and which markers it carries.

The loader (references, Markdown fields), the model (facets, relations), the open
data and the editor tools all ask these questions; they are answered here once,
from the pydantic models in :mod:`macros.contract`.
"""

from __future__ import annotations

import types
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any, Iterator, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from .contract import MarkdownText, Record, Reference, Vocabulary, fields_in_order


@dataclass(frozen=True)
class Shape:
    """One declared field."""

    name: str
    description: str
    required: bool
    multiple: bool  # a list of values
    base: Any  # str, int, date, or a Record subclass
    markers: tuple[Any, ...]
    mapping: bool = False  # a block of named values of the same kind (e.g. typering)

    @property
    def record(self) -> type[Record] | None:
        return self.base if isinstance(self.base, type) and issubclass(self.base, Record) else None

    def marker(self, kind: type) -> Any:
        return next((m for m in self.markers if isinstance(m, kind)), None)

    @property
    def vocabulary(self) -> str | None:
        marker = self.marker(Vocabulary)
        return marker.name if marker else None

    @property
    def reference(self) -> str | None:
        marker = self.marker(Reference)
        return marker.collection if marker else None

    @property
    def markdown(self) -> bool:
        return self.marker(MarkdownText) is not None


def _unwrap(annotation: Any, metadata: list[Any]) -> tuple[Any, bool, bool, tuple[Any, ...]]:
    markers = list(metadata)
    multiple = mapping = False
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation, *extra = get_args(annotation)
            markers.extend(extra)
        elif origin in (Union, types.UnionType):
            annotation = next(a for a in get_args(annotation) if a is not type(None))
        elif origin is tuple:
            annotation = get_args(annotation)[0]
            multiple = True
        elif origin is dict:
            annotation = get_args(annotation)[1]
            mapping = True
        else:
            return annotation, multiple, mapping, tuple(markers)


@cache
def shapes(model: type[BaseModel]) -> tuple[Shape, ...]:
    """The fields of a model, in the order editors write them."""
    result = []
    for name in fields_in_order(model):  # type: ignore[arg-type]
        info = model.model_fields[name]
        base, multiple, mapping, markers = _unwrap(info.annotation, list(info.metadata))
        required = info.is_required()
        result.append(Shape(name, info.description or "", required, multiple, base, markers, mapping))
    return tuple(result)


def shape_of(model: type[BaseModel], name: str) -> Shape | None:
    return next((s for s in shapes(model) if s.name == name), None)


def model_at(model: type[BaseModel], path: tuple) -> type[BaseModel] | None:
    """The record model that holds the value at ``path`` (list indexes are skipped)."""
    current: type[BaseModel] | None = model
    for part in path:
        if isinstance(part, int) or current is None:
            continue
        shape = shape_of(current, part)
        current = shape.record if shape else None
    return current


def shape_at(model: type[BaseModel], path: tuple) -> Shape | None:
    """The declaration of the field at ``path`` (its last name part)."""
    names = [p for p in path if not isinstance(p, int)]
    if not names:
        return None
    holder = model_at(model, tuple(path[: max(i for i, p in enumerate(path) if not isinstance(p, int))]))
    return shape_of(holder, names[-1]) if holder else None


def leaves(model: type[BaseModel], prefix: tuple = ()) -> Iterator[tuple[tuple, Shape]]:
    """Every declared field that holds values (not records), nested records included."""
    for shape in shapes(model):
        if shape.record is not None:
            yield from leaves(shape.record, prefix + (shape.name,))
        else:
            yield prefix + (shape.name,), shape


def walk(model: type[BaseModel], data: Any, path: tuple = ()) -> Iterator[tuple[tuple, Shape, Any]]:
    """Every leaf value in ``data`` (raw YAML data or a validated record) with its declaration.

    Values of the wrong shape are skipped: validation reports them; this walk only
    serves what can be read, so that references of a file with errors still count.
    """
    for shape in shapes(model):
        value = getattr(data, shape.name, None) if isinstance(data, BaseModel) else (data.get(shape.name) if isinstance(data, dict) else None)
        if value is None:
            continue
        if shape.mapping:
            values = list(value.items()) if isinstance(value, dict) else []
        elif shape.multiple:
            values = list(enumerate(value)) if isinstance(value, (list, tuple)) else []
        else:
            values = [(None, value)]
        for index, item in values:
            item_path = path + (shape.name,) + (() if index is None else (index,))
            if shape.record is not None:
                yield from walk(shape.record, item, item_path)
            else:
                yield item_path, shape, item


def has_default(model: type[BaseModel], name: str) -> bool:
    info = model.model_fields[name]
    return info.default is not PydanticUndefined or info.default_factory is not None
