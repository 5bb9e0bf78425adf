"""The self-scan: from answers to a position per aspect, a group of municipalities, next steps.

This module holds the rules; it is their reference. ``docs/assets/javascripts/zelfscan.js``
applies the same two rules (position and group) in the reader's browser, on the data
that :func:`browser_data` puts in ``zelfscan/zelfscan.json``; a browser test compares
the script's outcome with this module's for several sets of answers. No MkDocs here.

**Answers** map a question id to the index of the chosen option (0 is the least
advanced answer). In a shared address they read ``?antwoorden=ambitie:2,leren:0``.

**Position of an aspect.** Each answer indicates a phase of the innovation cycle
(chapter 3 of the report): agendering, experimenteren, verbreden, verankeren, het
nieuwe normaal. The position on an aspect is the furthest phase that *more than half*
of the aspect's answers reach: put the phases of the answers in the order of the cycle
and take the middle one, the earlier of the two middle ones when the number is even
(the lower median). One advanced answer among early ones does not lift the position;
of two answers, the earlier one counts. An aspect without answers has no position.

**Group.** Once every aspect has a position, the overall phase is the same rule applied
to the positions of the aspects. The group follows where paragraph 3.7 of the report
places the groups of paragraph 3.5 in the cycle:

- overall phase *verbreden* or later: **koploper** (broadening the experiments, with a
  start on anchoring them);
- overall phase *experimenteren*: **pionier** (experimenting, trying to broaden);
- overall phase *agendering*, but some aspect further: **voorloper** (some experiments,
  while putting the subject on the agenda is still the challenge);
- every aspect at *agendering*: **achterloper** (interest, sometimes plans, no projects
  yet), or **achterblijver** (aware of it, but not active) when more than half of all
  answers are the least advanced answer to their question.

**Next steps.** For each aspect: the steps that ``content/zelfscan_aspecten.yaml``
gives for its position, and at most :data:`MAX_CASES` cases whose phase is the next
one: work of municipalities one step further. Cases that share a learning line, advice
or risk card with the aspect's steps (in any phase) come first; that is the aspect's
topic as the content itself links it. Otherwise the order of the cases overview.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterable, Mapping

from . import urls
from .contract import ADVICES, CASES, LEARNING_LINES, RISKS, SCAN_ASPECTS, SCAN_QUESTIONS, ScanAspect, ScanQuestion, ScanSteps
from .model import Kennisbank
from .problems import Problem

# The innovation cycle in its order (the taxonomy's "fase" without "onbekend").
PHASES: tuple[str, ...] = ("agendering", "experimenteren", "verbreden", "verankeren", "nieuwe-normaal")
# The groups of paragraph 3.5, from furthest to least far (the taxonomy's "gemeentecategorie").
GROUPS: tuple[str, ...] = ("koploper", "pionier", "voorloper", "achterloper", "achterblijver")
MAX_CASES = 3
# The query parameter of a shared address, and the separators inside it.
ANSWERS_PARAMETER = "antwoorden"
PAIR_SEPARATOR = ","
INDEX_SEPARATOR = ":"

Answers = Mapping[str, int]


def rank(phase: str) -> int:
    """The place of a phase in the cycle: 0 for agendering, 4 for het nieuwe normaal."""
    return PHASES.index(phase)


def position(phases: Iterable[str]) -> str | None:
    """The furthest phase that more than half of ``phases`` reach (their lower median)."""
    ordered = sorted(phases, key=rank)
    return ordered[(len(ordered) - 1) // 2] if ordered else None


def next_phase(phase: str | None) -> str | None:
    """The phase after ``phase`` in the cycle; None after het nieuwe normaal."""
    if phase is None or rank(phase) + 1 >= len(PHASES):
        return None
    return PHASES[rank(phase) + 1]


# --------------------------------------------------------------------------- the scan


@dataclass(frozen=True)
class Scan:
    """The aspects and questions of the self-scan, in the order of their files."""

    aspects: tuple[ScanAspect, ...]
    questions: tuple[ScanQuestion, ...]

    @classmethod
    def of(cls, kb: Kennisbank) -> "Scan":
        aspects = tuple(a for a in kb.items.get(SCAN_ASPECTS.folder, ()) if isinstance(a, ScanAspect))
        questions = tuple(q for q in kb.items.get(SCAN_QUESTIONS.folder, ()) if isinstance(q, ScanQuestion))
        return cls(aspects, questions)

    def questions_of(self, aspect_id: str) -> tuple[ScanQuestion, ...]:
        return tuple(q for q in self.questions if q.aspect == aspect_id)

    def question(self, question_id: str) -> ScanQuestion | None:
        return next((q for q in self.questions if q.id == question_id), None)


def valid_answers(scan: Scan, answers: Answers) -> dict[str, int]:
    """The answers to known questions with an existing option, in the order of the questions."""
    valid = {}
    for question in scan.questions:
        index = answers.get(question.id)
        if isinstance(index, int) and not isinstance(index, bool) and 0 <= index < len(question.opties):
            valid[question.id] = index
    return valid


def parse_answers(text: str) -> dict[str, int]:
    """``"ambitie:2,leren:0"`` -> ``{"ambitie": 2, "leren": 0}``; pieces that do not parse are left out."""
    answers: dict[str, int] = {}
    for piece in text.split(PAIR_SEPARATOR):
        question_id, separator, index = piece.strip().partition(INDEX_SEPARATOR)
        if separator and question_id and index.isascii() and index.isdigit():
            answers[question_id] = int(index)
    return answers


def format_answers(scan: Scan, answers: Answers) -> str:
    """The value of ``?antwoorden=`` for these answers, in the order of the questions."""
    return PAIR_SEPARATOR.join(f"{qid}{INDEX_SEPARATOR}{index}" for qid, index in valid_answers(scan, answers).items())


def answer_phases(scan: Scan, answers: Answers) -> dict[str, list[str]]:
    """Aspect id -> the phases its answered questions indicate."""
    phases: dict[str, list[str]] = {aspect.id: [] for aspect in scan.aspects}
    for question_id, index in valid_answers(scan, answers).items():
        question = scan.question(question_id)
        assert question is not None
        phases.setdefault(question.aspect, []).append(question.opties[index].fase)
    return phases


def positions(scan: Scan, answers: Answers) -> dict[str, str | None]:
    """Aspect id -> its position (a phase), or None when none of its questions is answered."""
    return {aspect_id: position(phases) for aspect_id, phases in answer_phases(scan, answers).items()}


def overall_phase(scan: Scan, answers: Answers) -> str | None:
    """The position rule over the aspects' positions; None until every aspect has one."""
    found = list(positions(scan, answers).values())
    if not found or any(p is None for p in found):
        return None
    return position(p for p in found if p is not None)


def group(scan: Scan, answers: Answers) -> str | None:
    """The group of municipalities (paragraph 3.5) that the answers point to, or None for now."""
    overall = overall_phase(scan, answers)
    if overall is None:
        return None
    if rank(overall) >= rank("verbreden"):
        return "koploper"
    if overall == "experimenteren":
        return "pionier"
    if any(p != "agendering" for p in positions(scan, answers).values()):
        return "voorloper"
    valid = valid_answers(scan, answers)
    least = sum(1 for index in valid.values() if index == 0)
    return "achterblijver" if least * 2 > len(valid) else "achterloper"


# --------------------------------------------------------------------------- next steps


def topic(aspect: ScanAspect) -> set[tuple[str, Any]]:
    """What an aspect's steps link to, in any phase: (collection folder, key) pairs."""
    linked: set[tuple[str, Any]] = set()
    for steps in aspect.stappen.values():
        linked.update((LEARNING_LINES.folder, key) for key in steps.leerlijnen)
        linked.update((ADVICES.folder, key) for key in steps.adviezen)
        linked.update((RISKS.folder, key) for key in steps.risicos)
    return linked


def case_links(kb: Kennisbank, case: Any) -> set[tuple[str, Any]]:
    """The learning lines, advices and risk cards a case is related to, in either direction."""
    return {
        (target.folder, getattr(item, target.key))
        for target in (LEARNING_LINES, ADVICES, RISKS)
        for item in kb.related(case, CASES, target)
    }


def next_cases(kb: Kennisbank, aspect: ScanAspect, phase: str | None) -> tuple[Any, ...]:
    """At most MAX_CASES cases in the phase after ``phase``; those on the aspect's topic first."""
    after = next_phase(phase)
    if after is None:
        return ()
    subject = topic(aspect)
    further = [case for case in kb.cases if after in kb.values_of(case, "fase")]
    # sorted() is stable: within the same overlap, the order of the cases overview stays.
    further.sort(key=lambda case: -len(case_links(kb, case) & subject))
    return tuple(further[:MAX_CASES])


@dataclass(frozen=True)
class AspectResult:
    aspect: ScanAspect
    phase: str | None  # None: no question of this aspect answered
    answered: int
    steps: ScanSteps | None
    cases: tuple[Any, ...]  # cases one phase further

    @property
    def next_phase(self) -> str | None:
        return next_phase(self.phase)


@dataclass(frozen=True)
class Result:
    aspects: tuple[AspectResult, ...]
    overall: str | None
    group: str | None
    answered: int
    total: int


def result(kb: Kennisbank, answers: Answers) -> Result:
    """Everything the self-scan tells for these answers."""
    scan = Scan.of(kb)
    found = positions(scan, answers)
    phases = answer_phases(scan, answers)
    aspects = []
    for aspect in scan.aspects:
        phase = found[aspect.id]
        aspects.append(
            AspectResult(
                aspect=aspect,
                phase=phase,
                answered=len(phases[aspect.id]),
                steps=aspect.stappen.get(phase) if phase else None,
                cases=next_cases(kb, aspect, phase) if phase else (),
            )
        )
    return Result(tuple(aspects), overall_phase(scan, answers), group(scan, answers), len(valid_answers(scan, answers)), len(scan.questions))


# --------------------------------------------------------------------------- checks


def problems(kb: Kennisbank) -> list[Problem]:
    """What the contract cannot see because it spans items or needs the order of the cycle."""
    scan = Scan.of(kb)
    found: list[Problem] = []
    aspects_file = f"content/{SCAN_ASPECTS.source}"
    questions_file = f"content/{SCAN_QUESTIONS.source}"
    for question in scan.questions:
        where = question.source_path or questions_file
        phases = [option.fase for option in question.opties]
        unknown = [phase for phase in phases if phase not in PHASES]
        if unknown:
            found.append(Problem(where, 0, f"{question.id}.opties", f"een antwoord geeft een fase aan; '{unknown[0]}' is geen fase van de innovatiecyclus. Kies uit: {', '.join(PHASES)}."))
            continue
        if len(phases) < 2:
            found.append(Problem(where, 0, f"{question.id}.opties", "een vraag heeft minstens twee antwoorden nodig om iets te zeggen."))
        if any(rank(later) < rank(earlier) for earlier, later in zip(phases, phases[1:])):
            found.append(Problem(where, 0, f"{question.id}.opties", f"de antwoorden staan van minst naar meest gevorderd, maar hun fasen gaan terug: {', '.join(phases)}."))
    for aspect in scan.aspects:
        where = aspect.source_path or aspects_file
        questions = scan.questions_of(aspect.id)
        if not questions:
            found.append(Problem(where, 0, aspect.id, "geen enkele vraag gaat over dit aspect; zonder vraag krijgt het nooit een positie."))
        unknown = [phase for phase in aspect.stappen if phase not in PHASES]
        if unknown:
            found.append(Problem(where, 0, f"{aspect.id}.stappen", f"'{unknown[0]}' is geen fase van de innovatiecyclus. Kies uit: {', '.join(PHASES)}."))
        reachable = {option.fase for question in questions for option in question.opties if option.fase in PHASES}
        missing = [phase for phase in PHASES if phase in reachable and phase not in aspect.stappen]
        if missing:
            found.append(
                Problem(where, 0, f"{aspect.id}.stappen", f"de vragen kunnen de fase {', '.join(missing)} aangeven, maar daarvoor staat hier geen volgende stap.")
            )
    return found


# --------------------------------------------------------------------------- data for the browser


def browser_data(kb: Kennisbank, plain_text: Callable[[str], str]) -> dict[str, Any]:
    """What zelfscan.js needs: the phase of every option, and per aspect and phase the next steps.

    Addresses are site-relative; the script puts the page's way to the site root in
    front. ``plain_text`` turns editor Markdown into plain text: the script sets text,
    never HTML.
    """
    scan = Scan.of(kb)
    fase = kb.taxonomy["fase"]
    categories = kb.taxonomy["gemeentecategorie"]

    def links(steps: ScanSteps) -> list[dict[str, str]]:
        found = [{"soort": "Leerlijn", "titel": kb.learning_line(k).titel, "url": urls.item_url(LEARNING_LINES, k)} for k in steps.leerlijnen]
        found += [{"soort": f"Advies {n}", "titel": kb.advice(n).titel, "url": urls.advice_url(n)} for n in steps.adviezen]
        found += [{"soort": "Risicokaart", "titel": kb.risk(k).titel, "url": urls.item_url(RISKS, k)} for k in steps.risicos]
        return found

    def case_entry(case: Any) -> dict[str, str]:
        where = [kb.municipality(m).naam for m in case.gemeenten] or list(case.organisaties)
        if len(where) > 3:  # a short line: the result should fit on two printed pages
            where = where[:3] + [f"{len(where) - 3} andere"]
        meta = ", ".join(where[:-1]) + " en " + where[-1] if len(where) > 1 else "".join(where)
        return {"titel": case.titel, "url": urls.item_url(CASES, case.id), "meta": meta}

    return {
        "fasen": [{"id": p, "label": fase.label_of(p), "uitleg": fase.term(p).uitleg} for p in PHASES],
        "groepen": {g: {"label": categories.label_of(g), "uitleg": categories.term(g).uitleg} for g in GROUPS},
        "aspecten": [
            {
                "id": aspect.id,
                "titel": aspect.titel,
                "stappen": {
                    phase: {
                        "uitleg": plain_text(steps.uitleg),
                        "links": links(steps),
                        "verder": next_phase(phase),
                        "voorbeelden": [case_entry(c) for c in next_cases(kb, aspect, phase)],
                        # How many cases that next phase has, and their page (when the site has a page per phase).
                        "aantal": len(kb.cases_with("fase", after)) if (after := next_phase(phase)) else 0,
                        "alle": urls.facet_url(fase, after) if fase.index and after else None,
                    }
                    for phase, steps in sorted(aspect.stappen.items(), key=lambda item: rank(item[0]))
                },
            }
            for aspect in scan.aspects
        ],
        "vragen": {q.id: {"aspect": q.aspect, "fasen": [o.fase for o in q.opties]} for q in scan.questions},
    }
