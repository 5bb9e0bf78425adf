"""Generated pages rendered by the build and a forked helper (macros/render/parallel.py)."""

from __future__ import annotations

import filecmp
import logging
import multiprocessing
import os
import shutil
import threading
import time
from concurrent.futures import ProcessPoolExecutor

import pytest
from markupsafe import Markup

from macros.pages import PlannedPage
from macros.render.pages import RenderedPage
from macros.render.parallel import ONE_PROCESS, PageRendering
from tests.conftest import build, make_site

PAGES = [PlannedPage(f"p/{number}.md", "praktijkvoorbeeld", (str(number),), f"Pagina {number}") for number in range(40)]
LAST, SECOND_LAST, THIRD_LAST = PAGES[-1], PAGES[-2], PAGES[-3]


def slow_render(page: PlannedPage) -> RenderedPage:
    time.sleep(0.002)  # both processes get their turn
    return RenderedPage(Markup(f"<p>{page.title}</p>"), [{"id": page.args[0]}])


def clean(html: str) -> str:
    return html.upper()


def render_all(rendering: PageRendering) -> list[tuple[RenderedPage, str | None]]:
    rendering.start(PAGES)
    try:
        return [rendering.render(page) for page in PAGES]
    finally:
        rendering.finish()


class Kept(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.messages: list[tuple[str, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append((record.levelname, record.getMessage()))


def scenario(kind: str) -> dict:
    """Render PAGES as a build would, with a helper that fails as ``kind`` says; what came out.

    Runs in a fresh interpreter (see ``fresh``): the helper is forked only from a process
    without other threads, and a test session may have some (the browser tests' server).
    """
    kept = Kept()
    logging.getLogger("mkdocs.plugins.kennisbank").addHandler(kept)
    logging.getLogger("mkdocs.plugins.kennisbank").setLevel(logging.INFO)
    build_pid = os.getpid()

    def render(page: PlannedPage) -> RenderedPage:
        in_helper = os.getpid() != build_pid
        if kind == "raises" and in_helper and page is LAST:
            raise ValueError("alleen in de helper")
        if kind == "logs" and page is LAST:
            logging.getLogger("mkdocs.plugins.kennisbank").warning("waarschuwing bij %s", page.title)
        if kind == "lost" and in_helper and page is THIRD_LAST:
            os._exit(1)  # as if the helper were killed
        return slow_render(page)

    if kind == "stuck":
        rendering = PageRendering(lambda page: time.sleep(60), clean)  # type: ignore[arg-type, return-value]
        rendering.start(PAGES)
        helpers = len(multiprocessing.active_children())
        rendering.finish()  # as when the build stops with an error
        return {"helpers before": helpers, "helpers after": len(multiprocessing.active_children())}
    results = render_all(PageRendering(render, clean))
    return {"pages": [(rendered, cleaned) for rendered, cleaned in results], "log": kept.messages}


def fresh(kind: str) -> dict:
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(scenario, kind).result()


def expected(page: PlannedPage) -> RenderedPage:
    return RenderedPage(Markup(f"<p>{page.title}</p>"), [{"id": page.args[0]}])


def test_the_helper_renders_pages_from_the_end_and_the_build_takes_them_as_they_are():
    found = fresh("ok")
    assert [rendered for rendered, _ in found["pages"]] == [expected(page) for page in PAGES]
    by_helper = [position for position, (_, cleaned) in enumerate(found["pages"]) if cleaned is not None]
    # Both did some: the helper from the last page back, the build from the first on.
    assert by_helper and by_helper[-1] == len(PAGES) - 1 and by_helper[0] > 0
    assert by_helper == list(range(by_helper[0], len(PAGES)))
    assert all(cleaned == clean(str(rendered.html)) for rendered, cleaned in found["pages"] if cleaned is not None)
    assert found["log"] == [("INFO", f"Pagina's: {len(by_helper)} van de {len(PAGES)} gemaakt door een tweede proces")]


def test_a_page_the_helper_cannot_render_is_rendered_by_the_build():
    pages = fresh("raises")["pages"]
    assert [rendered for rendered, _ in pages] == [expected(page) for page in PAGES]
    assert pages[-1][1] is None  # rendered by the build itself
    assert pages[-2][1] is not None


def test_a_page_that_logs_in_the_helper_is_rendered_again_by_the_build_which_reports_it():
    found = fresh("logs")
    assert found["pages"][-1][1] is None and found["pages"][-2][1] is not None
    assert [message for level, message in found["log"] if level == "WARNING"] == [f"waarschuwing bij {LAST.title}"]


def test_when_the_helper_is_lost_the_build_renders_its_pages():
    pages = fresh("lost")["pages"]
    assert [rendered for rendered, _ in pages] == [expected(page) for page in PAGES]
    assert all(cleaned is None for _, cleaned in pages)


def test_finish_stops_a_helper_that_is_still_rendering():
    assert fresh("stuck") == {"helpers before": 1, "helpers after": 0}


def test_no_helper_while_another_thread_runs_or_when_asked_for_one_process(monkeypatch):
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert all(cleaned is None for _, cleaned in render_all(PageRendering(slow_render, clean)))
    finally:
        stop.set()
        other.join()
    monkeypatch.setenv(ONE_PROCESS, "1")  # inherited by the fresh interpreter
    assert all(cleaned is None for _, cleaned in fresh("ok")["pages"])


@pytest.mark.traag
def test_a_site_built_with_the_helper_equals_the_site_built_in_one_process(tmp_path, content, monkeypatch):
    site = make_site(tmp_path / "site", content)
    together = build(site)
    assert "gemaakt door een tweede proces" in together.stderr
    shutil.move(site / "site", tmp_path / "samen")
    monkeypatch.setenv(ONE_PROCESS, "1")
    alone = build(site)
    assert "tweede proces" not in alone.stderr
    # Every file but the search index, whose file names Pagefind draws anew at each build.
    compared = filecmp.dircmp(tmp_path / "samen", site / "site", ignore=["pagefind"])

    def differences(comparison: filecmp.dircmp) -> list[str]:
        found = comparison.left_only + comparison.right_only + comparison.diff_files + comparison.funny_files
        return found + [name for sub in comparison.subdirs.values() for name in differences(sub)]

    assert not differences(compared)
    assert len(list((site / "site").rglob("*.html"))) > 50
