"""Maak een nieuw praktijkvoorbeeld, een nieuwe risicokaart of een nieuwe leerlijn.

Gebruik:
    python scripts/nieuw.py praktijkvoorbeeld --titel "Gemeente: wat" --gemeente utrecht --domein sociaal
    python scripts/nieuw.py risicokaart --titel "..." --soort keuzevrijheid
    python scripts/nieuw.py leerlijn --titel "..."

Wat u niet meegeeft, vraagt het script. Het nieuwe bestand bevat alle velden met uitleg,
de datum van vandaag, een id dat uit de titel komt en de kopjes voor de tekst. Het is
meteen geldig; vul daarna de tekst en de overige velden aan.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from macros.load import check_content
from macros.problems import format_problems, suggestion
from macros.editor_markdown import PLACEHOLDER
from macros.scaffold import KINDS, new_file, slugify

ROOT = Path(__file__).resolve().parent.parent


class Stop(Exception):
    """Ends the script with a message for the editor."""


def ask(question: str, allowed: list[str] | None = None, default: str | None = None) -> str:
    hint = f" ({', '.join(allowed)})" if allowed else ""
    hint += f" [{default}]" if default else ""
    try:
        answer = input(f"{question}{hint}: ").strip()
    except EOFError:
        if default:
            return default
        raise Stop(f"Geen antwoord op: {question}. Geef het mee als optie (zie --help).") from None
    return answer or default or ask(question, allowed, default)


def choose(value: str | None, question: str, allowed: list[str]) -> str:
    value = value or ask(question, allowed)
    if value not in allowed:
        raise Stop(f"'{value}' is niet toegestaan. Kies uit: {', '.join(allowed)}.{suggestion(value, allowed)}")
    return value


def answers(kind_name: str, args: argparse.Namespace, kennisbank) -> dict:
    taxonomy = kennisbank.taxonomy
    values: dict = {}
    title = args.titel or ask("Titel (kort, bijv. 'Gemeente: wat er gebeurt')")
    values["id"] = args.id or slugify(title)
    values["titel"] = title
    values["samenvatting"] = args.samenvatting or ask("Samenvatting in één of twee zinnen")
    if kind_name == "praktijkvoorbeeld":
        known = [m.id for m in kennisbank.municipalities]
        municipality = args.gemeente or ask("Id van de gemeente (zie content/gemeenten.yaml; leeg als er geen is)", default="-")
        if municipality != "-":
            municipality = choose(municipality, "Gemeente", known)
            values["gemeenten"] = [municipality]
        default_organisation = f"Gemeente {kennisbank.municipality(municipality).naam}" if municipality != "-" else None
        values["organisaties"] = [args.organisatie or default_organisation or ask("Organisatie die het uitvoert")]
        values["domein"] = choose(args.domein, "Domein", taxonomy["domein"].ids())
        # Every typing says where it comes from; a new case is typed by its editor.
        reason = args.domein_reden or ask("Waarom past dit domein? (één korte zin)")
        values["typering"] = {"domein": {"redactie": reason}}
    elif kind_name == "risicokaart":
        values["soort"] = choose(args.soort, "Soort risico", taxonomy["risicosoort"].ids())
    else:
        taken = [line.nummer for line in kennisbank.learning_lines]
        values["nummer"] = int(args.nummer or ask("Nummer van de leerlijn", default=str(max(taken, default=0) + 1)))
    source: dict = {}
    if args.rapport:
        source["rapport"] = [args.rapport]
    url = args.bron_url or (None if args.rapport else ask("Webadres van een bron (https://...)"))
    if url:
        source["links"] = [{"titel": args.bron_titel or ask("Naam van die bron", default="Projectpagina"), "url": url}]
    values["bron"] = source
    return values


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Maak een nieuw item in content/.")
    parser.add_argument("soort_item", choices=sorted(KINDS), help="wat u wilt maken")
    parser.add_argument("--titel")
    parser.add_argument("--id", help="standaard afgeleid van de titel")
    parser.add_argument("--samenvatting")
    parser.add_argument("--gemeente", help="id uit content/gemeenten.yaml (praktijkvoorbeeld)")
    parser.add_argument("--organisatie", help="standaard 'Gemeente <naam>' (praktijkvoorbeeld)")
    parser.add_argument("--domein", help="praktijkvoorbeeld")
    parser.add_argument("--domein-reden", help="waarom dit domein past, in één korte zin (praktijkvoorbeeld)")
    parser.add_argument("--soort", help="risicokaart")
    parser.add_argument("--nummer", help="leerlijn")
    parser.add_argument("--rapport", help="sectie van het rapport, bijv. 5.1.1")
    parser.add_argument("--bron-url")
    parser.add_argument("--bron-titel")
    parser.add_argument("--inhoud", type=Path, default=ROOT / "content", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    kind = KINDS[args.soort_item]
    try:
        kennisbank, problems = check_content(args.inhoud)
        if kennisbank is None:
            raise Stop("De bestaande inhoud heeft fouten; los die eerst op:\n" + format_problems(problems))
        values = answers(kind.name, args, kennisbank)
        target = args.inhoud / kind.collection.folder / f"{values['id']}.md"
        if target.exists():
            raise Stop(f"{target} bestaat al. Kies een andere titel of geef een ander --id.")
        target.write_text(new_file(kind, values, kennisbank.taxonomy, date.today()), encoding="utf-8")
        _, problems = check_content(args.inhoud)
        shown = target.relative_to(args.inhoud.parent).as_posix()
        # The scaffold's own placeholders are the editor's to-do list; anything else is a real problem.
        todo = [p for p in problems if p.path == shown and PLACEHOLDER in p.message]
        unexpected = [p for p in problems if p not in todo and not p.warning]
        if unexpected:
            raise Stop(f"{shown} is gemaakt, maar heeft nog fouten:\n" + format_problems(unexpected))
    except Stop as stop:
        sys.stderr.write(f"{stop}\n")
        return 1
    sys.stdout.write(
        f"Gemaakt: {shown}\n"
        "Schrijf nu de tekst onder de kopjes en vul de velden aan die bij uw item horen. Nog te doen:\n"
        + "".join(f"  {p}\n" for p in todo)
        + "Controleer daarna met: make validate\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
