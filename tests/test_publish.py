"""Editions with mike: two editions on a local gh-pages branch, an alias, a root redirect and 404."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from .conftest import ROOT, make_site
from .htmlscan import parse

IDENTITY = {
    "GIT_AUTHOR_NAME": "Publicatietest",
    "GIT_AUTHOR_EMAIL": "publicatie@example.org",
    "GIT_COMMITTER_NAME": "Publicatietest",
    "GIT_COMMITTER_EMAIL": "publicatie@example.org",
}


def git(site, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=site, env={**os.environ, **IDENTITY}, check=True, capture_output=True, text=True).stdout


def publish(site, *args: str) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "publish.py"), *args],
        cwd=site,
        env={**os.environ, **IDENTITY},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def test_two_editions_alias_default_and_root_pages(tmp_path, content):
    site = make_site(tmp_path / "repo", content)
    git(site, "init", "-q", "-b", "main")
    git(site, "add", ".")
    git(site, "commit", "-qm", "inhoud")

    publish(site, "2018", "--site-url", "https://kennisbank.example")
    publish(site, "2026", "--alias", "latest", "--standaard", "--site-url", "https://kennisbank.example")

    checkout = tmp_path / "gh-pages"
    git(site, "worktree", "add", "-q", str(checkout), "gh-pages")
    versions = json.loads((checkout / "versions.json").read_text(encoding="utf-8"))
    assert {v["version"]: v["aliases"] for v in versions} == {"2026": ["latest"], "2018": []}

    for edition in ("2018", "2026"):
        page = checkout / edition / "praktijkvoorbeelden" / "wijkmonitor" / "index.html"
        canonical = parse(page).find("link", rel="canonical")[0].attrs["href"]
        assert canonical == f"https://kennisbank.example/{edition}/praktijkvoorbeelden/wijkmonitor/"
        text = page.read_text(encoding="utf-8")
        assert f"editie {edition}, " in text
        assert f"<code>https://kennisbank.example/{edition}/praktijkvoorbeelden/wijkmonitor/</code>" in text
        assert '"provider": "mike"' in text  # the edition selector is on
        # Each edition has its own search index: a reader of 2018 searches 2018.
        entry = json.loads((checkout / edition / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
        assert entry["languages"]["nl"]["page_count"] > 0
    latest = checkout / "latest"
    assert latest.exists()
    assert (latest / "praktijkvoorbeelden" / "wijkmonitor" / "index.html").exists() or "2026" in (latest / "index.html").read_text(encoding="utf-8")

    root = (checkout / "index.html").read_text(encoding="utf-8")
    assert "latest" in root and "refresh" in root
    not_found = parse(checkout / "404.html")
    assert {a.attrs["href"] for a in not_found.find("a")} >= {"2018/", "2026/", "latest/"}
    assert not_found.find("html")[0].attrs["lang"] == "nl"
    # Nothing was pushed: the branch only exists locally.
    assert git(site, "remote").strip() == ""


def _without_address() -> dict:
    return {k: v for k, v in {**os.environ, **IDENTITY}.items() if k != "KENNISBANK_SITE_URL"}


def test_publishing_without_a_public_address_is_refused(tmp_path, content):
    site = make_site(tmp_path / "repo", content)
    git(site, "init", "-q", "-b", "main")
    for args in ([], ["--site-url", "http://127.0.0.1:8000/"], ["--site-url", "localhost:8000"]):
        result = subprocess.run([sys.executable, str(ROOT / "scripts" / "publish.py"), "2018", *args], cwd=site, env=_without_address(), capture_output=True, text=True)
        assert result.returncode == 2, result.stderr
        assert result.stderr.startswith("Niet gepubliceerd: ") and "Traceback" not in result.stderr
    assert "gh-pages" not in git(site, "branch", "--list")


def test_a_build_for_publishing_needs_a_public_address(tmp_path, content):
    site = make_site(tmp_path / "project", content)
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build.py"), "--config", str(site / "mkdocs.yml"), "--site-dir", str(tmp_path / "uit")],
        env=_without_address(), capture_output=True, text=True,
    )
    assert result.returncode == 2 and "het publieke adres van de site ontbreekt" in result.stderr
    assert not (tmp_path / "uit").exists()
