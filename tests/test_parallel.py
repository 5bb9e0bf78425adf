"""Work shared by the build and a forked helper (macros/parallel.py): pages, case files."""

from __future__ import annotations

import filecmp
import logging
import multiprocessing
import os
import shutil
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from macros.load import check_content
from macros.parallel import MIN_ITEMS, ONE_PROCESS, SharedWork
from tests.conftest import build, make_site

ITEMS = [f"item-{number}" for number in range(2 * MIN_ITEMS)]


def slow_work(item: str) -> str:
    time.sleep(0.002)  # both processes get their turn
    return item.upper()


def all_results(shared: SharedWork) -> list[tuple[str, bool]]:
    shared.start(ITEMS)
    try:
        return [shared.get(item) for item in ITEMS]
    finally:
        shared.finish()


class Kept(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.messages: list[tuple[str, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append((record.levelname, record.getMessage()))


def scenario(kind: str, argument: str = "") -> dict:
    """Do the work on ITEMS as the build would, with a helper that fails as ``kind`` says.

    Runs in a fresh interpreter (see ``fresh``): a helper is forked only from a process
    without other threads, and a test session may have some (the browser tests' server).
    """
    kept = Kept()
    logging.getLogger("mkdocs.plugins.kennisbank").addHandler(kept)
    logging.getLogger("mkdocs.plugins.kennisbank").setLevel(logging.INFO)
    ours = os.getpid()

    def work(item: str) -> str:
        in_helper = os.getpid() != ours
        if kind == "raises" and in_helper and item == ITEMS[-1]:
            raise ValueError("alleen in de helper")
        if kind == "logs" and item == ITEMS[-1]:
            logging.getLogger("mkdocs.plugins.kennisbank").warning("waarschuwing bij %s", item)
        if kind == "lost" and in_helper and item == ITEMS[-3]:
            os._exit(1)  # as if the helper were killed
        return slow_work(item)

    if kind == "stuck":
        shared = SharedWork(lambda item: time.sleep(60), "gedaan")
        shared.start(ITEMS)
        helpers = len(multiprocessing.active_children())
        shared.finish()  # as when the build stops with an error
        return {"helpers before": helpers, "helpers after": len(multiprocessing.active_children())}
    if kind == "short":
        shared = SharedWork(slow_work, "gedaan")
        shared.start(ITEMS[: MIN_ITEMS - 1])
        return {"helpers": len(multiprocessing.active_children()), "results": [shared.get(item) for item in ITEMS[: MIN_ITEMS - 1]]}
    if kind == "content":
        kennisbank, problems = check_content(Path(argument))
        return {"problems": [str(p) for p in problems], "cases": [c.id for c in kennisbank.cases] if kennisbank else None, "log": kept.messages}
    return {"results": all_results(SharedWork(work, "gedaan")), "log": kept.messages}


def fresh(kind: str, argument: str = "") -> dict:
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(scenario, kind, argument).result()


def test_the_helper_works_from_the_end_and_its_results_are_taken_as_they_are():
    found = fresh("ok")
    assert [result for result, _ in found["results"]] == [item.upper() for item in ITEMS]
    by_helper = [position for position, (_, helped) in enumerate(found["results"]) if helped]
    # Both did some: the helper from the last item back, this process from the first on.
    assert by_helper and by_helper[0] > 0
    assert by_helper == list(range(by_helper[0], len(ITEMS)))
    assert found["log"] == [("INFO", f"{len(by_helper)} van de {len(ITEMS)} gedaan door een tweede proces")]


def test_an_item_the_helper_cannot_do_is_done_by_this_process():
    results = fresh("raises")["results"]
    assert [result for result, _ in results] == [item.upper() for item in ITEMS]
    assert results[-1][1] is False and results[-2][1] is True


def test_an_item_that_logs_in_the_helper_is_done_again_here_which_reports_it():
    found = fresh("logs")
    assert found["results"][-1][1] is False and found["results"][-2][1] is True
    assert [message for level, message in found["log"] if level == "WARNING"] == [f"waarschuwing bij {ITEMS[-1]}"]


def test_when_the_helper_is_lost_this_process_does_its_items():
    results = fresh("lost")["results"]
    assert results == [(item.upper(), False) for item in ITEMS]


def test_finish_stops_a_helper_that_is_still_working():
    assert fresh("stuck") == {"helpers before": 1, "helpers after": 0}


def test_no_helper_while_another_thread_runs_for_a_short_list_or_when_asked_for_one_process(monkeypatch):
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not any(helped for _, helped in all_results(SharedWork(slow_work, "gedaan")))
    finally:
        stop.set()
        other.join()
    assert fresh("short") == {"helpers": 0, "results": [(item.upper(), False) for item in ITEMS[: MIN_ITEMS - 1]]}
    monkeypatch.setenv(ONE_PROCESS, "1")  # inherited by the fresh interpreter
    assert not any(helped for _, helped in fresh("ok")["results"])


def both_ways(content: Path, monkeypatch) -> tuple[dict, dict]:
    """check_content in a fresh interpreter with a helper, and with one process."""
    monkeypatch.delenv(ONE_PROCESS, raising=False)
    together = fresh("content", str(content))
    monkeypatch.setenv(ONE_PROCESS, "1")
    alone = fresh("content", str(content))
    monkeypatch.delenv(ONE_PROCESS)
    assert any("bestanden gelezen door een tweede proces" in message for _, message in together["log"])
    assert not any("tweede proces" in message for _, message in alone["log"])
    return together, alone


def test_validation_with_the_helper_finds_what_one_process_finds(content, monkeypatch):
    cases = content / "praktijkvoorbeelden"
    text = (cases / "wijkmonitor.md").read_text(encoding="utf-8")
    names = [f"monitor-{number:03}" for number in range(2 * MIN_ITEMS)]
    for name in names:
        (cases / f"{name}.md").write_text(text.replace("wijkmonitor", name), encoding="utf-8")
    together, alone = both_ways(content, monkeypatch)
    assert together["cases"] == alone["cases"] == sorted(["wijkmonitor", *names])
    # Mistakes at both ends of the list: the build reads the first file, the helper the last.
    first, last = cases / f"{names[0]}.md", cases / f"{names[-1]}.md"
    first.write_text(first.read_text(encoding="utf-8").replace("domein: sociaal", "domein: sociaaal"), encoding="utf-8")
    last.write_text(last.read_text(encoding="utf-8").replace("titel:", "kop:"), encoding="utf-8")
    before_last = cases / f"{names[-2]}.md"  # a reference to nothing, found when all files are read
    before_last.write_text(before_last.read_text(encoding="utf-8").replace("risicos: [privacy]", "risicos: [privasy]"), encoding="utf-8")
    together, alone = both_ways(content, monkeypatch)
    assert together["problems"] == alone["problems"]
    assert together["cases"] is None
    assert any(f"{names[0]}.md" in p and "sociaaal" in p for p in together["problems"])
    assert any(f"{names[-1]}.md" in p and "kop" in p for p in together["problems"])
    assert any(f"{names[-2]}.md" in p and "privasy" in p for p in together["problems"])


@pytest.mark.traag
def test_a_site_built_with_the_helper_equals_the_site_built_in_one_process(tmp_path, content, monkeypatch):
    site = make_site(tmp_path / "site", content)
    together = build(site)
    assert "pagina's gemaakt door een tweede proces" in together.stderr
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
