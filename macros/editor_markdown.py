"""Editor Markdown: the small, closed language of texts from ``content/``.

Editors from outside write these texts, so they are treated like input on a web
form: an allow-list of constructs, rendered by a Markdown converter that knows no
other, then cleaned by an allow-list sanitizer. What the language allows:

- paragraphs, ``**vet**``, ``*schuin*``, ``inline code`` and indented code;
- headings ``##`` to ``####`` (in the body of a page only, not in short fields);
- lists (``- `` and ``1. ``), quotes (``> ``), tables, horizontal rules;
- links ``[tekst](adres)`` and ``<https://...>``: https, http and mailto, or a path
  within the site;
- images ``![beschrijving](pad)`` from this site only.

Refused, with a message: raw HTML and HTML comments, attribute lists ``{: ...}``,
other extensions' syntax (``!!!``, ``[^1]``), one-``#`` headings, other URL schemes,
images from other hosts, over-long lines and bracket storms that make Markdown
slow. The checks below scan each line once: no pattern backtracks over a line.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import markdown
import markdown.treeprocessors
import nh3
from markdown.extensions.toc import slugify as _toc_slugify
from markupsafe import Markup

from .weburl import judge

MAX_LINE_CHARS = 4000
MAX_BRACKETS_PER_PARAGRAPH = 60
PERMALINK_TITLE = "Link naar dit kopje"
PLACEHOLDER = "(Vul in:"  # how the scaffold marks text that the editor must still write

_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?=[\s/>]|$)|<![A-Za-z\[]|<\?")
_AUTOLINK = re.compile(r"<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*>")
_ATTRIBUTE_LIST = re.compile(r"\{\s*[:#.]")
_H1 = re.compile(r"^ {0,3}#(?!#)(\s|$)")
_HEADING = re.compile(r"^ {0,3}(#{1,6})(\s|$)")
_INDENTED_CODE = re.compile(r"^( {4}|\t)")
_BLANK = re.compile(r"^\s*$")


def editor_slug(value: str, separator: str) -> str:
    """Heading ids as MkDocs makes them, but never in the theme's or our templates' namespace.

    Material reads its settings from the element with id ``__config``; a heading
    "__config" must not become that element. Headings that templates add to item
    pages have ids starting with ``kb-``; an editor's heading gets ``kop-`` before those.
    """
    slug = _toc_slugify(value, separator).strip("_-")
    if slug.startswith("kb-"):
        return f"kop-{slug}"
    return slug or "kop"


# ---------------------------------------------------------------- rendering


@dataclass(frozen=True)
class Rendered:
    html: Markup
    toc: list = field(default_factory=list)  # Python-Markdown's toc_tokens


_ALLOWED_TAGS = {
    "p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "a", "em", "strong", "code", "pre",
    "blockquote", "table", "thead", "tbody", "tr", "th", "td", "br", "hr", "img",
}
_ALLOWED_ATTRIBUTES = {
    "a": {"href", "class", "title", "rel"},
    "img": {"src", "alt"},
    "h2": {"id"}, "h3": {"id"}, "h4": {"id"}, "h5": {"id"}, "h6": {"id"},
    "ol": {"start"},
}
_HEADING_ID = re.compile(r"[a-z0-9][a-z0-9_-]*")


class _FragmentFilter:
    """Attribute rules for editor HTML: ids, classes and titles only where Markdown made them."""

    def __init__(self, page_url: str):
        self.page_url = page_url

    def __call__(self, tag: str, attribute: str, value: str) -> str | None:
        if attribute == "id":
            return value if _HEADING_ID.fullmatch(value) else None
        if attribute == "class":
            return value if tag == "a" and value == "headerlink" else None
        if attribute == "rel":
            return value if value == "noopener" else None
        if attribute == "title":
            return value if tag == "a" and value == PERMALINK_TITLE else None
        if attribute == "href":
            return None if judge(value, self.page_url, decode_entities=False).refused else value
        if attribute == "src":
            return value if judge(value, self.page_url, decode_entities=False).internal else None
        return value


class _MarkLinksLeaving(markdown.treeprocessors.Treeprocessor):
    """Links that leave the site get ``rel="noopener"``: the page they open cannot reach back."""

    def run(self, root):
        for element in root.iter("a"):
            href = element.get("href")
            if href is not None and judge(href, decode_entities=False).kind == "extern":
                element.set("rel", "noopener")
        return None


class EditorMarkdown:
    """Renders editor Markdown to clean HTML; one instance is reused for every text."""

    def __init__(self) -> None:
        self._body = self._converter(headings=True)
        self._short = self._converter(headings=False)

    @staticmethod
    def _converter(headings: bool) -> markdown.Markdown:
        extensions: list = ["sane_lists", "tables"]
        if headings:
            extensions.append(
                markdown.extensions.toc.TocExtension(permalink="#", permalink_title=PERMALINK_TITLE, slugify=editor_slug, toc_depth="2-4")
            )
        converter = markdown.Markdown(extensions=extensions)
        # No raw HTML at all: tags and comments are shown as text.
        converter.preprocessors.deregister("html_block")
        converter.inlinePatterns.deregister("html")
        converter.treeprocessors.register(_MarkLinksLeaving(converter), "kb-rel", 0)
        return converter

    def render(self, text: str, page_url: str = "", *, headings: bool = True) -> Rendered:
        converter = self._body if headings else self._short
        converter.reset()
        converted = converter.convert(text)
        clean = nh3.clean(
            converted,
            tags=_ALLOWED_TAGS,
            attributes=_ALLOWED_ATTRIBUTES,
            url_schemes={"http", "https", "mailto"},
            link_rel=None,
            strip_comments=True,
            attribute_filter=_FragmentFilter(page_url),
        )
        return Rendered(Markup(clean), list(getattr(converter, "toc_tokens", [])))

    def inline(self, text: str, page_url: str = "") -> Markup:
        """A short text without its paragraph, for use inside a sentence or list item."""
        converted = str(self.render(text, page_url, headings=False).html)
        if converted.startswith("<p>") and converted.endswith("</p>") and converted.count("<p>") == 1:
            converted = converted[3:-4]
        return Markup(converted)


# ---------------------------------------------------------------- validation


def _blank_code_spans(line: str) -> str:
    """The line with inline code replaced by spaces, found in one pass over backtick runs."""
    runs = [(m.start(), m.end()) for m in re.finditer(r"`+", line)]
    if len(runs) < 2:
        return line
    chars = list(line)
    index = 0
    while index < len(runs):
        start, end = runs[index]
        length = end - start
        closing = next((j for j in range(index + 1, min(len(runs), index + 64)) if runs[j][1] - runs[j][0] == length), None)
        if closing is None:
            index += 1
            continue
        for position in range(start, runs[closing][1]):
            chars[position] = " "
        index = closing + 1
    return "".join(chars)


def _prose_lines(text: str) -> list[tuple[int, str]]:
    """(offset, line) for each line that Markdown reads as prose, with code spans blanked."""
    lines, previous_blank = [], True
    for offset, line in enumerate(text.split("\n")):
        if previous_blank and _INDENTED_CODE.match(line):
            continue  # an indented code block is shown as code, never interpreted
        previous_blank = bool(_BLANK.match(line))
        lines.append((offset, line if "`" not in line else _blank_code_spans(line)))
    return lines


def markdown_problems(text: str, page_url: str = "", *, headings: bool = True) -> list[tuple[int, str]]:
    """Problems in editor Markdown as (line offset within the text, Dutch message)."""
    found: list[tuple[int, str]] = []
    too_long = set()
    for offset, line in enumerate(text.split("\n")):
        if len(line) > MAX_LINE_CHARS:
            too_long.add(offset)
            found.append((offset, f"deze regel is {len(line)} tekens lang; de grens is {MAX_LINE_CHARS}. Zet een lege regel tussen alinea's."))
    if too_long:
        return found  # rendering such a text is what the limit protects against
    brackets, paragraph_start = 0, 0
    for offset, line in _prose_lines(text):
        if _BLANK.match(line):
            brackets, paragraph_start = 0, offset + 1
            continue
        brackets += line.count("[")
        if brackets > MAX_BRACKETS_PER_PARAGRAPH:
            found.append((paragraph_start, f"deze alinea heeft meer dan {MAX_BRACKETS_PER_PARAGRAPH} '['; zoveel links of haken heeft geen tekst nodig. Verdeel de alinea."))
            brackets = -10**9  # once per paragraph
        found.extend((offset, message) for message in _line_problems(line, headings))
    if any("'['" in message for _, message in found):
        return found
    found.extend(_target_problems(text, page_url, headings))
    found.extend(_section_problems(text) if headings else [])
    return sorted(found)


def _line_problems(line: str, headings: bool) -> list[str]:
    problems = []
    without_autolinks = _AUTOLINK.sub("", line)
    if "<!--" in line:
        problems.append("HTML-commentaar ('<!--') is niet toegestaan in de tekst. Haal het weg; een aantekening voor de redactie hoort in de pull request.")
    else:
        tag = _TAG.search(without_autolinks)
        if tag:
            problems.append(
                f"HTML ('{tag.group(0)[:40]}') is niet toegestaan in de tekst. Gebruik Markdown: "
                "**vet**, *schuin*, [linktekst](https://...), '- ' voor een opsomming."
            )
    if _ATTRIBUTE_LIST.search(line):
        problems.append("attributen tussen accolades ('{: ...}', '{#...}', '{. ...}') zijn niet toegestaan in de tekst. Haal ze weg.")
    if line.lstrip().startswith("!!!") or line.lstrip().startswith("???"):
        problems.append("blokken met '!!!' zijn niet toegestaan in de tekst. Schrijf een gewone alinea, eventueel met **vet** begin.")
    if "[^" in line:
        problems.append("voetnoten ('[^1]') zijn niet toegestaan in de tekst. Zet de bron in de tekst of onder bron.links.")
    if headings and _H1.match(line):
        problems.append("een kop met één '#' is de paginatitel, en die komt al uit het veld 'titel'. Begin kopjes met '## '.")
    elif not headings and _HEADING.match(line):
        problems.append("kopjes ('#') zijn in dit veld niet toegestaan; schrijf gewone alinea's.")
    if line.lstrip().startswith(PLACEHOLDER):
        problems.append(f"hier staat nog een invulhulp van het sjabloon ('{PLACEHOLDER} …)'). Vervang hem door uw tekst, of haal het kopje erboven weg.")
    return problems


class _Targets(HTMLParser):
    """The link and image targets in rendered HTML, as the browser will see them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []  # (tag, decoded URL)

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if (tag, name) in (("a", "href"), ("img", "src")) and value is not None:
                self.found.append((tag, value))


_RENDERER = EditorMarkdown()


def _target_problems(text: str, page_url: str, headings: bool) -> list[tuple[int, str]]:
    """Judge every link and image the text really produces; a regex would miss some forms."""
    if "](" not in text and "]:" not in text and "<" not in text and "][" not in text:
        return []
    converter = _RENDERER._body if headings else _RENDERER._short
    converter.reset()
    parser = _Targets()
    parser.feed(converter.convert(text))
    problems = []
    source_lines = text.split("\n")
    for tag, url in parser.found:
        verdict = judge(url, page_url, decode_entities=False)
        offset = _line_of(source_lines, url)
        if verdict.refused:
            problems.append((offset, f"het linkadres '{url[:80]}' is niet toegestaan: {verdict.reason}."))
        elif tag == "img" and not verdict.internal:
            problems.append(
                (
                    offset,
                    f"de afbeelding '{url[:80]}' staat op een andere website. De kennisbank laadt niets van andere "
                    "websites (privacy van lezers): zet de afbeelding in de repository en verwijs er met een pad binnen de site naar.",
                )
            )
    return problems


def _line_of(lines: list[str], url: str) -> int:
    """The first line that holds the URL as written (or its start), for the message."""
    for candidate in (url, html.escape(url, quote=False), url[:20]):
        for offset, line in enumerate(lines):
            if candidate and candidate in line:
                return offset
    return 0


def _section_problems(text: str) -> list[tuple[int, str]]:
    """A heading with nothing under it before the next heading of the same or a higher level."""
    problems = []
    headings = []  # (offset, level, text)
    has_text = []
    for offset, line in _prose_lines(text):
        match = _HEADING.match(line)
        if match:
            headings.append((offset, len(match.group(1)), line.strip()))
            has_text.append(False)
        elif headings and not _BLANK.match(line):
            has_text[-1] = True
    for index, (offset, level, heading) in enumerate(headings):
        following = headings[index + 1] if index + 1 < len(headings) else None
        nested = following is not None and following[1] > level
        if not has_text[index] and not nested:
            problems.append((offset, f"onder het kopje '{heading[:60]}' staat geen tekst. Schrijf er tekst onder, of haal het kopje weg."))
    return problems


def is_blank(text: str) -> bool:
    return not text.strip()
