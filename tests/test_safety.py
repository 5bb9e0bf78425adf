"""Content is data: hostile text in any field is shown as text, never run.

A case whose every text field carries an attack is built; then every page, the
search index and the sitemap are scanned. Markdown bodies may not contain HTML at
all (refused with a message, see test_validation); the sanitizer is tested on its own.
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
import yaml

from macros.sanitize import sanitize_html

from .conftest import ROOT, build, make_site
from .htmlscan import parse, text_of

JINJA = "{{ 7*7 }}"
PAYLOADS = [
    '<script>alert("kb")</script>',
    '<img src=x onerror="alert(1)">',
    '" onmouseover="alert(1)" x="',
    JINJA,
    "{% for x in range(3) %}herhaald{% endfor %}",
    "<iframe src=https://evil.example></iframe>",
]
PAYLOAD = " ".join(PAYLOADS)  # 200+ characters: too long for a title, fine for a summary
TITLE = '<script>alert("t")</script> ' + JINJA  # fits in 90 characters


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    from .conftest import VALID_CONTENT
    import shutil

    root = tmp_path_factory.mktemp("aanval")
    content = root / "inhoud"
    shutil.copytree(VALID_CONTENT, content)
    meta = {
        "id": "aanval",
        "titel": TITLE,
        "samenvatting": PAYLOAD,
        "organisaties": list(PAYLOADS),
        "partners": list(PAYLOADS),
        "gemeenten": ["voorbeeldstad"],
        "domein": "sociaal",
        "typering": {"domein": {"rapport": "5.1.1"}},
        "trefwoorden": [p[:60] for p in PAYLOADS],
        "eigenaar": PAYLOADS[1],
        "bron": {"rapport": ["5.1.1"], "links": [{"titel": PAYLOADS[0], "url": "https://example.org/?q=<script>"}]},
        "toegevoegd": "2026-01-01",
        "bijgewerkt": "2026-01-01",
    }
    body = f"## Wat is er gedaan\n\nTekst met {JINJA} en {{% raw %}} en `<script>` in code.\n"
    (content / "praktijkvoorbeelden" / "aanval.md").write_text(
        "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n\n" + body, encoding="utf-8"
    )
    # Taxonomy labels are content too: they reach the navigation and every case page.
    taxonomy = content / "taxonomie.yaml"
    taxonomy.write_text(
        taxonomy.read_text(encoding="utf-8").replace("  label: Domein\n", "  label: 'Domein <img src=x onerror=alert(2)>'\n", 1),
        encoding="utf-8",
    )
    municipalities = content / "gemeenten.yaml"
    municipalities.write_text(
        municipalities.read_text(encoding="utf-8").replace("naam: Voorbeeldstad", "naam: 'Voorbeeldstad <script>alert(3)</script>'", 1),
        encoding="utf-8",
    )
    site = make_site(root / "project", content)
    build(site)
    return site / "site"


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_no_event_handlers_or_script_from_content_anywhere(hostile_site):
    for path in html_files(hostile_site):
        document = parse(path)
        for element in document.elements:
            handlers = [name for name in element.attrs if name.startswith("on")]
            assert not handlers, (path, element)
            for name in ("href", "src"):
                assert not (element.attrs.get(name) or "").strip().lower().startswith("javascript:"), (path, element)
            assert element.tag not in {"iframe", "object", "embed"}, (path, element)
            if element.tag == "img":
                assert element.attrs.get("src") != "x", (path, element)
            if element.tag == "script":
                assert "alert" not in element.text, (path, element.text[:200])
                src = element.attrs.get("src")
                assert src is None or "assets/javascripts/" in src, (path, src)


def test_payloads_are_shown_as_text(hostile_site):
    case = hostile_site / "praktijkvoorbeelden" / "aanval" / "index.html"
    text = text_of(case)
    assert '<script>alert("t")</script> {{ 7*7 }}' in text  # the title, as typed
    assert '<img src=x onerror="alert(1)">' in text
    assert "Tekst met {{ 7*7 }} en {% raw %} en <script> in code." in text
    assert "49" not in text
    assert "herhaaldherhaald" not in text


def test_title_and_meta_description_are_escaped(hostile_site):
    html = (hostile_site / "praktijkvoorbeelden" / "aanval" / "index.html").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert "&lt;script&gt;" in title and "<script>" not in title and "49" not in title
    description = parse(hostile_site / "praktijkvoorbeelden" / "aanval" / "index.html").find("meta", name="description")
    assert description[0].attrs["content"].startswith('<script>alert("kb")</script>')  # attribute value, decoded
    assert 'content="&lt;script&gt;alert(&#34;kb&#34;)' in html or 'content="&lt;script&gt;alert(&quot;kb&quot;)' in html


def test_navigation_labels_from_the_taxonomy_are_escaped(hostile_site):
    html = (hostile_site / "index.html").read_text(encoding="utf-8")
    assert "domein &lt;img src=x onerror=alert(2)&gt;" in html
    assert "<img src=x" not in html


def _fragments(site: Path) -> list[dict]:
    """Pagefind's stored text per page: gzip, a signature, then JSON."""
    found = []
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        found.append(json.loads(data[data.index(b"{"):]))
    return found


def test_search_index_holds_text_and_the_scripts_set_it_as_text(hostile_site):
    entries = [f for f in _fragments(hostile_site) if f["url"].startswith("/praktijkvoorbeelden/aanval/")]
    assert entries
    # The index stores what the page says, markup characters included, as data...
    assert any("<script>" in e["meta"]["title"] for e in entries)
    # ...and the scripts that show it never parse it as HTML: every innerHTML they write is
    # empty, or goes into a <textarea> (which decodes entities and never makes elements).
    for script in ("zoeken.js", "filters.js"):
        source = (ROOT / "docs" / "assets" / "javascripts" / script).read_text(encoding="utf-8")
        for match in re.finditer(r"(\w+)\.innerHTML\s*=\s*([^;]+);", source):
            target, value = match.groups()
            assert value.strip() in ('""', "original") or target == "decoder", (script, match.group(0))
    assert 'createElement("textarea")' in (ROOT / "docs" / "assets" / "javascripts" / "zoeken.js").read_text(encoding="utf-8")


def test_municipality_name_payload_is_escaped_on_every_page(hostile_site):
    for path in html_files(hostile_site):
        assert "<script>alert(3)" not in path.read_text(encoding="utf-8"), path


@pytest.mark.parametrize(
    "dirty, forbidden",
    [
        ('<p onclick="x()">a</p>', "onclick"),
        ("<script>alert(1)</script>", "<script"),
        ('<a href="javascript:alert(1)">x</a>', "javascript:"),
        ('<a href="jav&#x61;script:alert(1)">x</a>', "script:"),
        ('<img src="https://tracker.example/p.png" alt="">', "tracker.example"),
        ('<iframe src="https://evil.example"></iframe>', "iframe"),
        ('<div style="background:url(https://evil.example/x)">x</div>', "evil.example"),
        ("<svg><script>alert(1)</script></svg>", "alert"),
        ('<form action="https://evil.example"><input name=a formaction="https://evil.example"></form>', "evil.example"),
        # What only the attribute judge removes, however it is written (see _JUDGED).
        ('<IMG SRC="//tracker.example/p.png" alt="">', "tracker.example"),
        ('<p ID="__config">x</p>', "__config"),
        ('<p id="&#95;_config">x</p>', "__config"),
        ('<span DATA-MD-COMPONENT="search">x</span>', "data-md-"),
    ],
)
def test_sanitizer_removes_active_markup(dirty, forbidden):
    assert forbidden not in sanitize_html(dirty)


def test_sanitizer_keeps_what_pages_need():
    clean = '<h2 id="x">Kop<a class="headerlink" href="#x" title="Link">#</a></h2><div class="kb-facts" data-domein="sociaal"><img alt="grafiek" src="../figuren/a.svg"></div>'
    assert sanitize_html(clean) == clean


# ---------------------------------------------------------------- payload corpus in every field

CORPUS = [
    '<script>alert("x")</script>',
    '<img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)">klik</a>',
    "[klik](javascript:alert(1))",
    '<iframe src="https://evil.example"></iframe>',
    '<svg onload=alert(1)>',
    "{{ 7*7 }}",
    "{% include 'base.html' %}",
    '"><script>alert(1)</script>',
    "<!-- niet afgesloten",
    "javascript:alert(1)",
]
TEXT_FIELDS = ["titel", "samenvatting", "organisaties", "partners", "trefwoorden", "eigenaar", "bron.links.titel", "bron.links.url", "tekst"]


def _case_with(field: str, payload: str) -> str:
    meta = {
        "id": "aanval", "titel": "Titel", "samenvatting": "Samenvatting.", "organisaties": ["Gemeente"], "domein": "sociaal", "typering": {"domein": {"rapport": "5.1.1"}},
        "bron": {"rapport": ["5.1.1"], "links": [{"titel": "Bron", "url": "https://example.org/"}]},
        "toegevoegd": "2026-01-01", "bijgewerkt": "2026-01-01",
    }
    body = "## Wat is er gedaan\n\nTekst.\n"
    if field == "tekst":
        body += f"\n{payload}\n"
    elif field.startswith("bron.links."):
        meta["bron"]["links"][0][field.rsplit(".", 1)[1]] = payload
    elif field in ("organisaties", "partners", "trefwoorden"):
        meta[field] = [payload]
    else:
        meta[field] = payload[:90] if field == "titel" else payload
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n\n" + body


def _page_html(kennisbank, case_id: str) -> str:
    from macros.render.pages import standalone_renderer

    return sanitize_html(str(standalone_renderer(kennisbank).case_page(case_id, page_url=f"praktijkvoorbeelden/{case_id}/")))


@pytest.mark.parametrize("field", TEXT_FIELDS)
@pytest.mark.parametrize("payload", CORPUS)
def test_payload_is_refused_or_inert(field, payload, content):
    from macros.load import check_content

    (content / "praktijkvoorbeelden" / "aanval.md").write_text(_case_with(field, payload), encoding="utf-8")
    kennisbank, problems = check_content(content)
    if kennisbank is None:
        # Refused: with a Dutch message that names the file and the field.
        assert problems and all(p.path.endswith("aanval.md") and p.message for p in problems)
        return
    html = _page_html(kennisbank, "aanval")
    document = parse_string(html)
    for element in document.elements:
        assert not [a for a in element.attrs if a.startswith("on")], element
        assert element.tag not in {"script", "iframe", "svg", "object", "embed"}, element
        for name in ("href", "src"):
            assert not (element.attrs.get(name) or "").lower().startswith("javascript:"), element
    assert "49" not in html


def parse_string(html: str):
    from .htmlscan import Document

    document = Document()
    document.feed(html)
    document.close()
    return document


def test_raw_html_in_a_story_page_is_cleaned_on_the_built_page(tmp_path):
    # Story pages (docs/) are Markdown, which lets raw HTML through; the sanitizer on every
    # built page (hooks.on_page_content) is what stops it. Until this test, nothing showed
    # that the build applies it: the tests above reach only content that is cleaned earlier.
    site = make_site(tmp_path / "site", ROOT / "tests" / "fixtures" / "inhoud")
    index = site / "docs" / "index.md"
    index.write_text(
        index.read_text(encoding="utf-8")
        + '\n\n<p onclick="alert(1)">Klik</p>\n\n<script>alert(2)</script>\n\n'
        + '<img src="https://tracker.example/p.png" alt="">\n\n<div id="__config">{}</div>\n',
        encoding="utf-8",
    )
    build(site)
    page = (site / "site" / "index.html").read_text(encoding="utf-8")
    content = page[page.index('<span id="inhoud"') : page.index("</article>")]
    assert "Klik" in content
    for forbidden in ("onclick", "alert(2)", "tracker.example", 'id="__config">{}'):
        assert forbidden not in content, forbidden


@pytest.mark.parametrize("processes", ["", "1"], ids=["met-helper", "een-proces"])
def test_markup_a_page_template_lets_through_is_cleaned_on_every_generated_page(tmp_path, monkeypatch, processes):
    # Generated pages are sanitized as they are rendered, by the build or by its helper
    # process (macros/parallel.py). A template mistake stands in for anything that could
    # slip past the escaping: the breadcrumb template is on every generated page.
    import shutil

    site = make_site(tmp_path / "site", ROOT / "tests" / "fixtures" / "inhoud")
    (site / "macros").unlink()
    shutil.copytree(ROOT / "macros", site / "macros", ignore=shutil.ignore_patterns("__pycache__"))
    breadcrumb = site / "macros" / "templates" / "_kruimelpad.html"
    breadcrumb.write_text(breadcrumb.read_text(encoding="utf-8") + '<p onclick="alert(1)">Klik</p><script>alert(2)</script>', encoding="utf-8")
    monkeypatch.setenv("KENNISBANK_PROCESSEN", processes)
    result = build(site)
    assert ("pagina's gemaakt door een tweede proces" in result.stderr) is (processes == "")
    pages = [site / "site" / path / "index.html" for path in ("praktijkvoorbeelden/wijkmonitor", "gemeenten", "risicos/privacy")]
    pages += sorted((site / "site" / "gemeenten").glob("*/index.html"))[-3:]  # the helper starts at the end
    for path in pages:
        page = path.read_text(encoding="utf-8")
        content = page[page.index('<span id="inhoud"') : page.index("</article>")]
        assert "Klik" in content, path
        assert "onclick" not in content and "alert(2)" not in content, path
