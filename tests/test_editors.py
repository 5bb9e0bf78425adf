"""Contributing through pull requests: schemas, scaffolding, warnings, freshness, safe builds."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from macros.editor_schemas import schema_comment
from macros.load import check_content
from macros.contract import COLLECTIONS
from macros.yamlsource import read_markdown_file, read_yaml_file

from .conftest import ROOT, build, make_site


def script(name: str, *args: str, stdin: str | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / name), *args], capture_output=True, text=True, input=stdin, cwd=cwd)


def content_files(collection):
    if collection.layout == "list":
        return [ROOT / "content" / f"{collection.folder}.yaml"]
    return sorted((ROOT / "content" / collection.folder).glob("*.md"))


def test_committed_schemas_match_fields_and_taxonomy():
    result = script("schemas.py", "--controleer")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("collection", COLLECTIONS, ids=lambda c: c.folder)
def test_every_content_file_names_its_schema_and_satisfies_it(collection):
    schema = json.loads((ROOT / "schemas" / f"{collection.folder}.schema.json").read_text(encoding="utf-8"))
    for path in content_files(collection):
        text = path.read_text(encoding="utf-8")
        depth = 1 if collection.layout == "list" else 2
        assert schema_comment(collection, depth) in text.split("\n")[:2], path
        reader = read_yaml_file if collection.layout == "list" else read_markdown_file
        document, problems = reader(path, path.name)
        assert not problems
        jsonschema.validate(document.data, schema)


def test_schema_offers_allowed_values_with_explanations():
    schema = json.loads((ROOT / "schemas" / "praktijkvoorbeelden.schema.json").read_text(encoding="utf-8"))
    domain = schema["properties"]["domein"]
    assert "sociaal" in domain["enum"] and len(domain["markdownEnumDescriptions"]) == len(domain["enum"])
    assert schema["additionalProperties"] is False
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"id": "x", "domein": "sociale"}, schema)


SCAFFOLDS = {
    "praktijkvoorbeeld": ["--titel", "Testdorp: slimme containers", "--gemeente", "testdorp", "--domein", "fysiek", "--domein-reden", "Het gaat om afval in de openbare ruimte.",
                          "--samenvatting", "Sensoren melden volle containers.", "--bron-url", "https://www.example.org/c", "--bron-titel", "Projectpagina"],
    "risicokaart": ["--titel", "Afhankelijkheid van leveranciers", "--soort", "kwaliteit-eigenaarschap-data",
                    "--samenvatting", "Wie beheert de data?", "--rapport", "12.5"],
    "leerlijn": ["--titel", "Leren door te onderzoeken", "--samenvatting", "Samen met een hogeschool.", "--rapport", "6.2"],
}


def test_scaffolded_files_list_what_to_write_then_validate_and_build(tmp_path, content):
    for kind, args in SCAFFOLDS.items():
        result = script("nieuw.py", kind, "--inhoud", str(content), *args, stdin="")
        assert result.returncode == 0, result.stderr
        # The editor gets the to-do list: one line per section still to write.
        assert result.stdout.count("invulhulp") >= 3, result.stdout
        _, problems = check_content(content)
        assert problems and all("invulhulp van het sjabloon" in p.message for p in problems)
        assert len({p.path for p in problems}) == 1
        # The editor writes the text; then the file is valid.
        path = content.parent / problems[0].path
        lines = path.read_text(encoding="utf-8").split("\n")
        path.write_text("\n".join("Wat de redactie schreef." if line.startswith("(Vul in:") else line for line in lines), encoding="utf-8")
        assert check_content(content)[1] == []
    case = (content / "praktijkvoorbeelden" / "testdorp-slimme-containers.md").read_text(encoding="utf-8")
    from datetime import date

    today = date.today().isoformat()
    assert f"toegevoegd: {today}" in case and f"bijgewerkt: {today}" in case
    for heading in ("## Wat is er gedaan", "## Publieke waarde", "## Organisatie en samenwerking", "## Lessen en overdraagbaarheid"):
        assert heading in case
    assert "# methodiek: " in case and "Toegestaan: monitoring, realtime-monitoring" in case  # every field, explained
    assert (content / "risicos" / "afhankelijkheid-van-leveranciers.md").is_file()
    assert "nummer: 2" in (content / "leerlijnen" / "leren-door-te-onderzoeken.md").read_text(encoding="utf-8")
    site = make_site(tmp_path / "met-nieuwe-items", content)
    build(site)
    assert (site / "site" / "praktijkvoorbeelden" / "testdorp-slimme-containers" / "index.html").is_file()


def test_scaffolding_asks_for_what_is_missing(content):
    answers = "Voorbeeldstad: wijkbudgetten\nGeld per wijk, op basis van data.\nvoorbeeldstad\nbestuur\nHet gaat om de begroting.\nhttps://www.example.org/wb\nRaadsvoorstel\n"
    result = script("nieuw.py", "praktijkvoorbeeld", "--inhoud", str(content), stdin=answers)
    assert result.returncode == 0, result.stderr
    text = (content / "praktijkvoorbeelden" / "voorbeeldstad-wijkbudgetten.md").read_text(encoding="utf-8")
    assert "domein: bestuur" in text and "organisaties: [Gemeente Voorbeeldstad]" in text


def test_scaffolding_refuses_unknown_values_with_a_suggestion(content):
    result = script("nieuw.py", "praktijkvoorbeeld", "--inhoud", str(content), "--titel", "X: y", "--gemeente", "voorbeeldstad",
                    "--domein", "sociale", "--samenvatting", "z", "--rapport", "5.1", stdin="")
    assert result.returncode == 1
    assert "'sociale' is niet toegestaan" in result.stderr and "Bedoelde je 'sociaal'?" in result.stderr
    assert "Traceback" not in result.stderr


def test_likely_duplicate_is_a_warning_not_an_error(content):
    original = (content / "praktijkvoorbeelden" / "wijkmonitor.md").read_text(encoding="utf-8")
    (content / "praktijkvoorbeelden" / "wijkmonitor-2.md").write_text(
        original.replace("id: wijkmonitor", "id: wijkmonitor-2").replace("Voorbeeldstad: wijkmonitor", "Voorbeeldstad: de wijkmonitor").replace("toegevoegd: 2026-01-10", "toegevoegd: 2026-01-20"),
        encoding="utf-8",
    )
    kennisbank, problems = check_content(content)
    assert kennisbank is not None
    assert [(p.path, p.warning) for p in problems] == [("content/praktijkvoorbeelden/wijkmonitor-2.md", True)]
    assert "lijkt op 'Voorbeeldstad: wijkmonitor'" in problems[0].message
    result = script("validate.py", str(content))
    assert result.returncode == 0 and "waarschuwing: lijkt op" in result.stderr


def test_unrelated_cases_of_one_municipality_are_not_flagged(content):
    original = (content / "praktijkvoorbeelden" / "wijkmonitor.md").read_text(encoding="utf-8")
    (content / "praktijkvoorbeelden" / "stembureaus.md").write_text(
        original.replace("id: wijkmonitor", "id: stembureaus").replace("Voorbeeldstad: wijkmonitor", "Voorbeeldstad: opkomst bij verkiezingen"),
        encoding="utf-8",
    )
    assert check_content(content)[1] == []


def test_outdated_items_are_listed(content):
    result = script("verouderd.py", "--maanden", "12", "--peildatum", "2027-01-15", str(content))
    assert result.returncode == 0
    lines = result.stdout.strip().split("\n")
    assert lines[-1] == "2 item(s) niet bijgewerkt sinds 15 januari 2026."
    assert lines[0].startswith("content/leerlijnen/leren-door-oefenen.md: bijgewerkt 10 januari 2026")
    assert script("verouderd.py", "--maanden", "24", "--peildatum", "2027-01-15", str(content)).stdout.startswith("0 item(s)")


def test_failed_build_leaves_the_previous_site(tmp_path, content):
    site = make_site(tmp_path / "project", content)
    output = tmp_path / "gepubliceerd"
    first = script("build.py", "--config", str(site / "mkdocs.yml"), "--site-dir", str(output), "--site-url", "https://kennisbank.example/")
    assert first.returncode == 0, first.stderr
    before = (output / "praktijkvoorbeelden" / "wijkmonitor" / "index.html").read_text(encoding="utf-8")
    case = site / "content" / "praktijkvoorbeelden" / "wijkmonitor.md"
    case.write_text(case.read_text(encoding="utf-8").replace("domein: sociaal", "domein: sociale"), encoding="utf-8")
    failed = script("build.py", "--config", str(site / "mkdocs.yml"), "--site-dir", str(output), "--site-url", "https://kennisbank.example/")
    assert failed.returncode != 0
    assert "domein: 'sociale' is geen toegestane waarde" in failed.stderr and "Traceback" not in failed.stderr
    assert (output / "praktijkvoorbeelden" / "wijkmonitor" / "index.html").read_text(encoding="utf-8") == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site-bouw-")] == []


def test_very_large_file_is_refused_with_a_message(content):
    case = content / "praktijkvoorbeelden" / "wijkmonitor.md"
    case.write_text(case.read_text(encoding="utf-8") + ("Heel veel tekst. " * 40_000), encoding="utf-8")
    _, problems = check_content(content)
    assert len(problems) == 1 and "groter dan 256 KB, de grens voor één bestand" in problems[0].message


def test_a_likely_duplicate_does_not_stop_the_strict_build(tmp_path, content):
    original = (content / "praktijkvoorbeelden" / "wijkmonitor.md").read_text(encoding="utf-8")
    (content / "praktijkvoorbeelden" / "wijkmonitor-2.md").write_text(
        original.replace("id: wijkmonitor", "id: wijkmonitor-2").replace("Voorbeeldstad: wijkmonitor", "Voorbeeldstad: de wijkmonitor"),
        encoding="utf-8",
    )
    result = build(make_site(tmp_path / "dubbel", content))
    assert "waarschuwing: lijkt op 'Voorbeeldstad: wijkmonitor'" in result.stderr
