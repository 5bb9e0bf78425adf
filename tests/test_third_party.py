"""No third-party requests: the built site loads nothing from other hosts.

Plain links (<a href>) to sources are fine; everything a browser fetches by itself
(scripts, styles, fonts, images, frames, manifests) must come from the site itself.
The browser tests watch the real network traffic as well.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from .htmlscan import parse

# tag -> attributes whose URL the browser fetches without a click
FETCHED = {
    "script": ["src"],
    "link": ["href"],
    "img": ["src", "srcset"],
    "iframe": ["src"],
    "frame": ["src"],
    "source": ["src", "srcset"],
    "video": ["src", "poster"],
    "audio": ["src"],
    "track": ["src"],
    "embed": ["src"],
    "object": ["data"],
    "input": ["src"],
}
# <link rel> values that are references, not downloads
NOT_FETCHED_LINKS = {"canonical", "alternate", "author", "license", "prev", "next", "edit"}
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)|@import\s+['\"]([^'\"]+)")


def is_external(url: str) -> bool:
    url = url.strip()
    if url.startswith("data:"):
        return False
    parts = urlsplit(url)
    return bool(parts.netloc) or url.startswith("//")


def external_resources(site: Path) -> list[str]:
    found = []
    for path in site.rglob("*.html"):
        for element in parse(path).elements:
            for attribute in FETCHED.get(element.tag, []):
                value = element.attrs.get(attribute) or ""
                if element.tag == "link" and set((element.attrs.get("rel") or "").split()) & NOT_FETCHED_LINKS:
                    continue
                for candidate in value.split(",") if attribute == "srcset" else [value]:
                    if candidate and is_external(candidate.split()[0]):
                        found.append(f"{path.relative_to(site)}: <{element.tag} {attribute}={candidate}>")
            style = element.attrs.get("style") or ""
            found += [f"{path.relative_to(site)}: style {m}" for m in CSS_URL.findall(style) if is_external("".join(m))]
            if element.tag == "meta" and (element.attrs.get("http-equiv") or "").lower() == "refresh":
                target = (element.attrs.get("content") or "").partition("url=")[2]
                if is_external(target):
                    found.append(f"{path.relative_to(site)}: refresh to {target}")
    for path in site.rglob("*.css"):
        for match in CSS_URL.findall(path.read_text(encoding="utf-8")):
            url = "".join(match)
            if is_external(url):
                found.append(f"{path.relative_to(site)}: {url}")
    return found


def test_no_resources_from_other_hosts(real_site):
    assert external_resources(real_site) == []


def test_theme_features_that_call_other_hosts_are_off(real_site):
    for path in real_site.rglob("*.html"):
        document = parse(path)
        # repo_url makes Material fetch repository facts from the GitHub API.
        assert not document.find("div", class_="md-source"), path
        # Mermaid diagrams make Material load mermaid from unpkg.com.
        assert not document.find("pre", class_="mermaid") and not document.find("div", class_="mermaid"), path
    # theme.font: false keeps Google Fonts out.
    assert "fonts.googleapis.com" not in (real_site / "index.html").read_text(encoding="utf-8")


def test_the_scan_finds_external_resources(tmp_path):
    (tmp_path / "a.html").write_text(
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css"><link rel="canonical" href="https://example.org/">'
        '<img srcset="a.png 1x, //cdn.example/b.png 2x"><a href="https://example.org/">bron</a>',
        encoding="utf-8",
    )
    (tmp_path / "b.css").write_text("body{background:url(https://cdn.example/x.png)} i{background:url(data:image/svg+xml;x)}", encoding="utf-8")
    assert len(external_resources(tmp_path)) == 3
