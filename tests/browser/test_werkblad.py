"""The worksheet of the denkkader in a real browser: kept text, the agenda as text, wiping, print, a11y.

Every page is opened through ``open_page`` (tests/browser/conftest.py), which fails the
test on a request to another host or an error in the console.
"""

from __future__ import annotations

import json
import shutil
import subprocess

from macros.load import load_kennisbank
from macros.render.werkblad import AGENDA, PROCESS, framework_parts

from ..conftest import ROOT
from .conftest import ARTIFACTS
from .test_readers import axe_violations, pdf_pages

KB = load_kennisbank(ROOT / "content")
PARTS = framework_parts(KB)
PATH = "werkblad/"
KEY = "kennisbank-datagedreven-sturing:werkblad"  # the localStorage key of werkblad.js
ATTACK = "<img src=x onerror=window.__kb=1>"


def field(page, number: int):
    return page.locator(f"textarea[data-werkblad-veld='{number}']")


def agenda_text(page, number: int) -> str:
    return page.locator(f"[data-werkblad-agenda='{number}'] .kb-werkblad__tekst").text_content() or ""


def ready(page):
    """The script has run once its tools are shown."""
    page.wait_for_selector("[data-werkblad-hulp]:not([hidden])")
    return page


def stored(page):
    raw = page.evaluate(f"() => localStorage.getItem({json.dumps(KEY)})")
    return None if raw is None else json.loads(raw)


def test_typed_text_and_ticks_survive_a_reload(open_page):
    page = ready(open_page(PATH))
    text = "Wij willen datagedreven werken\nvoor betere zorg in de wijk."
    field(page, 1).fill(text)
    field(page, 4).fill("Een klein programma, met de gemeentesecretaris erbij.")
    page.locator("#werkblad-stap-ii").check()
    assert stored(page) == {"velden": {"1": text, "4": "Een klein programma, met de gemeentesecretaris erbij."}, "stappen": {"ii": True}}
    page.reload()
    ready(page)
    assert field(page, 1).input_value() == text
    assert field(page, 4).input_value().startswith("Een klein programma")
    assert field(page, 2).input_value() == ""
    assert page.locator("#werkblad-stap-ii").is_checked()
    assert not page.locator("#werkblad-stap-i").is_checked()
    assert "staan er weer" in page.locator("[data-werkblad-status]").text_content()


def test_the_agenda_shows_what_was_typed_under_the_report_headings(open_page):
    page = ready(open_page(PATH))
    for part in PARTS:
        field(page, part.nummer).fill(f"Tekst van het team bij onderdeel {part.nummer}.")
    headings = page.locator(".kb-werkblad__document h3").all_text_contents()
    assert headings[: len(AGENDA)] == [f"{h.nummer}. {h.titel}" for h in AGENDA]
    for heading in AGENDA:
        for number in heading.onderdelen:
            assert agenda_text(page, number) == f"Tekst van het team bij onderdeel {number}."
            slot = page.locator(f"[data-werkblad-agenda='{number}']")
            assert slot.locator(".kb-werkblad__tekst").is_visible()
            assert not slot.locator(".kb-werkblad__leeg").is_visible()
    # Emptying a field brings back the note that nothing is filled in.
    field(page, 5).fill("")
    assert page.locator("[data-werkblad-agenda='5'] .kb-werkblad__leeg").is_visible()


def test_what_was_typed_is_text_never_markup(open_page):
    page = ready(open_page(PATH))
    field(page, 1).fill(ATTACK)
    field(page, 3).type("<b>vet</b> & <script>window.__kb=2</script>")
    assert agenda_text(page, 1) == ATTACK
    assert page.locator(".kb-werkblad img, .kb-werkblad b, .kb-werkblad script").count() == 0
    page.reload()
    ready(page)
    assert agenda_text(page, 1) == ATTACK
    page.wait_for_timeout(200)  # an injected image would have fired onerror by now
    assert page.evaluate("() => window.__kb") is None
    assert page.locator("article img").count() == page.locator("article img[src^='../']").count() == 0


def test_stored_data_is_read_as_text_and_only_for_known_fields(open_page):
    page = ready(open_page(PATH))
    hostile = {"velden": {"1": ATTACK, "2": {"toString": 1}, "99": "onbekend", "__proto__": "x"}, "stappen": {"i": True, "ii": "ja", "x": True}}
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, json.dumps(hostile)])
    page.reload()
    ready(page)
    assert field(page, 1).input_value() == ATTACK
    assert field(page, 2).input_value() == ""
    assert page.locator("#werkblad-stap-i").is_checked() and not page.locator("#werkblad-stap-ii").is_checked()
    assert page.evaluate("() => window.__kb") is None
    assert page.locator(".kb-werkblad img").count() == 0
    # Broken JSON does not break the page.
    page.evaluate("([key]) => localStorage.setItem(key, '{kapot')", [KEY])
    page.reload()
    ready(page)
    assert field(page, 1).input_value() == ""


def test_the_wipe_button_clears_the_fields_and_the_storage(open_page):
    page = ready(open_page(PATH))
    field(page, 2).fill("Stapeling van zorg in beeld.")
    page.locator("#werkblad-stap-iii").check()
    assert stored(page) is not None
    page.get_by_role("button", name="Wis mijn antwoorden").click()
    assert stored(page) is None
    assert field(page, 2).input_value() == ""
    assert not page.locator("#werkblad-stap-iii").is_checked()
    assert page.locator("[data-werkblad-agenda='2'] .kb-werkblad__leeg").is_visible()
    assert "gewist" in page.locator("[data-werkblad-status]").text_content()
    # Until the next change, the answers can be put back.
    page.get_by_role("button", name="Zet mijn antwoorden terug").click()
    assert field(page, 2).input_value() == "Stapeling van zorg in beeld."
    assert stored(page)["stappen"] == {"iii": True}
    page.get_by_role("button", name="Wis mijn antwoorden").click()
    page.reload()
    ready(page)
    assert field(page, 2).input_value() == "" and stored(page) is None
    assert not page.get_by_role("button", name="Zet mijn antwoorden terug").is_visible()


def test_the_printed_agenda_holds_the_typed_text_on_a_few_pages(open_page):
    page = ready(open_page(PATH))
    typed = {part.nummer: f"Onze afspraak {part.nummer}: " + "we leren van elke proef en delen wat werkt. " * 4 for part in PARTS}
    for number, text in typed.items():
        field(page, number).fill(text)
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".kb-werkblad__hulp", ".kb-werkblad__inhoud", ".kb-werkblad__onderdeel", ".kb-lead"):
        assert not page.locator(selector).first.is_visible(), selector
    printed = page.locator("article").inner_text()
    for text in typed.values():
        assert text.strip() in " ".join(printed.split())
    assert "Vragen om te bespreken" not in printed
    for step in PROCESS:
        assert step.tekst in printed
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / "werkblad-agenda.pdf"
    page.pdf(path=str(path), format="A4")
    pages = pdf_pages(path)
    assert 1 <= pages <= 4, f"de ingevulde agenda beslaat afgedrukt {pages} A4-pagina's (zie {path})"
    if shutil.which("pdftotext"):
        text = " ".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout.split())
        assert all(t.strip() in text for t in typed.values())


def test_without_javascript_every_part_shows_and_it_prints_as_a_blank_worksheet(open_page):
    page = open_page(PATH, javascript=False)
    for part in PARTS:
        section = page.locator(f"section[aria-labelledby='werkblad-{part.nummer}']")
        assert section.locator("h2").is_visible()
        for question in part.vragen:
            assert section.get_by_text(" ".join(question.split()), exact=True).is_visible()
        assert page.get_by_label(f"Uw tekst bij {part.nummer}. {part.titel}").is_visible()
    assert not page.locator("[data-werkblad-hulp]").is_visible()
    assert page.locator("input[data-werkblad-stap]").count() == len(PROCESS)
    page.emulate_media(media="print")
    assert page.locator(".kb-werkblad__onderdeel textarea").first.is_visible()
    assert page.locator(".kb-werkblad__document").is_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / "werkblad-leeg.pdf"
    page.pdf(path=str(path), format="A4")
    pages = pdf_pages(path)
    assert len(PARTS) <= pages <= 12, f"het lege werkblad beslaat afgedrukt {pages} A4-pagina's (zie {path})"


def test_nothing_is_requested_from_another_host(open_page):
    page = ready(open_page(PATH))
    field(page, 1).fill(ATTACK)
    page.get_by_role("button", name="Wis mijn antwoorden").click()
    page.reload()
    ready(page)
    page.wait_for_load_state("networkidle")
    assert open_page.watch.foreign == []


def test_no_serious_accessibility_violations_empty_and_filled(open_page):
    page = ready(open_page(PATH))
    assert axe_violations(page) == []
    for part in PARTS:
        field(page, part.nummer).fill(f"Tekst bij onderdeel {part.nummer}.")
    page.locator("#werkblad-stap-i").check()
    page.get_by_role("button", name="Wis mijn antwoorden").click()  # shows the undo button and the status
    # Let the theme's colour and fade transitions (buttons, back-to-top) finish: axe reads colours mid-way.
    page.mouse.move(0, 0)
    page.wait_for_timeout(600)
    assert axe_violations(page) == []
    mobile = ready(open_page(PATH, width=390, height=844))
    assert axe_violations(mobile) == []


def test_screenshots_of_the_worksheet(open_page):
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    for label, width, height in (("desktop", 1280, 900), ("mobiel", 390, 844)):
        page = ready(open_page(PATH, width=width, height=height))
        page.screenshot(path=str(folder / f"werkblad-{label}.png"), full_page=True)
        field(page, 1).fill("Onze visie: data voor een gezonde wijk.\nMet inwoners samen.")
        field(page, 3).fill(ATTACK)
        page.locator("#werkblad-stap-i").check()
        # The agenda as on the page, cut from a full-page shot (an element shot shows the sticky header over it).
        page.evaluate("() => scrollTo(0, 0)")
        box = page.evaluate("() => { const r = document.querySelector('.kb-werkblad__document').getBoundingClientRect(); return {x: r.x, y: r.y + scrollY, width: r.width, height: r.height}; }")
        page.screenshot(path=str(folder / f"werkblad-agenda-{label}.png"), full_page=True, clip=box)
        overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1, f"werkblad op {label}: de pagina is {overflow}px breder dan het scherm"
