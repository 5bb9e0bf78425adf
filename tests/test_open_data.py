"""Open data: every collection as JSON and CSV with a schema and a feed, agreeing with the pages."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import jsonschema
import pytest

from macros.exports import EXPORTS, LIST_SEPARATOR
from macros.load import load_kennisbank

from .conftest import ROOT, VALID_CONTENT, build, make_site
from .htmlscan import parse

BASE = "https://kennisbank.example/"


@pytest.fixture(scope="module")
def data_site(tmp_path_factory) -> Path:
    site = make_site(tmp_path_factory.mktemp("open-data"), VALID_CONTENT)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KENNISBANK_SITE_URL", BASE)
        build(site)
    return site / "site"


@pytest.mark.parametrize("export", EXPORTS, ids=lambda e: e.name)
def test_json_csv_and_schema_agree_with_the_model(data_site, export):
    kennisbank = load_kennisbank(VALID_CONTENT)
    folder = data_site / "open-data"
    rows = json.loads((folder / f"{export.name}.json").read_text(encoding="utf-8"))
    schema = json.loads((folder / f"{export.name}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(rows, schema, format_checker=jsonschema.FormatChecker())
    items = kennisbank.items[export.collection.folder]
    assert [r["id"] for r in rows] == [i.id for i in items]
    table = list(csv.DictReader(io.StringIO((folder / f"{export.name}.csv").read_text(encoding="utf-8"))))
    assert [r["id"] for r in table] == [i.id for i in items]
    assert list(table[0]) == [c.name for c in export.columns]
    for row, record in zip(table, rows):
        for name, value in record.items():
            expected = LIST_SEPARATOR.join(value) if isinstance(value, list) else ("" if value is None else str(value))
            assert row[name] == expected, (export.name, name)


def test_export_urls_lead_to_the_pages(data_site):
    for export in EXPORTS:
        rows = json.loads((data_site / "open-data" / f"{export.name}.json").read_text(encoding="utf-8"))
        for row in rows:
            assert row["url"].startswith(BASE)
            path, _, anchor = row["url"][len(BASE):].partition("#")
            page = data_site / path / "index.html"
            assert page.is_file(), row["url"]
            if anchor:
                assert parse(page).find("h3", id=anchor), row["url"]


def test_case_export_holds_the_facts_shown_on_the_page(data_site):
    case = json.loads((data_site / "open-data" / "praktijkvoorbeelden.json").read_text(encoding="utf-8"))[0]
    assert case["domein"] == "sociaal" and case["methodiek"] == ["monitoring"] and case["orientatie"] == []
    assert case["fase"] is None and case["bijgewerkt"] == "2026-02-01"
    page = (data_site / "praktijkvoorbeelden" / "wijkmonitor" / "index.html").read_text(encoding="utf-8")
    assert case["titel"] in page and case["samenvatting"] in page


def test_atom_feed_lists_cases_newest_first(data_site):
    feed = ElementTree.parse(data_site / "open-data" / "praktijkvoorbeelden-feed.xml").getroot()
    atom = "{http://www.w3.org/2005/Atom}"
    entries = feed.findall(f"{atom}entry")
    assert [e.find(f"{atom}id").text for e in entries] == [f"{BASE}praktijkvoorbeelden/wijkmonitor/"]
    assert entries[0].find(f"{atom}updated").text.startswith("2026-02-01")
    assert feed.find(f"{atom}updated").text.startswith("2026-02-01")


def test_open_data_page_documents_every_column(real_site):
    page = parse(real_site / "open-data" / "index.html")
    documented = {e.text for e in page.find("code")}
    for export in EXPORTS:
        assert {c.name for c in export.columns} <= documented
        hrefs = {a.attrs.get("href") for a in page.find("a")}
        assert {f"{export.name}.json", f"{export.name}.csv", f"{export.name}.schema.json"} <= {
            (h or "").rsplit("/", 1)[-1] for h in hrefs
        }


def test_project_exports_have_one_row_per_item(real_site):
    kennisbank = load_kennisbank(ROOT / "content")
    for export in EXPORTS:
        rows = json.loads((real_site / "open-data" / f"{export.name}.json").read_text(encoding="utf-8"))
        assert len(rows) == len(kennisbank.items[export.collection.folder])
