"""Laat zien welke gewijzigde bestanden code zijn en welke inhoud.

Gebruik:  python scripts/codecontrole.py [--basis origin/main] [--werkmap] [--streng]

Inhoud (alles in content/) is data: de controle leest haar en voert haar nooit uit.
Al het andere is code en wordt als code beoordeeld door de beheerders (zie
.github/CODEOWNERS). Exitcode: 0 als de controle lukte, ook als er code is gewijzigd
(dan met een duidelijke melding); met --streng 1 als er code is gewijzigd; 2 als git
de vraag niet kon beantwoorden. In GitHub Actions (GITHUB_ACTIONS is gezet) komt bij
elk codebestand een waarschuwing in de pull request.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from macros.review import ChangedFile, ReviewError, changed_files

PROJECT_ROOT = Path(__file__).resolve().parent.parent
RULE = "=" * 78


def printable(text: str) -> str:
    """Text for one line of output: control characters (such as a newline in a file name) escaped."""
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)


def escape_data(text: str) -> str:
    """The message of a GitHub workflow command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property (file=, title=) of a GitHub workflow command."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(level: str, message: str, *, file: str | None = None, title: str | None = None) -> str:
    properties = []
    if file is not None:
        properties.append(f"file={escape_property(file)}")
    if title is not None:
        properties.append(f"title={escape_property(title)}")
    prefix = f"::{level} {','.join(properties)}" if properties else f"::{level}"
    return f"{prefix}::{escape_data(printable(message))}\n"


def report(files: list[ChangedFile], base: str, strict: bool, github: bool) -> str:
    if not files:
        return f"Geen gewijzigde bestanden ten opzichte van {printable(base)}.\n"
    code = [f for f in files if f.code]
    lines = [f"Gewijzigde bestanden ten opzichte van {printable(base)}: {len(files)}, waarvan {len(code)} code.\n"]
    for f in files:
        label = "CODE  " if f.code else "inhoud"
        lines.append(f"  {label}  {printable(f.path)} ({f.status})\n")
        if f.code:
            lines.append(f"          {printable(f.reason)}\n")
    if not code:
        lines.append("Alleen inhoud gewijzigd (content/): de gewone controles volstaan.\n")
        return "".join(lines)
    lines += [
        f"\n{RULE}\n",
        f"LET OP: deze wijziging raakt {len(code)} {'bestand' if len(code) == 1 else 'bestanden'} met CODE.\n",
        "Code wordt als code beoordeeld: twee beheerders (zie .github/CODEOWNERS) lezen elke\n",
        "regel voordat de wijziging wordt samengevoegd. Een bijdrage met alleen inhoud\n",
        "wijzigt alleen bestanden in content/.\n",
        f"{RULE}\n",
    ]
    if github:
        level = "error" if strict else "warning"
        for f in code:
            lines.append(annotation(level, f"Code gewijzigd: {f.reason}", file=f.path, title="Code: beoordeling door beheerders"))
        lines.append(annotation(
            level,
            f"Deze pull request wijzigt {len(code)} codebestand(en). Beheerders beoordelen code als code, met twee reviews.",
            title="Code gewijzigd",
        ))
    return "".join(lines)


class DutchHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "gebruik: " if prefix is None else prefix)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Toon welke gewijzigde bestanden code zijn (beoordeling door beheerders) en welke inhoud (content/).",
        formatter_class=DutchHelpFormatter,
        add_help=False,
    )
    options = parser.add_argument_group("opties")
    options.add_argument("-h", "--help", action="help", help="toon deze uitleg en stop")
    options.add_argument("--basis", default="origin/main", help="de branch of commit waartegen vergeleken wordt (standaard: origin/main)")
    options.add_argument("--werkmap", action="store_true", help="tel ook wijzigingen mee die nog niet zijn vastgelegd, en nieuwe bestanden")
    options.add_argument("--streng", action="store_true", help="eindig met exitcode 1 als er code is gewijzigd")
    options.add_argument("--map", type=Path, default=PROJECT_ROOT, help="de repository (standaard: deze projectmap)")
    args = parser.parse_args(argv)
    try:
        files = changed_files(args.map, args.basis, include_worktree=args.werkmap)
    except ReviewError as error:
        sys.stderr.write(f"De codecontrole kon niet worden uitgevoerd: {printable(str(error))}\n")
        return 2
    sys.stdout.write(report(files, args.basis, args.streng, github=bool(os.environ.get("GITHUB_ACTIONS"))))
    return 1 if args.streng and any(f.code for f in files) else 0


if __name__ == "__main__":
    sys.exit(main())
