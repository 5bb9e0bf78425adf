"""Last line of defence: every built page's HTML passes an allowlist sanitizer.

Validation already refuses HTML and unsafe links in content, and editor Markdown is
cleaned on its own (:mod:`macros.editor_markdown`); this makes sure that nothing that
slips through (a new Markdown extension, an unforeseen syntax) can put script, event
handlers, ``javascript:`` links, frames or third-party images on a page, or take
over one of the theme's own elements (``#__config``, ``data-md-*``).
"""

from __future__ import annotations

from typing import Callable

import nh3

from .weburl import judge

TAGS = {
    "a", "abbr", "aside", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup",
    "dd", "del", "details", "div", "dl", "dt", "em", "figcaption", "figure", "footer", "h1", "h2",
    "h3", "h4", "h5", "h6", "header", "hr", "i", "img", "ins", "kbd", "li", "mark", "nav", "ol",
    "p", "pre", "q", "s", "section", "small", "span", "strong", "sub", "summary", "sup", "table",
    "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul",
    # The filter form of the cases overview; without action/formaction it cannot send anything.
    "form", "fieldset", "legend", "label", "input", "button", "select", "option",
    # The worksheet's text fields (werkblad); their text stays in the reader's browser.
    "textarea",
}
GENERIC_ATTRIBUTES = {"class", "id", "title", "lang", "role", "aria-label", "aria-current", "aria-labelledby", "aria-describedby", "aria-hidden", "aria-live", "hidden"}
ATTRIBUTES = {
    "*": GENERIC_ATTRIBUTES,
    "a": {"href", "rel", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading"},
    "ol": {"start", "reversed"},
    "li": {"value"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "time": {"datetime"},
    "details": {"open"},
    "input": {"type", "name", "value", "checked"},
    "button": {"type"},
    "select": {"name"},
    "option": {"value", "selected"},
    "label": {"for"},
    "textarea": {"name", "rows", "cols"},
}


def _keep_attribute(tag: str, attribute: str, value: str) -> str | None:
    # An image from another host would make the reader's browser contact that host;
    # judged as a browser reads it, so "/\\host/x.png" counts as another host.
    if tag == "img" and attribute == "src":
        return value if judge(value, decode_entities=False).internal else None
    # The theme finds its settings and components by these; page content may not mimic them.
    if attribute == "id" and value.startswith("__"):
        return None
    if attribute.startswith("data-md-"):
        return None
    return value


# What _keep_attribute judges, as nh3 writes it (lowercase names, a space before each
# attribute, values in double quotes): only a page that has one of these needs the judge.
_JUDGED = ("<img", ' id="__', " data-md-")


def _clean(html: str, judge: Callable[[str, str, str], str | None] | None = None) -> str:
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel=None,
        strip_comments=True,
        generic_attribute_prefixes={"data-"},
        attribute_filter=judge,
    )


def sanitize_html(html: str) -> str:
    # Without the judge first: a Python call for every attribute costs a quarter of the
    # time, and most pages have nothing for it to judge. The rare page that does is
    # cleaned again, with the judge, from its original HTML.
    cleaned = _clean(html)
    return _clean(html, _keep_attribute) if any(judged in cleaned for judged in _JUDGED) else cleaned
