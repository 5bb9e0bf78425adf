"""Which changed files are code and which are content, for the review of a pull request.

Editors' files under ``content/`` are data: the build validates them and never runs
them. Everything else is code and is reviewed as code by the maintainers: the pages in
``docs/`` (pages with ``render_macros: true`` are even executed as Jinja templates),
the theme, the macros and the hook, the configuration, scripts, tests and CI.

:data:`CODE_PATTERNS` is the one declaration of the code paths; ``.github/CODEOWNERS``
assigns the same patterns to the maintainers (``tests/test_review.py`` checks that
they agree). A path that matches no pattern and lies outside ``content/`` is treated
as code too: unknown files are not trusted (a ``conftest.py`` in the project root,
for example, would run with the tests).

Standard library only, so the check runs before anything else is installed. Messages
for people are in Dutch.
"""

from __future__ import annotations

import logging
import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger("kennisbank.review")

# Patterns use the part of the CODEOWNERS syntax that means the same everywhere:
# "/map/" is everything below that folder, "/bestand" is that one file (both from the
# repository root). The most specific (longest) matching pattern gives the reason.
CODE_PATTERNS: tuple[tuple[str, str], ...] = (
    ("/docs/", "handgeschreven pagina of bestand in docs/: komt zonder filter op de site (HTML, CSS en JavaScript mogen hier)"),
    ("/overrides/", "thema-sjabloon (Jinja en HTML): komt op elke pagina van de site"),
    ("/macros/", "Python-code of Jinja-sjabloon van de bouw: draait bij elke bouw"),
    ("/macros/hooks.py", "MkDocs-hook: Python-code die bij elke bouw draait en de pagina's maakt"),
    ("/mkdocs.yml", "instellingen van de bouw: bepalen plugins, hooks en welke pagina's als sjabloon worden uitgevoerd"),
    ("/scripts/", "Python-script: draait bij beheerders en in de controles"),
    ("/tests/", "test: draait als Python-code in de controles"),
    ("/.github/", "GitHub-instellingen: workflows, CODEOWNERS en sjablonen"),
    ("/.ci/", "CI-script: draait in de controleomgeving"),
    ("/Makefile", "Makefile: de commando's voor bouwen en testen"),
    ("/requirements.txt", "afhankelijkheden: bepaalt welke code wordt geïnstalleerd"),
    ("/pyproject.toml", "pakketdefinitie en instellingen van pytest"),
    ("/.pre-commit-config.yaml", "pre-commit-hooks: draaien bij elke commit op de computer van een beheerder"),
    ("/schemas/", "JSON Schemas: de editors van bijdragers gebruiken ze"),
)

CONTENT_PATTERN = "/content/"
CONTENT_REASON = "inhoud (data): wordt gecontroleerd door scripts/validate.py en nooit als code uitgevoerd"
UNKNOWN_REASON = (
    "staat buiten content/ en valt onder geen bekend patroon: wordt voorzichtig als code behandeld "
    "(een onbekend bestand kan bij de bouw of de tests worden uitgevoerd)"
)
MACRO_REASON = "verhaalpagina met macro's (render_macros: true): wordt als Jinja-sjabloon uitgevoerd bij de bouw"
MACRO_NEW = "render_macros is in deze wijziging aangezet"
SYMLINK_REASON = "symbolische link: kan de bouw een bestand buiten content/ laten lezen; hoort niet in de inhoud"
SUBMODULE_REASON = "git-submodule: haalt code van buiten de repository binnen; hoort niet in de inhoud"

# The file extensions MkDocs reads as Markdown pages (mkdocs.utils.markdown_extensions).
PAGE_SUFFIXES = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")

# The front matter exactly as MkDocs finds it (mkdocs.utils.meta.YAML_RE), but also at
# the very end of a file: when in doubt, a page counts as a template.
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*(?:\n|\Z)", re.DOTALL)
FALSE_LINE = re.compile(
    r"""^\s*(["']?)render_macros\1\s*:\s*(["']?)(false|no|off|0|~|null|)\2\s*(?:\#.*)?$""",
    re.IGNORECASE,
)

STATUS = {"A": "toegevoegd", "M": "gewijzigd", "D": "verwijderd", "T": "soort gewijzigd", "?": "nieuw, niet vastgelegd"}
SYMLINK_MODE = "120000"
SUBMODULE_MODE = "160000"


class ReviewError(Exception):
    """Git could not answer; the message says why, in Dutch."""


@dataclass(frozen=True)
class ChangedFile:
    path: str  # relative to the repository root, with forward slashes
    status: str  # Dutch: toegevoegd, gewijzigd, verwijderd, ...
    code: bool
    reason: str
    render_macros: bool = False  # a page in docs/ that mkdocs-macros renders as a template

    @property
    def kind(self) -> str:
        return "code" if self.code else "inhoud"


def _matches(pattern: str, path: str) -> bool:
    anchored = pattern.lstrip("/")
    if anchored.endswith("/"):
        return path.startswith(anchored)
    return path == anchored


def classify(path: str, *, render_macros: bool = False, mode: str = "") -> tuple[bool, str]:
    """Whether ``path`` is code, and why (in Dutch).

    ``render_macros`` says the page has ``render_macros: true``; ``mode`` is the git
    file mode of the new version (a symlink or submodule is never content).
    """
    path = path.lstrip("/")
    matching = [(pattern, reason) for pattern, reason in CODE_PATTERNS if _matches(pattern, path)]
    if matching:
        pattern, reason = max(matching, key=lambda item: len(item[0]))
        if render_macros and pattern == "/docs/":
            reason = MACRO_REASON
        return True, reason
    if mode == SYMLINK_MODE:
        return True, SYMLINK_REASON
    if mode == SUBMODULE_MODE:
        return True, SUBMODULE_REASON
    if _matches(CONTENT_PATTERN, path):
        return False, CONTENT_REASON
    return True, UNKNOWN_REASON


def renders_macros(text: str) -> bool:
    """Whether mkdocs-macros would render this page (``render_by_default: false``).

    It renders a page when its YAML front matter sets ``render_macros`` to true. This
    reads the front matter without YAML: a page counts as rendered unless every mention
    of ``render_macros`` is a plain line with a false value. A backslash (a YAML escape
    could spell the key) also counts as rendered. Careful by design: it may say yes too
    often, never no when MkDocs would say yes.
    """
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    match = FRONT_MATTER.match(text)
    if not match:
        return False  # MkDocs then reads MultiMarkdown meta data: only strings, never True
    block = match.group(1)
    if "\\" in block:
        return True
    mentions = [line for line in block.split("\n") if "render_macros" in line]
    return any(not FALSE_LINE.match(line) for line in mentions)


def _git(root: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    try:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, check=False)
    except OSError as error:
        raise ReviewError(f"git is niet te starten ({error}).") from error
    if check and result.returncode != 0:
        message = result.stderr.decode("utf-8", errors="replace").strip()
        log.debug("git %s failed: %s", " ".join(args), message)
        raise ReviewError(f"git {args[0]} mislukte: {message or 'geen melding'}")
    return result


def _merge_base(root: Path, base: str) -> str:
    if not base or base.startswith("-"):
        raise ReviewError(f"'{base}' is geen geldige basis; geef een branch of commit, zoals origin/main.")
    found = _git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{base}^{{commit}}", check=False)
    if found.returncode != 0:
        raise ReviewError(
            f"de basis '{base}' bestaat niet in deze repository. Haal haar op (git fetch origin) "
            "of kies een andere met --basis; in GitHub Actions is 'fetch-depth: 0' nodig."
        )
    result = _git(root, "merge-base", found.stdout.decode().strip(), "HEAD", check=False)
    if result.returncode != 0:
        raise ReviewError(
            f"HEAD en '{base}' hebben geen gemeenschappelijke voorganger; "
            "is de geschiedenis volledig opgehaald (fetch-depth: 0)?"
        )
    return result.stdout.decode().strip()


def _raw_diff(root: Path, *revisions: str) -> list[tuple[str, str, str, str]]:
    """(status letter, new mode, new blob, path) per changed file; for the worktree the blob is zeros."""
    output = _git(root, "diff", "--raw", "-z", "--no-abbrev", "--no-renames", "--no-relative", *revisions, "--").stdout
    fields = output.split(b"\0")
    entries = []
    for meta, raw_path in zip(fields[0::2], fields[1::2]):
        if not meta.startswith(b":"):
            continue
        _old_mode, new_mode, _old_blob, new_blob, status = meta[1:].decode().split(" ")
        entries.append((status[:1], new_mode, new_blob, os.fsdecode(raw_path)))
    return entries


def _blob(root: Path, object_name: str) -> str | None:
    result = _git(root, "cat-file", "blob", object_name, check=False)
    if result.returncode != 0:
        return None
    return result.stdout.decode("utf-8-sig", errors="replace")


def _worktree_text(root: Path, path: str) -> str | None:
    file = root / path
    if file.is_symlink() or not file.is_file():
        return None
    return file.read_bytes().decode("utf-8-sig", errors="replace")


def _worktree_mode(root: Path, path: str) -> str:
    file = root / path
    if file.is_symlink():
        return SYMLINK_MODE
    if (file / ".git").exists():
        return SUBMODULE_MODE
    return "100644"


def changed_files(root: Path, base: str = "origin/main", *, include_worktree: bool = False) -> list[ChangedFile]:
    """The files changed since ``HEAD`` left ``base``, each classified as code or content.

    Compares the merge base of ``base`` and ``HEAD`` with ``HEAD``
    (``git diff <merge-base>...HEAD``), so changes on ``base`` after the branch point do
    not count. With ``include_worktree`` uncommitted and untracked files count too.
    Raises :class:`ReviewError` when git cannot answer.
    """
    top = _git(Path(root), "rev-parse", "--show-toplevel").stdout.decode().strip()
    root = Path(top)
    merge_base = _merge_base(root, base)
    # path -> (status letter, new mode, where the new version is: a blob or the worktree)
    found: dict[str, tuple[str, str, str | None]] = {}
    for status, mode, blob_name, path in _raw_diff(root, f"{merge_base}...HEAD"):
        found[path] = (status, mode, blob_name)
    if include_worktree:
        for status, mode, _blob_name, path in _raw_diff(root, "HEAD"):
            found[path] = (status, mode, None)
        untracked = _git(root, "ls-files", "--others", "--exclude-standard", "-z").stdout
        for raw_path in filter(None, untracked.split(b"\0")):
            path = os.fsdecode(raw_path)
            found[path] = ("?", _worktree_mode(root, path), None)

    result = []
    for path in sorted(found):
        status, mode, blob = found[path]
        macros = newly = False
        if path.startswith("docs/") and path.lower().endswith(PAGE_SUFFIXES) and status != "D" and mode != SYMLINK_MODE:
            text = _worktree_text(root, path) if blob is None else _blob(root, blob)
            macros = text is not None and renders_macros(text)
            if macros:
                before = _blob(root, f"{merge_base}:{path}")
                newly = before is None or not renders_macros(before)
        code, reason = classify(path, render_macros=macros, mode=mode)
        if newly:
            reason = f"{reason} ({MACRO_NEW})"
        result.append(ChangedFile(path, STATUS.get(status, "gewijzigd"), code, reason, macros))
    return result
