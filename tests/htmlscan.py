"""Small HTML inspection helpers for tests (standard library only)."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path


@dataclass
class Element:
    tag: str
    attrs: dict[str, str | None]
    text: str = ""


@dataclass
class Document(HTMLParser):
    elements: list[Element] = field(default_factory=list)
    _open: list[Element] = field(default_factory=list)

    def __post_init__(self) -> None:
        HTMLParser.__init__(self, convert_charrefs=True)

    def handle_starttag(self, tag, attrs):
        element = Element(tag, dict(attrs))
        self.elements.append(element)
        if tag not in {"br", "img", "meta", "link", "input", "hr", "source", "col", "wbr"}:
            self._open.append(element)

    def handle_endtag(self, tag):
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index].tag == tag:
                del self._open[index:]
                break

    def handle_data(self, data):
        for element in self._open:
            element.text += data

    def find(self, tag: str, class_: str | None = None, **attrs: str) -> list[Element]:
        """Elements with this tag, this class among their classes, and these exact attributes."""
        found = []
        for element in self.elements:
            if element.tag != tag:
                continue
            if class_ and class_ not in (element.attrs.get("class") or "").split():
                continue
            if all(element.attrs.get(name) == value for name, value in attrs.items()):
                found.append(element)
        return found


def parse(path: Path) -> Document:
    document = Document()
    document.feed(path.read_text(encoding="utf-8"))
    document.close()
    return document


def text_of(path: Path) -> str:
    """The visible text of the page's article, whitespace collapsed."""
    article = [e for e in parse(path).elements if e.tag == "article"]
    return " ".join((article[0].text if article else "").split())
