"""Bouw de site veilig: eerst in een tijdelijke map, pas bij succes op de plek van site/.

Gebruik:  python scripts/build.py [--site-dir site]

Mislukt de bouw (een fout in de inhoud, een kapotte link), dan blijft de vorige, goede
site in site/ staan. 'mkdocs build' zelf maakt site/ eerst leeg.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Bouw de site in een tijdelijke map en zet haar daarna op haar plek.")
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml")
    args = parser.parse_args(argv)
    target = args.site_dir.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".site-bouw-") as folder:
        fresh = Path(folder) / "site"
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(args.config), "-d", str(fresh)],
            cwd=args.config.parent,
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
