"""Bouw de site veilig: eerst in een tijdelijke map, pas bij succes op de plek van site/.

Gebruik:  python scripts/build.py --site-url https://... [--site-dir site]
          (of zet KENNISBANK_SITE_URL; make build doet dat via de omgeving)

Dit is de bouw om te publiceren: zonder publiek adres stopt hij. Voor bekijken op uw
eigen computer is er 'make serve'.

Mislukt de bouw (een fout in de inhoud, een kapotte link), dan blijft de vorige, goede
site in site/ staan. 'mkdocs build' zelf maakt site/ eerst leeg.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from macros.site_address import ENVIRONMENT_VARIABLE, MissingAddress, public_address

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Bouw de site in een tijdelijke map en zet haar daarna op haar plek.")
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml")
    parser.add_argument("--site-url", default=os.environ.get(ENVIRONMENT_VARIABLE), help="publiek adres van de site (standaard KENNISBANK_SITE_URL)")
    args = parser.parse_args(argv)
    try:
        site_url = public_address(args.site_url)
    except MissingAddress as error:
        sys.stderr.write(f"Niet gebouwd: {error}\n")
        return 2
    target = args.site_dir.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".site-bouw-") as folder:
        fresh = Path(folder) / "site"
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(args.config), "-d", str(fresh)],
            cwd=args.config.parent,
            env={**os.environ, ENVIRONMENT_VARIABLE: site_url},
        )
        if result.returncode != 0:
            sys.stderr.write(f"De bouw is mislukt; {target} is niet veranderd.\n")
            return result.returncode
        # Swap with two renames in the same folder, so readers never see a half-built site.
        old = Path(folder) / "oud"
        if target.exists():
            target.rename(old)
        fresh.rename(target)
    sys.stdout.write(f"De site staat in {target}.\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
