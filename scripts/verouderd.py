"""Welke items zijn al lang niet bijgewerkt? Handig voor een periodieke controle.

Gebruik:  python scripts/verouderd.py --maanden 12

Toont per item het bestand, de datum 'bijgewerkt' en de eigenaar (als die is ingevuld),
oudste eerst. De exitcode is altijd 0: dit is een lijst om na te lopen, geen fout.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from macros.dates import dutch_date
from macros.load import check_content

ROOT = Path(__file__).resolve().parent.parent


def months_before(day: date, months: int) -> date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    last_day = [31, 29 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    return date(year, month, min(day.day, last_day))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Toon items die langer dan een aantal maanden niet zijn bijgewerkt.")
    parser.add_argument("--maanden", type=int, default=12, help="ouder dan dit aantal maanden (standaard 12)")
    parser.add_argument("--peildatum", type=date.fromisoformat, default=date.today(), help="standaard vandaag (JJJJ-MM-DD)")
    parser.add_argument("inhoud", nargs="?", type=Path, default=ROOT / "content")
    args = parser.parse_args(argv)
    kennisbank, problems = check_content(args.inhoud)
    if kennisbank is None:
        sys.stderr.write("De inhoud heeft fouten; draai eerst python scripts/validate.py.\n")
        return 1
    limit = months_before(args.peildatum, args.maanden)
    items = sorted(
        (i for i in (*kennisbank.cases, *kennisbank.learning_lines, *kennisbank.risks) if i.bijgewerkt < limit),
        key=lambda i: (i.bijgewerkt, i.source_path),
    )
    for item in items:
        owner = item.eigenaar or "geen eigenaar ingevuld"
        sys.stdout.write(f"{item.source_path}: bijgewerkt {dutch_date(item.bijgewerkt)} ({owner})\n")
    sys.stdout.write(f"{len(items)} item(s) niet bijgewerkt sinds {dutch_date(limit)}.\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
