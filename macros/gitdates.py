"""When each content file last changed, according to git: one call for the whole tree.

Works offline and stays fast with thousands of files (one ``git log`` instead of one
per file). Outside a git checkout, or for files not committed yet, there is no date.
"""

from __future__ import annotations

import logging
import subprocess
from datetime import date
from pathlib import Path

log = logging.getLogger("mkdocs.plugins.kennisbank")


def last_changed(root: Path, pathspec: str = "content") -> dict[str, date]:
    """Path relative to ``root`` -> date of the last commit that touched it."""
    try:
        result = subprocess.run(
            ["git", "log", "--relative", "--format=%x00%cs", "--name-only", "--no-renames", "--", pathspec],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        log.debug("No git history for %s; pages show the dates from the content instead.", root)
        return {}
    changed: dict[str, date] = {}
    current = None
    for line in result.stdout.splitlines():
        if line.startswith("\0"):
            current = date.fromisoformat(line[1:])
        elif line and current is not None:
            changed.setdefault(line, current)  # newest commit comes first
    return changed
