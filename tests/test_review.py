"""Code is reviewed as code: which changed files are code, and CODEOWNERS agrees.

Every test builds a small git repository: a branch 'bijdrage' forks from 'main'
(also known as origin/main), changes files, and the review says what is code.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.utils.meta import get_data

from macros.review import (
    CODE_PATTERNS,
    CONTENT_REASON,
    MACRO_NEW,
    MACRO_REASON,
    SYMLINK_REASON,
    UNKNOWN_REASON,
    ReviewError,
    changed_files,
    classify,
    renders_macros,
)

ROOT = Path(__file__).resolve().parent.parent
CLI = ROOT / "scripts" / "codecontrole.py"
MAINTAINERS = "@VNG-Realisatie/kennisbank-beheer"
EDITORS = "@VNG-Realisatie/kennisbank-redactie"

STORY_WITH_MACROS = "---\nrender_macros: true\n---\n\n# Verhaal\n\n{{ adviezen(4) }}\n"
PLAIN_PAGE = "# Home\n\nGewone tekst.\n"
START = {
    "content/praktijkvoorbeelden/a.md": "---\nid: a\ntitel: A\n---\n\n## Wat is er gedaan\n\nIets.\n",
    "content/gemeenten.yaml": "- id: voorbeeldstad\n  naam: Voorbeeldstad\n",
    "docs/index.md": PLAIN_PAGE,
    "docs/verhaal/bestaand.md": STORY_WITH_MACROS,
    "mkdocs.yml": "site_name: Test\nhooks:\n  - macros/hooks.py\n",
    "macros/hooks.py": "def on_config(config):\n    return config\n",
    "macros/render.py": "RENDER = True\n",
    "overrides/main.html": "{% extends 'base.html' %}\n",
    "tests/test_safety.py": "def test_safe():\n    assert True\n",
}


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True).stdout


def write(repo: Path, path: str, text: str) -> None:
    file = repo / path
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(text, encoding="utf-8")


def commit(repo: Path, message: str = "wijziging") -> None:
    git(repo, "add", "--all")
    git(repo, "commit", "--quiet", "-m", message)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch) -> Path:
    """A repository with a first commit on main (= origin/main), on a new branch 'bijdrage'."""
    for name in ("GITHUB_ACTIONS", "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for who in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{who}_NAME", "Test")
        monkeypatch.setenv(f"GIT_{who}_EMAIL", "test@example.org")
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "--quiet", "-b", "main")
    for path, text in START.items():
        write(root, path, text)
    commit(root, "begin")
    git(root, "update-ref", "refs/remotes/origin/main", "main")
    git(root, "checkout", "--quiet", "-b", "bijdrage")
    return root


def by_path(repo: Path, **options) -> dict:
    return {f.path: f for f in changed_files(repo, **options)}


# The classification of changes -------------------------------------------------------


def test_content_only_change_is_content(repo):
    write(repo, "content/praktijkvoorbeelden/a.md", START["content/praktijkvoorbeelden/a.md"] + "Meer.\n")
    write(repo, "content/praktijkvoorbeelden/b.md", "---\nid: b\n---\n\nTekst met {{ 7*7 }}.\n")
    commit(repo)
    files = by_path(repo)
    assert set(files) == {"content/praktijkvoorbeelden/a.md", "content/praktijkvoorbeelden/b.md"}
    assert not any(f.code for f in files.values())
    assert {f.reason for f in files.values()} == {CONTENT_REASON}
    assert files["content/praktijkvoorbeelden/a.md"].status == "gewijzigd"
    assert files["content/praktijkvoorbeelden/b.md"].status == "toegevoegd"
    assert files["content/praktijkvoorbeelden/b.md"].kind == "inhoud"


def test_story_page_with_render_macros_is_flagged_as_a_template(repo):
    write(repo, "docs/verhaal/x.md", STORY_WITH_MACROS)
    write(repo, "docs/verhaal/zonder.md", PLAIN_PAGE)
    commit(repo)
    files = by_path(repo)
    story = files["docs/verhaal/x.md"]
    assert story.code and story.render_macros
    assert story.reason.startswith(MACRO_REASON)
    assert "render_macros: true" in story.reason and "Jinja-sjabloon" in story.reason
    plain = files["docs/verhaal/zonder.md"]
    assert plain.code and not plain.render_macros
    assert "render_macros" not in plain.reason and "docs/" in plain.reason


def test_turning_render_macros_on_is_called_out(repo):
    write(repo, "docs/index.md", "---\nrender_macros: true\n---\n" + PLAIN_PAGE)
    write(repo, "docs/verhaal/bestaand.md", STORY_WITH_MACROS + "\nExtra alinea.\n")
    commit(repo)
    files = by_path(repo)
    assert files["docs/index.md"].render_macros
    assert MACRO_NEW in files["docs/index.md"].reason
    assert files["docs/verhaal/bestaand.md"].render_macros
    assert MACRO_NEW not in files["docs/verhaal/bestaand.md"].reason


def test_build_configuration_theme_and_hook_are_code(repo):
    write(repo, "mkdocs.yml", START["mkdocs.yml"] + "plugins:\n  - macros:\n      render_by_default: true\n")
    write(repo, "overrides/main.html", "<script>alert(1)</script>\n")
    write(repo, "macros/hooks.py", "import os\nos.system('id')\n")
    write(repo, "macros/render.py", "RENDER = False\n")
    commit(repo)
    files = by_path(repo)
    assert set(files) == {"mkdocs.yml", "overrides/main.html", "macros/hooks.py", "macros/render.py"}
    assert all(f.code and f.kind == "code" for f in files.values())
    assert "instellingen van de bouw" in files["mkdocs.yml"].reason
    assert "thema" in files["overrides/main.html"].reason
    # The hook has its own, more specific reason than the rest of macros/.
    assert "MkDocs-hook" in files["macros/hooks.py"].reason
    assert "MkDocs-hook" not in files["macros/render.py"].reason


def test_deleting_a_test_is_a_code_change(repo):
    git(repo, "rm", "--quiet", "tests/test_safety.py")
    commit(repo)
    [change] = changed_files(repo)
    assert (change.path, change.status, change.code) == ("tests/test_safety.py", "verwijderd", True)


def test_unknown_files_outside_content_count_as_code(repo):
    write(repo, "conftest.py", "import os\n")  # pytest would run this with the tests
    write(repo, "contentx/a.md", "geen inhoud\n")  # not under content/
    commit(repo)
    files = by_path(repo)
    assert files["conftest.py"].code and files["conftest.py"].reason == UNKNOWN_REASON
    assert files["contentx/a.md"].code


@pytest.mark.skipif(not hasattr(os, "symlink") or sys.platform == "win32", reason="symbolische links nodig")
def test_symlink_in_content_is_not_content(repo):
    os.symlink("../../mkdocs.yml", repo / "content" / "praktijkvoorbeelden" / "link.md")
    commit(repo)
    [change] = changed_files(repo)
    assert change.path == "content/praktijkvoorbeelden/link.md"
    assert change.code and change.reason == SYMLINK_REASON


def test_changes_on_the_base_after_the_branch_point_do_not_count(repo):
    write(repo, "content/gemeenten.yaml", START["content/gemeenten.yaml"] + "- id: testdorp\n  naam: Testdorp\n")
    commit(repo)
    git(repo, "checkout", "--quiet", "main")
    write(repo, "mkdocs.yml", START["mkdocs.yml"] + "# later op main\n")
    commit(repo, "main gaat verder")
    git(repo, "update-ref", "refs/remotes/origin/main", "main")
    git(repo, "checkout", "--quiet", "bijdrage")
    # A plain two-point diff would show mkdocs.yml as changed (back to the old version).
    assert "mkdocs.yml" in git(repo, "diff", "--name-only", "origin/main", "HEAD").split()
    assert list(by_path(repo)) == ["content/gemeenten.yaml"]


def test_uncommitted_and_untracked_files_only_when_asked(repo):
    write(repo, "content/praktijkvoorbeelden/a.md", "gewijzigd, niet vastgelegd\n")
    write(repo, "scripts/nieuw_script.py", "print('hallo')\n")
    write(repo, "docs/verhaal/concept.md", STORY_WITH_MACROS)
    assert changed_files(repo) == []
    files = by_path(repo, include_worktree=True)
    assert set(files) == {"content/praktijkvoorbeelden/a.md", "scripts/nieuw_script.py", "docs/verhaal/concept.md"}
    assert not files["content/praktijkvoorbeelden/a.md"].code
    assert files["scripts/nieuw_script.py"].code
    assert files["scripts/nieuw_script.py"].status == "nieuw, niet vastgelegd"
    assert files["docs/verhaal/concept.md"].render_macros


def test_an_unknown_base_gives_a_dutch_error(repo):
    with pytest.raises(ReviewError, match="bestaat niet"):
        changed_files(repo, "origin/bestaat-niet")
    with pytest.raises(ReviewError, match="geen geldige basis"):
        changed_files(repo, "--output=/tmp/x")


# Reading render_macros like MkDocs and mkdocs-macros ----------------------------------

FRONT_MATTERS = [
    ("---\nrender_macros: true\n---\n# T\n", True),
    ("---\ntitle: T\nrender_macros: True  # aan\n---\n", True),
    ("---\nrender_macros: yes\n---\n", True),  # YAML 1.1: yes is true
    ("---\r\nrender_macros: true\r\n---\r\n", True),
    ("\ufeff---\nrender_macros: true\n---\n", True),
    ("---\nrender_macros: true\n...\n", True),
    ("---\n{render_macros: true}\n---\n", True),
    ('---\n"render\\u005fmacros": true\n---\n', True),  # a YAML escape spells the key
    ("---\nrender_macros: 'true'\n---\n", True),  # a string for MkDocs; counted to be safe
    ("---\nrender_macros: false\n---\n", False),
    ("---\nrender_macros: no  # uit\n---\n", False),
    ("---\ntitle: T\n---\n\nrender_macros: true\n", False),  # in the text, not the front matter
    ("render_macros: true\n\n# T\n", False),  # MultiMarkdown meta data: the string 'true'
    ("# T\n\n{{ 7*7 }}\n", False),
]


@pytest.mark.parametrize("text, expected", FRONT_MATTERS)
def test_render_macros_is_read_carefully(text, expected):
    assert renders_macros(text) is expected
    # Never 'no' where MkDocs' own reader gives mkdocs-macros 'render_macros == True'.
    source = text.removeprefix("\ufeff").replace("\r\n", "\n")
    if get_data(source)[1].get("render_macros") == True:  # noqa: E712 (the plugin's own test)
        assert renders_macros(text)


def test_render_macros_matches_mkdocs_on_the_project_pages():
    pages = sorted((ROOT / "docs").rglob("*.md"))
    assert pages
    for page in pages:
        text = page.read_text(encoding="utf-8-sig")
        assert renders_macros(text) == (get_data(text)[1].get("render_macros") == True), page  # noqa: E712


# CODEOWNERS and CODE_PATTERNS agree --------------------------------------------------


def codeowners_rules() -> list[tuple[str, list[str]]]:
    rules = []
    for line in (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            pattern, *owners = line.split()
            rules.append((pattern, owners))
    return rules


def codeowners_owner(rules, path: str) -> list[str]:
    """GitHub's rule for the patterns used here: the last matching line wins."""
    owners: list[str] = []
    for pattern, line_owners in rules:
        anchored = pattern.lstrip("/")
        if pattern == "*" or (path.startswith(anchored) if anchored.endswith("/") else path == anchored):
            owners = line_owners
    return owners


def test_codeowners_lists_exactly_the_code_patterns():
    rules = codeowners_rules()
    patterns = [pattern for pattern, _ in rules]
    assert len(patterns) == len(set(patterns)), "een patroon staat twee keer in CODEOWNERS"
    assert rules[0] == ("*", [MAINTAINERS]), "alles wat nergens staat hoort bij de beheerders"
    assert ("/content/", [EDITORS]) in rules
    maintained = {pattern for pattern, owners in rules if owners == [MAINTAINERS] and pattern != "*"}
    assert maintained == {pattern for pattern, _ in CODE_PATTERNS}
    assert all(owners in ([MAINTAINERS], [EDITORS]) for _, owners in rules)


def test_code_patterns_use_only_the_shared_syntax():
    for pattern, reason in CODE_PATTERNS:
        assert pattern.startswith("/") and not set(pattern) & set("*?[]!\\ "), pattern
        assert not pattern.startswith("/content/"), pattern
        assert reason.strip(), pattern


def test_codeowners_and_the_review_agree_on_every_path():
    rules = codeowners_rules()
    samples = [
        "content/praktijkvoorbeelden/x.md", "content/taxonomie.yaml", "contentx/x.md",
        "docs/verhaal/x.md", "docs/assets/javascripts/filters.js", "docs.md",
        "macros/hooks.py", "macros/templates/pagina.html", "overrides/partials/footer.html",
        "mkdocs.yml", "mkdocs.yml.bak", "scripts/validate.py", "tests/conftest.py",
        ".github/CODEOWNERS", ".github/workflows/controle.yml", ".ci/run", "Makefile",
        "requirements.txt", "pyproject.toml", ".pre-commit-config.yaml", "schemas/x.schema.json",
        "conftest.py", "README.md", "SECURITY.md",
    ]
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True)
    if tracked.returncode == 0:
        samples += tracked.stdout.splitlines()
    for path in samples:
        is_code, _reason = classify(path)
        assert codeowners_owner(rules, path) == ([MAINTAINERS] if is_code else [EDITORS]), path


# The command line --------------------------------------------------------------------


def run_cli(repo: Path, *args: str, github: bool = False) -> subprocess.CompletedProcess:
    """``python scripts/codecontrole.py`` from the project root, as CI runs it."""
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    if github:
        env["GITHUB_ACTIONS"] = "true"
    return subprocess.run(
        [sys.executable, str(CLI.relative_to(ROOT)), "--map", str(repo), *args],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )


def annotations(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("::")]


def test_cli_content_only_exits_0_even_when_strict(repo):
    write(repo, "content/praktijkvoorbeelden/b.md", "---\nid: b\n---\n")
    commit(repo)
    for args in ((), ("--streng",)):
        result = run_cli(repo, *args, github=True)
        assert result.returncode == 0, result.stderr
        assert "content/praktijkvoorbeelden/b.md" in result.stdout
        assert "LET OP" not in result.stdout
        assert annotations(result.stdout) == []


def test_cli_code_change_warns_loudly_and_fails_only_when_strict(repo):
    write(repo, "mkdocs.yml", START["mkdocs.yml"] + "# anders\n")
    commit(repo)
    relaxed = run_cli(repo)
    assert relaxed.returncode == 0, relaxed.stderr
    assert "LET OP" in relaxed.stdout and "mkdocs.yml" in relaxed.stdout
    assert annotations(relaxed.stdout) == []  # outside GitHub Actions: no workflow commands
    strict = run_cli(repo, "--streng")
    assert strict.returncode == 1
    assert "LET OP" in strict.stdout


def test_cli_writes_github_annotations_for_code_files(repo):
    write(repo, "mkdocs.yml", START["mkdocs.yml"] + "# anders\n")
    write(repo, "docs/verhaal/x.md", STORY_WITH_MACROS)
    write(repo, "content/praktijkvoorbeelden/b.md", "---\nid: b\n---\n")
    commit(repo)
    result = run_cli(repo, "--basis", "origin/main", github=True)
    assert result.returncode == 0, result.stderr
    lines = annotations(result.stdout)
    per_file = {m.group(1): m.group(2) for m in (re.match(r"::warning file=([^,:]+),title=[^:]+::(.+)$", l) for l in lines) if m}
    assert set(per_file) == {"mkdocs.yml", "docs/verhaal/x.md"}
    assert "render_macros: true" in per_file["docs/verhaal/x.md"]
    assert any(re.match(r"::warning title=[^:]+::.+", line) for line in lines)  # the summary
    strict = run_cli(repo, "--streng", github=True)
    assert strict.returncode == 1
    assert annotations(strict.stdout) and all(line.startswith("::error ") for line in annotations(strict.stdout))


@pytest.mark.skipif(sys.platform == "win32", reason="bestandsnamen met een regeleinde")
def test_cli_escapes_file_names_in_annotations(repo):
    write(repo, "docs/a,b:c.md", PLAIN_PAGE)
    write(repo, "docs/x\n::error::gehackt.md", PLAIN_PAGE)
    commit(repo)
    result = run_cli(repo, github=True)
    assert result.returncode == 0, result.stderr
    assert any(line.startswith("::warning file=docs/a%2Cb%3Ac.md,") for line in annotations(result.stdout))
    assert any(line.startswith("::warning file=docs/x%0A%3A%3Aerror%3A%3Agehackt.md,") for line in annotations(result.stdout))
    # A newline in a file name never starts a workflow command of its own.
    assert not any(line.startswith("::error") for line in result.stdout.splitlines())


def test_cli_without_the_base_exits_2_with_a_message(repo):
    result = run_cli(repo, "--basis", "origin/bestaat-niet")
    assert result.returncode == 2
    assert result.stdout == ""
    assert "bestaat niet" in result.stderr and "fetch-depth: 0" in result.stderr


def test_the_validator_mentions_code_in_a_content_change(tmp_path):
    """An editor running the check sees when their change also touches code."""
    import shutil as _shutil

    from .conftest import ROOT, VALID_CONTENT

    repo = tmp_path / "repo"
    _shutil.copytree(VALID_CONTENT, repo / "content")
    (repo / "docs").mkdir()
    (repo / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    for command in (["git", "init", "-q", "-b", "main"], ["git", "add", "."], ["git", "commit", "-qm", "begin"], ["git", "update-ref", "refs/remotes/origin/main", "HEAD"]):
        subprocess.run(command, cwd=repo, check=True, env=env, capture_output=True)
    validate = [sys.executable, str(ROOT / "scripts" / "validate.py"), str(repo / "content")]
    quiet = subprocess.run(validate, capture_output=True, text=True)
    assert quiet.returncode == 0 and "raakt ook code" not in quiet.stderr
    (repo / "docs" / "index.md").write_text("---\nrender_macros: true\n---\n# Home\n", encoding="utf-8")
    noted = subprocess.run(validate, capture_output=True, text=True)
    assert noted.returncode == 0
    assert "Let op: deze wijziging raakt ook code" in noted.stderr and "docs/index.md" in noted.stderr
