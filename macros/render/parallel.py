"""Generated pages rendered by two processes: the build's own and one forked helper.

MkDocs fills in its pages one after another in one process, so while it renders the
pages from the model, the machine's other core is idle (the search index uses it later,
while the theme renders: see macros/search_index.py). A helper forked from the build
renders the same list of pages from its other end, and runs each through the sanitizer,
until the two meet; the build takes the helper's pages as they are. Each page is
claimed once, under a lock, by whichever process reaches it first.

The build renders a page again itself when the helper could not render it cleanly (it
raised, or logged anything), so that errors and warnings reach the build as before;
and every page, when the helper is lost. Where forking is not safe (no ``fork``, or
other threads running, as under ``mkdocs serve``), on one core, or when
``KENNISBANK_PROCESSEN=1`` asks for it, the build renders every page itself.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any, Callable, Sequence

from ..pages import PlannedPage
from .pages import RenderedPage

ONE_PROCESS = "KENNISBANK_PROCESSEN"  # "1": render every page in the build's own process
FREE, OURS, HELPERS = 0, 1, 2  # who claimed a page

log = logging.getLogger("mkdocs.plugins.kennisbank.render")


@dataclass(frozen=True)
class Prepared:
    """A page as the helper made it: rendered, and its HTML through the sanitizer."""

    rendered: RenderedPage
    cleaned: str


def forking_is_safe() -> bool:
    """Whether a helper may be forked: fork exists, nothing else runs, and a second core is there."""
    if os.environ.get(ONE_PROCESS) == "1" or "fork" not in multiprocessing.get_all_start_methods():
        return False
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    # A thread holding a lock at the fork would leave the helper waiting for it forever.
    return cores > 1 and threading.active_count() == 1


class PageRendering:
    """Renders the build's generated pages, with a helper process where that is safe."""

    def __init__(self, render: Callable[[PlannedPage], RenderedPage], clean: Callable[[str], str]):
        self._render = render
        self._clean = clean
        self._positions: dict[str, int] = {}  # src_uri -> place in the list the helper shares
        self._claims: Any = None  # shared array: FREE, OURS or HELPERS per place
        self._helper: Any = None  # the helper process
        self._receive: Connection | None = None
        self._prepared: dict[int, Prepared | None] | None = None  # what the helper made, once received

    def start(self, pages: Sequence[PlannedPage]) -> None:
        """Fork the helper for ``pages``, in the order the build will ask for them."""
        if self._helper is not None or len(pages) < 2 or not forking_is_safe():
            return
        context = multiprocessing.get_context("fork")
        self._positions = {page.src_uri: position for position, page in enumerate(pages)}
        self._claims = context.Array("b", len(pages))
        self._receive, send = context.Pipe(duplex=False)
        self._helper = context.Process(target=self._help, args=(list(pages), send), name="kennisbank-paginas", daemon=True)
        self._helper.start()
        send.close()  # the helper holds the other copy: when it ends, receiving ends

    def render(self, page: PlannedPage) -> tuple[RenderedPage, str | None]:
        """The page, and its sanitized HTML when the helper made it already (else None)."""
        position = self._positions.get(page.src_uri)
        if position is not None and not self._claim(position, OURS):
            prepared = self._helpers_pages().get(position)
            if prepared is not None:
                return prepared.rendered, prepared.cleaned
        return self._render(page), None

    def finish(self) -> None:
        """End the helper: every page has been rendered, or the build stopped."""
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

    def _helpers_pages(self) -> dict[int, Prepared | None]:
        if self._prepared is None:
            try:
                # The helper sends once, when it has met the build: at most one page away.
                self._prepared = self._receive.recv() if self._receive is not None else {}
            except (EOFError, OSError):
                self._prepared = {}  # the helper was lost: the build renders its pages
            self.finish()
            made = sum(prepared is not None for prepared in self._prepared.values())
            log.info("Pagina's: %d van de %d gemaakt door een tweede proces", made, len(self._positions))
        return self._prepared

    def _help(self, pages: list[PlannedPage], send: Connection) -> None:
        """In the helper: claim pages from the end of the list until the build's are reached."""
        logged: list[logging.LogRecord] = []
        # Nothing is printed here: a page that logs is rendered again by the build, which reports it.
        logging.Logger.callHandlers = lambda logger, record: logged.append(record)  # type: ignore[method-assign, assignment]
        prepared: dict[int, Prepared | None] = {}
        for position in range(len(pages) - 1, -1, -1):
            if not self._claim(position, HELPERS):
                break
            logged.clear()
            try:
                rendered = self._render(pages[position])
                made: Prepared | None = Prepared(rendered, self._clean(str(rendered.html)))
            except Exception:  # noqa: BLE001 - the build renders it again and reports the error itself
                made = None
            prepared[position] = None if logged else made
        send.send(prepared)
        send.close()
