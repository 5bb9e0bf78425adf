"""The worksheet of the administrative framework (chapter 12): the story macro ``werkblad()``.

A college, a council group or an official team fills in the five parts of a
bestuurlijk denkkader (paragraph 12.2). Per part the page shows the explanation, the
guiding questions, the advices and risk cards that belong to it (all from
``content/denkkader.yaml``) and a labelled text field. Below the parts, "Maak de
agenda" shows the team's own text in the shape of the indicative agenda of paragraph
12.8 (four headings; the risks go under the priorities), with the process proposal of
paragraph 12.9 as a checklist.

The HTML is complete without JavaScript: every part, question and field is there, and
the page prints as a blank worksheet. ``docs/assets/javascripts/werkblad.js`` keeps
what is typed in the reader's browser (localStorage) and copies it into the agenda as
text. The agenda headings and the process steps are the site's own words; they live
here, next to the part numbers they refer to, and tests/test_werkblad.py checks them
against the report's fingerprint like every text in content/ and docs/.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from ..contract import FRAMEWORK, FrameworkPart
from ..model import Kennisbank
from .blocks import MacroArgumentError
from .environment import render

PART_NUMBERS = (1, 2, 3, 4, 5)
"""The five parts of paragraph 12.2; the agenda below refers to them by number."""


@dataclass(frozen=True)
class AgendaHeading:
    """One heading of the indicative agenda (paragraph 12.8) and the parts whose text goes under it."""

    nummer: int
    titel: str
    onderdelen: tuple[int, ...]


AGENDA = (
    AgendaHeading(1, "Visie", (1,)),
    AgendaHeading(2, "Inhoudelijke prioriteiten, met de omgang met risico's", (2, 3)),
    AgendaHeading(3, "Organisatie en allocatie van middelen", (4,)),
    AgendaHeading(4, "Agendering en coalitievorming", (5,)),
)


@dataclass(frozen=True)
class ProcessStep:
    """One step of the process proposal (paragraph 12.9 and advice 32), in our own words."""

    nummer: str  # the report's Roman numeral
    tekst: str


PROCESS = (
    ProcessStep("i", "Schrijf met het rapport als basis een eerste versie van het verhaal, langs de vijf onderdelen van het denkkader, en sluit af met een voorzet voor een agenda."),
    ProcessStep("ii", "Leg die versie voor aan bestuurders en commissieleden, bij voorkeur uit elke commissie, en werk hun reacties in het verhaal."),
    ProcessStep("iii", "Werk het brede verhaal verder uit in aparte gesprekken per domein; het rapport raadt veiligheid, economie, openbare ruimte, bestuur en dienstverlening aan inwoners aan."),
    ProcessStep("iv", "Maak van de uitkomsten een heldere agenda die de gemeenten samen dragen, en stem die af met de andere overheden (in het rapport: vóór juni 2018)."),
    ProcessStep("v", "Schrijf vanuit het denkkader teksten voor de vorming van een college en voor het collegeakkoord (in het rapport: vóór maart 2018)."),
    ProcessStep("vi", "Schrijf vanuit het denkkader ook teksten voor een bestuurlijk akkoord; ook het ministerie van BZK en andere ministeries werken volop aan datagedreven sturing."),
)


def framework_parts(kennisbank: Kennisbank) -> tuple[FrameworkPart, ...]:
    """The parts of the denkkader in their order (content/denkkader.yaml, sorted by number)."""
    return tuple(part for part in kennisbank.items.get(FRAMEWORK.folder, ()) if isinstance(part, FrameworkPart))


def worksheet(kennisbank: Kennisbank, env: Environment, page_url: str) -> Markup:
    """The whole worksheet: the five parts with their fields, then the agenda and the checklist."""
    parts = framework_parts(kennisbank)
    numbers = tuple(part.nummer for part in parts)
    if numbers != PART_NUMBERS:
        shown = ", ".join(str(n) for n in numbers) or "geen"
        raise MacroArgumentError(
            f"het werkblad heeft in content/{FRAMEWORK.source} de vijf onderdelen van het denkkader nodig, "
            f"met de nummers 1 tot en met 5 (paragraaf 12.2); nu staan er: {shown}."
        )
    by_number = {part.nummer: part for part in parts}
    agenda: list[tuple[AgendaHeading, list[Any]]] = [(heading, [by_number[n] for n in heading.onderdelen]) for heading in AGENDA]
    return render(env, "werkblad.html", page_url, parts=parts, agenda=agenda, steps=PROCESS)
