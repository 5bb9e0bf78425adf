"""Work over a list shared by this process and one forked helper, from the list's two ends.

A build has two cores, but Python validates and renders in one. The slow lists (reading
thousands of case files, rendering thousands of pages) are work on one item at a time
with nothing shared between items. So a helper forked from this process works the list
from its end while this process works it from the front, until the two meet. Each item
is claimed once, under a lock, by whichever process reaches it first; this process asks
for the items in order (or in any order: an item nobody claimed yet is its own) and
takes the helper's results as they are.

This process does an item again itself when the helper could not do it cleanly (it
raised, or logged anything), so that errors and warnings are reported as before; and
every item, when the helper is lost. Where forking is not safe (no ``fork``, or other
threads running, as under ``mkdocs serve``), on one core, for a short list, or when
``KENNISBANK_PROCESSEN=1`` asks for it, this process does all the work itself.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
from collections.abc import Callable, Hashable, Sequence
from multiprocessing.connection import Connection
from typing import Any, Generic, TypeVar

ONE_PROCESS = "KENNISBANK_PROCESSEN"  # "1": all work in this process
# Forking and ending a helper took 5-10 ms in a build's process, the time of a few case files
# or pages (1-2 ms each): for a shorter list the gain is not worth a second process.
MIN_ITEMS = 50
FREE, OURS, HELPERS = 0, 1, 2  # who claimed an item

log = logging.getLogger("mkdocs.plugins.kennisbank.parallel")
Item = TypeVar("Item", bound=Hashable)
Result = TypeVar("Result")


def forking_is_safe() -> bool:
    """Whether a helper may be forked: fork exists, nothing else runs, and a second core is there."""
    if os.environ.get(ONE_PROCESS) == "1" or "fork" not in multiprocessing.get_all_start_methods():
        return False
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    # A thread holding a lock at the fork would leave the helper waiting for it forever.
    return cores > 1 and threading.active_count() == 1


class SharedWork(Generic[Item, Result]):
    """``work`` over a list, done by this process from the front and a helper from the end."""

    def __init__(self, work: Callable[[Item], Result], done: str):
        self._work = work
        self._done = done  # what was done, for the log: "pagina's gemaakt", "bestanden gelezen"
        self._positions: dict[Item, int] = {}
        self._claims: Any = None  # shared array: FREE, OURS or HELPERS per position
        self._helper: Any = None
        self._receive: Connection | None = None
        self._results: dict[int, Result | None] | None = None  # the helper's, once received

    def start(self, items: Sequence[Item]) -> None:
        """Fork the helper for ``items``, in the order this process will ask for them.

        Once per SharedWork: the helper's results are kept by their place in this list.
        """
        if self._positions or len(items) < MIN_ITEMS or not forking_is_safe():
            return
        context = multiprocessing.get_context("fork")
        self._positions = {item: position for position, item in enumerate(items)}
        self._claims = context.Array("b", len(items))
        self._receive, send = context.Pipe(duplex=False)
        self._helper = context.Process(target=self._help, args=(list(items), send), name="kennisbank-helper", daemon=True)
        self._helper.start()
        send.close()  # the helper holds the other copy: when it ends, receiving ends

    def get(self, item: Item) -> tuple[Result, bool]:
        """The result for ``item``, and whether the helper made it."""
        position = self._positions.get(item)
        if position is not None and not self._claim(position, OURS):
            made = self._helpers_results().get(position)
            if made is not None:
                return made, True
        return self._work(item), False

    def finish(self) -> None:
        """End the helper: every item is done, or the work stopped."""
        if self._helper is not None:
            if self._helper.is_alive():
                self._helper.terminate()
            self._helper.join()
            self._helper = None
        if self._receive is not None:
            self._receive.close()
            self._receive = None

    def _claim(self, position: int, who: int) -> bool:
        with self._claims.get_lock():
            if self._claims[position] != FREE:
                return False
            self._claims[position] = who
            return True

    def _helpers_results(self) -> dict[int, Result | None]:
        if self._results is None:
            try:
                # The helper sends once, when it has met this process: at most one item away.
                self._results = self._receive.recv() if self._receive is not None else {}
            except (EOFError, OSError):
                self._results = {}  # the helper was lost: this process does its items
            self.finish()
            made = sum(result is not None for result in self._results.values())
            log.info("%d van de %d %s door een tweede proces", made, len(self._positions), self._done)
        return self._results

    def _help(self, items: list[Item], send: Connection) -> None:
        """In the helper: claim items from the end of the list until this process's are reached."""
        logged: list[logging.LogRecord] = []
        # Nothing is printed here: an item that logs is done again by the build, which reports it.
        logging.Logger.callHandlers = lambda logger, record: logged.append(record)  # type: ignore[method-assign, assignment]
        results: dict[int, Result | None] = {}
        for position in range(len(items) - 1, -1, -1):
            if not self._claim(position, HELPERS):
                break
            logged.clear()
            try:
                result: Result | None = self._work(items[position])
            except Exception:  # noqa: BLE001 - this process does it again and reports the error itself
                result = None
            results[position] = None if logged else result
        send.send(results)
        send.close()
