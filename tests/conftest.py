"""Shared fixtures: copies of content trees and mini sites in temporary directories.

Slow tests carry the marker ``traag`` (see pyproject.toml), so that ``make test-snel``
(``pytest -m "not traag"``) stays under a minute. Nobody has to remember it: every test
that builds a site, and every test under tests/browser/, is marked at collection time
(``pytest_collection_modifyitems`` below), and ``build`` refuses to run in a test that
is not marked.
"""

from __future__ import annotations

import inspect
import os
import shutil
import subprocess
import sys
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
VALID_CONTENT = FIXTURES / "inhoud"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A writable copy of the small, valid fixture content."""
    target = tmp_path / "content"
    shutil.copytree(VALID_CONTENT, target)
    return target


FIXTURE_DOCS = FIXTURES / "docs"
# The story pages belong to the project's own content; a site built from fixture
# content gets a one-page story and this navigation instead.
FIXTURE_NAV = """nav:
  - Home: index.md
  - Praktijkvoorbeelden:
      - praktijkvoorbeelden/index.md
  - Leerlijnen:
      - leerlijnen/index.md
  - Risicokaarten:
      - risicos/index.md
  - Adviezen:
      - adviezen/index.md
  - Gemeenten:
      - gemeenten/index.md
"""


def make_site(directory: Path, content: Path | None = None) -> Path:
    """A buildable copy of the project in ``directory``: config, docs, overrides, content.

    With ``content`` (fixture content) the story pages are replaced by a single page.
    ``macros`` is linked, not copied, so the build runs the code under test.
    """
    directory.mkdir(parents=True, exist_ok=True)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if content is not None:
        config = config[: config.index("\nnav:\n") + 1] + FIXTURE_NAV
    (directory / "mkdocs.yml").write_text(config, encoding="utf-8")
    shutil.copytree(FIXTURE_DOCS if content is not None else ROOT / "docs", directory / "docs")
    shutil.copytree(ROOT / "overrides", directory / "overrides")
    shutil.copytree(content or ROOT / "content", directory / "content")
    (directory / "macros").symlink_to(ROOT / "macros", target_is_directory=True)
    return directory


def build(site: Path, *extra: str, check: bool = True) -> subprocess.CompletedProcess:
    """Run ``mkdocs build --strict`` on a mini site; output goes to ``site/site``."""
    if _running and _running[-1].get_closest_marker(SLOW) is None:
        raise AssertionError(
            f"{_running[-1].nodeid} builds a site but is not marked '{SLOW}': "
            f"add @pytest.mark.{SLOW}, or call build()/make_site() directly so it is found (tests/conftest.py)"
        )
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(site / "mkdocs.yml"), "-d", str(site / "site"), *extra],
        capture_output=True,
        text=True,
        cwd=site,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "NO_MKDOCS_2_WARNING": "1"},
    )
    if check and result.returncode != 0:
        raise AssertionError(f"mkdocs build failed:\n{result.stdout}\n{result.stderr}")
    return result


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The project's own content, built once per test session."""
    site = make_site(tmp_path_factory.mktemp("echte-site"))
    build(site)
    return site / "site"


# ---------------------------------------------------------------- the marker "traag"

SLOW = "traag"
BROWSER_TESTS = Path(__file__).resolve().parent / "browser"
# Scripts that build a site with mkdocs (or several), run by tests in a child process.
SITE_SCRIPTS = frozenset({"build.py", "publish.py", "benchmark.py"})
SITE_BUILDERS: tuple[Callable[..., Any], ...] = (build, make_site)
_running: list[pytest.Item] = []  # the test being set up, run or torn down
# A test outside "traag" that takes longer than this is named at the end of the run.
FAST_LIMIT_SECONDS = 5.0
_unmarked_seconds: dict[str, float] = {}


def builds_a_site(function: Callable[..., Any], seen: set[types.CodeType] | None = None) -> bool:
    """Whether ``function`` builds a site: it calls ``build`` or ``make_site``, runs one of
    the ``SITE_SCRIPTS`` or ``mkdocs build`` itself, or calls a helper in tests/ that does.

    Read from the compiled code (names and constants), so nested functions and helpers
    are followed too; nothing is run.
    """
    function = inspect.unwrap(function)
    code = getattr(function, "__code__", None)
    if code is None:
        return False
    return _code_builds_a_site(code, getattr(function, "__globals__", {}), set() if seen is None else seen)


def _code_builds_a_site(code: types.CodeType, namespace: dict[str, Any], seen: set[types.CodeType]) -> bool:
    if code in seen:
        return False
    seen.add(code)
    strings = {constant for constant in code.co_consts if isinstance(constant, str)}
    if strings & SITE_SCRIPTS or {"mkdocs", "build"} <= strings:
        return True
    for constant in code.co_consts:
        if isinstance(constant, types.CodeType) and _code_builds_a_site(constant, namespace, seen):
            return True
    for name in code.co_names:
        value = namespace.get(name)
        if any(value is builder for builder in SITE_BUILDERS):
            return True
        if isinstance(value, types.FunctionType) and value.__module__.split(".")[0] == __name__.split(".")[0]:
            if builds_a_site(value, seen):
                return True
    return False


def is_slow(item: pytest.Item) -> bool:
    """A browser test, or a test that builds a site itself or through one of its fixtures."""
    if item.path.resolve().is_relative_to(BROWSER_TESTS):
        return True
    functions = [getattr(item, "function", None)]
    fixtureinfo = getattr(item, "_fixtureinfo", None)
    if fixtureinfo is not None:
        functions += [fixturedef.func for fixturedefs in fixtureinfo.name2fixturedefs.values() for fixturedef in fixturedefs]
    return any(function is not None and builds_a_site(function) for function in functions)


@pytest.hookimpl(tryfirst=True)  # before -m deselects by marker
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if item.get_closest_marker(SLOW) is None and is_slow(item):
            item.add_marker(SLOW)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None):
    _running.append(item)
    try:
        return (yield)
    finally:
        _running.pop()


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if SLOW not in report.keywords:
        _unmarked_seconds[report.nodeid] = _unmarked_seconds.get(report.nodeid, 0.0) + report.duration


def pytest_terminal_summary(terminalreporter: Any) -> None:
    slow = sorted(((seconds, nodeid) for nodeid, seconds in _unmarked_seconds.items() if seconds > FAST_LIMIT_SECONDS), reverse=True)
    if slow:
        terminalreporter.section(f"trage tests zonder het merk '{SLOW}' (meer dan {FAST_LIMIT_SECONDS:g} s)")
        for seconds, nodeid in slow:
            terminalreporter.line(f"{seconds:6.2f} s  {nodeid}")
        terminalreporter.line(f"Markeer ze met @pytest.mark.{SLOW}, of maak ze sneller: 'make test-snel' moet onder een minuut blijven.")
