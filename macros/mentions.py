"""Where the story mentions a municipality, so that its page can point there.

The story pages in docs/ are written by hand; they name municipalities in running
text. A municipality page lists those pages, also (and especially) when the knowledge
base holds no case of that municipality yet. Pure text work, no MkDocs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_TITLE = re.compile(r"^# (.+)$", re.M)


@dataclass(frozen=True)
class StoryPage:
    url: str  # site-relative, e.g. verhaal/fasen/
    title: str
    text: str  # the page's Markdown source


def page_title(markdown: str, fallback: str) -> str:
    """The page's first-level heading, as readers see it."""
    match = _TITLE.search(_FRONT_MATTER.sub("", markdown, count=1))
    return match.group(1).strip() if match else fallback


def mentions(pages: Iterable[StoryPage], names: dict[str, str]) -> dict[str, tuple[StoryPage, ...]]:
    """Municipality id -> the story pages that name it (whole words, as written), in page order."""
    patterns = {key: re.compile(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])") for key, name in names.items()}
    found: dict[str, list[StoryPage]] = {key: [] for key in names}
    for page in pages:
        text = _FRONT_MATTER.sub("", page.text, count=1)
        for key, pattern in patterns.items():
            if pattern.search(text):
                found[key].append(page)
    return {key: tuple(value) for key, value in found.items()}
