"""Maak de JSON Schemas in schemas/ en de veldentabellen in CONTRIBUTING.md opnieuw uit het contract.

Gebruik:
    python scripts/schemas.py              # schrijf de schema's en de tabellen
    python scripts/schemas.py --controleer # meld (exitcode 1) als ze niet meer kloppen

Het contract (macros/contract.py) en content/taxonomie.yaml zijn de bron. Editors als
VS Code gebruiken de schema's om velden en toegestane waarden aan te vullen en uit te
leggen. Draai dit na elke wijziging van het contract of de taxonomie (make schemas).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from macros.contributing import rewrite
from macros.editor_schemas import editor_schemas
from macros.load import check_content

ROOT = Path(__file__).resolve().parent.parent
CONTRIBUTING = "CONTRIBUTING.md"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Maak of controleer de JSON Schemas en de veldentabellen.")
    parser.add_argument("--controleer", action="store_true", help="alleen controleren, niets schrijven")
    args = parser.parse_args(argv)
    kennisbank, problems = check_content(ROOT / "content")
    if kennisbank is None:
        sys.stderr.write("De inhoud heeft fouten; los die eerst op (make validate).\n")
        return 1
    wanted = dict(editor_schemas(kennisbank.taxonomy))
    guide = ROOT / CONTRIBUTING
    wanted[CONTRIBUTING] = rewrite(guide.read_text(encoding="utf-8"), kennisbank.taxonomy)
    stale = []
    for relative, text in wanted.items():
        path = ROOT / relative
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            continue
        stale.append(relative)
        if not args.controleer:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    if args.controleer and stale:
        sys.stderr.write(
            "Deze bestanden passen niet meer bij het contract of de taxonomie: "
            + ", ".join(stale)
            + ".\nDraai: make schemas\n"
        )
        return 1
    sys.stdout.write(("Bijgewerkt: " + ", ".join(stale) if stale else "De schema's en tabellen zijn actueel.") + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
