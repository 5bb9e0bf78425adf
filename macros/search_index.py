"""The search index: Pagefind reads the built pages, with Dutch compounds made visible to it.

Pagefind (a static search index in chunks, made by its binary from the pagefind-bin package) stems
Dutch and matches the start of words, so ``armoede`` finds ``armoedebestrijding``. It
does not see the parts of a Dutch compound: ``inbraak`` would not find
``woninginbraken``. Pagefind does index the parts of a word that contains punctuation
("woning~inbraken" is indexed as the whole word and as "woning" and "inbraken" at the same
place), so the copy of each page that goes into the index, not the page itself, has a
``~`` between the parts of each compound; the search script removes it from excerpts.

Parts are found with a Dutch word list (from the pyspellchecker package, at build time
only) and the site's own words: a compound splits into parts of at least four letters
that are both words, with the linking ``s``, ``e`` or ``en`` allowed after the first.

The same pass counts the words of the indexed pages: the lexicon that the search script
uses to correct a typo and to split a compound in a query (see SEARCH.md). It holds the
most frequent words only, so it does not grow with the number of pages beyond a fixed size.

This module knows nothing of MkDocs: it works on the HTML of pages and a site folder.
"""

from __future__ import annotations

import functools
import gzip
import importlib.resources
import json
import logging
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger("mkdocs.plugins.kennisbank.search")

COMPOUND_MARK = "~"  # ASCII punctuation, so Pagefind indexes both halves; the script removes it
INDEX_FOLDER = "pagefind"  # Pagefind's bundle, under the site root
LEXICON_FILE = "kennisbank-zoekwoorden.json"  # our lexicon and synonyms, inside that folder
LEXICON_SIZE = 20_000  # the most frequent words; enough for every word of a site of this kind
MIN_PART = 4  # letters in each part of a compound
# Longer "words" are not split: no Dutch compound comes near it, and splitting costs grow
# steeply with length (an editor's 4,000-letter "datadata..." would stall the build).
MAX_COMPOUND = 40
LINKS = ("en", "s", "e")  # Dutch linking sounds after the first part (tussenklanken)
UNUSED_BUNDLE_FILES = tuple(f"pagefind-{ui}.{ext}" for ui in ("ui", "modular-ui", "component-ui") for ext in ("js", "css"))
# Which elements Pagefind leaves out, besides data-pagefind-ignore: the text of other pages
# (lists, related items, source blocks, breadcrumbs) and the facts box, which the templates mark.
EXCLUDE_SELECTORS = ["[data-search-exclude]", ".headerlink"]  # headerlink: the "#" after each heading

# Text between tags; script, style and comments are kept as they are.
_MARKUP = re.compile(r"(<script\b.*?</script>|<style\b.*?</style>|<!--.*?-->|<[^>]*>)", re.S | re.I)
_WORD = re.compile(r"(?<![&#\w])[^\W\d_]{3,}")  # not the name of an entity such as &amp;
_LONG_WORD = re.compile(r"(?<![&#\w])[^\W\d_]{%d,}" % (2 * MIN_PART))  # long enough for two parts
_BODY = re.compile(r"\bdata-pagefind-body\b")
ARTICLE = '<article class="md-content__inner md-typeset"'  # the theme's article, without its ">"
BODY_END = "</article>"  # the indexed element is the theme's article (overrides/main.html)
# What kind of page a search result is, by the first folder of its address.
KINDS = {
    "": "Startpagina", "praktijkvoorbeelden": "Praktijkvoorbeeld", "risicos": "Risicokaart", "leerlijnen": "Leerlijn",
    "adviezen": "Advies", "gemeenten": "Gemeente", "verhaal": "Verhaal", "samenvatting": "Samenvatting",
    "zelfscan": "Zelfscan", "werkblad": "Werkblad", "open-data": "Open data",
}


@functools.cache
def dutch_words() -> dict[str, int]:
    """A Dutch word list with frequencies (pyspellchecker's, from subtitles): only at build time."""
    resource = importlib.resources.files("spellchecker") / "resources" / "nl.json.gz"
    return json.loads(gzip.decompress(resource.read_bytes()))


@dataclass
class CompoundSplitter:
    """Splits Dutch compounds into parts that are words themselves."""

    words: dict[str, int]
    site_words: set[str] = field(default_factory=set)
    _known: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)

    def is_word(self, text: str) -> bool:
        return len(text) >= MIN_PART and (text in self.words or text in self.site_words)

    def _heads(self, head: str) -> list[str]:
        heads = [head]
        heads += [head[: -len(link)] for link in LINKS if head.endswith(link) and len(head) - len(link) >= MIN_PART]
        return heads

    def _frequency(self, part: str) -> int:
        return max(self.words.get(head, 1 if head in self.site_words else 0) for head in self._heads(part))

    def split(self, word: str) -> tuple[str, ...]:
        """The parts of a compound as written (linking sounds stay with the first part); () if none."""
        if len(word) > MAX_COMPOUND:
            return ()
        if word not in self._known:
            self._known[word] = self._split(word)
        return self._known[word]

    def _split(self, word: str) -> tuple[str, ...]:
        best: tuple[tuple[int, int], tuple[str, ...]] | None = None
        for cut in range(MIN_PART, len(word) - MIN_PART + 1):
            head, tail = word[:cut], word[cut:]
            if not any(self.is_word(h) for h in self._heads(head)):
                continue
            rest = (tail,) if self.is_word(tail) else self.split(tail)
            if not rest:
                continue
            parts = (head, *rest)
            # Fewer parts first, then the split whose rarest part is most common.
            rank = (-len(parts), min(self._frequency(p) for p in parts))
            if best is None or rank > best[0]:
                best = (rank, parts)
        return best[1] if best else ()


def mark_compounds(html: str, splitter: CompoundSplitter) -> str:
    """The HTML with COMPOUND_MARK between the parts of each compound in its text.

    Tags, attributes, scripts, styles and comments stay as they are.
    """
    pieces = _MARKUP.split(html)
    for index in range(0, len(pieces), 2):  # even pieces are text
        pieces[index] = _LONG_WORD.sub(lambda match: _marked(match.group(0), splitter), pieces[index])
    return "".join(pieces)


def count_words(html: str, counts: Counter) -> None:
    """Count the words of the text of ``html`` (lowercase) into ``counts``."""
    counts.update(_WORD.findall(" ".join(_MARKUP.split(html)[::2]).lower()))


def _marked(word: str, splitter: CompoundSplitter) -> str:
    parts = splitter.split(word.lower())
    if not parts:
        return word
    # Cut the word as written (keeping its capitals) where the lowercase parts end.
    cuts, position = [], 0
    for part in parts[:-1]:
        position += len(part)
        cuts.append(position)
    return COMPOUND_MARK.join(word[a:b] for a, b in zip([0, *cuts], [*cuts, len(word)]))


def search_marks(url: str) -> str:
    """What makes the theme's article the indexed element: ends inside its opening tag, after ``ARTICLE``.

    Its kind (meta and filter) sits in a hidden first child, so results can name it.
    overrides/main.html writes it into every indexed page; ``indexed_copy`` uses the same.
    """
    kind = KINDS.get(url.split("/")[0], "Pagina")
    return f' data-pagefind-body><span hidden data-pagefind-ignore data-pagefind-meta="soort:{kind}" data-pagefind-filter="soort:{kind}"></span'


def indexed_copy(article_start: str, title: str, content: str) -> str:
    """The indexed element of a page as the theme will write it, made from the page's content alone.

    ``article_start`` is the article's opening tag as the site writes it (with
    ``search_marks`` in it). Between it and the content the theme writes icon buttons,
    which hold no text, and the page title as heading when the content has none
    (Material's partials/content.html). So the index can be made while the theme still
    renders the pages: tests/test_search_index.py checks that it equals the index made
    from the written pages.
    """
    heading = "" if "<h1" in content else f"<h1>{title}</h1>"
    return f"{article_start}{heading}{content}"


def indexed_element(html: str) -> str | None:
    """The element with data-pagefind-body, without its end tag; None for a page without one.

    Only this part is marked, counted and given to Pagefind: the header, navigation and
    footer around it are the same on every page and make up most of its HTML.
    """
    body = _BODY.search(html)
    if body is None:
        return None
    end = html.find(BODY_END, body.end())
    return html[html.rfind("<", 0, body.start()) : end if end != -1 else len(html)]


def elements_on_disk(site_dir: Path) -> list[tuple[str, str]]:
    """(path in the site, indexed element) of every written page that has one."""
    found = []
    for path in sorted(site_dir.rglob("*.html")):
        relative = path.relative_to(site_dir).as_posix()
        if not relative.startswith(INDEX_FOLDER + "/"):
            element = indexed_element(path.read_text(encoding="utf-8"))
            if element is not None:
                found.append((relative, element))
    return found


@dataclass(frozen=True)
class IndexReport:
    pages: int
    words: int
    seconds: float  # how long making the index took
    waited: float = 0.0  # how long the build waited for it at the end, when it ran beside the build


def build_search_index(site_dir: Path, elements: list[tuple[str, str]], synonyms: list[dict], *, language: str = "nl") -> IndexReport:
    """Index the pages' indexed elements into ``site_dir/pagefind/``, with our lexicon beside it.

    ``elements`` holds (path in the site, indexed element) for each page that marks its
    content with ``data-pagefind-body`` (see ``indexed_element``); lists, overviews and
    redirects carry no such mark.
    """
    start = time.perf_counter()
    # In the order of their paths: the same pages give the same index, however they came.
    elements = sorted(elements)
    # The words of the indexed text, for the lexicon; they also count as words for
    # splitting (datagedreven, sensorregister, ...).
    counts: Counter = Counter()
    for _, element in elements:
        count_words(element, counts)
    splitter = CompoundSplitter(dutch_words(), set(counts))
    # Pagefind gets the indexed element alone: it reads nothing else, and parses less.
    marked = [(relative, f'<!doctype html><html lang="{language}"><body>{mark_compounds(element, splitter)}</article></body></html>')
              for relative, element in elements]
    for word, count in list(counts.items()):  # the parts of compounds are words readers type too
        for part in splitter.split(word) if len(word) >= 2 * MIN_PART else ():
            counts[part] += count

    _write_index(site_dir, marked, language)
    lexicon = [[word, count] for word, count in counts.most_common(LEXICON_SIZE)]
    (site_dir / INDEX_FOLDER / LEXICON_FILE).write_text(
        json.dumps({"woorden": lexicon, "synoniemen": synonyms}, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )
    report = IndexReport(len(elements), len(lexicon), time.perf_counter() - start)
    log.info("Zoekindex: %d pagina's, %d woorden in %.1f s", report.pages, report.words, report.seconds)
    return report


def _write_index(site_dir: Path, pages: list[tuple[str, str]], language: str) -> None:
    """Run the Pagefind binary over a copy of the pages' indexed part, with compounds marked.

    The binary, not its Python service API: that API polls for each page's answer and
    takes a tenth of a second per page.
    """
    from pagefind_bin import get_executable  # type: ignore[import-untyped]  # only here: the rest of the site does not need it

    with tempfile.TemporaryDirectory(prefix="kennisbank-zoeken-", dir=_scratch_root()) as temporary:
        source = Path(temporary)
        for relative, html in pages:
            target = source / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(html, encoding="utf-8")
        command = [
            str(get_executable()), "--site", str(source), "--output-path", str(site_dir / INDEX_FOLDER),
            "--force-language", language, "--silent",
            *(argument for selector in EXCLUDE_SELECTORS for argument in ("--exclude-selectors", selector)),
        ]
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError(f"Pagefind kon de zoekindex niet maken: {(result.stderr or result.stdout).strip()[-2000:]}")
    # Pagefind's own search interfaces: the site has its own (assets/javascripts/zoeken.js).
    for name in UNUSED_BUNDLE_FILES:
        (site_dir / INDEX_FOLDER / name).unlink(missing_ok=True)


class IndexJob:
    """A search index being made by a process of its own while the build renders the theme.

    The theme is rendered in Python, one page at a time; the index (marking compounds in
    Python, then the Pagefind binary) needs only the pages' content. In a process of its
    own it uses the second core instead of adding its time after the last page.
    """

    def __init__(self, process: subprocess.Popen, scratch: tempfile.TemporaryDirectory):
        self._process = process
        self._scratch = scratch

    def finish(self) -> IndexReport:
        """Wait for the index; its failure, in Dutch, as a RuntimeError."""
        start = time.perf_counter()
        try:
            out, err = self._process.communicate()
        finally:
            self._scratch.cleanup()
        if self._process.returncode != 0:
            raise RuntimeError(err.strip()[-3000:] or f"De zoekindex is niet gemaakt (code {self._process.returncode}).")
        found = json.loads(out)
        report = IndexReport(found["pages"], found["words"], found["seconds"], time.perf_counter() - start)
        log.info("Zoekindex: %d pagina's, %d woorden in %.1f s (de bouw wachtte er %.1f s op)", report.pages, report.words, report.seconds, report.waited)
        return report

    def cancel(self) -> None:
        """Stop making the index: the build it belongs to failed."""
        self._process.kill()
        self._process.communicate()
        self._scratch.cleanup()


def start_search_index(site_dir: Path, elements: list[tuple[str, str]], synonyms: list[dict], *, language: str = "nl") -> IndexJob:
    """Begin ``build_search_index`` in a process of its own; ``IndexJob.finish`` waits for it."""
    scratch = tempfile.TemporaryDirectory(prefix="kennisbank-zoekopdracht-", dir=_scratch_root())
    order = Path(scratch.name) / "opdracht.json"
    order.write_text(json.dumps({"site": str(site_dir), "elements": elements, "synonyms": synonyms, "language": language}), encoding="utf-8")
    # This file as a script, isolated (-I): not the macros package, which imports MkDocs.
    command = [sys.executable, "-I", str(Path(__file__).resolve()), str(order)]
    return IndexJob(subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True), scratch)


def _scratch_root() -> str | None:
    """In memory where the system offers it: thousands of small files are made and removed."""
    return "/dev/shm" if os.access("/dev/shm", os.W_OK) else None


def main(argv: list[str]) -> int:
    """The process that ``start_search_index`` starts: make the index, print what it made as JSON."""
    order = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    elements = [(relative, element) for relative, element in order["elements"]]
    try:
        report = build_search_index(Path(order["site"]), elements, order["synonyms"], language=order["language"])
    except RuntimeError as error:  # Pagefind's own failure, already in words
        print(error, file=sys.stderr)
        return 2
    print(json.dumps({"pages": report.pages, "words": report.words, "seconds": report.seconds}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
