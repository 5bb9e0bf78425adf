"""The editor's loop under ``mkdocs serve``: a content error shows in the browser and goes away when fixed."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from .conftest import make_site

pytestmark = pytest.mark.traag


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait_for(url: str, text: str, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        page = _fetch(url)
        if text in page:
            return page
        time.sleep(0.3)
    raise AssertionError(f"{text!r} did not appear at {url} within {timeout} s")


def test_a_content_error_shows_on_the_open_page_and_recovers(tmp_path: Path, content):
    site = make_site(tmp_path / "project", content)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--strict", "-a", f"127.0.0.1:{port}", "-f", str(site / "mkdocs.yml")],
        cwd=site, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    url = f"http://127.0.0.1:{port}/praktijkvoorbeelden/wijkmonitor/"
    case = site / "content" / "praktijkvoorbeelden" / "wijkmonitor.md"
    try:
        _wait_for(url, "Voorbeeldstad: wijkmonitor")
        # The served site is the whole site: the search index is there too.
        assert '"nl"' in _fetch(f"http://127.0.0.1:{port}/pagefind/pagefind-entry.json")
        case.write_text(case.read_text(encoding="utf-8").replace("domein: sociaal", "domein: sociale"), encoding="utf-8")
        broken = _wait_for(url, "De site is niet gebouwd")
        assert "content/praktijkvoorbeelden/wijkmonitor.md:7</code> · <code>domein</code>" in broken
        assert "Bedoelde je &#39;sociaal&#39;?" in broken
        assert "livereload" in broken  # the page reloads itself when a file is saved
        assert "De site is niet gebouwd" in _fetch(f"http://127.0.0.1:{port}/")
        case.write_text(case.read_text(encoding="utf-8").replace("domein: sociale", "domein: sociaal"), encoding="utf-8")
        recovered = _wait_for(url, "Voorbeeldstad: wijkmonitor")
        assert "De site is niet gebouwd" not in recovered
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=30)
    assert "Traceback" not in output
    assert "FOUT content/praktijkvoorbeelden/wijkmonitor.md:7: domein:" in output  # also in the terminal
