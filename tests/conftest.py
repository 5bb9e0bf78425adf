"""Shared fixtures: copies of content trees and mini sites in temporary directories."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

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
  - Leerlijnen: leerlijnen/index.md
  - Risicokaarten: risicos/index.md
  - Adviezen: adviezen/index.md
  - Gemeenten: gemeenten/index.md
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
