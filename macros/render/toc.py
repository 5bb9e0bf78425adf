"""The table of contents of a generated page, read from its finished HTML.

Hand-written pages get theirs from Python-Markdown's toc extension. Generated pages
do not pass through Markdown at all, so their headings (from templates and from the
editor's text alike) are collected here in the same shape (``toc_tokens``).
"""

from __future__ import annotations

from html.parser import HTMLParser

_LEVELS = {"h2": 2, "h3": 3}


class _Headings(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.found: list[tuple[int, str, str]] = []  # (level, id, name as HTML)
        self._open: tuple[int, str] | None = None
        self._text: list[str] = []
        self._in_permalink = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in _LEVELS and attributes.get("id"):
            self._open, self._text = (_LEVELS[tag], attributes["id"] or ""), []
        elif tag == "a" and self._open and "headerlink" in (attributes.get("class") or ""):
            self._in_permalink = True

    def handle_endtag(self, tag):
        if tag == "a":
            self._in_permalink = False
        elif tag in _LEVELS and self._open:
            level, ident = self._open
            self.found.append((level, ident, "".join(self._text).strip()))
            self._open = None

    def handle_data(self, data):
        if self._open and not self._in_permalink:
            self._text.append(data)

    def handle_entityref(self, name):
        self.handle_data(f"&{name};")

    def handle_charref(self, name):
        self.handle_data(f"&#{name};")


def toc_tokens(html: str) -> list[dict]:
    """h2 and h3 with an id, nested: the shape MkDocs' ``get_toc`` reads."""
    parser = _Headings()
    parser.feed(html)
    tokens: list[dict] = []
    for level, ident, name in parser.found:
        token = {"level": level, "id": ident, "name": name, "children": []}
        if level == 3 and tokens:
            tokens[-1]["children"].append(token)
        else:
            tokens.append(token)
    return tokens
