"""Open data: every collection as JSON and CSV, with a JSON Schema, from the same model as the pages.

Each column is declared once (name, explanation, JSON type, value); the JSON, the CSV,
the JSON Schema and the column table on the "Open data" page are all made from it.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import Any, Callable

from . import urls
from .model import CASE_FACETS, Kennisbank, facet_values

LIST_SEPARATOR = " | "  # between several values in one CSV cell
EXPORT_DIR = "open-data"


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


@dataclass(frozen=True)
class Export:
    collection: str
    titel: str
    columns: tuple[Column, ...]
    items: Callable[[Kennisbank], tuple]

    def rows(self, kennisbank: Kennisbank, page_url: Callable[[str], str]) -> list[dict[str, Any]]:
        rows = []
        for item in self.items(kennisbank):
            row = {}
            for column in self.columns:
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
            writer.writerow(
                [LIST_SEPARATOR.join(v) if isinstance(v, list) else ("" if v is None else v) for v in row.values()]
            )
        return buffer.getvalue()

    def schema(self, base_url: str) -> str:
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"{base_url}{EXPORT_DIR}/{self.collection}.schema.json",
            "title": f"{self.titel} (open data van de Kennisbank datagedreven sturing)",
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": [c.name for c in self.columns],
                "properties": {c.name: c.json_schema() for c in self.columns},
            },
        }
        return json.dumps(schema, ensure_ascii=False, indent=1) + "\n"


def _sources(item) -> tuple[str, ...]:
    return item.bron.rapport


def _links(item) -> tuple[str, ...]:
    return tuple(link.url for link in item.bron.links)


def _common_head(collection: str) -> tuple[Column, ...]:
    return (
        Column("id", "Vast id van het item; verandert nooit.", "string", lambda i: i.id),
        Column("url", "Het vaste webadres van de pagina.", "uri", lambda i: urls.item_url(collection, i.id)),
        Column("titel", "Titel.", "string", lambda i: i.titel),
        Column("samenvatting", "Samenvatting in één of twee zinnen.", "string", lambda i: i.samenvatting),
    )


def _common_tail() -> tuple[Column, ...]:
    return (
        Column("trefwoorden", "Zoekwoorden.", "list", lambda i: i.trefwoorden),
        Column("bron_rapport", "Secties van het rapport waar het item op steunt.", "list", _sources),
        Column("bron_links", "Webadressen van bronnen.", "list", _links),
        Column("toegevoegd", "Datum van toevoegen (JJJJ-MM-DD).", "date", lambda i: i.toegevoegd),
        Column("bijgewerkt", "Datum van de laatste inhoudelijke wijziging (JJJJ-MM-DD).", "date", lambda i: i.bijgewerkt),
        Column("eigenaar", "Wie het item bijhoudt, als dat is vastgelegd.", "string", lambda i: i.eigenaar, required=False),
        Column("tekst", "De volledige tekst, in Markdown.", "text", lambda i: i.body),
    )


def _facet_column(vocabulary_id: str) -> Column:
    _path, multiple = CASE_FACETS[vocabulary_id]
    if multiple:
        return Column(vocabulary_id, f"Waarden uit de taxonomie ({vocabulary_id}).", "list", lambda c: facet_values(c, vocabulary_id))
    return Column(
        vocabulary_id,
        f"Waarde uit de taxonomie ({vocabulary_id}); leeg als niet vastgelegd.",
        "string",
        lambda c: (facet_values(c, vocabulary_id) or (None,))[0],
        required=vocabulary_id == "domein",
    )


EXPORTS = (
    Export(
        urls.CASES,
        "Praktijkvoorbeelden",
        _common_head(urls.CASES)
        + (
            Column("organisaties", "Uitvoerende organisaties.", "list", lambda c: c.organisaties),
            Column("gemeenten", "Ids van betrokken gemeenten (zie gemeenten.json).", "list", lambda c: c.gemeenten),
            Column("partners", "Partners.", "list", lambda c: c.partners),
        )
        + tuple(_facet_column(v) for v in CASE_FACETS)
        + (
            Column("risicos", "Ids van risicokaarten die het voorbeeld noemt.", "list", lambda c: c.risicos),
            Column("leerlijnen", "Ids van leerlijnen die het voorbeeld noemt.", "list", lambda c: c.leerlijnen),
            Column("adviezen", "Nummers van adviezen die het voorbeeld noemt.", "list", lambda c: c.adviezen),
        )
        + _common_tail(),
        lambda kb: kb.cases,
    ),
    Export(
        urls.LEARNING_LINES,
        "Leerlijnen",
        _common_head(urls.LEARNING_LINES)
        + (
            Column("nummer", "Volgnummer van de leerlijn in het rapport.", "integer", lambda l: l.nummer),
            Column("vormen", "Vormen van leren.", "list", lambda l: l.vormen),
            Column("strategieen", "Titels van de strategieën (leerlijn 4).", "list", lambda l: tuple(s.titel for s in l.strategieen)),
            Column("praktijkvoorbeelden", "Ids van praktijkvoorbeelden die de leerlijn noemt.", "list", lambda l: l.praktijkvoorbeelden),
            Column("adviezen", "Nummers van adviezen die de leerlijn noemt.", "list", lambda l: l.adviezen),
        )
        + _common_tail(),
        lambda kb: kb.learning_lines,
    ),
    Export(
        urls.RISKS,
        "Risicokaarten",
        _common_head(urls.RISKS)
        + (
            Column("soort", "Soort risico (taxonomie: risicosoort).", "string", lambda r: r.soort),
            Column("rathenau_themas", "Thema's uit tabel 2 (taxonomie: rathenau_thema).", "list", lambda r: r.rathenau_themas),
            Column("maatregelen", "Titels van de maatregelen.", "list", lambda r: tuple(m.titel for m in r.maatregelen)),
            Column("vragen", "Vragen voor bestuurders.", "list", lambda r: r.vragen),
            Column("praktijkvoorbeelden", "Ids van praktijkvoorbeelden die de kaart noemt.", "list", lambda r: r.praktijkvoorbeelden),
            Column("adviezen", "Nummers van adviezen die de kaart noemt.", "list", lambda r: r.adviezen),
        )
        + _common_tail(),
        lambda kb: kb.risks,
    ),
    Export(
        urls.ADVICES,
        "Adviezen",
        (
            Column("id", "Vast id van het advies: advies-<nummer>.", "string", lambda a: a.id),
            Column("url", "Het vaste webadres van het advies.", "uri", lambda a: urls.advice_url(a.nummer)),
            Column("nummer", "Nummer in het rapport (er is geen advies 11).", "integer", lambda a: a.nummer),
            Column("titel", "Kern van het advies.", "string", lambda a: a.titel),
            Column("tekst", "Het advies in eigen woorden (Markdown).", "text", lambda a: a.tekst),
            Column("hoofdstuk", "Hoofdstuk van het rapport.", "integer", lambda a: a.hoofdstuk),
            Column("themas", "Thema's (taxonomie: advies_thema).", "list", lambda a: a.themas),
            Column("voor", "Voor wie (taxonomie: adressaat).", "list", lambda a: a.voor),
            Column("praktijkvoorbeelden", "Ids van praktijkvoorbeelden.", "list", lambda a: a.praktijkvoorbeelden),
            Column("risicos", "Ids van risicokaarten.", "list", lambda a: a.risicos),
            Column("leerlijnen", "Ids van leerlijnen.", "list", lambda a: a.leerlijnen),
            Column("bron_rapport", "Sectie van het rapport.", "list", _sources),
        ),
        lambda kb: kb.advices,
    ),
    Export(
        urls.MUNICIPALITIES,
        "Gemeenten",
        (
            Column("id", "Vast id van de gemeente.", "string", lambda g: g.id),
            Column("url", "Het vaste webadres van de pagina van de gemeente.", "uri", lambda g: urls.item_url(urls.MUNICIPALITIES, g.id)),
            Column("naam", "Naam van de gemeente.", "string", lambda g: g.naam),
            Column("categorie", "Categorie volgens het rapport (taxonomie: gemeentecategorie); leeg als het rapport er geen geeft.", "string", lambda g: g.categorie, required=False),
            Column("toelichting", "Wat het rapport over de gemeente zegt.", "string", lambda g: g.toelichting, required=False),
            Column("bron_rapport", "Secties van het rapport.", "list", _sources),
        ),
        lambda kb: kb.municipalities,
    ),
)


def export_files(kennisbank: Kennisbank, base_url: str) -> dict[str, str]:
    """File path in the site -> content, for every export."""

    def page_url(site_relative: str) -> str:
        return base_url + site_relative

    files = {}
    for export in EXPORTS:
        stem = f"{EXPORT_DIR}/{export.collection}"
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
