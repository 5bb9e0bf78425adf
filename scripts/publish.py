"""Publiceer een editie van de kennisbank naar de lokale branch gh-pages (met mike).

Gebruik:
    python scripts/publish.py 2018 --site-url https://example.nl/kennisbank/
    python scripts/publish.py 2026 --alias latest --standaard --site-url https://example.nl/kennisbank/

Het publieke adres is verplicht (--site-url of KENNISBANK_SITE_URL): het staat in de
canonieke links, de sitemap, de feed en elke verwijzing.

Elke editie staat in een eigen map (/2018/, /2026/); een alias als 'latest' wijst naar
een editie, en met --standaard stuurt de hoofdmap bezoekers daarheen. Er wordt niets
gepusht: controleer de branch en push hem zelf (git push origin gh-pages).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from jinja2 import Environment, PackageLoader

from macros.site_address import ENVIRONMENT_VARIABLE, MissingAddress, public_address

log = logging.getLogger("kennisbank.publish")


def run(*command: str, cwd: Path | None = None, env: dict | None = None) -> str:
    """Run a command in ``cwd`` (default: the current directory, the project's root)."""
    log.info("$ %s", " ".join(command))
    return subprocess.run(command, cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


def deploy(edition: str, aliases: list[str], default: bool, site_url: str, branch: str, title: str | None) -> None:
    tools = str(Path(sys.executable).parent)  # mike runs "mkdocs" from PATH: use ours
    env = dict(
        os.environ,
        KENNISBANK_EDITIE=title or edition,
        KENNISBANK_VERSIEKEUZE="mike",  # show the edition selector
        PATH=tools + os.pathsep + os.environ.get("PATH", ""),
    )
    # mike adds the edition folder to site_url itself.
    env["KENNISBANK_SITE_URL"] = site_url
    mike = [str(Path(tools) / "mike")]  # mike has no "python -m mike"
    run(*mike, "deploy", "--branch", branch, "--update-aliases", "--title", title or edition, edition, *aliases, env=env)
    if default:
        run(*mike, "set-default", "--branch", branch, aliases[0] if aliases else edition, env=env)
    write_root_404(branch)


def write_root_404(branch: str) -> None:
    """A 404 page at the root of the branch, listing the editions (GitHub Pages serves it)."""
    with tempfile.TemporaryDirectory() as folder:
        worktree = Path(folder) / "gh-pages"
        run("git", "worktree", "add", "--quiet", str(worktree), branch)
        try:
            versions = json.loads((worktree / "versions.json").read_text(encoding="utf-8"))
            default = "latest" if any("latest" in v.get("aliases", []) for v in versions) else versions[0]["version"]
            template = Environment(loader=PackageLoader("macros", "templates"), autoescape=True).get_template("editie_404.html")
            (worktree / "404.html").write_text(template.render(versions=versions, default=default), encoding="utf-8")
            run("git", "add", "404.html", cwd=worktree)
            if run("git", "status", "--porcelain", cwd=worktree).strip():
                run("git", "commit", "--quiet", "-m", "Foutpagina in de hoofdmap bijgewerkt", cwd=worktree)
        finally:
            run("git", "worktree", "remove", "--force", str(worktree))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Publiceer een editie naar de lokale branch gh-pages.")
    parser.add_argument("editie", help="naam van de editie, bijv. 2018")
    parser.add_argument("--alias", action="append", default=[], help="extra naam voor deze editie, bijv. latest")
    parser.add_argument("--standaard", action="store_true", help="stuur bezoekers van de hoofdmap naar deze editie")
    parser.add_argument("--site-url", default=os.environ.get(ENVIRONMENT_VARIABLE), help="publiek adres van de site zonder editie (verplicht; standaard KENNISBANK_SITE_URL)")
    parser.add_argument("--titel", help="naam van de editie in de keuzelijst (standaard de editie zelf)")
    parser.add_argument("--branch", default="gh-pages")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    try:
        site_url = public_address(args.site_url)
    except MissingAddress as error:
        sys.stderr.write(f"Niet gepubliceerd: {error}\n")
        return 2
    try:
        deploy(args.editie, args.alias, args.standaard, site_url, args.branch, args.titel)
    except subprocess.CalledProcessError as error:
        sys.stderr.write(f"Publiceren mislukt bij: {' '.join(error.cmd)}\n{error.stderr}\n")
        return 1
    log.info("Editie %s staat op de lokale branch %s. Push die zelf als alles klopt.", args.editie, args.branch)
    return 0


if __name__ == "__main__":
    sys.exit(main())
