"""The worksheet of the denkkader (docs/werkblad.md, macro werkblad()): parts, questions, links, fields, agenda.

Expectations come from the content (content/denkkader.yaml, read with load_kennisbank)
and from the agenda and process of macros/render/werkblad.py, so that the tests follow
the content instead of repeating it. The browser side is in tests/browser/test_werkblad.py.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest

from macros import urls
from macros.contract import ADVICES, FRAMEWORK, RISKS
from macros.editor_markdown import EditorMarkdown
from macros.load import load_kennisbank
from macros.model import Kennisbank
from macros.own_words import check_file
from macros.render.blocks import MacroArgumentError
from macros.render.environment import SiteInfo, make_environment
from macros.render.werkblad import AGENDA, PART_NUMBERS, PROCESS, framework_parts, worksheet
from macros.sanitize import sanitize_html

from .conftest import ROOT
from .htmlscan import Document, parse
from .test_own_words import read_fingerprint

KB = load_kennisbank(ROOT / "content")
PAGE_URL = "werkblad/"
PARTS = framework_parts(KB)
SCRIPT = ROOT / "docs" / "assets" / "javascripts" / "werkblad.js"


@dataclass
class Part:
    """What one rendered part of the worksheet holds."""

    heading: str = ""
    questions: list[str] = field(default_factory=list)
    hrefs: list[str] = field(default_factory=list)
    textareas: list[dict] = field(default_factory=list)
    labels: list[tuple[str, str]] = field(default_factory=list)  # (for, text)


class Worksheet(HTMLParser):
    """Reads the worksheet's HTML into parts (per <section>), agenda slots and process steps."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[Part] = []
        self.agenda_headings: list[str] = []
        self.agenda_slots: list[str] = []
        self.steps: list[dict] = []
        self.step_labels: dict[str, str] = {}
        self._part: Part | None = None
        self._capture: str | None = None  # what the text being read belongs to
        self._label_for = ""
        self._text: list[str] = []
        self._in_questions = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "section" and "kb-werkblad__onderdeel" in classes:
            self._part = Part()
            self.parts.append(self._part)
        elif tag == "section":
            self._part = None
        if tag == "h2" and self._part is not None:
            self._start("heading")
        elif tag == "h3" and (a.get("id") or "").startswith("werkblad-agenda-"):
            self._start("agenda")
        elif tag == "ul" and "kb-werkblad__vragen" in classes:
            self._in_questions = True
        elif tag == "li" and self._in_questions:
            self._start("question")
        elif tag == "a" and self._part is not None and "headerlink" not in classes:
            self._part.hrefs.append(a.get("href") or "")
        elif tag == "textarea" and self._part is not None:
            self._part.textareas.append(a)
        elif tag == "label":
            self._label_for = a.get("for") or ""
            self._start("label")
        elif tag == "input" and a.get("type") == "checkbox":
            self.steps.append(a)
        if "data-werkblad-agenda" in a:
            self.agenda_slots.append(a["data-werkblad-agenda"] or "")

    def _start(self, what: str) -> None:
        self._capture, self._text = what, []

    def handle_endtag(self, tag):
        text = " ".join("".join(self._text).split()).removesuffix("#").rstrip()  # without the permalink
        if tag == "h2" and self._capture == "heading" and self._part is not None:
            self._part.heading = text
        elif tag == "h3" and self._capture == "agenda":
            self.agenda_headings.append(text)
        elif tag == "li" and self._capture == "question" and self._part is not None:
            self._part.questions.append(text)
        elif tag == "ul":
            self._in_questions = False
        elif tag == "label" and self._capture == "label":
            if self._part is not None:
                self._part.labels.append((self._label_for, text))
            else:
                self.step_labels[self._label_for] = text
        else:
            return
        self._capture = None

    def handle_data(self, data):
        if self._capture:
            self._text.append(data)


def parse_text(text: str) -> Document:
    document = Document()
    document.feed(text)
    document.close()
    return document


@pytest.fixture(scope="module")
def rendered() -> str:
    env = make_environment(KB, SiteInfo(), EditorMarkdown())
    return str(worksheet(KB, env, PAGE_URL))


@pytest.fixture(scope="module")
def sheet(rendered) -> Worksheet:
    reader = Worksheet()
    reader.feed(rendered)
    reader.close()
    return reader


def resolve(href: str) -> str:
    """The site-relative URL a link on the worksheet page points at."""
    return urljoin("https://site.example/" + PAGE_URL, href).removeprefix("https://site.example/")


def test_the_content_has_the_five_parts_of_paragraph_12_2_in_order():
    assert tuple(part.nummer for part in PARTS) == PART_NUMBERS
    for part in PARTS:
        assert "12.2" in part.bron.rapport, f"onderdeel {part.nummer} noemt paragraaf 12.2 als bron"
        assert part.vragen, f"onderdeel {part.nummer} heeft leidende vragen"


def test_the_macro_renders_every_part_in_order_with_its_questions(sheet):
    assert [p.heading for p in sheet.parts] == [f"{part.nummer}. {part.titel}" for part in PARTS]
    for shown, part in zip(sheet.parts, PARTS):
        assert shown.questions == [" ".join(q.split()) for q in part.vragen], part.nummer


def test_the_explanation_of_every_part_is_on_the_sheet(rendered):
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", rendered)).split())
    for part in PARTS:
        first_sentence = " ".join(part.uitleg.split()).split("? ")[0].split(". ")[0]
        assert first_sentence in text, part.nummer


def test_every_part_links_its_advices_and_risk_cards_and_the_links_work(sheet):
    for shown, part in zip(sheet.parts, PARTS):
        expected = [urls.relative(PAGE_URL, urls.advice_url(n)) for n in part.adviezen]
        expected += [urls.relative(PAGE_URL, urls.item_url(RISKS, r)) for r in part.risicos]
        assert shown.hrefs == expected, part.nummer
        for href in shown.hrefs:
            target = resolve(href)
            if target.startswith(urls.advice_url(0).split("#")[0] + "#"):
                number = int(target.rsplit("-", 1)[1])
                assert KB.has(ADVICES, number), href
            else:
                assert target.startswith(f"{RISKS.url_prefix}/") and KB.has(RISKS, target.split("/")[1]), href


def test_every_part_has_a_labelled_empty_text_field(sheet):
    for shown, part in zip(sheet.parts, PARTS):
        assert len(shown.textareas) == 1, part.nummer
        textarea = shown.textareas[0]
        assert textarea["data-werkblad-veld"] == str(part.nummer)
        assert textarea["aria-describedby"] == f"werkblad-vragen-{part.nummer}"
        (label_for, label_text), = shown.labels
        assert label_for == textarea["id"]
        assert part.titel in label_text


def test_the_agenda_has_the_four_headings_of_paragraph_12_8_and_every_part_once(sheet):
    assert sheet.agenda_headings == [f"{h.nummer}. {h.titel}" for h in AGENDA]
    assert len(AGENDA) == 4
    # Every part's text goes under exactly one heading, in the order of the parts.
    assert sheet.agenda_slots == [str(n) for n in PART_NUMBERS]
    assert [n for heading in AGENDA for n in heading.onderdelen] == list(PART_NUMBERS)
    # The risks (part 3) go under the priorities (part 2), as in the report's agenda.
    assert next(h for h in AGENDA if 3 in h.onderdelen).onderdelen == (2, 3)


def test_the_process_proposal_is_a_checklist_of_six_steps(sheet):
    assert [s.nummer for s in PROCESS] == ["i", "ii", "iii", "iv", "v", "vi"]
    assert [s["data-werkblad-stap"] for s in sheet.steps] == [s.nummer for s in PROCESS]
    for step in sheet.steps:
        label = sheet.step_labels[step["id"]]
        assert label.startswith(step["data-werkblad-stap"] + ".")
    assert "checked" not in "".join(str(s) for s in sheet.steps)


def test_the_sheet_works_without_javascript(rendered):
    document = parse_text(rendered)
    # The tools that need the script are hidden until it runs; the fields are not.
    tools = document.find("div", "kb-werkblad__hulp")
    assert len(tools) == 1 and "hidden" in tools[0].attrs
    assert all("hidden" not in t.attrs for t in document.find("textarea"))
    assert len(document.find("textarea")) == len(PARTS)
    # Nothing is filled in: every agenda slot says so.
    assert len(document.find("p", "kb-werkblad__leeg")) == len(PARTS)


def test_the_page_survives_the_sanitizer(rendered):
    cleaned = sanitize_html(rendered)
    document = parse_text(cleaned)
    assert len(document.find("textarea")) == len(PARTS)
    assert all(a.attrs.get("data-werkblad-veld") for a in document.find("textarea"))
    labels = {label.attrs.get("for") for label in document.find("label")}
    assert {t.attrs["id"] for t in document.find("textarea")} <= labels
    assert len(document.find("input", type="checkbox")) == len(PROCESS)
    assert len(document.find("button", type="button")) == 3


def test_agenda_headings_and_process_steps_are_in_our_own_words(rendered):
    _, fingerprint = read_fingerprint()
    text = html.unescape(re.sub(r"<[^>]+>", "\n\n", rendered))
    problems = [run.text for run in check_file(text, ".md", fingerprint)]
    assert not problems, problems


def test_the_sheet_needs_the_five_parts_and_names_the_file():
    without = Kennisbank(taxonomy=KB.taxonomy, items={**KB.items, FRAMEWORK.folder: PARTS[:4]})
    env = make_environment(without, SiteInfo(), EditorMarkdown())
    with pytest.raises(MacroArgumentError, match=r"content/denkkader\.yaml.*1, 2, 3, 4"):
        worksheet(without, env, PAGE_URL)


def test_the_page_calls_the_macro():
    page = (ROOT / "docs" / "werkblad.md").read_text(encoding="utf-8")
    assert page.startswith("---\nrender_macros: true\n---\n")
    assert "\n{{ werkblad() }}\n" in page


def test_the_script_puts_what_readers_type_in_as_text_only():
    script = SCRIPT.read_text(encoding="utf-8")
    code = re.sub(r"/\*.*?\*/|//[^\n]*", "", script, flags=re.S)
    for forbidden in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function", "http:", "https:", "fetch(", "XMLHttpRequest", "sendBeacon"):
        assert forbidden not in code, forbidden
    assert "textContent" in code and "localStorage" in code


# ----------------------------------------------------------------- the built page


def test_every_link_on_the_built_worksheet_leads_somewhere(real_site: Path):
    page = real_site / "werkblad" / "index.html"
    document = parse(page)
    article = page.read_text(encoding="utf-8")
    assert 'data-werkblad=""' in article and 'src="../assets/javascripts/werkblad.js"' in article
    hrefs = {a.attrs.get("href") or "" for a in document.find("a")}
    expected = {urls.relative(PAGE_URL, urls.advice_url(n)) for p in PARTS for n in p.adviezen}
    expected |= {urls.relative(PAGE_URL, urls.item_url(RISKS, r)) for p in PARTS for r in p.risicos}
    assert expected <= hrefs
    for href in sorted(hrefs):
        if not href or href.startswith(("http:", "https:", "mailto:", "#")):
            continue
        path, _, anchor = resolve(href).partition("#")
        file = real_site / urls.output_path(path)
        assert file.is_file(), href
        if anchor:
            assert f'id="{anchor}"' in file.read_text(encoding="utf-8"), href
    # The in-page links reach the parts and the agenda.
    for part in PARTS:
        assert f'id="werkblad-{part.nummer}"' in article
    assert 'id="werkblad-agenda"' in article
