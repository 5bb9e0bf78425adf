"""The self-scan in a real browser: the result, its links, the shared address, storage, print.

zelfscan.js repeats two rules of macros/zelfscan.py (the position per aspect and the
group); here the script's outcome is compared with the module's for several sets of
answers. The ``open_page`` fixture fails a test on any request to another host and on
any error in the console.
"""

from __future__ import annotations

import json
import random
import re
import urllib.request
from urllib.parse import urldefrag, urljoin

import pytest

from macros.load import load_kennisbank
from macros.zelfscan import Scan, format_answers, group, positions

from ..conftest import ROOT
from .conftest import ARTIFACTS
from .test_readers import axe_violations

KB = load_kennisbank(ROOT / "content")
SCAN = Scan.of(KB)
PAGE = "zelfscan/"


def address(answers: dict[str, int]) -> str:
    return f"{PAGE}?antwoorden={format_answers(SCAN, answers)}"


def random_answers(seed: int, share: float = 0.8) -> dict[str, int]:
    rng = random.Random(seed)
    return {q.id: rng.randrange(len(q.opties)) for q in SCAN.questions if rng.random() < share}


LEAST = {q.id: 0 for q in SCAN.questions}
MOST = {q.id: len(q.opties) - 1 for q in SCAN.questions}
SECOND = {q.id: 1 for q in SCAN.questions}
# Answer sets for the comparison with Python: the extremes, a few random ones, and some incomplete.
ANSWER_SETS = {
    "minst": LEAST,
    "meest": MOST,
    "tweede": SECOND,
    "een-per-onderdeel": {SCAN.questions_of(a.id)[0].id: 2 for a in SCAN.aspects},
    "half": random_answers(11, 0.5),
    **{f"willekeurig-{seed}": random_answers(seed) for seed in range(6)},
}


def wait_for_result(page, answered: bool = True):
    """The script has read zelfscan.json and drawn the result (or its empty state)."""
    if answered:
        page.wait_for_selector(".kb-zelfscan__aspect", state="attached")
    else:
        page.wait_for_function("() => document.querySelector('.kb-zelfscan__status').textContent.length > 0")
    return page


def shown(page) -> tuple[dict[str, str | None], str | None]:
    """The positions and the group as the script shows them (data attributes of the result)."""
    found = page.eval_on_selector_all(".kb-zelfscan__aspect", "els => els.map(e => [e.dataset.aspect, e.dataset.fase])")
    groups = page.eval_on_selector_all(".kb-zelfscan__totaal", "els => els.map(e => e.dataset.groep)")
    return {aspect: phase or None for aspect, phase in found}, (groups[0] or None) if groups else None


def result_links(page) -> list[str]:
    return page.eval_on_selector_all(".kb-zelfscan__uitslag a[href]", "els => els.map(a => a.href)")


def check_links_work(links: list[str]) -> None:
    pages: dict[str, str] = {}
    for link in links:
        url, fragment = urldefrag(link)
        if url not in pages:
            with urllib.request.urlopen(url) as response:  # the local test server
                assert response.status == 200, link
                pages[url] = response.read().decode("utf-8")
        if fragment:
            assert f'id="{fragment}"' in pages[url], f"{link}: het anker bestaat niet op de pagina"


# ---------------------------------------------------------------- answering


def test_answering_gives_a_result_with_working_links(open_page):
    page = wait_for_result(open_page(PAGE), answered=False)
    assert page.locator(".kb-zelfscan__uitslag").is_visible()
    assert "Beantwoord de vragen" in page.locator(".kb-zelfscan__status").inner_text()
    answers = random_answers(4, 1.0)
    for question_id, index in answers.items():
        # Click the label, as a reader does: with the question in view first. A label at
        # the viewport's bottom edge, scrolled into view by Playwright itself, sometimes
        # missed its answer (about once in 6 to 25 runs on a busy machine; cause not found).
        option = page.locator(f"fieldset#vraag-{question_id} label.kb-zelfscan__optie").nth(index)
        option.evaluate("label => label.scrollIntoView({block: 'center'})")
        option.click()
        assert page.locator(f"input[name='{question_id}']").nth(index).is_checked(), question_id
    wait_for_result(page)
    expected = positions(SCAN, answers)
    assert shown(page) == (expected, group(SCAN, answers))
    assert page.evaluate("() => location.search") == f"?antwoorden={format_answers(SCAN, answers)}"
    status = page.locator(".kb-zelfscan__status")
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    label = KB.taxonomy["gemeentecategorie"].label_of(group(SCAN, answers)).lower()
    assert label in status.inner_text()
    # The chart has a text alternative, and says the same as the words below it.
    chart = page.locator(".kb-zelfscan__grafiek svg")
    assert chart.get_attribute("role") == "img"
    description = page.locator(".kb-zelfscan__grafiek svg desc").text_content()
    for aspect in SCAN.aspects:
        assert f"{aspect.titel}: {KB.taxonomy['fase'].label_of(expected[aspect.id]).lower()}" in description
    links = result_links(page)
    assert len(links) > 10
    assert any("/leerlijnen/" in link for link in links) and any("/adviezen/#advies-" in link for link in links)
    assert any("/risicos/" in link for link in links) and any("/praktijkvoorbeelden/" in link for link in links)
    check_links_work(links)


def test_every_address_in_the_data_file_is_a_page_of_the_site(open_page, server):
    page = open_page(PAGE)
    data = json.loads(urllib.request.urlopen(server + PAGE + "zelfscan.json").read().decode("utf-8"))
    root = urljoin(server + PAGE, page.locator("#kb-zelfscan").get_attribute("data-root"))
    addresses = [data["cyclus"]] + [g["url"] for g in data["groepen"].values()]
    for aspect in data["aspecten"]:
        for steps in aspect["stappen"].values():
            addresses += [item["url"] for item in steps["links"] + steps["voorbeelden"]]
            addresses += [steps["alle"]] if steps["alle"] else []
    check_links_work([urljoin(root, a) for a in addresses])


@pytest.mark.parametrize("name", ANSWER_SETS)
def test_the_script_gives_the_same_position_and_group_as_python(open_page, name):
    answers = ANSWER_SETS[name]
    page = wait_for_result(open_page(address(answers)))
    assert shown(page) == (positions(SCAN, answers), group(SCAN, answers))


def test_the_shared_address_gives_the_same_result(open_page):
    answers = random_answers(7)
    first = wait_for_result(open_page(address(answers)))
    text = first.locator(".kb-zelfscan__resultaat").inner_text()
    shared = first.url.split("/", 3)[3]
    again = wait_for_result(open_page(shared))
    assert again.locator(".kb-zelfscan__resultaat").inner_text() == text
    checked = again.eval_on_selector_all("input[type=radio]:checked", "els => els.map(e => [e.name, Number(e.value)])")
    assert dict(checked) == answers
    # An address with something that does not exist names it and uses the rest.
    odd = wait_for_result(open_page(f"{PAGE}?antwoorden=ambitie:2,bestaat-niet:1,leren:9"))
    assert "bestaat-niet:1" in odd.locator(".kb-zelfscan__status").inner_text()
    assert odd.locator("input[name=ambitie][value='2']").is_checked()


def test_answers_stay_in_the_browser_only_when_the_reader_asks(open_page):
    page = wait_for_result(open_page(PAGE), answered=False)
    stored = "() => localStorage.getItem('kennisbank-zelfscan')"
    page.locator("input[name=ambitie][value='2']").check()
    assert page.evaluate(stored) is None
    page.locator("input[name=bewaren]").check()
    assert page.evaluate(stored) == "ambitie:2"
    page.locator("input[name=leren][value='1']").check()
    assert page.evaluate(stored) == "ambitie:2,leren:1"
    # Back later, without the answers in the address: they come from the browser.
    page.goto(page.url.split("?")[0])
    wait_for_result(page)
    assert page.locator("input[name=leren][value='1']").is_checked()
    assert page.locator("input[name=bewaren]").is_checked()
    assert page.evaluate("() => location.search") == "?antwoorden=ambitie:2,leren:1"
    # A colleague's shared address does not overwrite the stored answers unasked.
    page.goto(page.url.split("?")[0] + "?antwoorden=ambitie:0")
    wait_for_result(page)
    assert not page.locator("input[name=bewaren]").is_checked()
    page.locator("input[name=leren][value='3']").check()
    assert page.evaluate(stored) == "ambitie:2,leren:1"
    page.locator("[data-zelfscan-vergeet]").click()
    assert page.evaluate(stored) is None
    assert "verwijderd" in page.locator(".kb-zelfscan__bewaard").inner_text()


def test_begin_again_clears_the_answers_and_the_address(open_page):
    page = wait_for_result(open_page(address(SECOND)))
    page.locator(".kb-zelfscan__opnieuw button[type=reset]").click()
    page.wait_for_function("() => !location.search")
    assert page.locator("input[type=radio]:checked").count() == 0
    assert page.locator(".kb-zelfscan__aspect").count() == 0
    assert "Beantwoord de vragen" in page.locator(".kb-zelfscan__status").inner_text()


def test_the_scan_works_with_the_keyboard(open_page):
    page = wait_for_result(open_page(PAGE), answered=False)
    first = page.locator(f"input[name={SCAN.questions[0].id}]").first
    first.focus()
    page.keyboard.press("ArrowDown")  # moves to the next answer and selects it
    assert page.locator(f"input[name={SCAN.questions[0].id}][value='1']").is_checked()
    assert page.evaluate("() => location.search") == f"?antwoorden={SCAN.questions[0].id}:1"
    focused = page.evaluate("() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, parseFloat(s.outlineWidth)]; }")
    assert focused[0] != "none" and focused[1] >= 2, focused
    page.keyboard.press("Tab")  # on to the next question
    assert page.evaluate("() => document.activeElement.name") == SCAN.questions[1].id


def test_no_serious_accessibility_violations(open_page):
    page = wait_for_result(open_page(address(random_answers(5))))
    assert axe_violations(page) == []
    empty = wait_for_result(open_page(PAGE), answered=False)
    assert axe_violations(empty) == []


@pytest.mark.parametrize("name", ["meest", "tweede", "willekeurig-0", "willekeurig-1", "willekeurig-2"])
def test_the_result_prints_on_at_most_two_a4_pages(open_page, name):
    page = wait_for_result(open_page(address(ANSWER_SETS[name])))
    page.emulate_media(media="print")
    assert not page.locator(".kb-zelfscan__vragen").is_visible()
    assert page.locator(".kb-zelfscan__totaal").is_visible()
    assert page.locator("article h1").is_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    pdf = page.pdf(format="A4")
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    if name == "meest":
        (ARTIFACTS / "zelfscan-uitslag.pdf").write_bytes(pdf)
    assert 1 <= pages <= 2, f"{name}: de uitslag print op {pages} pagina's"


def test_without_javascript_the_questions_are_a_checklist(open_page):
    page = open_page(address(MOST), javascript=False)
    fieldsets = page.locator("fieldset.kb-zelfscan__vraag")
    assert fieldsets.count() == len(SCAN.questions)
    assert all(fieldsets.nth(i).is_visible() for i in range(fieldsets.count()))
    assert page.locator("fieldset.kb-zelfscan__vraag legend").count() == len(SCAN.questions)
    assert page.locator(".kb-zelfscan__zonder-js").is_visible()
    assert not page.locator(".kb-zelfscan__uitslag").is_visible()
    assert page.locator("input[type=radio]:checked").count() == 0  # nothing is filled in for the reader
    assert page.locator("input[type=radio]").count() == sum(len(q.opties) for q in SCAN.questions)


def test_screenshots_desktop_and_phone(open_page):
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    for label, width, height in (("desktop", 1280, 900), ("mobiel", 390, 844)):
        page = wait_for_result(open_page(address(random_answers(2)), width=width, height=height))
        page.screenshot(path=str(folder / f"zelfscan-{label}.png"), full_page=True)
        page.locator("#kb-zelfscan-uitslag").screenshot(path=str(folder / f"zelfscan-uitslag-{label}.png"))
        overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1, f"zelfscan op {label}: de pagina is {overflow}px breder dan het scherm"
