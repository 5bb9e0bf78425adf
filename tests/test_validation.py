"""Validation: every kind of mistake gives one clear Dutch message at the right place.

Each negative fixture in tests/fixtures/ongeldig/ is named after what it breaks and
has exactly one expectation below; both directions are checked.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.load import check_content, load_kennisbank
from macros.problems import ContentError

from .conftest import FIXTURES, ROOT, VALID_CONTENT

INVALID = FIXTURES / "ongeldig"
CASES = "praktijkvoorbeelden"

# fixture -> (where it goes in content/, [(line, field, part of the message)])
EXPECTED = {
    "yaml-syntaxfout.md": (CASES, [(8, "", "wordt niet goed afgesloten met ']' (dit begint op regel 7)")]),
    "verplicht-veld-ontbreekt.md": (CASES, [(2, "titel", "dit verplichte veld ontbreekt")]),
    "onbekend-veld.md": (CASES, [(3, "tittel", "onbekend veld. Bedoelde je 'titel'?"), (2, "titel", "verplichte veld ontbreekt")]),
    "waarde-buiten-taxonomie.md": (CASES, [(7, "domein", "'sociale' is geen toegestane waarde. Toegestaan: sociaal, fysiek")]),
    "verkeerd-type.md": (CASES, [(5, "organisaties", "verwacht een lijst")]),
    "id-anders-dan-bestandsnaam.md": (CASES, [(2, "id", "verschilt van de bestandsnaam")]),
    "domein.md": (CASES, [(2, "id", "'domein' is gereserveerd voor een pagina van de site (het overzicht van praktijkvoorbeelden per kenmerk)")]),
    "gemeenten-dubbel-id.yaml": ("gemeenten.yaml", [(11, "id", "id voorbeeldstad komt al voor op regel 1")]),
    "advies-nummer-dubbel.yaml": ("adviezen.yaml", [(18, "nummer", "nummer 12 komt al voor op regel 9")]),
    "hoofdstuk-bestaat-niet.yaml": ("adviezen.yaml", [(12, "hoofdstuk", "hoofdstuk 13 bestaat niet in content/hoofdstukken.yaml. Bestaande nummers: 1, 5")]),
    "verwijzing-bestaat-niet.md": (
        CASES,
        [(6, "gemeenten[0]", "'nergensdorp' bestaat niet in gemeenten"), (9, "risicos[0]", "'privcy' bestaat niet in risicos. Bedoelde je 'privacy'?")],
    ),
    "datum-ongeldig.md": (CASES, [(16, "bijgewerkt", "'2026-02-30' bestaat niet als datum")]),
    "bijgewerkt-voor-toegevoegd.md": (CASES, [(16, "bijgewerkt", "ligt vóór toegevoegd")]),
    "url-zonder-schema.md": (CASES, [(14, "bron.links[0].url", "mist 'https://' aan het begin")]),
    "tab-inspringing.md": (CASES, [(11, "", "springt in met een tab")]),
    "dubbele-sleutel.md": (CASES, [(8, "domein", "staat twee keer in hetzelfde blok (ook op regel 7)")]),
    "ja-nee-waarde.md": (CASES, [(10, "trefwoorden[1]", "'true' leest YAML als ja/nee-waarde, niet als tekst")]),
    "titel-te-lang.md": (CASES, [(3, "titel", "het maximum is 90")]),
    "front-matter-ontbreekt.md": (CASES, [(1, "", "de front matter ontbreekt")]),
    "lege-tekst.md": (CASES, [(19, "tekst", "de tekst onder de front matter is leeg")]),
    "html-in-tekst.md": (CASES, [(22, "tekst", "HTML ('<script') is niet toegestaan")]),
    "html-commentaar.md": (CASES, [(20, "tekst", "HTML-commentaar ('<!--') is niet toegestaan")]),
    "javascript-link.md": (CASES, [(22, "tekst", "het linkadres 'javascript:")]),
    "externe-afbeelding.md": (CASES, [(24, "tekst", "staat op een andere website")]),
    "kop-met-een-hekje.md": (CASES, [(20, "tekst", "Begin kopjes met '## '")]),
    "niet-utf8.md": (CASES, [(22, "", "niet opgeslagen als UTF-8")]),
    "notities.txt": (CASES, [(0, "", "horen alleen .md-bestanden")]),
}


def install(fixture: str, content: Path) -> Path:
    destination, _ = EXPECTED[fixture]
    target = content / destination
    if target.is_dir():
        target = target / fixture
    shutil.copy(INVALID / fixture, target)
    return target


def test_every_fixture_has_an_expectation_and_back():
    assert sorted(p.name for p in INVALID.iterdir()) == sorted(EXPECTED)


def test_valid_fixture_content_passes():
    kennisbank, problems = check_content(VALID_CONTENT)
    assert problems == []
    assert [c.id for c in kennisbank.cases] == ["wijkmonitor"]


@pytest.mark.parametrize("fixture", sorted(EXPECTED))
def test_each_mistake_is_reported_once_at_its_place(fixture, content):
    target = install(fixture, content)
    kennisbank, problems = check_content(content)
    assert kennisbank is None
    shown = target.relative_to(content.parent).as_posix()
    expected = EXPECTED[fixture][1]
    assert len(problems) == len(expected), "\n".join(map(str, problems))
    for (line, field, fragment), problem in zip(sorted(expected), sorted(problems, key=lambda p: (p.line, p.field))):
        assert (problem.path, problem.line, problem.field) == (shown, line, field), str(problem)
        assert fragment in problem.message, str(problem)


def test_all_problems_are_reported_together(content):
    for fixture in ("waarde-buiten-taxonomie.md", "datum-ongeldig.md", "gemeenten-dubbel-id.yaml"):
        install(fixture, content)
    with pytest.raises(ContentError) as raised:
        load_kennisbank(content)
    fields = {(Path(p.path).name, p.field) for p in raised.value.problems}
    assert {("waarde-buiten-taxonomie.md", "domein"), ("datum-ongeldig.md", "bijgewerkt"), ("gemeenten.yaml", "id")} <= fields


def test_message_format_is_path_line_field_message(content):
    install("waarde-buiten-taxonomie.md", content)
    _, problems = check_content(content)
    assert str(problems[0]).startswith("content/praktijkvoorbeelden/waarde-buiten-taxonomie.md:7: domein: 'sociale'")


def test_stray_file_in_content_root_is_an_error(content):
    (content / "nieuw-voorbeeld.md").write_text("---\nid: x\n---\n", encoding="utf-8")
    _, problems = check_content(content)
    assert [(p.path, p.message[:30]) for p in problems] == [("content/nieuw-voorbeeld.md", "dit bestand hoort hier niet en")]


def test_taxonomy_value_used_by_no_field_still_needs_label_and_explanation(content):
    taxonomy = content / "taxonomie.yaml"
    taxonomy.write_text(taxonomy.read_text(encoding="utf-8").replace("      label: Efficiency\n", ""), encoding="utf-8")
    _, problems = check_content(content)
    assert [(p.field, "label en een uitleg" in p.message) for p in problems] == [("publieke_waarde.waarden.efficiency", True)]


def run_validate(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "validate.py"), *args], capture_output=True, text=True)


def test_validate_script_exit_codes(content):
    ok = run_validate(str(content))
    assert ok.returncode == 0 and "De inhoud is in orde: 1 praktijkvoorbeelden" in ok.stdout
    install("datum-ongeldig.md", content)
    failed = run_validate(str(content))
    assert failed.returncode == 1
    assert "content/praktijkvoorbeelden/datum-ongeldig.md:16: bijgewerkt:" in failed.stderr
    assert "Traceback" not in failed.stderr
    assert "1 fout(en) in de inhoud gevonden" in failed.stderr


def test_project_content_is_valid():
    assert run_validate().returncode == 0


def test_six_mistakes_in_one_new_case_come_in_one_run(content):
    """An editor's first attempt, as it happened: a tab, a typo in a field name, an unknown
    value, an unknown municipality, an impossible date and HTML in the text."""
    shutil.copy(FIXTURES / "zes-fouten.md", content / CASES / "zes-fouten.md")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "validate.py"), str(content)], capture_output=True, text=True)
    assert result.returncode == 1
    lines = [line.split(": ", 1)[0] + ": " + line.split(": ", 2)[1] for line in result.stderr.strip().split("\n")[:-1]]
    shown = "content/praktijkvoorbeelden/zes-fouten.md"
    assert lines == [
        f"{shown}:2: samenvatting",
        f"{shown}:4: samenvating",
        f"{shown}:6: gemeenten[0]",
        f"{shown}:7: domein",
        f"{shown}:10: deze regel springt in met een tab. YAML staat alleen spaties toe",
        f"{shown}:11: toegevoegd",
        f"{shown}:18: tekst",
    ], result.stderr
    assert result.stderr.strip().split("\n")[-1] == "7 fout(en) in de inhoud gevonden."
