"""Browser tests: Debian's Chromium, driven by Playwright, against the built site on 127.0.0.1.

Every page a test opens is watched: a request to any other host, or an error in the
console, fails the test (a government site may not leak its readers to third parties).

One Chromium serves the whole session; each test gets fresh contexts and pages. Every
test in this folder is marked ``traag`` (tests/conftest.py), so ``make test-snel`` skips
them and ``make test`` runs them.
"""

from __future__ import annotations

import contextlib
import functools
import os
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # keep the test output readable
        pass


@contextlib.contextmanager
def serving(directory: Path):
    """A built site on a free port of 127.0.0.1, for as long as the block runs; yields its address."""
    handler = functools.partial(QuietHandler, directory=str(directory))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="session")
def server(real_site):
    with serving(real_site) as address:
        yield address


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        message = "Chromium ontbreekt: installeer het Debian-pakket 'chromium' (zie .ci/run)."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield browser
        browser.close()


class Watch:
    """What a page did on the network and in the console."""

    def __init__(self, origin: str):
        self.origin = origin
        self.foreign: list[str] = []
        self.console_errors: list[str] = []

    def request(self, request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in ("data", "blob", "about"):
            return
        if f"{parts.scheme}://{parts.netloc}/" != self.origin:
            self.foreign.append(request.url)


@pytest.fixture
def open_page(browser, server):
    """Open site pages in a fresh context; afterwards assert no foreign requests, no console errors."""
    contexts = []
    watch = Watch(server)

    def opener(path: str = "", width: int = 1280, height: int = 900, javascript: bool = True):
        context = browser.new_context(viewport={"width": width, "height": height}, java_script_enabled=javascript, locale="nl-NL")
        contexts.append(context)
        # Requests to other hosts are recorded (and then refused, so nothing leaves the machine).
        context.route(lambda url: not url.startswith(server), lambda route: route.abort())
        page = context.new_page()
        page.on("request", watch.request)
        page.on("console", lambda message: message.type == "error" and watch.console_errors.append(message.text))
        page.on("pageerror", lambda error: watch.console_errors.append(str(error)))
        page.goto(server + path)
        return page

    opener.watch = watch
    yield opener
    for context in contexts:
        context.close()
    assert watch.foreign == [], f"verzoeken naar andere hosts: {watch.foreign}"
    assert watch.console_errors == [], f"fouten in de console: {watch.console_errors}"
