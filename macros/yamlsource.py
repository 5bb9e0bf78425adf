"""Read YAML files and Markdown files with YAML front matter, keeping line numbers.

PyYAML's plain ``load`` forgets where a value came from, silently keeps the last of
two equal keys and turns ``2024-13-01`` into a crash. We compose the node tree
instead (``start_mark.line`` for every key), convert it ourselves, and report each
of those cases as a :class:`Problem` in Dutch.

Content comes from pull requests, so the parser works within budgets (see below)
and YAML's programming features (anchors, aliases, merge keys, tags) are refused:
no editor needs them, and each has been used to crash or hang a build.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem
from .textfile import read_text

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Budgets: a content file is small and flat. A hostile file with thousands of nested
# brackets, a "billion laughs" of aliases or a scalar of megabytes is refused by a
# scan of its tokens before anything is built from it. The scan stops at the first
# excess, so its cost stays linear; composing a deep file would crash libyaml.
MAX_DEPTH = 12
MAX_TOKENS = 60_000
MAX_SCALAR_CHARS = 20_000
# Plain numbers longer than this stay text: no field holds such a number, and
# converting one of thousands of digits is slow (Python refuses it outright).
MAX_INT_DIGITS = 15

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
    "but found another document": "er staat een tweede document in het bestand (een regel '---'); haal die regel weg",
    "did not find expected node content": "hier ontbreekt een waarde (bijvoorbeeld na een komma, een '-' of een ':')",
    "found a tab character": "er staat een tab waar YAML spaties verwacht; vervang de tab door spaties",
    "expected <block end>, but found": "de inspringing klopt niet: deze regel staat verder of minder ver in dan de regels eromheen",
    "found unknown escape character": "er staat een '\\' tussen dubbele aanhalingstekens; gebruik enkele aanhalingstekens of schrijf '\\\\'",
    "found unexpected ':'": "er staat een ':' waar YAML die niet verwacht; zet de tekst tussen aanhalingstekens",
}

_STR_TAG = "tag:yaml.org,2002:str"
_INT_TAG = "tag:yaml.org,2002:int"
_BOOL_TAG = "tag:yaml.org,2002:bool"
_NULL_TAG = "tag:yaml.org,2002:null"
_FRONT_MATTER_FENCE = re.compile(r"^(---|\.\.\.)\s*$")


class ContentLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loader with the few plain-value rules of YAML 1.2's core schema.

    Only ``true``/``false``, ``null``/``~`` and whole decimal numbers are read as
    something other than text. So ``no``, ``on`` and ``off`` stay words (YAML 1.1
    read them as yes/no), ``5.10`` stays a section number, and dates stay text that
    the contract checks itself.
    """


ContentLoader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in (
    (_BOOL_TAG, r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    (_NULL_TAG, r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    (_INT_TAG, r"^[-+]?[0-9]+$", "-+0123456789"),
):
    ContentLoader.add_implicit_resolver(_tag, re.compile(_pattern), list(_first))


@dataclass
class SourceDocument:
    """The data of one file plus where each value stands in it."""

    path: str  # as shown to editors, relative to the repository
    data: Any
    lines: dict[tuple, int] = field(default_factory=dict)
    # Source text of scalars that YAML did not read as text (numbers, true/false, null),
    # so that messages can quote what the editor wrote.
    raw_scalars: dict[tuple, str] = field(default_factory=dict)
    block_scalars: set[tuple] = field(default_factory=set)  # values written as '|' or '>' blocks
    body: str = ""
    body_line: int = 0

    def line(self, path: tuple) -> int:
        """Line of the value at ``path``, or of its nearest enclosing value."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


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


def _without_tab_indentation(yaml_text: str) -> str:
    """Tabs in indentation read as two spaces, so that one run reports what else is wrong."""
    lines = []
    for text in yaml_text.split("\n"):
        stripped = text.lstrip(" \t")
        indent = text[: len(text) - len(stripped)]
        lines.append(indent.replace("\t", "  ") + stripped)
    return "\n".join(lines)


_FEATURES = {
    "AnchorToken": "een anker ('&naam'). Ankers en verwijzingen ('*naam') zijn in de inhoud niet toegestaan: schrijf de waarde gewoon uit",
    "AliasToken": "een verwijzing ('*naam'). Ankers en verwijzingen zijn in de inhoud niet toegestaan: schrijf de waarde uit, of zet tekst die met '*' begint tussen aanhalingstekens",
    "TagToken": "een YAML-tag (zoals '!!str' of '!naam'). Tags zijn in de inhoud niet toegestaan: haal de tag weg, of zet tekst die met '!' begint tussen aanhalingstekens",
}


def _budget_problems(yaml_text: str, shown: str, first_line: int) -> list[Problem]:
    """Scan the tokens once, stopping at the first excess; problems for what is refused."""
    problems: list[Problem] = []
    depth = 0
    scanner = ContentLoader(yaml_text)
    try:
        for count, token in enumerate(iter(scanner.get_token, None)):
            name = type(token).__name__
            line = token.start_mark.line + first_line
            if name in _FEATURES:
                problems.append(Problem(shown, line, "", f"hier staat {_FEATURES[name]}."))
            elif name in ("BlockMappingStartToken", "BlockSequenceStartToken", "FlowMappingStartToken", "FlowSequenceStartToken"):
                depth += 1
                if depth > MAX_DEPTH:
                    problems.append(Problem(shown, line, "", f"de YAML is hier dieper genest dan {MAX_DEPTH} niveaus; geen veld heeft dat nodig. Controleer de haakjes en de inspringing."))
                    break
            elif name in ("BlockEndToken", "FlowMappingEndToken", "FlowSequenceEndToken"):
                depth -= 1
            elif name == "ScalarToken" and len(token.value) > MAX_SCALAR_CHARS:
                problems.append(Problem(shown, line, "", f"deze waarde is {len(token.value)} tekens lang; de grens is {MAX_SCALAR_CHARS}. Maak de tekst korter."))
            elif name == "KeyToken" and yaml_text.startswith("<<", token.end_mark.index):
                problems.append(Problem(shown, line, "", "hier staat een samenvoegsleutel ('<<'). Die is in de inhoud niet toegestaan: schrijf de velden uit."))
            if count > MAX_TOKENS:
                problems.append(Problem(shown, first_line, "", f"het bestand bevat meer dan {MAX_TOKENS} YAML-onderdelen; dat is te veel voor één bestand. Verdeel het."))
                break
    except yaml.YAMLError:
        pass  # syntax errors are reported, with their position, by the parse that follows
    finally:
        scanner.dispose()
    return problems


def parse_yaml(yaml_text: str, shown: str, first_line: int = 1) -> tuple[SourceDocument | None, list[Problem]]:
    """Parse YAML text whose first line is line ``first_line`` of file ``shown``."""
    problems = _tab_problems(yaml_text, shown, first_line)
    if problems:
        yaml_text = _without_tab_indentation(yaml_text)
    refused = _budget_problems(yaml_text, shown, first_line)
    if refused:
        return None, problems + refused
    loader = ContentLoader(yaml_text)
    document = SourceDocument(path=shown, data=None)
    try:
        node = loader.get_single_node()
        if node is not None:
            document.data = _convert(node, (), document, problems, first_line)
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
    # With tab problems the data is returned too (tabs read as spaces), so that one run
    # also reports what else is wrong; the problems keep the file from being used.
    return document, problems


def _scalar(node: yaml.ScalarNode) -> Any:
    """The value of a plain scalar under the resolver above; no PyYAML constructors run."""
    if node.tag == _INT_TAG and len(node.value.lstrip("+-")) <= MAX_INT_DIGITS:
        return int(node.value)
    if node.tag == _BOOL_TAG:
        return node.value.lower() == "true"
    if node.tag == _NULL_TAG:
        return None
    return node.value


def _convert(node, path: tuple, document: SourceDocument, problems: list[Problem], first_line: int) -> Any:
    line = node.start_mark.line + first_line
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            key_line = key_node.start_mark.line + first_line
            if not isinstance(key, str):
                if key is None and not isinstance(key_node, yaml.ScalarNode):
                    problems.append(Problem(document.path, key_line, ".".join(map(str, path)), "een veldnaam moet een woord zijn, geen lijst of blok."))
                    continue
                key = key_node.value.lower()
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
            result[key] = _convert(value_node, path + (key,), document, problems, first_line)
        return result
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            document.lines[path + (index,)] = item.start_mark.line + first_line
            items.append(_convert(item, path + (index,), document, problems, first_line))
        return items
    value = _scalar(node)
    if node.style in ("|", ">"):
        document.block_scalars.add(path)
    if not isinstance(value, str):
        document.raw_scalars[path] = node.value
    document.lines.setdefault(path, line)
    return value


def read_yaml_file(path: Path, shown: str) -> tuple[SourceDocument | None, list[Problem]]:
    text, problems = read_text(path, shown)
    if text is None:
        return None, problems
    return parse_yaml(text, shown)


def read_markdown_file(path: Path, shown: str) -> tuple[SourceDocument | None, list[Problem]]:
    """Read ``---``-fenced YAML front matter and the Markdown body after it."""
    text, problems = read_text(path, shown)
    if text is None:
        return None, problems
    return split_front_matter(text, shown)


def split_front_matter(text: str, shown: str) -> tuple[SourceDocument | None, list[Problem]]:
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
