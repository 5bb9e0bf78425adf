"""The search index: compounds made visible to Pagefind, the lexicon, the synonym rules, the built bundle."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from macros.load import check_content
from macros.search_index import (
    COMPOUND_MARK, INDEX_FOLDER, LEXICON_FILE, LEXICON_SIZE, UNUSED_BUNDLE_FILES, CompoundSplitter, build_search_index, count_words, dutch_words,
    elements_on_disk, indexed_copy, indexed_element, mark_compounds, start_search_index,
)

from .conftest import ROOT, build, make_site


@pytest.fixture(scope="module")
def splitter() -> CompoundSplitter:
    return CompoundSplitter(dutch_words(), {"datagedreven", "sensorregister"})


@pytest.mark.parametrize(
    "word, parts",
    [
        ("woninginbraken", ("woning", "inbraken")),
        ("armoedebestrijding", ("armoede", "bestrijding")),
        ("uitkeringsfraude", ("uitkerings", "fraude")),  # the linking s stays with the first part
        ("grondwateroverlast", ("grondwater", "overlast")),
        ("parkeerdruk", ("parkeer", "druk")),
    ],
)
def test_dutch_compounds_split_into_words(splitter, word, parts):
    assert splitter.split(word) == parts


@pytest.mark.parametrize("word", ["gemeente", "beleid", "organisatie", "publieke", "bestrijding", "sturing"])
def test_words_that_are_not_compounds_stay_whole(splitter, word):
    # No part shorter than four letters: "bestrijding" is not "best" + "rij" + "ding".
    assert splitter.split(word) == ()


def test_an_endless_word_is_not_split(splitter):
    # Splitting tries every cut of every tail; an editor's 4,000-letter "word" of repeated
    # parts would otherwise stall the build. Real compounds stay well under the limit.
    assert splitter.split("data" * 1000) == ()
    assert mark_compounds("<p>" + "Data" * 1000 + "</p>", splitter) == "<p>" + "Data" * 1000 + "</p>"
    assert splitter.split("informatieveiligheidsbeleid") != ()


def test_a_page_in_docs_cannot_take_the_address_of_the_search_index(tmp_path):
    site = make_site(tmp_path / "site")
    (site / "docs" / INDEX_FOLDER).mkdir()
    (site / "docs" / INDEX_FOLDER / "pagefind.js").write_text("alert(1)", encoding="utf-8")
    result = build(site, check=False)
    assert result.returncode != 0
    assert f"/{INDEX_FOLDER}/ is van de zoekindex" in result.stdout + result.stderr


def test_marks_go_into_text_only_and_keep_capitals(splitter):
    html = '<p title="woninginbraken">Woninginbraken &amp; armoedebestrijding</p><script>woninginbraken</script>'
    assert mark_compounds(html, splitter) == (
        f'<p title="woninginbraken">Woning{COMPOUND_MARK}inbraken &amp; armoede{COMPOUND_MARK}bestrijding</p>'
        "<script>woninginbraken</script>"
    )


def test_words_are_counted_from_the_text_alone():
    counts: Counter = Counter()
    count_words('<p title="titelwoord">Fraude &amp; fraude</p><script>scriptwoord</script>', counts)
    assert counts == Counter({"fraude": 2})  # no attribute, no script, no entity name


def test_only_the_indexed_element_is_marked_and_counted():
    html = '<nav>Navigatie</nav><article class="x" data-pagefind-body><h1>Titel</h1></article><footer>Voet</footer>'
    assert indexed_element(html) == '<article class="x" data-pagefind-body><h1>Titel</h1>'
    assert indexed_element("<nav>Navigatie</nav><article><h1>Lijst</h1></article>") is None


def test_synonym_rules_are_checked(content):
    (content / "zoekwoorden.yaml").write_text(
        "- id: een\n  woorden: [predictive]\n  zoek_ook: [voorspellen]\n"
        "- id: twee\n  woorden: [predictive, Big-Data]\n  zoek_ook: [grote data]\n",
        encoding="utf-8",
    )
    kennisbank, problems = check_content(content)
    messages = [str(p) for p in problems]
    assert kennisbank is None
    assert any("zoekwoorden.yaml:5: woorden[1]:" in m and "'big data'" in m for m in messages), messages
    assert not any("staat ook in regel" in m for m in messages)  # reported once the rules themselves are valid
    (content / "zoekwoorden.yaml").write_text(
        "- id: een\n  woorden: [predictive]\n  zoek_ook: [voorspellen]\n"
        "- id: twee\n  woorden: [predictive, big data]\n  zoek_ook: [grote data]\n",
        encoding="utf-8",
    )
    kennisbank, problems = check_content(content)
    assert kennisbank is None
    assert [str(p) for p in problems] == [
        "content/zoekwoorden.yaml:4: twee.woorden: 'predictive' staat ook in regel 'een' (regel 1); een zoekwoord hoort bij één regel. "
        "Voeg de twee regels samen of haal het woord hier weg."
    ]


def test_a_site_without_synonyms_has_none(content):
    (content / "zoekwoorden.yaml").unlink(missing_ok=True)
    kennisbank, problems = check_content(content)
    assert kennisbank is not None and kennisbank.synonyms == ()


def test_the_build_writes_the_index_the_lexicon_and_the_synonyms(tmp_path):
    site = make_site(tmp_path / "site")
    build(site)
    bundle = site / "site" / INDEX_FOLDER
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["nl"]  # Dutch stemming
    lexicon = json.loads((bundle / LEXICON_FILE).read_text(encoding="utf-8"))
    words = dict(lexicon["woorden"])
    assert 1000 < len(words) <= LEXICON_SIZE
    assert "fraude" in words and "inbraken" in words  # "inbraken" from "woninginbraken"
    # Every rule of content/zoekwoorden.yaml goes to the search script, as the editors wrote it.
    kennisbank, _ = check_content(ROOT / "content")
    assert kennisbank is not None
    assert lexicon["synoniemen"] == [rule.for_search() for rule in kennisbank.synonyms]
    assert any("predictive" in rule["woorden"] for rule in lexicon["synoniemen"])
    # Pagefind's own interfaces are not shipped; the site has its own.
    assert not any((bundle / name).exists() for name in UNUSED_BUNDLE_FILES)
    # Lists and overviews stay out of the index; item and story pages are in it.
    html = lambda path: (site / "site" / path / "index.html").read_text(encoding="utf-8")
    assert "data-pagefind-body" not in html("praktijkvoorbeelden")
    assert "data-pagefind-body" not in html("praktijkvoorbeelden/domein")
    assert "data-pagefind-body" in html("praktijkvoorbeelden/groningen-fraude-voorspellen")
    assert "data-pagefind-body" in html("verhaal/definitie")
    # The page itself is untouched: the compound marks are only in the index's copy.
    assert COMPOUND_MARK + "inbraken" not in html("praktijkvoorbeelden/nijmegen-veilige-wijkteams")
    # The index is made from the pages' content while the theme renders them (hooks.on_env).
    # It must be the index of the pages as written: made again from the pages on disk, every
    # page's fragment (its text, title, headings, meta, filters and sorts) and the lexicon
    # are the same. (Pagefind's filter files are named differently on every run.)
    again = tmp_path / "opnieuw"
    shutil.copytree(site / "site", again, ignore=shutil.ignore_patterns(INDEX_FOLDER))
    build_search_index(again, elements_on_disk(again), lexicon["synoniemen"])
    assert _fragments(again / INDEX_FOLDER) == _fragments(bundle)
    assert len(_fragments(bundle)) > 90
    assert json.loads((again / INDEX_FOLDER / LEXICON_FILE).read_text(encoding="utf-8")) == lexicon


def test_the_index_copy_gets_the_title_heading_the_theme_adds():
    # Material writes the page title as <h1> when the content has none (partials/content.html).
    # Every page of the real site has its own <h1>, so the build test above cannot see this.
    start = '<article data-pagefind-body>'
    assert indexed_copy(start, "Titel", "<p>Tekst</p>") == start + "<h1>Titel</h1><p>Tekst</p>"
    assert indexed_copy(start, "Titel", '<h1 id="x">Eigen kop</h1><p>Tekst</p>') == start + '<h1 id="x">Eigen kop</h1><p>Tekst</p>'


def _fragments(bundle: Path) -> dict[str, dict]:
    """Pagefind's record of each page, by address: what the index knows of it."""
    records = [json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd")) for path in (bundle / "fragment").iterdir()]
    return {record["url"]: record for record in records}


def test_a_failing_index_says_so_in_dutch(tmp_path):
    # The index runs in a process of its own; its failure still stops the build, in words.
    blocked = tmp_path / "site"
    blocked.mkdir()
    (blocked / INDEX_FOLDER).write_text("geen map", encoding="utf-8")  # where Pagefind must write its bundle
    job = start_search_index(blocked, [("a/index.html", '<article data-pagefind-body><h1>Titel</h1><p>Tekst</p>')], [])
    with pytest.raises(RuntimeError, match="Pagefind kon de zoekindex niet maken"):
        job.finish()


def test_a_dirty_build_indexes_every_page_on_disk(tmp_path):
    # "mkdocs serve --dirty" / "build --dirty" rewrites changed pages only, so no index is made
    # beside the theme; the index is made afterwards from every page on disk instead.
    site = make_site(tmp_path / "site", ROOT / "tests" / "fixtures" / "inhoud")
    build(site)
    bundle = site / "site" / INDEX_FOLDER
    before = _fragments(bundle)
    lexicon = (bundle / LEXICON_FILE).read_text(encoding="utf-8")
    shutil.rmtree(bundle)
    # Not --strict: MkDocs itself warns that a dirty build may leave stale links.
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--dirty", "-f", str(site / "mkdocs.yml"), "-d", str(site / "site")],
        capture_output=True, text=True, cwd=site, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert _fragments(bundle) == before and len(before) > 5
    assert (bundle / LEXICON_FILE).read_text(encoding="utf-8") == lexicon
