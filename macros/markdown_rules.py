"""Rules for Markdown written by editors: plain Markdown, no HTML, safe links only.

Refusing raw HTML with a clear message is friendlier than silently dropping it;
the sanitizer in the build remains as a second line of defence.
"""

from __future__ import annotations

import re

FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<![A-Za-z][^>]*>|<\?")
HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
LINK_TARGET = re.compile(r"(!?)\[[^\]]*\]\(\s*<?([^)\s>]*)")
REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)
AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]*:[^<>\s]*)>")
SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
H1 = re.compile(r"^ {0,3}#(?!#)\s", re.M)

SAFE_SCHEMES = {"http", "https", "mailto"}


def _without_code(text: str) -> list[tuple[int, str]]:
    """(line offset, text) for each line outside fenced code, with code spans blanked."""
    lines, fence = [], None
    for number, line in enumerate(text.split("\n")):
        match = FENCE.match(line)
        if fence:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = None
            continue
        if match:
            fence = match.group(1)
            continue
        if line.startswith("    ") or line.startswith("\t"):
            continue  # indented code block
        lines.append((number, CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)))
    return lines


def markdown_problems(text: str) -> list[tuple[int, str]]:
    """Problems in a Markdown text as (line offset within the text, Dutch message)."""
    found: list[tuple[int, str]] = []
    lines = _without_code(text)
    joined = "\n".join(line for _, line in lines)
    open_comment = joined.count("<!--") > joined.count("-->")
    if open_comment:
        first = next(n for n, line in lines if "<!--" in line)
        found.append((first, "een commentaar '<!--' wordt niet afgesloten met '-->'."))
    for number, line in lines:
        visible = HTML_COMMENT.sub("", line)
        for match in AUTOLINK.finditer(visible):
            scheme = SCHEME.match(match.group(1)).group(1).lower()
            if scheme not in SAFE_SCHEMES:
                found.append((number, f"de link '{match.group(1)}' is niet toegestaan: alleen https://, http:// en mailto: mogen."))
        visible = AUTOLINK.sub("", visible)
        tag = HTML_TAG.search(visible)
        if tag:
            found.append(
                (
                    number,
                    f"HTML ('{tag.group(0)[:40]}') is niet toegestaan in de tekst. Gebruik Markdown: "
                    "**vet**, *schuin*, [linktekst](https://...), '- ' voor een opsomming.",
                )
            )
        for image, target in LINK_TARGET.findall(visible):
            found.extend((number, message) for message in _target_problems(target, bool(image)))
    for match in REFERENCE_DEFINITION.finditer(joined):
        number = lines[joined[: match.start()].count("\n")][0]
        found.extend((number, message) for message in _target_problems(match.group(1), False))
    if H1.search(joined):
        number = lines[joined[: H1.search(joined).start()].count("\n")][0]
        found.append((number, "een kop met één '#' is de paginatitel, en die komt al uit het veld 'titel'. Begin kopjes met '## '."))
    return found


def _target_problems(target: str, image: bool) -> list[str]:
    if "&#" in target or "\\" in target:
        return [f"het linkadres '{target}' bevat gecodeerde tekens; schrijf het adres gewoon uit."]
    scheme = SCHEME.match(target)
    if image and (scheme or target.startswith("//")):
        return [
            f"de afbeelding '{target}' staat op een andere website. De kennisbank laadt niets van andere "
            "websites (privacy van lezers): zet de afbeelding in de repository en verwijs er relatief naar."
        ]
    if scheme and scheme.group(1).lower() not in SAFE_SCHEMES:
        return [f"het linkadres '{target}' is niet toegestaan: alleen https://, http://, mailto: of een pad binnen de site."]
    return []


def is_blank(text: str) -> bool:
    """True when a body holds nothing but whitespace and comments."""
    return not HTML_COMMENT.sub("", text).strip()
