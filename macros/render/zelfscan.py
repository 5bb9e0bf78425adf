"""The self-scan on its page: the story macro ``zelfscan()`` and the data file for its script.

The macro renders every question of ``content/zelfscan_vragen.yaml`` as a fieldset with
a legend and radio buttons, grouped by the aspects of ``content/zelfscan_aspecten.yaml``.
Without JavaScript that is the whole page: a checklist to print or discuss. With it,
``docs/assets/javascripts/zelfscan.js`` reads ``zelfscan/zelfscan.json`` (made here,
from :func:`macros.zelfscan.browser_data`) and shows the result as the reader answers.
The rules themselves live in :mod:`macros.zelfscan`.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from ..model import Kennisbank
from ..zelfscan import ANSWERS_PARAMETER, Scan, browser_data, problems
from .blocks import MacroArgumentError
from .environment import render

DATA_PATH = "zelfscan/zelfscan.json"
"""Where the build puts the data for zelfscan.js (site-relative)."""

STORY_PAGE = "verhaal/fasen/"
"""The story page on chapter 3: the innovation cycle and the five groups of municipalities."""

CYCLE_ANCHOR = "de-innovatiecyclus"
GROUP_ANCHORS = {
    "koploper": "koplopers",
    "pionier": "pioniers",
    "voorloper": "voorlopers",
    "achterloper": "achterlopers-en-achterblijvers",
    "achterblijver": "achterlopers-en-achterblijvers",
}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def plain_text(html: str) -> str:
    """The text of an HTML fragment, with its whitespace collapsed."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    return " ".join("".join(parser.parts).split())


def self_scan(kennisbank: Kennisbank, env: Environment, page_url: str) -> Markup:
    """The questions as an accessible form, grouped by aspect, numbered through."""
    scan = Scan.of(kennisbank)
    if not scan.questions:
        raise MacroArgumentError(
            "de zelfscan heeft vragen nodig in content/zelfscan_vragen.yaml en aspecten in content/zelfscan_aspecten.yaml; nu staan er geen."
        )
    parts: list[tuple[Any, list[tuple[int, Any]]]] = []
    number = 0
    for aspect in scan.aspects:
        numbered = []
        for question in scan.questions_of(aspect.id):
            number += 1
            numbered.append((number, question))
        parts.append((aspect, numbered))
    return render(env, "zelfscan.html", page_url, parts=parts, total=number, data_path=DATA_PATH, parameter=ANSWERS_PARAMETER)


def data_file(kennisbank: Kennisbank, env: Environment) -> str:
    """The JSON for zelfscan.js; stops the build when the scan's content does not add up."""
    found = problems(kennisbank)
    if found:
        raise ValueError("De zelfscan klopt niet: " + " ".join(str(p) for p in found))
    markdown = env.filters["md"]
    data = browser_data(kennisbank, lambda text: plain_text(str(markdown(text))))
    data["cyclus"] = f"{STORY_PAGE}#{CYCLE_ANCHOR}"
    for group_id, group in data["groepen"].items():
        group["url"] = f"{STORY_PAGE}#{GROUP_ANCHORS[group_id]}"
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
