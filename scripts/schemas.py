"""Maak de JSON Schemas in schemas/ opnieuw uit de velden en content/taxonomie.yaml.

Gebruik:
    python scripts/schemas.py              # schrijf de schema's
    python scripts/schemas.py --controleer # meld (exitcode 1) als ze niet meer kloppen

Editors als VS Code gebruiken de schema's om velden en toegestane waarden aan te
vullen en uit te leggen. Draai dit na elke wijziging van de taxonomie.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from macros.editor_schemas import editor_schemas
from macros.load import check_content

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Maak of controleer de JSON Schemas voor editors.")
    parser.add_argument("--controleer", action="store_true", help="alleen controleren, niets schrijven")
    args = parser.parse_args(argv)
    kennisbank, problems = check_content(ROOT / "content")
    if kennisbank is None:
        sys.stderr.write("De inhoud heeft fouten; los die eerst op (python scripts/validate.py).\n")
        return 1
    stale = []
    for relative, text in editor_schemas(kennisbank.taxonomy).items():
        path = ROOT / relative
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            continue
        stale.append(relative)
        if not args.controleer:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    if args.controleer and stale:
        sys.stderr.write(
            "Deze schema's passen niet meer bij de taxonomie of de velden: "
            + ", ".join(stale)
            + ".\nDraai: python scripts/schemas.py\n"
        )
        return 1
    sys.stdout.write(("Bijgewerkt: " + ", ".join(stale) if stale else "De schema's zijn actueel.") + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
