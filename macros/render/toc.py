"""The table of contents of a generated page, read from its finished HTML.

Hand-written pages get theirs from Python-Markdown's toc extension. Generated pages
do not pass through Markdown at all, so their headings (from templates and from the
editor's text alike) are collected here in the same shape (``toc_tokens``).

The HTML is ours (templates and the editor Markdown renderer, both well-formed), so
the headings are found with a pattern instead of a full HTML parser: parsing every
page again took a fifth of the build at a thousand cases.
"""

from __future__ import annotations

import re

_HEADING = re.compile(r"<h([23])\b([^>]*)>(.*?)</h\1>", re.S)
_ID = re.compile(r'\bid="([^"]*)"')
_PERMALINK = re.compile(r'<a\b[^>]*\bclass="[^"]*\bheaderlink\b[^"]*"[^>]*>.*?</a>', re.S)
_TAG = re.compile(r"<[^>]*>")


def toc_tokens(html: str) -> list[dict]:
    """h2 and h3 with an id, nested: the shape MkDocs' ``get_toc`` reads."""
    tokens: list[dict] = []
    for match in _HEADING.finditer(html):
        level, attributes, inner = int(match.group(1)), match.group(2), match.group(3)
        ident = _ID.search(attributes)
        if not ident or not ident.group(1):
            continue
        name = _TAG.sub("", _PERMALINK.sub("", inner)).strip()  # text as HTML: entities stay
        token: dict = {"level": level, "id": ident.group(1), "name": name, "children": []}
        if level == 3 and tokens:
            tokens[-1]["children"].append(token)
        else:
            tokens.append(token)
    return tokens
