"""One declaration per field: the contract drives validation, model, exports, schemas and guides.

The main test adds an optional field to the case model in one place (a subclass
made at run time) and shows that it is then validated, kept in the model,
exported as a column, offered in the editor schema, listed in CONTRIBUTING's
field table and written by the scaffold, without a second declaration anywhere.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated

import pytest
from annotated_types import MaxLen
from pydantic import Field, create_model

from macros import contract, load
from macros.contract import CASES, COLLECTIONS, Text, fields_in_order
from macros.contributing import field_table
from macros.editor_schemas import model_schema
from macros.exports import columns_of
from macros.fields import leaves, shapes
from macros.load import check_content
from macros.scaffold import KINDS, new_file

EXTRA = "doelgroep"


@pytest.fixture
def extended(monkeypatch):
    """The case model with one more optional field, declared once."""
    model = create_model(
        "CaseWithTarget",
        __base__=contract.Case,
        doelgroep=(Annotated[Text, MaxLen(80)] | None, Field(default=None, description="Voor wie het project is bedoeld.")),
    )
    collection = replace(CASES, model=model)
    monkeypatch.setattr(load, "COLLECTIONS", tuple(collection if c is CASES else c for c in COLLECTIONS))
    return collection


def _add_target(content, value: str = "Jongeren in de wijk") -> None:
    path = content / "praktijkvoorbeelden" / "wijkmonitor.md"
    path.write_text(path.read_text(encoding="utf-8").replace("domein: sociaal\n", f"domein: sociaal\n{EXTRA}: {value}\n"), encoding="utf-8")


def test_without_the_declaration_the_field_is_refused(content):
    _add_target(content)
    kennisbank, problems = check_content(content)
    assert kennisbank is None
    assert [(p.field, p.message.split(".")[0]) for p in problems] == [(EXTRA, "onbekend veld")]


def test_one_declaration_makes_a_field_validated_kept_exported_offered_and_explained(content, extended):
    _add_target(content)
    kennisbank, problems = check_content(content)
    assert problems == [] and kennisbank is not None
    assert getattr(kennisbank.case("wijkmonitor"), EXTRA) == "Jongeren in de wijk"

    column = next(c for c in columns_of(extended) if c.name == EXTRA)
    assert column.uitleg == "Voor wie het project is bedoeld." and column.value(kennisbank.case("wijkmonitor")) == "Jongeren in de wijk"

    schema = model_schema(extended, kennisbank.taxonomy)
    assert schema["properties"][EXTRA]["description"] == "Voor wie het project is bedoeld."
    assert schema["properties"][EXTRA]["maxLength"] == 80 and EXTRA not in schema["required"]

    assert f"| `{EXTRA}` | nee | Voor wie het project is bedoeld. |" in field_table(extended.model, kennisbank.taxonomy)

    kind = replace(KINDS["praktijkvoorbeeld"], collection=extended)
    scaffold = new_file(kind, {"id": "x", "titel": "X", "samenvatting": "Y", "organisaties": ["Z"], "domein": "sociaal", "bron": {"rapport": ["5.1"]}}, kennisbank.taxonomy, __import__("datetime").date(2026, 1, 1))
    assert f"# {EXTRA}: " in scaffold and "Voor wie het project is bedoeld. Mag weg." in scaffold


def test_the_declared_limit_is_enforced_with_a_dutch_message(content, extended):
    _add_target(content, "x" * 81)
    kennisbank, problems = check_content(content)
    assert kennisbank is None
    assert [(p.line, p.field, p.message) for p in problems] == [(8, EXTRA, "de tekst is 81 tekens lang; het maximum is 80. Maak hem korter.")]


@pytest.mark.parametrize("collection", COLLECTIONS, ids=lambda c: c.folder)
def test_every_field_is_explained(collection):
    for path, shape in leaves(collection.model):
        assert shape.description, (collection.folder, path)


def test_item_tail_comes_last_in_every_view():
    order = fields_in_order(contract.Case)
    assert order[:3] == ["id", "titel", "samenvatting"] and order[-6:] == list(contract.Item.tail)
    assert [s.name for s in shapes(contract.Case)] == order


def test_contributing_tables_are_current():
    from macros.contributing import stale_sections
    from macros.load import load_kennisbank

    from .conftest import ROOT

    kennisbank = load_kennisbank(ROOT / "content")
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert stale_sections(text, kennisbank.taxonomy) == [], "Draai: .venv/bin/python scripts/schemas.py"
