"""Own words: no run of 12 words from the report outside a marked quotation.

The site summarises the report in its own words. Every text file in ``content/`` and
``docs/`` (``.md``, ``.yaml``) is normalised with :func:`macros.own_words.words_with_lines`
and every run of 12 consecutive words is hashed; none may be in the report's
fingerprint, ``tests/fixtures/rapport-12-woorden.txt.gz`` (made by
``scripts/vingerafdruk.py`` from ``../shared/bron/``; the report itself is not in the
repository and this test does not need it).

What counts as a marked quotation (see :mod:`macros.own_words`):

- text between „…”, “…” or "…" within one paragraph (a quotation mark that is not closed
  in its paragraph marks nothing);
- a Markdown blockquote line, starting with ``>``;
- not: single quotes (they are also apostrophes), the quotes around a YAML value (outside
  a ``|`` or ``>`` block only „…” and “…” mark) and the quotes around the arguments of a
  Jinja macro in a story page: those are syntax, and the text inside is checked.

A run that matches is only excused when at least half of its 12 words stand in a marked
quotation, so quoting one word inside copied text does not hide the copy. And a
quotation is short: no passage, quoted or not, takes more than 40 consecutive words
from the report.

On failure the test prints, per file and line, the words of our own file that the report
has too, so an editor can rewrite them.
"""

from __future__ import annotations

import gzip
import re
import time
from pathlib import Path

import pytest

from macros import own_words
from macros.own_words import (
    MAX_QUOTATION,
    WINDOW,
    Word,
    check_file,
    file_words,
    fingerprint_words,
    long_quotations,
    unquoted_runs,
    window_hashes,
    words,
    words_with_lines,
)

ROOT = Path(__file__).resolve().parent.parent
FINGERPRINT = Path(__file__).resolve().parent / "fixtures" / "rapport-12-woorden.txt.gz"
CHECKED = ("content", "docs")
SUFFIXES = (".md", ".yaml", ".yml")


def read_fingerprint(path: Path = FINGERPRINT) -> tuple[dict[str, str], frozenset[str]]:
    header: dict[str, str] = {}
    hashes: list[str] = []
    with gzip.open(path, "rt", encoding="ascii") as lines:
        for line in lines:
            line = line.rstrip("\n")
            if line.startswith("#"):
                key, _, value = line[1:].partition(":")
                header[key.strip()] = value.strip()
            elif line:
                hashes.append(line)
    return header, frozenset(hashes)


def checked_files() -> list[Path]:
    return sorted(
        path
        for folder in CHECKED
        for path in (ROOT / folder).rglob("*")
        if path.suffix in SUFFIXES and path.is_file() and not path.is_symlink()
    )


def findings(fingerprint: frozenset[str]) -> list[str]:
    messages = []
    for path in checked_files():
        for run in check_file(path.read_text(encoding="utf-8"), path.suffix, fingerprint):
            shown = path.relative_to(ROOT).as_posix()
            messages.append(f"{shown}:{run.line}: {len(run.words)} woorden uit het rapport: {run.text}")
    return messages


def test_no_run_of_twelve_words_from_the_report_outside_a_quotation():
    started = time.perf_counter()
    _, fingerprint = read_fingerprint()
    problems = findings(fingerprint)
    elapsed = time.perf_counter() - started
    assert not problems, (
        f"{len(problems)} reeks(en) van {WINDOW} of meer woorden staan letterlijk in het rapport, "
        "buiten een gemarkeerd citaat. Schrijf ze in eigen woorden, of maak er een kort citaat "
        "van tussen aanhalingstekens („…”):\n" + "\n".join(problems)
    )
    assert elapsed < 5, f"de controle op eigen woorden duurde {elapsed:.1f} s; ze moet onder de 5 s blijven"


def test_no_quotation_takes_more_than_forty_words_from_the_report():
    _, fingerprint = read_fingerprint()
    problems = []
    for path in checked_files():
        found = file_words(path.read_text(encoding="utf-8"), path.suffix)
        for run in long_quotations(found, fingerprint):
            shown = path.relative_to(ROOT).as_posix()
            problems.append(f"{shown}:{run.line}: {len(run.words)} woorden achter elkaar uit het rapport: {run.text}")
    assert not problems, (
        f"Een citaat is kort: hoogstens {MAX_QUOTATION} woorden achter elkaar uit het rapport. "
        "Vat de rest samen in eigen woorden:\n" + "\n".join(problems)
    )


def test_the_fingerprint_is_complete_and_current():
    header, fingerprint = read_fingerprint()
    assert header.get("normalisatie") == str(own_words.NORMALISATION_VERSION), (
        "de vingerafdruk is gemaakt met een andere normalisatie; maak haar opnieuw met scripts/vingerafdruk.py"
    )
    assert header.get("woorden per reeks") == str(WINDOW)
    assert header.get("hashes") == str(len(fingerprint))
    assert len(fingerprint) > 30_000, "de vingerafdruk is onvolledig: het rapport heeft ruim 40.000 reeksen"
    assert all(re.fullmatch(r"[0-9a-f]{12}", digest) for digest in fingerprint)
    with gzip.open(FINGERPRINT, "rt", encoding="ascii") as lines:
        body = [line.rstrip("\n") for line in lines if not line.startswith("#")]
    assert body == sorted(set(body)), "de hashes staan gesorteerd en elk één keer in het bestand"


# --- The normalisation, and what counts as marked ------------------------------------


def test_normalisation_joins_words_hyphenated_over_a_line_break():
    assert words("het verhaal dient de keuzes in sturings-\n\npraktijk helder te maken") == words(
        "Het verhaal dient de keuzes in sturingspraktijk helder te maken."
    )
    assert words("data-\nanalyse") == words("data-analyse") == ["dataanalyse"]


def test_normalisation_unifies_case_quotes_dashes_and_drops_punctuation():
    assert words("Zo’n „slimme” stad – volgens (de) VNG!") == words("zo'n \"slimme\" stad - volgens de vng")
    assert words("zo’n risico’s") == ["zon", "risicos"]
    assert words("’s-Hertogenbosch") == words("'s-Hertogenbosch") == ["shertogenbosch"]
    assert words("ﬁnanciën\u00a0en\u00adkele") == ["financiën", "enkele"]


def test_the_second_reading_splits_hyphenated_words():
    assert words("smart city-ontwikkelingen", split_hyphens=True) == ["smart", "city", "ontwikkelingen"]
    assert fingerprint_words("data-analyse") == [["dataanalyse"], ["data", "analyse"]]


def test_normalisation_drops_footnote_numbers_glued_to_a_word():
    assert words("publieke meerwaarde1 op basis") == ["publieke", "meerwaarde", "op", "basis"]
    assert words("de G5 en 2017") == ["de", "g5", "en", "2017"]


def test_words_keep_the_line_they_start_on():
    assert words_with_lines("een\n\ntwee drie-\nvier", first_line=10) == [("een", 10), ("twee", 12), ("drievier", 12)]


def test_page_headers_of_the_pdf_are_left_out_of_the_report():
    raw = "een zin die doorloopt\n\nDatagedreven sturing bij gemeentenB 10\n\nop de volgende pagina"
    assert words(own_words.report_text(raw)) == words("een zin die doorloopt op de volgende pagina")


def quoted(found: list[Word]) -> list[str]:
    return [word.text for word in found if word.quoted]


def test_quotation_marks_and_blockquotes_mark_a_quotation():
    text = 'Het rapport noemt dit „een ding” en “nog een” en "een derde".\n\n> heel citaat\n\nniet dit.\n'
    assert quoted(file_words(text, ".md")) == ["een", "ding", "nog", "een", "een", "derde", "heel", "citaat"]


def test_a_quotation_is_closed_within_its_paragraph_or_marks_nothing():
    text = "Een „open aanhaling\n\ndie nooit sluit” in een volgende alinea.\n"
    assert quoted(file_words(text, ".md")) == []
    text = "Een „aanhaling over\ntwee regels” mag wel.\n"
    assert quoted(file_words(text, ".md")) == ["aanhaling", "over", "twee", "regels"]


def test_single_quotes_do_not_mark_a_quotation():
    assert quoted(file_words("Het is ‘here to stay’ en 'dit ook niet'.\n", ".md")) == []


def test_yaml_value_quotes_and_jinja_arguments_are_syntax_not_quotation():
    yaml = 'titel: "Een titel tussen YAML-aanhalingstekens"\ntekst: >-\n  Hier wel "een citaat".\n'
    assert quoted(file_words(yaml, ".yaml")) == ["een", "citaat"]
    assert quoted(file_words("samenvatting: Hier „wel” een citaat\n", ".yaml")) == ["wel"]
    page = '---\nrender_macros: true\n---\n\n{{ figuur("x.svg", "een lange alt-tekst") }}\n'
    assert quoted(file_words(page, ".md")) == []
    assert "alttekst" in [word.text for word in file_words(page, ".md")]


def test_yaml_keys_link_targets_and_addresses_are_not_text():
    text = "- nummer: 3\n  titel: Zie [het rapport](https://vng.nl/rapport) en <https://vng.nl>\n"
    assert [word.text for word in file_words(text, ".yaml")] == ["3", "zie", "het", "rapport", "en"]


def test_lines_are_those_of_the_file_in_front_matter_block_scalars_and_body():
    text = "---\nid: x\nsamenvatting: >-\n  een\n  twee\n---\n\n## Kop\n\ndrie\n"
    assert [(word.text, word.line) for word in file_words(text, ".md")] == [
        ("x", 2), ("een", 4), ("twee", 5), ("kop", 8), ("drie", 10)
    ]


# --- The check itself, on made-up text ------------------------------------------------

SOURCE = "de gemeente zet sensoren in om samen met bewoners de kwaliteit van de lucht in de wijk te meten"


def made_up_fingerprint() -> frozenset[str]:
    return frozenset(window_hashes(words(SOURCE)))


def test_a_copied_run_is_found_with_its_line_and_words():
    text = "Inleiding.\n\nIn Zwolle: de gemeente zet sensoren in om samen met bewoners\nde kwaliteit van de lucht te meten.\n"
    runs = unquoted_runs(file_words(text, ".md"), made_up_fingerprint())
    assert [(run.line, run.text) for run in runs] == [
        (3, "de gemeente zet sensoren in om samen met bewoners de kwaliteit van de lucht")
    ]


def test_a_marked_quotation_of_the_same_run_is_allowed():
    text = "Het rapport: „de gemeente zet sensoren in om samen met bewoners de kwaliteit van de lucht”.\n"
    assert unquoted_runs(file_words(text, ".md"), made_up_fingerprint()) == []
    text = "> de gemeente zet sensoren in om samen met bewoners de kwaliteit van de lucht\n"
    assert unquoted_runs(file_words(text, ".md"), made_up_fingerprint()) == []


def test_quoting_one_word_does_not_excuse_a_copy():
    text = "de gemeente zet sensoren in om „samen” met bewoners de kwaliteit van de lucht\n"
    assert len(unquoted_runs(file_words(text, ".md"), made_up_fingerprint())) == 1


def test_a_long_quotation_is_found():
    source = " ".join(f"woord{index}x" for index in range(60))
    fingerprint = frozenset(window_hashes(words(source)))
    found = file_words(f"„{source}”\n", ".md")
    assert unquoted_runs(found, fingerprint) == []
    assert [len(run.words) for run in long_quotations(found, fingerprint)] == [60]


def test_a_compound_with_a_hyphen_matches_one_written_with_a_space():
    source = "zij zorgt voor de harde infrastructuur die allerlei smart city ontwikkelingen mogelijk moet maken"
    fingerprint = frozenset(digest for reading in fingerprint_words(source) for digest in window_hashes(reading))
    text = "Zij zorgt voor de harde infrastructuur die allerlei smart city-ontwikkelingen mogelijk moet maken.\n"
    assert [run.line for run in check_file(text, ".md", fingerprint)] == [1]


def test_a_run_in_a_yaml_value_between_quotes_is_found():
    text = 'samenvatting: "de gemeente zet sensoren in om samen met bewoners de kwaliteit van de lucht"\n'
    assert len(unquoted_runs(file_words(text, ".yaml"), made_up_fingerprint())) == 1


@pytest.mark.parametrize("folder", CHECKED)
def test_the_check_reads_the_project_files(folder):
    assert any(path.is_relative_to(ROOT / folder) for path in checked_files())
