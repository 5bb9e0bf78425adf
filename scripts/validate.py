"""Controleer alle inhoud in content/ in één keer.

Gebruik:  python scripts/validate.py [MAP]

Elke fout staat op één regel als ``pad:regel: veld: melding``. De exitcode is 0 als
de inhoud in orde is en 1 als er fouten zijn; waarschuwingen houden niets tegen.

Raakt uw wijziging (ten opzichte van origin/main) ook code, zoals een pagina in docs/
of een bestand in macros/, dan zegt de controle dat erbij: code beoordelen de
beheerders apart (zie CONTRIBUTING.md, "Wat is code en wat is inhoud").
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from macros.load import check_content
from macros.problems import format_problems
from macros.review import ReviewError, changed_files

DEFAULT_CONTENT = Path(__file__).resolve().parent.parent / "content"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Controleer de inhoud van de kennisbank.")
    parser.add_argument("content", nargs="?", type=Path, default=DEFAULT_CONTENT, help="de map met inhoud (standaard: content/)")
    args = parser.parse_args(argv)
    try:
        kennisbank, problems = check_content(args.content)
    except Exception as error:  # an editor should never see a traceback
        sys.stderr.write(
            f"Interne fout bij het controleren ({type(error).__name__}: {error}).\n"
            "Dit ligt niet aan jouw tekst maar aan de controle zelf; meld het aan de beheerders.\n"
        )
        return 2
    if problems:
        sys.stderr.write(format_problems(problems) + "\n")
    _mention_code(args.content.resolve().parent)
    if kennisbank is None:
        return 1
    sys.stdout.write(
        f"De inhoud is in orde: {len(kennisbank.cases)} praktijkvoorbeelden, "
        f"{len(kennisbank.learning_lines)} leerlijnen, {len(kennisbank.risks)} risicokaarten, "
        f"{len(kennisbank.advices)} adviezen, {len(kennisbank.municipalities)} gemeenten.\n"
    )
    return 0


def _mention_code(root: Path, base: str = "origin/main") -> None:
    """Say so when the change also touches code; silent where git cannot tell (no repository, no base)."""
    try:
        code = [f for f in changed_files(root, base, include_worktree=True) if f.code]
    except (ReviewError, OSError):
        return
    if code:
        sys.stderr.write(
            "Let op: deze wijziging raakt ook code, die de beheerders apart beoordelen:\n"
            + "".join(f"  {f.path}: {f.reason}\n" for f in code)
        )


if __name__ == "__main__":
    sys.exit(main())
