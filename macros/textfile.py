"""Read a content file as text, the way untrusted input must be read.

A pull request can add a symlink to ``/proc/self/environ``, a FIFO, a device such as
``/dev/zero`` or a file of gigabytes. Only regular files are read, never through a
symlink, and never more than a fixed number of bytes, whatever ``stat`` says.
Control characters are refused here, once for every field and body: they make
MkDocs drop front matter silently and make the Atom feed invalid XML.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from .problems import Problem

# No content file needs more; a bigger one from a pull request is refused, not read.
MAX_FILE_BYTES = 256 * 1024

# C0 controls except tab and newline (a lone CR is a control too; CRLF is normalised
# first), DEL, C1 controls, and the bidirectional overrides that can make text read
# differently from what it is ("Trojan Source").
FORBIDDEN_CHARACTERS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def file_kind_problem(path: Path, shown: str) -> Problem | None:
    """A problem when ``path`` is not a plain regular file (symlink, folder, device...)."""
    try:
        info = os.lstat(path)
    except OSError as error:
        return Problem(shown, 0, "", f"het bestand is niet te lezen ({error.strerror}).")
    if stat.S_ISLNK(info.st_mode):
        return Problem(
            shown,
            0,
            "",
            "dit is een symbolische link. In de repository horen alleen gewone bestanden en mappen: "
            "een link kan naar bestanden buiten de repository wijzen. Vervang hem door het bestand zelf.",
        )
    if not stat.S_ISREG(info.st_mode) and not stat.S_ISDIR(info.st_mode):
        return Problem(shown, 0, "", "dit is geen gewoon bestand (maar bijvoorbeeld een apparaat of pijp) en wordt niet gelezen.")
    return None


def read_bytes_limited(path: Path, limit: int) -> bytes | None:
    """At most ``limit + 1`` bytes of a regular file, opened without following symlinks.

    Returns None when the path is not a regular file (checked on the open file, so a
    swap between check and read cannot fool it).
    """
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    descriptor = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            return None
        chunks, remaining = [], limit + 1
        while remaining > 0:
            chunk = os.read(descriptor, min(remaining, 65536))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(descriptor)


def read_text(path: Path, shown: str, limit: int = MAX_FILE_BYTES) -> tuple[str | None, list[Problem]]:
    """The text of a content file, or None and the problems that prevent reading it."""
    kind = file_kind_problem(path, shown)
    if kind is not None:
        return None, [kind]
    try:
        raw = read_bytes_limited(path, limit)
    except OSError as error:
        return None, [Problem(shown, 0, "", f"het bestand is niet te lezen ({error.strerror}).")]
    if raw is None:
        return None, [Problem(shown, 0, "", "dit is geen gewoon bestand en wordt niet gelezen.")]
    if len(raw) > limit:
        return None, [
            Problem(
                shown,
                0,
                "",
                f"het bestand is groter dan {limit // 1024} KB, de grens voor één bestand. "
                "Maak de tekst korter of verdeel hem over meer bestanden.",
            )
        ]
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
    text = text.replace("\r\n", "\n")
    problems = control_character_problems(text, shown)
    return (None, problems) if problems else (text, [])


def control_character_problems(text: str, shown: str, first_line: int = 1) -> list[Problem]:
    """One problem per line that holds an invisible control character."""
    problems = []
    for offset, line in enumerate(text.split("\n")):
        match = FORBIDDEN_CHARACTERS.search(line)
        if match:
            code = f"U+{ord(match.group(0)):04X}"
            problems.append(
                Problem(
                    shown,
                    first_line + offset,
                    "",
                    f"deze regel bevat een onzichtbaar stuurteken ({code}, na {match.start()} tekens). "
                    "Dat hoort niet in tekst; typ de regel opnieuw of plak hem als platte tekst.",
                )
            )
    return problems
