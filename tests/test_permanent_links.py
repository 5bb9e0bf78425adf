"""Links are forever: URLs come from ids, old ids redirect, titles never move a page."""

from __future__ import annotations

import subprocess
from pathlib import Path

from .conftest import build, make_site
from .htmlscan import parse, text_of

CASE = "praktijkvoorbeelden/wijkmonitor.md"


def edit(content: Path, relative: str, old: str, new: str) -> None:
    path = content / relative
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_old_ids_redirect_to_the_current_page(tmp_path, content):
    edit(content, CASE, "bijgewerkt: 2026-02-01", "bijgewerkt: 2026-02-01\naliassen: [oude-monitor, wijkscan]")
    site = make_site(tmp_path / "s", content)
    build(site)
    for alias in ("oude-monitor", "wijkscan"):
        redirect = parse(site / "site" / "praktijkvoorbeelden" / alias / "index.html")
        refresh = redirect.find("meta", **{"http-equiv": "refresh"})[0].attrs["content"]
        assert refresh == "0; url=../wijkmonitor/"
        assert redirect.find("link", rel="canonical")[0].attrs["href"].endswith("/praktijkvoorbeelden/wijkmonitor/")
        assert redirect.find("a")[0].attrs["href"] == "../wijkmonitor/"


def test_changing_a_title_does_not_change_any_url(tmp_path, content):
    first = make_site(tmp_path / "voor", content)
    build(first)
    edit(content, CASE, 'titel: "Voorbeeldstad: wijkmonitor"', 'titel: "Voorbeeldstad: de nieuwe wijkscan"')
    second = make_site(tmp_path / "na", content)
    build(second)

    def pages(site: Path) -> set[str]:
        return {p.relative_to(site / "site").as_posix() for p in (site / "site").rglob("*.html")}

    assert pages(first) == pages(second)
    assert "de nieuwe wijkscan" in text_of(second / "site" / "praktijkvoorbeelden" / "wijkmonitor" / "index.html")


def test_item_page_offers_link_citation_date_and_edit_link(tmp_path, content):
    site = make_site(tmp_path / "git", content)
    env = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "Test",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_AUTHOR_DATE": "2026-03-04T10:00:00", "GIT_COMMITTER_DATE": "2026-03-04T10:00:00",
           "PATH": "/usr/bin:/bin"}
    for command in (["git", "init", "-q"], ["git", "add", "content"], ["git", "commit", "-qm", "inhoud"]):
        subprocess.run(command, cwd=site, env=env, check=True)
    build(site)
    page = site / "site" / "praktijkvoorbeelden" / "wijkmonitor" / "index.html"
    text = text_of(page)
    assert "Link naar deze pagina (dit adres blijft altijd hetzelfde): http://127.0.0.1:8000/praktijkvoorbeelden/wijkmonitor/" in text
    assert "Voorbeeldstad: wijkmonitor. In: Kennisbank datagedreven sturing, editie actueel, bijgewerkt op 4 maart 2026." in text
    assert "Laatst gewijzigd op 4 maart 2026 (volgens de versiegeschiedenis)." in text
    edit_link = parse(page).find("a", class_="kb-edit")[0].attrs["href"]
    assert edit_link.endswith("/edit/main/content/praktijkvoorbeelden/wijkmonitor.md")
    # Generated pages without an item file take the date of their source file too.
    municipality = text_of(site / "site" / "gemeenten" / "voorbeeldstad" / "index.html")
    assert "Laatst gewijzigd op 4 maart 2026" in municipality


def test_canonical_url_and_sitemap_follow_site_url(tmp_path, content, monkeypatch):
    monkeypatch.setenv("KENNISBANK_SITE_URL", "https://kennisbank.example/2018/")
    monkeypatch.setenv("KENNISBANK_EDITIE", "2018")
    site = make_site(tmp_path / "editie", content)
    build(site)
    page = parse(site / "site" / "praktijkvoorbeelden" / "wijkmonitor" / "index.html")
    assert page.find("link", rel="canonical")[0].attrs["href"] == "https://kennisbank.example/2018/praktijkvoorbeelden/wijkmonitor/"
    assert "editie 2018" in text_of(site / "site" / "praktijkvoorbeelden" / "wijkmonitor" / "index.html")
    sitemap = (site / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://kennisbank.example/2018/praktijkvoorbeelden/wijkmonitor/</loc>" in sitemap
