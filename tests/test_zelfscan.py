"""The self-scan's rules (macros/zelfscan.py), on the project's own content and on fixture content.

The browser half (zelfscan.js gives the same positions and group) is in
tests/browser/test_zelfscan.py.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from macros import zelfscan
from macros.editor_markdown import EditorMarkdown
from macros.load import check_content, load_kennisbank
from macros.pages import plan_pages
from macros.render.environment import SiteInfo, make_environment
from macros.render.zelfscan import DATA_PATH, GROUP_ANCHORS, data_file, plain_text, self_scan
from macros.zelfscan import PHASES, Scan, format_answers, group, next_cases, next_phase, parse_answers, position, positions, result

from .conftest import ROOT

KB = load_kennisbank(ROOT / "content")
SCAN = Scan.of(KB)
A, E, B, V, N = PHASES  # agendering, experimenteren, verbreden, verankeren, nieuwe-normaal


def answers_for(scan: Scan, choose) -> dict[str, int]:
    return {q.id: choose(q) for q in scan.questions}


def random_answers(scan: Scan, seed: int) -> dict[str, int]:
    rng = random.Random(seed)
    return {q.id: rng.randrange(len(q.opties)) for q in scan.questions if rng.random() < 0.85}


# ---------------------------------------------------------------- the position rule


@pytest.mark.parametrize(
    "phases, expected",
    [
        ([], None),
        ([V], V),
        ([A, V], A),  # of two, the earlier: more than half must reach it
        ([V, A], A),
        ([A, E, B], E),
        ([A, E, B, V], E),
        ([E, E, V, V], E),
        ([E, V, V, V], V),
        ([A, A, A, N], A),  # one far answer does not lift the position
        ([N, N, A], N),
    ],
)
def test_position_is_the_furthest_phase_more_than_half_reach(phases, expected):
    assert position(phases) == expected
    if phases:
        reached = sum(1 for p in phases if PHASES.index(p) >= PHASES.index(expected))
        assert reached * 2 > len(phases)
        further = [p for p in PHASES if PHASES.index(p) > PHASES.index(expected)]
        assert all(sum(1 for p in phases if PHASES.index(p) >= PHASES.index(f)) * 2 <= len(phases) for f in further)


def test_next_phase_follows_the_cycle():
    assert [next_phase(p) for p in PHASES] == [E, B, V, N, None]
    assert next_phase(None) is None


def test_phases_and_groups_are_the_taxonomys_terms():
    assert set(PHASES) == set(KB.taxonomy["fase"].ids()) - {"onbekend"}
    assert [p for p in KB.taxonomy["fase"].ids() if p != "onbekend"] == list(PHASES)
    assert list(zelfscan.GROUPS) == KB.taxonomy["gemeentecategorie"].ids()


# ---------------------------------------------------------------- answers in an address


def test_answers_round_trip_through_the_address_text():
    answers = random_answers(SCAN, 3)
    text = format_answers(SCAN, answers)
    assert re.fullmatch(r"[a-z0-9-]+:\d(,[a-z0-9-]+:\d)*", text)
    assert parse_answers(text) == answers


def test_unknown_questions_and_options_are_left_out():
    parsed = parse_answers("ambitie:2,bestaat-niet:1,leren:99,leren:x,:3,vaardigheden,overdracht:1")
    assert parsed == {"ambitie": 2, "bestaat-niet": 1, "leren": 99, "overdracht": 1}
    assert zelfscan.valid_answers(SCAN, parsed) == {"ambitie": 2, "overdracht": 1}
    assert format_answers(SCAN, parsed) == "ambitie:2,overdracht:1"


# ---------------------------------------------------------------- the project's own content


def test_the_content_adds_up():
    assert zelfscan.problems(KB) == []
    assert 15 <= len(SCAN.questions) <= 25
    assert 5 <= len(SCAN.aspects) <= 7
    for question in SCAN.questions:
        assert 3 <= len(question.opties) <= 5, question.id
        # The first answer is the least advanced: at the start of the cycle.
        assert question.opties[0].fase == A, question.id
    for aspect in SCAN.aspects:
        assert len(SCAN.questions_of(aspect.id)) >= 3, aspect.id
        assert aspect.bron.rapport, aspect.id


def test_every_link_of_every_step_exists():
    for aspect in SCAN.aspects:
        for phase, steps in aspect.stappen.items():
            assert phase in PHASES
            for line in steps.leerlijnen:
                KB.learning_line(line)
            for number in steps.adviezen:
                KB.advice(number)
            for risk in steps.risicos:
                KB.risk(risk)


def test_least_and_most_advanced_answers():
    least = answers_for(SCAN, lambda q: 0)
    assert set(positions(SCAN, least).values()) == {A}
    assert group(SCAN, least) == "achterblijver"
    most = answers_for(SCAN, lambda q: len(q.opties) - 1)
    assert group(SCAN, most) == "koploper"
    assert all(PHASES.index(p) >= PHASES.index(B) for p in positions(SCAN, most).values() if p)


def test_second_answers_give_an_achterloper_or_further():
    second = answers_for(SCAN, lambda q: 1)
    assert group(SCAN, second) in ("achterloper", "voorloper", "pionier")
    # Interest and plans everywhere, nothing more: an achterloper, not an achterblijver.
    plans = answers_for(SCAN, lambda q: max(i for i, o in enumerate(q.opties) if o.fase == A))
    assert set(positions(SCAN, plans).values()) == {A}
    expected = "achterblijver" if sum(1 for i in plans.values() if i == 0) * 2 > len(plans) else "achterloper"
    assert group(SCAN, plans) == expected


def test_no_group_until_every_aspect_has_an_answer():
    first = SCAN.questions_of(SCAN.aspects[0].id)[0]
    assert group(SCAN, {first.id: 2}) is None
    assert group(SCAN, {}) is None
    one_each = {SCAN.questions_of(a.id)[0].id: 1 for a in SCAN.aspects}
    assert group(SCAN, one_each) is not None


def test_result_gives_the_step_of_the_position_and_cases_one_phase_further():
    for seed in range(12):
        answers = random_answers(SCAN, seed)
        found = result(KB, answers)
        assert found.answered == len(zelfscan.valid_answers(SCAN, answers))
        for part in found.aspects:
            if part.phase is None:
                assert part.steps is None and part.cases == ()
                continue
            assert part.steps is part.aspect.stappen[part.phase]
            assert len(part.cases) <= zelfscan.MAX_CASES
            for case in part.cases:
                assert part.next_phase in KB.values_of(case, "fase")


def test_cases_on_the_aspects_topic_come_first():
    for aspect in SCAN.aspects:
        subject = zelfscan.topic(aspect)
        for phase in aspect.stappen:
            after = next_phase(phase)
            if after is None:
                continue
            candidates = [c for c in KB.cases if after in KB.values_of(c, "fase")]
            chosen = next_cases(KB, aspect, phase)
            assert len(chosen) == min(len(candidates), zelfscan.MAX_CASES)
            overlap = [len(zelfscan.case_links(KB, c) & subject) for c in chosen]
            assert overlap == sorted(overlap, reverse=True)
            best = max((len(zelfscan.case_links(KB, c) & subject) for c in candidates), default=0)
            assert not chosen or overlap[0] == best


# ---------------------------------------------------------------- the data file for zelfscan.js


@pytest.fixture(scope="module")
def environment():
    return make_environment(KB, SiteInfo(), EditorMarkdown())


def test_the_data_file_has_what_the_script_needs_and_every_address_is_a_page(environment):
    data = json.loads(data_file(KB, environment))
    assert [p["id"] for p in data["fasen"]] == list(PHASES)
    assert set(data["vragen"]) == {q.id for q in SCAN.questions}
    assert all(len(v["fasen"]) == len(SCAN.question(k).opties) for k, v in data["vragen"].items())
    pages = {page.src_uri.removesuffix(".md").removesuffix("index") for page in plan_pages(KB)}
    pages = {p if p.endswith("/") or not p else p + "/" for p in pages}
    story = {"verhaal/fasen/"}
    addresses = [data["cyclus"]] + [g["url"] for g in data["groepen"].values()]
    for aspect in data["aspecten"]:
        for steps in aspect["stappen"].values():
            assert steps["uitleg"] and "<" not in steps["uitleg"]
            addresses += [link["url"] for link in steps["links"]] + [case["url"] for case in steps["voorbeelden"]]
            addresses += [steps["alle"]] if steps["alle"] else []
    for address in addresses:
        assert not address.startswith(("/", "http")), address
        assert address.split("#")[0] in pages | story, address
    assert {g["url"].split("#")[1] for g in data["groepen"].values()} == set(GROUP_ANCHORS.values())


def test_markdown_becomes_plain_text():
    assert plain_text("<p>Een <em>kort</em> &amp; <a href='x'>helder</a>\n verhaal.</p>") == "Een kort & helder verhaal."


def test_the_form_is_a_checklist_with_a_fieldset_and_legend_per_question(environment):
    html = str(self_scan(KB, environment, "zelfscan/"))
    assert html.count("<fieldset") == len(SCAN.questions)
    assert html.count("<legend>") == len(SCAN.questions)
    assert html.count('type="radio"') == sum(len(q.opties) for q in SCAN.questions)
    # Every radio button sits inside its label, so the label needs no "for".
    assert re.findall(r'<label class="kb-zelfscan__optie"><input type="radio" name="([a-z0-9-]+)"', html)[0] == SCAN.questions[0].id
    assert f'data-src="{DATA_PATH.split("/")[1]}"' in html and 'data-root="../"' in html


# ---------------------------------------------------------------- fixture content


FIXTURE_ASPECTS = """# yaml-language-server: $schema=../schemas/zelfscan_aspecten.schema.json
- id: leren
  titel: Leren
  uitleg: Hoe de gemeente leert.
  stappen:
    agendering: {uitleg: Begin., leerlijnen: [leren-door-oefenen]}
    experimenteren: {uitleg: Probeer., risicos: [privacy]}
    verbreden: {uitleg: Verbreed., adviezen: [12]}
  bron: {rapport: ["6.2"]}
- id: risico
  titel: Risico
  uitleg: Hoe de gemeente met risico's omgaat.
  stappen:
    agendering: {uitleg: Bespreek.}
    experimenteren: {uitleg: Toets.}
  bron: {rapport: ["8.8"]}
"""

FIXTURE_QUESTIONS = """# yaml-language-server: $schema=../schemas/zelfscan_vragen.schema.json
- id: een
  aspect: leren
  vraag: Eerste vraag?
  opties:
    - {tekst: Niet., fase: agendering}
    - {tekst: Een plan., fase: agendering}
    - {tekst: Proeven., fase: experimenteren}
    - {tekst: Breed., fase: verbreden}
  bron: {rapport: ["6.2"]}
- id: twee
  aspect: leren
  vraag: Tweede vraag?
  opties:
    - {tekst: Niet., fase: agendering}
    - {tekst: Proeven., fase: experimenteren}
    - {tekst: Breed., fase: verbreden}
  bron: {rapport: ["6.2"]}
- id: drie
  aspect: risico
  vraag: Derde vraag?
  opties:
    - {tekst: Niet., fase: agendering}
    - {tekst: Soms., fase: experimenteren}
  bron: {rapport: ["8.8"]}
"""


def add_case(content: Path, case_id: str, phase: str, risks: str = "") -> None:
    text = (content / "praktijkvoorbeelden" / "wijkmonitor.md").read_text(encoding="utf-8")
    text = text.replace("id: wijkmonitor", f"id: {case_id}").replace("Voorbeeldstad: wijkmonitor", f"Voorbeeldstad: {case_id}")
    text = text.replace("risicos: [privacy]\n", f"risicos: [{risks}]\n" if risks else "")
    text = text.replace("typering:\n", f"fase: {phase}\ntypering:\n  fase: {{redactie: zo beschreven}}\n")
    (content / "praktijkvoorbeelden" / f"{case_id}.md").write_text(text, encoding="utf-8")


@pytest.fixture
def scan_content(content: Path) -> Path:
    (content / "zelfscan_aspecten.yaml").write_text(FIXTURE_ASPECTS, encoding="utf-8")
    (content / "zelfscan_vragen.yaml").write_text(FIXTURE_QUESTIONS, encoding="utf-8")
    for case_id in ("a-verder", "b-verder", "c-verder", "e-verder"):
        add_case(content, case_id, "experimenteren")
    add_case(content, "z-verder-privacy", "experimenteren", risks="privacy")
    add_case(content, "verbreed", "verbreden")
    return content


def test_fixture_positions_group_and_cases(scan_content):
    kb = load_kennisbank(scan_content)
    scan = Scan.of(kb)
    assert zelfscan.problems(kb) == []
    assert positions(scan, {"een": 1, "twee": 2, "drie": 0}) == {"leren": A, "risico": A}
    assert group(scan, {"een": 1, "twee": 2, "drie": 0}) == "achterloper"  # one answer further, but no aspect
    assert positions(scan, {"een": 2, "twee": 2, "drie": 0}) == {"leren": E, "risico": A}
    assert group(scan, {"een": 2, "twee": 2, "drie": 0}) == "voorloper"
    assert group(scan, {"een": 3, "twee": 1, "drie": 1}) == "pionier"
    assert group(scan, {"een": 3, "twee": 2, "drie": 1}) == "pionier"  # leren verbreden, risico experimenteren: the earlier
    assert group(scan, {"een": 0, "twee": 0, "drie": 1}) == "voorloper"  # leren agendering, risico experimenteren
    assert group(scan, {"een": 0, "twee": 0, "drie": 0}) == "achterblijver"
    assert group(scan, {"een": 1, "twee": 0, "drie": 0}) == "achterblijver"  # two of three are the first answer
    assert group(scan, {"een": 1}) is None
    leren = scan.aspects[0]
    # Five cases one step further; at most three, the one sharing the risk card of the aspect first.
    assert [c.id for c in next_cases(kb, leren, A)] == ["z-verder-privacy", "a-verder", "b-verder"]
    assert [c.id for c in next_cases(kb, leren, E)] == ["verbreed"]
    assert next_cases(kb, leren, N) == ()


def test_fixture_group_with_two_aspects_uses_the_lower_median_of_the_aspects(scan_content):
    kb = load_kennisbank(scan_content)
    scan = Scan.of(kb)
    # leren verbreden, risico agendering: of two positions the earlier counts -> agendering, but one aspect further.
    assert positions(scan, {"een": 3, "twee": 2, "drie": 0}) == {"leren": B, "risico": A}
    assert group(scan, {"een": 3, "twee": 2, "drie": 0}) == "voorloper"


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda q, a: (q.replace("- {tekst: Breed., fase: verbreden}\n  bron: {rapport: [\"6.2\"]}\n- id: drie", "- {tekst: Terug., fase: agendering}\n  bron: {rapport: [\"6.2\"]}\n- id: drie"), a), "hun fasen gaan terug"),
        (lambda q, a: (q.replace("{tekst: Soms., fase: experimenteren}", "{tekst: Soms., fase: onbekend}"), a), "'onbekend' is geen fase van de innovatiecyclus"),
        (lambda q, a: (q, a.replace("    experimenteren: {uitleg: Toets.}\n", "")), "daarvoor staat hier geen volgende stap"),
        (lambda q, a: (q.replace("aspect: risico", "aspect: leren"), a), "geen enkele vraag gaat over dit aspect"),
    ],
)
def test_content_that_does_not_add_up_is_named_by_the_validation(scan_content, change, message):
    questions, aspects = change(FIXTURE_QUESTIONS, FIXTURE_ASPECTS)
    if "onbekend" in message:  # the project's taxonomy has "onbekend" for cases; the fixture's not yet
        taxonomy = scan_content / "taxonomie.yaml"
        text = taxonomy.read_text(encoding="utf-8")
        marker = "      uitleg: Datagedreven sturing is onderdeel van het gewone werk van de gemeente.\n"
        taxonomy.write_text(text.replace(marker, marker + "    onbekend:\n      label: Onbekend\n      uitleg: Niet bekend.\n", 1), encoding="utf-8")
    (scan_content / "zelfscan_vragen.yaml").write_text(questions, encoding="utf-8")
    (scan_content / "zelfscan_aspecten.yaml").write_text(aspects, encoding="utf-8")
    kennisbank, problems = check_content(scan_content)
    assert kennisbank is None
    shown = [str(p) for p in problems]
    assert any(message in p and "zelfscan_" in p for p in shown), shown


def test_fixture_content_without_a_scan_still_builds_its_data(content):
    kb = load_kennisbank(content)
    data = json.loads(data_file(kb, make_environment(kb, SiteInfo(), EditorMarkdown())))
    assert data["aspecten"] == [] and data["vragen"] == {}
