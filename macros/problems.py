"""Problems found in content, reported to editors as ``pad:regel: veld: melding``."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Iterable


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one place of one content file (message in Dutch)."""

    path: str
    line: int
    field: str
    message: str
    # A warning is reported but does not stop the build.
    warning: bool = False

    def __str__(self) -> str:
        location = f"{self.path}:{self.line}" if self.line else self.path
        field = f" {self.field}:" if self.field else ""
        prefix = "waarschuwing: " if self.warning else ""
        return f"{location}:{field} {prefix}{self.message}"


class ContentError(Exception):
    """Raised when content has problems; carries all of them at once."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(problems)
        super().__init__(format_problems(self.problems))


def format_problems(problems: Iterable[Problem]) -> str:
    """Every problem on its own line, file by file and line by line, then a count."""
    problems = sorted(problems)
    errors = [p for p in problems if not p.warning]
    lines = [str(p) for p in problems]
    lines.append(
        f"{len(errors)} fout(en) in de inhoud gevonden."
        if errors
        else "Geen fouten gevonden."
    )
    return "\n".join(lines)


def suggestion(value: object, allowed: Iterable[str]) -> str:
    """A Dutch "bedoelde je …?" hint for a near miss, or an empty string."""
    if not isinstance(value, str):
        return ""
    allowed = list(allowed)
    lowered = {a.lower(): a for a in allowed}
    if value.lower() in lowered:
        return f" Bedoelde je '{lowered[value.lower()]}'?"
    match = difflib.get_close_matches(value, allowed, n=1, cutoff=0.75)
    return f" Bedoelde je '{match[0]}'?" if match else ""


def allowed_list(allowed: Iterable[object]) -> str:
    return ", ".join(str(a) for a in allowed)
