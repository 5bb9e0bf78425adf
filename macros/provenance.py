"""Where each typing of a case comes from: rules that span the facet fields and ``typering``.

A case says for every facet with a value whether the report types it so (with the
section) or the editors do (with a reason). A facet without a value is shown as
"onbekend", a value readers can see and filter on; writing it explicitly is not needed.
"""

from __future__ import annotations

from typing import Any

from .messages import dotted
from .model import case_vocabularies
from .problems import Problem, allowed_list, suggestion
from .taxonomy import UNKNOWN
from .yamlsource import SourceDocument


def facet_paths() -> dict[str, str]:
    """Facet field as editors write it (``aard.gericht_op``) -> its vocabulary (``aard_gericht_op``)."""
    return {".".join(path): vocabulary for vocabulary, (path, _multiple) in case_vocabularies().items()}


def _value_at(data: dict, dotted_path: str) -> Any:
    value: Any = data
    for name in dotted_path.split("."):
        value = value.get(name) if isinstance(value, dict) else None
    return value


def typing_problems(data: dict, document: SourceDocument) -> list[Problem]:
    """Every facet value has its source, every source its value, and 'onbekend' stays implicit."""
    problems = []
    paths = facet_paths()
    typering = data.get("typering")
    typering = typering if isinstance(typering, dict) else {}

    def problem(path: tuple, message: str) -> None:
        problems.append(Problem(document.path, document.line(path), dotted(path), message))

    for name in typering:
        if name not in paths:
            problem(("typering", name), f"'{name}' is geen kenmerk.{suggestion(str(name), list(paths))} Kenmerken: {allowed_list(paths)}.")
    for name in paths:
        value = _value_at(data, name)
        path = tuple(name.split("."))
        values = value if isinstance(value, list) else ([value] if value is not None else [])
        if UNKNOWN in values:
            problem(path, f"laat '{name}' weg als er niets over te zeggen is: een kenmerk zonder waarde staat op de site als 'onbekend'.")
            continue
        if values and name not in typering:
            problem(
                path,
                f"waar komt deze typering vandaan? Zet onder 'typering' een regel '{name}: {{rapport: \"5.1.3\"}}' "
                f"(met de sectie van het rapport) of '{name}: {{redactie: <korte reden>}}'.",
            )
        elif not values and name in typering:
            problem(("typering", name), f"'{name}' heeft geen waarde; vul '{name}' in of haal deze regel weg.")
    return problems
