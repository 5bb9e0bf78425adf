"""Own words: compare our text with the report through runs of twelve words.

The site summarises the report *Datagedreven sturing bij gemeenten* in its own words:
no run of :data:`WINDOW` (12) consecutive words from the report may appear outside a
marked quotation, in ``content/`` or ``docs/``. The report itself does not go into the
repository. Instead ``scripts/vingerafdruk.py`` commits a *fingerprint*: the short hash
of every 12-word window of the report (``tests/fixtures/rapport-12-woorden.txt.gz``),
and ``tests/test_own_words.py`` hashes every 12-word window of our files the same way.

Both sides go through the one function :func:`words_with_lines` (and its shorthand
:func:`words`), so that "the same words" means the same thing on both sides:

1. Unicode NFKC (ligatures such as "ﬁ" become "fi", a non-breaking space a space),
   soft hyphens removed, then lower case (``casefold``).
2. Quotes and dashes unified: every single quote or apostrophe becomes ``'``, every
   double quote ``"``; the hyphens U+2010/U+2011 become ``-``; en and em dashes (and
   the minus sign) separate words, like any other punctuation.
3. A hyphen between two letters joins them, also across a line break and blank lines:
   the PDF extraction splits "sturings-" / "praktijk" over two lines, we write
   "sturingspraktijk" or "data-analyse"; both become one word ("sturingspraktijk",
   "dataanalyse"). A suspended hyphen ("privacy- en ...") joins the same way on both
   sides. Because a compound may have a hyphen on one side and a space on the other
   ("smart city-ontwikkelingen" against "smart city ontwikkelingen"), the fingerprint and
   the check also read every text a second time with hyphens as separators
   (``split_hyphens``); a window counts when it matches in either reading.
4. An apostrophe between letters is dropped ("zo'n" -> "zon", "risico's" -> "risicos").
5. Every other character that is not a letter or digit separates words (punctuation,
   brackets, slashes, bullets, quotes); the words are what is left, split on that and on
   whitespace.
6. A footnote number glued to a word by the extraction ("meerwaarde1") is dropped: digits
   at the end of a word that ends in at least three letters.

What the extraction adds and we never write (the running page headers) is removed from
the report only, by :func:`report_text`.

Standard library only, and nothing here knows MkDocs.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

WINDOW = 12
"""Words per run: a run this long from the report must be a marked quotation."""

HASH_BYTES = 6
"""Bytes of each window's hash: 12 hexadecimal characters (48 bits)."""

HASH_PERSON = b"kennisbank-12w"
"""BLAKE2b personalisation, so the hashes are this project's and no general lookup."""

MAX_QUOTATION = 40
"""The most consecutive words from the report that one passage may quote."""

NORMALISATION_VERSION = 1
"""Raise this when :func:`words_with_lines` changes; the fingerprint records it."""

_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u0060\u00b4"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"
_HYPHENS = "\u2010\u2011"
_DASHES = "\u2012\u2013\u2014\u2015\u2212"
_TRANSLATION = str.maketrans(
    {
        **{ch: "'" for ch in _SINGLE_QUOTES},
        **{ch: '"' for ch in _DOUBLE_QUOTES},
        **{ch: "-" for ch in _HYPHENS},
        **{ch: " " for ch in _DASHES},
        "\u00ad": None,  # soft hyphen
    }
)

_LETTER = r"[^\W\d_]"
_ALNUM = r"[^\W_]"
# A word: letters and digits, held together by an apostrophe between two letters or
# digits, or by a hyphen between two letters (whitespace after the hyphen allowed, so
# a word hyphenated over a line break in the PDF is one word).
_WORD = re.compile(rf"{_ALNUM}+(?:(?:'|(?<={_LETTER})-\s*(?={_LETTER})){_ALNUM}+)*")
_WORD_SPLIT = re.compile(rf"{_ALNUM}+(?:'{_ALNUM}+)*")
_JOINERS = re.compile(r"'|-\s*")
_FOOTNOTE = re.compile(rf"(?<={_LETTER}{{3}})\d{{1,3}}$")

# The running headers of the report's pages, as the extraction prints them, e.g.
# "Datagedreven sturing bij gemeentenB 10" and "Van data tot ... sturen B57".
_PAGE_HEADER = re.compile(
    r"^[ \t]*(?:Datagedreven sturing bij gemeenten|"
    r"Van data tot \(gedeelde\) informatie voor beter \(samen\) sturen)[ \t]*B[ \t]*\d{1,3}[ \t]*$",
    re.MULTILINE,
)


def prepare(text: str) -> str:
    """Steps 1 and 2 of the normalisation: NFKC, lower case, unified quotes and dashes.

    Keeps every line break where it was, so positions still give line numbers.
    """
    return unicodedata.normalize("NFKC", text).casefold().translate(_TRANSLATION)


def words_with_lines(text: str, first_line: int = 1, *, split_hyphens: bool = False) -> list[tuple[str, int]]:
    """The normalised words of ``text``, each with the line it starts on.

    >>> words_with_lines("De sturings-\\n\\npraktijk van zo’n gemeente1.")
    [('de', 1), ('sturingspraktijk', 1), ('van', 3), ('zon', 3), ('gemeente', 3)]

    With ``split_hyphens`` a hyphen separates words instead ("smart city-beleid" ->
    "smart", "city", "beleid"): the second reading, for a compound that one text writes
    with a hyphen and the other with a space (see :func:`fingerprint_words`).
    """
    prepared = prepare(text)
    result: list[tuple[str, int]] = []
    line = first_line
    position = 0
    pattern = _WORD_SPLIT if split_hyphens else _WORD
    for match in pattern.finditer(prepared):
        line += prepared.count("\n", position, match.start())
        position = match.start()
        word = _FOOTNOTE.sub("", _JOINERS.sub("", match.group()))
        result.append((word, line))
    return result


def words(text: str, *, split_hyphens: bool = False) -> list[str]:
    """The normalised words of ``text`` (see the module's docstring)."""
    return [word for word, _ in words_with_lines(text, split_hyphens=split_hyphens)]


def fingerprint_words(text: str) -> list[list[str]]:
    """Both readings of ``text`` whose windows make up a fingerprint.

    Hyphens are read two ways, on both sides: joined ("sturings-" / "praktijk" over a
    line break is one word, as is "data-analyse") and split ("smart city-ontwikkelingen"
    as "smart city ontwikkelingen", as the report writes it). A window counts when it
    matches in either reading.
    """
    return [words(text), words(text, split_hyphens=True)]


def report_text(raw: str) -> str:
    """The report's extracted text without what the PDF adds: the running page headers."""
    return _PAGE_HEADER.sub("", raw)


def window_hash(window: Sequence[str]) -> str:
    """The fingerprint of one run of words: 12 hexadecimal characters."""
    data = " ".join(window).encode("utf-8")
    return hashlib.blake2b(data, digest_size=HASH_BYTES, person=HASH_PERSON).hexdigest()


def window_hashes(sequence: Sequence[str], size: int = WINDOW) -> Iterator[str]:
    """The hash of every run of ``size`` consecutive words, in order."""
    for start in range(len(sequence) - size + 1):
        yield window_hash(sequence[start : start + size])


# --- Our own files: which words stand in a marked quotation -------------------------
#
# A marked quotation is (1) text between a pair of quotation marks in one paragraph:
# „…” (or „…“), “…” or "…"; a quotation mark that is not closed in the same paragraph
# marks nothing; or (2) a Markdown blockquote: a line that starts with ">". Single
# quotes ('…', ‘…’) do not mark: they are also apostrophes ("zo’n", "’s-Hertogenbosch").
# Straight quotes that are syntax do not mark either: the quotes around a YAML value
# (outside a block scalar "|" or ">", only „…” and “…” mark), and the quotes around the
# arguments of a Jinja macro ({{ ... }}, {% ... %}) in a story page. Link targets and
# web addresses are not text and are left out.


@dataclass(frozen=True, slots=True)
class Word:
    """One normalised word of our file: its text, its line and whether it is quoted."""

    text: str
    line: int
    quoted: bool


_OPENERS = {"\u201e": "\u201d\u201c", "\u201c": "\u201d", '"': '"'}
_LINK_TARGET = re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_AUTOLINK = re.compile(r"<(?:https?:|mailto:)[^>\s]*>")
_BARE_URL = re.compile(r"\b(?:https?://|mailto:|www\.)\S+")
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")
_BLOCKQUOTE = re.compile(r"^([ \t]*(?:>[ \t]?)+)")
_YAML_KEY = re.compile(r"^([ \t]*(?:-[ \t]+)*)(?:[\w.-]+[ \t]*:(?=[ \t]|$)[ \t]*)?")
_BLOCK_SCALAR = re.compile(r"^[|>][-+0-9]*[ \t]*(?:#.*)?$")


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


_JINJA_STRING = re.compile(r"([\"'])((?:\\.|(?!\1).)*)\1")


def _unquote_jinja(match: re.Match[str]) -> str:
    """A Jinja expression with the delimiters of its string literals blanked out."""
    return _JINJA_STRING.sub(lambda literal: " " + literal.group(2) + " ", match.group())


def _markdown_line(line: str) -> tuple[str, bool]:
    """A line of Markdown as plain text for the check, and whether it is a blockquote."""
    line = _LINK_TARGET.sub(lambda m: "]" + " " * (len(m.group()) - 1), line)
    line = _AUTOLINK.sub(_blank, line)
    line = _BARE_URL.sub(_blank, line)
    line = _JINJA.sub(_unquote_jinja, line)
    quote = _BLOCKQUOTE.match(line)
    if quote:
        return " " * len(quote.group()) + line[quote.end() :], True
    return line, False


def _quoted_spans(text: str, straight: bool) -> list[tuple[int, int]]:
    """Start and end of every closed quotation in ``text`` (one paragraph)."""
    spans: list[tuple[int, int]] = []
    opened = -1
    closers = ""
    for index, char in enumerate(text):
        if opened < 0:
            if char in _OPENERS and (straight or char != '"'):
                opened, closers = index, _OPENERS[char]
        elif char in closers:
            spans.append((opened, index))
            opened = -1
    return spans


def _paragraph_words(lines: list[tuple[int, str, bool]], straight: bool, split_hyphens: bool) -> list[Word]:
    """The words of one paragraph of consecutive lines: (number, plain text, blockquote).

    The paragraph is cut into stretches that are quoted or not (the quotation marks
    themselves separate words anyway); each stretch goes through :func:`words_with_lines`.
    """
    if not lines:
        return []
    text = "\n".join(plain for _, plain, _ in lines)
    quoted = bytearray(len(text))
    offset = 0
    for _, plain, whole in lines:
        if whole:
            quoted[offset : offset + len(plain)] = b"\x01" * len(plain)
        offset += len(plain) + 1
    for start, end in _quoted_spans(text, straight):
        quoted[start : end + 1] = b"\x01" * (end + 1 - start)
    result: list[Word] = []
    first = lines[0][0]
    start = 0
    while start < len(text):
        end = start
        while end < len(text) and quoted[end] == quoted[start]:
            end += 1
        first_line = first + text.count("\n", 0, start)
        for word, number in words_with_lines(text[start:end], first_line=first_line, split_hyphens=split_hyphens):
            result.append(Word(word, number, bool(quoted[start])))
        start = end
    return result


def _yaml_words(lines: list[tuple[int, str]], split_hyphens: bool) -> list[Word]:
    """The words of YAML lines: values and comments, block scalars read as Markdown."""
    result: list[Word] = []
    group: list[tuple[int, str, bool]] = []
    group_is_markdown = False

    def flush() -> None:
        nonlocal group
        if group:
            result.extend(_paragraph_words(group, group_is_markdown, split_hyphens))
        group = []

    block_indent = -1
    for number, raw in lines:
        indent = len(raw) - len(raw.lstrip(" "))
        if block_indent >= 0:
            if not raw.strip():
                flush()
                continue
            if indent > block_indent:
                text, whole = _markdown_line(raw)
                group.append((number, text, whole))
                continue
            flush()
            block_indent = -1
        stripped = raw.strip()
        if not stripped:
            flush()
            continue
        if stripped.startswith("#"):
            flush()
            group_is_markdown = True
            group.append((number, raw, False))
            flush()
            continue
        key = _YAML_KEY.match(raw)
        value = raw[key.end() :] if key else raw
        starts_item = bool(key and key.group().strip())
        if starts_item or group_is_markdown:
            flush()
        group_is_markdown = False
        if _BLOCK_SCALAR.match(value.strip()):
            block_indent = indent
            group_is_markdown = True
            continue
        value = _BARE_URL.sub(_blank, value)
        group.append((number, " " * (len(raw) - len(value)) + value, False))
    flush()
    return result


def _markdown_words(lines: list[tuple[int, str]], split_hyphens: bool) -> list[Word]:
    result: list[Word] = []
    group: list[tuple[int, str, bool]] = []
    for number, raw in lines:
        if not raw.strip():
            result.extend(_paragraph_words(group, True, split_hyphens))
            group = []
            continue
        text, whole = _markdown_line(raw)
        group.append((number, text, whole))
    result.extend(_paragraph_words(group, True, split_hyphens))
    return result


def file_words(text: str, suffix: str, *, split_hyphens: bool = False) -> list[Word]:
    """Every normalised word of one of our files, with its line and quotation mark.

    ``suffix`` is ``.md`` (front matter as YAML, the rest as Markdown) or ``.yaml``.
    """
    lines = list(enumerate(text.split("\n"), start=1))
    if suffix in (".yaml", ".yml"):
        return _yaml_words(lines, split_hyphens)
    if lines and lines[0][1].strip() == "---":
        for index in range(1, len(lines)):
            if lines[index][1].strip() == "---":
                return _yaml_words(lines[1:index], split_hyphens) + _markdown_words(lines[index + 1 :], split_hyphens)
    return _markdown_words(lines, split_hyphens)


@dataclass(frozen=True, slots=True)
class Run:
    """Consecutive words of our file that the report has too, outside a quotation."""

    line: int
    words: tuple[Word, ...]

    @property
    def text(self) -> str:
        return " ".join(word.text for word in self.words)


def unquoted_runs(found: Sequence[Word], fingerprint: frozenset[str] | set[str]) -> list[Run]:
    """The runs of our words whose 12-word windows are in the report's fingerprint.

    A window that matches counts unless at least half of its words stand in a marked
    quotation: so a quotation of one word inside copied text does not excuse the copy.
    Overlapping windows are merged into one run, reported at the line of its first word.
    """
    flagged: list[tuple[int, int]] = []
    texts = [word.text for word in found]
    for start, digest in enumerate(window_hashes(texts)):
        if digest in fingerprint:
            window = found[start : start + WINDOW]
            if 2 * sum(word.quoted for word in window) < WINDOW:
                flagged.append((start, start + WINDOW))
    runs: list[Run] = []
    for start, end in _merge(flagged):
        runs.append(Run(found[start].line, tuple(found[start:end])))
    return runs


def check_file(text: str, suffix: str, fingerprint: frozenset[str] | set[str]) -> list[Run]:
    """:func:`unquoted_runs` of one of our files, in both readings of its hyphens.

    A run the split reading finds where the joined one found nothing is added; the
    runs come in the order of their lines.
    """
    runs = unquoted_runs(file_words(text, suffix), fingerprint)
    covered = {word.line for run in runs for word in run.words}
    for run in unquoted_runs(file_words(text, suffix, split_hyphens=True), fingerprint):
        if not covered.intersection(word.line for word in run.words):
            runs.append(run)
    return sorted(runs, key=lambda run: run.line)


def long_quotations(found: Sequence[Word], fingerprint: frozenset[str] | set[str], limit: int = MAX_QUOTATION) -> list[Run]:
    """Marked quotations that take more than ``limit`` consecutive words from the report.

    A quotation is for a short passage whose exact wording matters; a longer stretch of
    the report belongs in our own words, quoted or not.
    """
    flagged: list[tuple[int, int]] = []
    texts = [word.text for word in found]
    for start, digest in enumerate(window_hashes(texts)):
        if digest in fingerprint:
            flagged.append((start, start + WINDOW))
    return [Run(found[start].line, tuple(found[start:end])) for start, end in _merge(flagged) if end - start > limit]


def _merge(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in ranges:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
