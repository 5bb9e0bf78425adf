"""Fuzzing: whatever a pull request holds, the validator and the build answer with messages.

Never a traceback, never a hang, never a silent drop: an accepted file is on the
site, a refused file has at least one message that names it. Examples are derived
from a fixed seed (``derandomize``), so a failure in CI repeats on any machine.
"""

from __future__ import annotations

import shutil
import string
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from macros.editor_markdown import EditorMarkdown, markdown_problems
from macros.load import check_content
from macros.sanitize import sanitize_html

from .conftest import VALID_CONTENT, build, make_site
from .htmlscan import Document

FUZZ = settings(max_examples=150, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
# Per example: checking a whole (small) content tree takes milliseconds; a hang or a
# quadratic blow-up would take seconds.
BUDGET_SECONDS = 3.0

MARKDOWN_ALPHABET = string.ascii_letters + string.digits + " \n\t#*_`[]()<>!{}:|-+.=/\\&;\"'~^" + "éë€\u00a0\u202e\x85\x00"
# Bodies are built from fragments of Markdown, HTML and URLs (normal and hostile), so
# that links, images, tags and attribute lists are formed often, not by chance.
SNIPPETS = [
    "tekst ", "\n", "\n\n", "## ", "# ", "- ", "1. ", "> ", "    ", "`", "**", "*", "|", "---",
    "[", "]", "(", ")", "](", "![", "]: ", "<", ">", "{: #__config }", "{#id}", "{.klasse}", "\"", " \"titel\"",
    "https://example.org/p", "http:x", "//evil.example/x.png", "/\\evil.example/x", "\\\\evil.example", "../x/", "#kop",
    "javascript:alert(1)", "jav&#x61;script:", "data:text/html,x", "mailto:a@b.nl", "&#106;", "&amp;", "\t",
    "<script>", "</a>", "<img src=x onerror=alert(1)>", "<!--", "-->", "<https://example.org>", "<javascript:x>",
    "!!! note", "[^1]", "__config", "kb-bron", "(Vul in: x)", "\u202e", "\x85",
    "[tekst](https://example.org/p)", "[x](//evil.example/x)", "[x](../../risicos/privacy/)", "![kaart](../x.png)",
    "[a](javascript:alert(1))", "[a]: https://example.org\n\n[b][a]", "<https://example.org/y>",
]
markdown_text = st.lists(st.one_of(st.sampled_from(SNIPPETS), st.text(alphabet=MARKDOWN_ALPHABET, max_size=6)), max_size=60).map("".join)
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(10**30), max_value=10**30), st.text(max_size=60),
    st.sampled_from(["sociaal", "5.1.1", "2026-02-30", "https://example.org/", "javascript:alert(1)", "index", "domein", "&a", "*a", "!!str x"]),
)
FIELDS = ["id", "titel", "samenvatting", "organisaties", "gemeenten", "domein", "methodiek", "aard", "bron", "toegevoegd", "bijgewerkt", "aliassen", "trefwoorden", "onbekend"]
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(FIELDS + ["rapport", "links", "url"]), inner, max_size=4)), max_leaves=12)
front_matter = st.dictionaries(st.sampled_from(FIELDS), values, max_size=10)
raw_front_matter = st.text(alphabet=string.printable + "éß\u2028", max_size=300)

VALID_CASE = (VALID_CONTENT / "praktijkvoorbeelden" / "wijkmonitor.md").read_text(encoding="utf-8")


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(VALID_CONTENT, target)
    return target


def _check(content: Path, written: Path) -> None:
    start = time.monotonic()
    kennisbank, problems = check_content(content)  # must not raise
    assert time.monotonic() - start < BUDGET_SECONDS
    errors = [p for p in problems if not p.warning]
    shown = written.relative_to(content.parent).as_posix()
    if kennisbank is None:
        assert errors, "refused without a message"
        assert all(p.message.strip() and p.path for p in errors)
        assert any(p.path == shown for p in errors), "the refused file is not named"
    else:
        assert not errors
        assert written.stem in {c.id for c in kennisbank.cases} or written.name == "wijkmonitor.md", "accepted but dropped"


@FUZZ
@given(meta=front_matter, body=markdown_text)
def test_generated_front_matter_and_bodies_get_messages_or_pass(tree, meta, body):
    path = tree / "praktijkvoorbeelden" / "fuzz.md"
    path.write_text("---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n\n" + body, encoding="utf-8")
    _check(tree, path)


@FUZZ
@given(text=raw_front_matter)
def test_arbitrary_front_matter_text_never_crashes(tree, text):
    path = tree / "praktijkvoorbeelden" / "fuzz.md"
    path.write_text("---\n" + text + "\n---\n\nTekst.\n", encoding="utf-8")
    _check(tree, path)


@FUZZ
@given(body=markdown_text)
def test_a_valid_case_with_any_body_is_refused_with_a_message_or_rendered_inert(tree, body):
    path = tree / "praktijkvoorbeelden" / "wijkmonitor.md"
    path.write_text(VALID_CASE.split("## Wat is er gedaan")[0] + "## Wat is er gedaan\n\nTekst.\n\n" + body, encoding="utf-8")
    _check(tree, path)
    if not markdown_problems(body, "praktijkvoorbeelden/wijkmonitor/"):
        _assert_inert(sanitize_html(str(EditorMarkdown().render(body, "praktijkvoorbeelden/wijkmonitor/").html)))


def _assert_inert(html: str) -> None:
    document = Document()
    document.feed(html)
    document.close()
    for element in document.elements:
        assert element.tag not in {"script", "iframe", "object", "embed", "form", "input", "style", "svg"}, element
        assert not [a for a in element.attrs if a.startswith("on") or a == "style" or a.startswith("data-")], element
        assert not (element.attrs.get("id") or "").startswith("__"), element
        for name in ("href", "src"):
            value = (element.attrs.get(name) or "").strip().lower()
            assert not value.startswith(("javascript:", "data:", "vbscript:")), element
        if element.tag == "img":
            source = element.attrs.get("src") or ""
            assert "//" not in source and "\\" not in source, element


@pytest.mark.traag
@settings(max_examples=4, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(meta=front_matter, body=markdown_text)
def test_the_build_ends_with_a_site_or_with_messages(tmp_path_factory, meta, body):
    root = tmp_path_factory.mktemp("fuzz-bouw")
    content = root / "content"
    shutil.copytree(VALID_CONTENT, content)
    (content / "praktijkvoorbeelden" / "fuzz.md").write_text("---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n\n" + body, encoding="utf-8")
    result = build(make_site(root / "project", content), check=False)
    assert "Traceback" not in result.stderr
    if result.returncode != 0:
        assert "content/praktijkvoorbeelden/fuzz.md" in result.stderr
