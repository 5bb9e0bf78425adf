"""Read YAML files and Markdown files with YAML front matter, keeping line numbers.

PyYAML's plain ``load`` forgets where a value came from, silently keeps the last of
two equal keys and turns ``2024-13-01`` into a crash. We compose the node tree
instead (``start_mark.line`` for every key), convert it ourselves, and report each
of those cases as a :class:`Problem` in Dutch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# A content file larger than this is refused: no case needs it, and a huge file
# from an outside contribution should not slow down or crash the build.
MAX_FILE_BYTES = 512 * 1024

# PyYAML's most common complaints, in words an editor understands.
_YAML_REASONS = {
    "did not find expected ',' or ']'": "een lijst tussen [ en ] wordt niet goed afgesloten met ']'",
    "did not find expected ',' or '}'": "een blok tussen { en } wordt niet goed afgesloten met '}'",
    "mapping values are not allowed here": "er staat een ':' waar YAML die niet verwacht; zet tekst met een dubbele punt tussen aanhalingstekens",
    "could not find expected ':'": "een regel mist de ':' tussen veldnaam en waarde",
    "found unexpected end of stream": "de tekst houdt onverwacht op; wordt een aanhalingsteken niet afgesloten?",
    "did not find expected key": "de inspringing klopt niet: een veld staat verder of minder ver in dan de velden eromheen",
    "did not find expected '-' indicator": "de inspringing van een lijst klopt niet",
    "found undefined alias": "er staat een '*' aan het begin van een waarde; zet de waarde tussen aanhalingstekens",
    "found character that cannot start any token": "een waarde begint met een teken dat YAML niet toestaat (zoals '@' of '`'); zet de waarde tussen aanhalingstekens",
}

_STR_TAG = "tag:yaml.org,2002:str"
_FRONT_MATTER_FENCE = re.compile(r"^(---|\.\.\.)\s*$")


class ContentLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loader that keeps dates as strings, so that we can validate them ourselves."""


ContentLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}

@dataclass
class SourceDocument:
    """The data of one file plus where each value stands in it."""

    path: str  # as shown to editors, relative to the repository
    data: Any
    lines: dict[tuple, int] = field(default_factory=dict)
    # Source text of scalars that YAML did not read as text (numbers, yes/no/on/off, null),
    # so that messages can quote what the editor wrote and sections like 5.10 survive.
    raw_scalars: dict[tuple, str] = field(default_factory=dict)
    body: str = ""
    body_line: int = 0

    def line(self, path: tuple) -> int:
        """Line of the value at ``path``, or of its nearest enclosing value."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


def _read_text(path: Path, shown: str) -> tuple[str | None, list[Problem]]:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return None, [
            Problem(
                shown,
                0,
                "",
                f"het bestand is {size // 1024} KB groot; de grens is {MAX_FILE_BYTES // 1024} KB. "
                "Maak de tekst korter of verdeel hem over meer bestanden.",
            )
        ]
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [
            Problem(
                shown,
                line,
                "",
                "het bestand is niet opgeslagen als UTF-8 (de tekencodering). "
                "Sla het in je editor op als 'UTF-8' en probeer opnieuw.",
            )
        ]
    return text.replace("\r\n", "\n"), []


def _tab_problems(yaml_text: str, shown: str, first_line: int) -> list[Problem]:
    problems = []
    for number, text in enumerate(yaml_text.split("\n")):
        indent = text[: len(text) - len(text.lstrip(" \t"))]
        if "\t" in indent:
            problems.append(
                Problem(
                    shown,
                    first_line + number,
                    "",
                    "deze regel springt in met een tab. YAML staat alleen spaties toe: "
                    "vervang de tab door spaties (twee per niveau).",
                )
            )
    return problems


def parse_yaml(yaml_text: str, shown: str, first_line: int = 1) -> tuple[SourceDocument | None, list[Problem]]:
    """Parse YAML text whose first line is line ``first_line`` of file ``shown``."""
    problems = _tab_problems(yaml_text, shown, first_line)
    if problems:
        return None, problems
    loader = ContentLoader(yaml_text)
    document = SourceDocument(path=shown, data=None)
    try:
        node = loader.get_single_node()
        if node is not None:
            document.data = _convert(loader, node, (), document, problems, first_line)
            document.lines.setdefault((), node.start_mark.line + first_line)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + first_line if mark else first_line
        reason = error.problem or error.context or "onbekende fout"
        reason = next((dutch for english, dutch in _YAML_REASONS.items() if reason.startswith(english)), reason)
        if error.context_mark and mark and error.context_mark.line != mark.line:
            reason += f" (dit begint op regel {error.context_mark.line + first_line})"
        problems.append(
            Problem(
                shown,
                line,
                "",
                f"de YAML is hier niet te lezen: {reason}. Controleer inspringing, dubbele punten "
                "en aanhalingstekens.",
            )
        )
        return None, problems
    except yaml.YAMLError as error:
        problems.append(Problem(shown, first_line, "", f"de YAML is niet te lezen: {error}."))
        return None, problems
    finally:
        loader.dispose()
    return document, problems


def _convert(loader, node, path: tuple, document: SourceDocument, problems: list[Problem], first_line: int) -> Any:
    line = node.start_mark.line + first_line
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)  # resolves '<<' merge keys
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value if key_node.tag == _STR_TAG else loader.construct_object(key_node, deep=True)
            key = key if isinstance(key, str) else str(key).lower()
            key_line = key_node.start_mark.line + first_line
            shown_key = ".".join(str(p) for p in path + (key,))
            if key in result:
                problems.append(
                    Problem(
                        document.path,
                        key_line,
                        shown_key,
                        f"dit veld staat twee keer in hetzelfde blok (ook op regel {document.lines[path + (key,)]}). "
                        "YAML zou stilletjes alleen de laatste waarde houden; haal één van beide weg.",
                    )
                )
                continue
            document.lines[path + (key,)] = key_line
            result[key] = _convert(loader, value_node, path + (key,), document, problems, first_line)
        return result
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            document.lines[path + (index,)] = item.start_mark.line + first_line
            items.append(_convert(loader, item, path + (index,), document, problems, first_line))
        return items
    # Plain text is by far the most common scalar: skip PyYAML's generic constructor for it.
    value = node.value if node.tag == _STR_TAG else loader.construct_object(node, deep=True)
    if not isinstance(value, str):
        document.raw_scalars[path] = node.value
    document.lines.setdefault(path, line)
    return value


def read_yaml_file(path: Path, shown: str) -> tuple[SourceDocument | None, list[Problem]]:
    text, problems = _read_text(path, shown)
    if text is None:
        return None, problems
    return parse_yaml(text, shown)


def read_markdown_file(path: Path, shown: str) -> tuple[SourceDocument | None, list[Problem]]:
    """Read ``---``-fenced YAML front matter and the Markdown body after it."""
    text, problems = _read_text(path, shown)
    if text is None:
        return None, problems
    lines = text.split("\n")
    if not lines or not _FRONT_MATTER_FENCE.match(lines[0]) or lines[0].startswith("..."):
        return None, [
            Problem(
                shown,
                1,
                "",
                "de front matter ontbreekt: het bestand moet beginnen met een regel '---', "
                "dan de velden, dan weer een regel '---' en daarna de tekst.",
            )
        ]
    closing = next((i for i in range(1, len(lines)) if _FRONT_MATTER_FENCE.match(lines[i])), None)
    if closing is None:
        return None, [
            Problem(
                shown,
                1,
                "",
                "de front matter wordt niet afgesloten: zet na de velden een regel met alleen '---'.",
            )
        ]
    document, problems = parse_yaml("\n".join(lines[1:closing]), shown, first_line=2)
    if document is None:
        return None, problems
    document.body = "\n".join(lines[closing + 1 :])
    document.body_line = closing + 2
    return document, problems
