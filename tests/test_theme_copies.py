"""The theme is extended, not copied: an upgrade of mkdocs-material shows where it touches us.

overrides/main.html extends Material's base.html through its blocks. Two of those blocks
patch the output of ``super()`` at one exact spot each (the header's title, before which
the search goes, and the article's opening tag); the strings are set in main.html as ``{% set name = '...' %}`` and must
still occur exactly once where the block renders them, or the patch would silently do
nothing. Any other file in overrides/ that shadows a theme template says so in its header,
with the upstream version and SHA-256 it was written against, so that an upgrade which
changes that template fails here until someone has looked at the change.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import material
import pytest

ROOT = Path(__file__).resolve().parent.parent
OVERRIDES = ROOT / "overrides"
THEME = Path(material.__file__).resolve().parent / "templates"
MAIN = (OVERRIDES / "main.html").read_text(encoding="utf-8")

# name of the string in main.html -> the block of base.html whose output it patches
PATCHES = {"article": "container", "header_title": "header"}
REPLACES = re.compile(
    r"Kennisbank: replaces mkdocs-material templates/(?P<path>\S+) as of (?P<version>\S+) \(sha256 (?P<sha>[0-9a-f]{12,64})\)"
)
BLOCK = re.compile(r"\{%-?\s*(block\s+(\w+)|endblock)\b[^%]*-?%\}")
# only literal names: {% include ".icons/" ~ icon ~ ".svg" %} stays as it is
INCLUDE = re.compile(r"\{%-?\s*include\s+\"([^\"]+)\"\s*-?%\}")


def template(path: str) -> str:
    """A template as the theme loader finds it: overrides/ first, then Material."""
    for folder in (OVERRIDES, THEME):
        if (folder / path).is_file():
            return (folder / path).read_text(encoding="utf-8")
    raise FileNotFoundError(path)


def expanded(source: str, depth: int = 0) -> str:
    """Source with its literal includes inlined, as far as they resolve."""
    assert depth < 10, "includes nest too deep"
    return INCLUDE.sub(lambda m: expanded(template(m.group(1)), depth + 1), source)


def block(source: str, name: str) -> str:
    """The text of block ``name`` in ``source``, nested blocks included."""
    stack: list[tuple[str, int]] = []
    for match in BLOCK.finditer(source):
        if match.group(2):
            stack.append((match.group(2), match.end()))
        else:
            opened, start = stack.pop()
            if opened == name:
                return source[start : match.start()]
    raise AssertionError(f"Material's base.html has no block {name!r}")


def patch(name: str) -> str:
    match = re.search(r"\{%\s*set\s+" + name + r"\s*=\s*'([^']+)'\s*%\}", MAIN)
    assert match, f"overrides/main.html sets no string {name!r}"
    return match.group(1)


def test_upstream_main_html_only_extends_base():
    # Shadowing it with overrides/main.html then loses nothing.
    body = re.sub(r"\{#.*?#\}", "", (THEME / "main.html").read_text(encoding="utf-8"), flags=re.S).strip()
    assert body == '{% extends "base.html" %}'


def test_every_block_main_html_overrides_exists_upstream():
    ours = {m.group(2) for m in BLOCK.finditer(MAIN) if m.group(2)}
    theirs = {m.group(2) for m in BLOCK.finditer((THEME / "base.html").read_text(encoding="utf-8")) if m.group(2)}
    assert ours <= theirs, f"blocks Material no longer offers: {sorted(ours - theirs)}"


@pytest.mark.parametrize("name, block_name", PATCHES.items())
def test_patched_markup_occurs_once_in_the_block(name, block_name):
    rendered = expanded(block((THEME / "base.html").read_text(encoding="utf-8"), block_name))
    assert rendered.count(patch(name)) == 1, (
        f"{patch(name)!r} no longer occurs exactly once in block {block_name!r} of Material's base.html "
        "(with its includes): adapt the patch in overrides/main.html"
    )


def test_material_still_has_no_skip_block():
    # main.html hides Material's skip link (rendered outside any block, only on pages with a
    # table of contents) and renders its own in the header block. Use a skip block once it exists.
    base = (THEME / "base.html").read_text(encoding="utf-8")
    assert base.count('data-md-component="skip"') == 1
    assert 'data-md-component="skip"' not in "".join(block(base, m.group(2)) for m in BLOCK.finditer(base) if m.group(2))


def test_no_bare_rel_alternate_links():
    # Material (9.7 and later) fetches sitemap.xml next to every link[rel=alternate].
    for path in OVERRIDES.rglob("*.html"):
        assert 'rel="alternate"' not in path.read_text(encoding="utf-8"), path


def test_overrides_that_shadow_a_theme_template_name_its_version():
    for path in sorted(OVERRIDES.rglob("*")):
        relative = path.relative_to(OVERRIDES).as_posix()
        if not path.is_file() or relative == "main.html" or not (THEME / relative).is_file():
            continue
        header = REPLACES.search(path.read_text(encoding="utf-8")[:1000])
        assert header and header.group("path") == relative, (
            f"overrides/{relative} shadows Material's template: extend it through a block in main.html, "
            f"or start it with 'Kennisbank: replaces mkdocs-material templates/{relative} as of <version> (sha256 <hash>)'"
        )
        actual = hashlib.sha256((THEME / relative).read_bytes()).hexdigest()
        assert actual.startswith(header.group("sha")), (
            f"Material changed templates/{relative} since {header.group('version')} (sha256 now {actual[:12]}): "
            f"compare it with overrides/{relative}, then update the version and hash in its header"
        )
