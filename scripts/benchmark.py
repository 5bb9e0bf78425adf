"""Meet wat bouwen en lezen kosten bij veel praktijkvoorbeelden, tegen twee basislijnen.

Gebruik:
    python scripts/benchmark.py                      # N = 250, 1000, 2400, 4000; schrijft BENCHMARKS.md
    python scripts/benchmark.py --n 100 --json uit.json --geen-markdown
    python scripts/benchmark.py --herhaal 2          # elke bouw twee keer, de snelste telt (drukke machine)

Per N maakt het script geldige synthetische inhoud (N praktijkvoorbeelden verdeeld over
de taxonomie, elk ongeveer 300 woorden, met verwijzingen naar risicokaarten, leerlijnen
en adviezen) in een tijdelijke map en bouwt die. Daarna opent het een praktijkvoorbeeld
in Chromium (Playwright), zoekt één woord in het zoekvak zoals een lezer en telt elk bestand
dat de browser ophaalt. In dezelfde run bouwt het twee basislijnen:

- *kaal* (issue #12): alleen de praktijkvoorbeelden, elk als één Markdown-pagina met titel en
  tekst, met mkdocs-material en zijn standaard zoekplugin (lunr), zonder lijsten, macro's en hooks;
- *basis*: dezelfde pagina's als onze site als gewone Markdown-bestanden met mkdocs-material,
  dezelfde kleine navigatie en de lunr-zoekplugin, zonder macro's en hooks.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import math
import os
import platform
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import yaml

from macros.load import check_content, load_kennisbank
from macros.pages import plan_pages
from macros.render.pages import standalone_renderer

ROOT = Path(__file__).resolve().parent.parent
SIZES = (250, 1000, 2400, 4000)
MUNICIPALITIES = 342
NAV = """nav:
  - Home: index.md
  - Praktijkvoorbeelden:
      - praktijkvoorbeelden/index.md
  - Leerlijnen: leerlijnen/index.md
  - Risicokaarten: risicos/index.md
  - Adviezen: adviezen/index.md
  - Gemeenten: gemeenten/index.md
"""
# Runs one build in a fresh interpreter and reports its own time and peak memory. In our
# project (which links macros/) it also notes how long the search index took and how long
# the build waited for it at the end: the hooks make it in a process of its own while
# the theme renders the pages (see macros/hooks.py), so only that wait adds to the build.
CHILD = """
import json, os, resource, sys, time
from mkdocs.__main__ import cli
found = {}
start = time.perf_counter()  # before importing macros, which the build imports anyway
if os.path.isdir("macros"):
    import macros.search_index as search_index
    finish = search_index.IndexJob.finish
    def timed(job):
        report = finish(job)
        found.update(zoekindex_seconden=report.seconds, zoekindex_wachten=report.waited)
        return report
    search_index.IndexJob.finish = timed
try:
    cli(["build", "--quiet", "-f", sys.argv[1], "-d", sys.argv[2]], standalone_mode=False)
except SystemExit as stop:
    if stop.code:
        raise
found.update(seconden=time.perf_counter() - start, piekgeheugen_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
print(json.dumps(found))
"""
# Plain mkdocs-material, as issue #12 defines the baseline "kaal": its default search
# plugin (lunr), the site's language, and a navigation of the home page only (without a
# nav MkDocs lists every page in the menu of every page, and the build grows as N squared).
KAAL_CONFIG = """site_name: Kennisbank (kaal)
theme:
  name: material
  language: nl
plugins:
  - search
nav:
  - Home: index.md
"""
# Pagefind stores these already gzip-compressed: counted as they are, not gzipped again.
PAGEFIND_COMPRESSED = (".pagefind", ".pf_meta", ".pf_index", ".pf_fragment", ".pf_filter")
# Nor would a server gzip an image that is compressed already.
IMAGES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".woff2")
BROWSER = Path("/usr/bin/chromium")
BROWSER_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
CASE_PAGE = "praktijkvoorbeelden/voorbeeld-00000/"
# What #kb-zoekstatus says once the results are shown (not "Zoeken…" or "Geen resultaten").
RESULT_COUNT = re.compile(r"^(\d+ resultaten|1 resultaat|De beste \d+ van) ")


def words() -> list[str]:
    """Dutch words to write synthetic text with, from the story pages of the project itself."""
    source = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs" / "verhaal").glob("*.md")))
    found = [w.strip(".,:;()'’‘\"").lower() for w in source.split()]
    return [w for w in found if w.isalpha() and 3 <= len(w) <= 14]


def make_content(target: Path, n: int, seed: int = 2018) -> None:
    """Valid content with n synthetic cases and the project's own taxonomy, lines, risks, advices."""
    rng = random.Random(seed)
    vocabulary = words()
    source = ROOT / "content"
    target.mkdir(parents=True)
    shutil.copy(source / "taxonomie.yaml", target / "taxonomie.yaml")
    # The reader tools' content refers to lines, advices and risk cards only, which the benchmark
    # keeps; the search synonyms refer to nothing.
    for name in ("zelfscan_aspecten.yaml", "zelfscan_vragen.yaml", "denkkader.yaml", "zoekwoorden.yaml"):
        shutil.copy(source / name, target / name)
    kennisbank = load_kennisbank(source)
    taxonomy = kennisbank.taxonomy
    # The project's own lines, risk cards, advices and chapters, without their references
    # to the project's cases and municipalities (which the synthetic content replaces).
    for name, drop in (("adviezen.yaml", {"praktijkvoorbeelden"}), ("hoofdstukken.yaml", {"pagina"})):
        items = yaml.safe_load((source / name).read_text(encoding="utf-8"))
        (target / name).write_text(yaml.safe_dump([_without(i, drop) for i in items], allow_unicode=True), encoding="utf-8")
    for folder in ("leerlijnen", "risicos"):
        (target / folder).mkdir()
        for path in (source / folder).glob("*.md"):
            _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
            meta = _without(yaml.safe_load(front), {"praktijkvoorbeelden", "gemeenten"})
            (target / folder / path.name).write_text("---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n" + body, encoding="utf-8")
    municipalities = [{"id": f"gemeente-{i:03d}", "naam": f"Gemeente {i:03d}", "bron": {"rapport": ["3.5"]}} for i in range(1, MUNICIPALITIES + 1)]
    (target / "gemeenten.yaml").write_text(yaml.safe_dump(municipalities, allow_unicode=True), encoding="utf-8")
    cases = target / "praktijkvoorbeelden"
    cases.mkdir()
    risks = [r.id for r in kennisbank.risks]
    lines = [l.id for l in kennisbank.learning_lines]
    advices = [a.nummer for a in kennisbank.advices]

    def sentence(length: int) -> str:
        text = " ".join(rng.choice(vocabulary) for _ in range(length))
        return text[0].upper() + text[1:] + "."

    def known(vocabulary_id: str) -> list[str]:
        # "onbekend" is what a case without a value shows; content never writes it.
        return [term for term in taxonomy[vocabulary_id].ids() if term != "onbekend"]

    def pick(vocabulary_id: str, most: int) -> list[str]:
        return rng.sample(known(vocabulary_id), rng.randint(1, most))

    for index in range(n):
        municipality = municipalities[index % MUNICIPALITIES]
        meta = {
            "id": f"voorbeeld-{index:05d}",
            "titel": f"{municipality['naam']}: " + " ".join(rng.choice(vocabulary) for _ in range(4)),
            "samenvatting": sentence(25),
            "organisaties": [municipality["naam"]],
            "gemeenten": [municipality["id"]],
            "domein": rng.choice(taxonomy["domein"].ids()),
            "orientatie": pick("orientatie", 2),
            "publieke_waarde": pick("publieke_waarde", 2),
            "aard": {"gericht_op": rng.choice(known("aard_gericht_op")), "interventie": rng.choice(known("aard_interventie"))},
            "proces": rng.choice(known("proces")),
            "methodiek": pick("methodiek", 2),
            "fase": rng.choice(known("fase")),
            "risicos": rng.sample(risks, 2),
            "leerlijnen": rng.sample(lines, 1),
            "adviezen": sorted(rng.sample(advices, 2)),
            "typering": {
                name: {"redactie": "synthetische typering voor de meting"}
                for name in ("domein", "orientatie", "publieke_waarde", "aard.gericht_op", "aard.interventie", "proces", "methodiek", "fase")
            },
            "trefwoorden": rng.sample(sorted(set(vocabulary)), 3),
            "bron": {"links": [{"titel": "Projectpagina", "url": f"https://www.example.org/{index}"}]},
            "toegevoegd": "2026-01-01",
            "bijgewerkt": "2026-06-01",
        }
        body = "\n\n".join(f"## {heading}\n\n{sentence(30)} {sentence(25)} {sentence(20)}" for heading in (
            "Wat is er gedaan", "Publieke waarde", "Organisatie en samenwerking", "Lessen en overdraagbaarheid"))
        (cases / f"{meta['id']}.md").write_text("---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n\n" + body + "\n", encoding="utf-8")


def _without(value, keys: set[str]):
    """A copy of nested YAML data without the given keys at any depth."""
    if isinstance(value, dict):
        return {k: _without(v, keys) for k, v in value.items() if k not in keys}
    if isinstance(value, list):
        return [_without(v, keys) for v in value]
    return value


def make_project(folder: Path, content: Path, baseline: bool) -> Path:
    """A buildable project: ours (macros and hooks) or the baseline "basis" (the same pages as Markdown)."""
    folder.mkdir(parents=True)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config[: config.index("\nnav:\n") + 1] + NAV
    docs = folder / "docs"
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    (docs / "index.md").write_text("# Kennisbank\n\nBenchmark.\n", encoding="utf-8")
    shutil.copytree(ROOT / "overrides", folder / "overrides")
    if not baseline:
        shutil.copytree(content, folder / "content")
        (folder / "macros").symlink_to(ROOT / "macros", target_is_directory=True)
    else:
        # Without the macros plugin and the hooks (so without Pagefind): plain MkDocs with
        # mkdocs-material and its own search plugin, as the site had before Pagefind.
        start, end = config.index("  - macros:"), config.index("\nhooks:")
        config = config[:start] + "  - search:\n      lang: nl\n" + config[end:]
        config = config.replace("hooks:\n  - macros/hooks.py\n", "").replace("\n  - content\n  - macros\n", "\n")
        kennisbank = load_kennisbank(content)
        renderer = standalone_renderer(kennisbank)
        for page in plan_pages(kennisbank):
            # The baseline indexes as mkdocs-material does by default: every page, every block.
            markdown = str(renderer.render(page).html).replace(" data-search-exclude", "")
            path = docs / page.src_uri
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("---\n" + yaml.safe_dump({"title": page.title}, allow_unicode=True) + "---\n\n" + markdown, encoding="utf-8")
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    return folder


def make_kaal_project(folder: Path, content: Path) -> Path:
    """The baseline "kaal" of issue #12: each case as one Markdown page (title and body), nothing else."""
    cases = folder / "docs" / "praktijkvoorbeelden"
    cases.mkdir(parents=True)
    (folder / "docs" / "index.md").write_text("# Kennisbank\n\nBenchmark.\n", encoding="utf-8")
    for path in sorted((content / "praktijkvoorbeelden").glob("*.md")):
        _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
        title = yaml.safe_load(front)["titel"]
        (cases / path.name).write_text(f"# {title}\n\n{body.strip()}\n", encoding="utf-8")
    (folder / "mkdocs.yml").write_text(KAAL_CONFIG, encoding="utf-8")
    return folder


def _busy_cpu_seconds() -> float | None:
    """CPU seconds the whole machine has spent busy since boot (Linux), to see whether it was idle."""
    try:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    except OSError:
        return None
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(v) for v in fields[:8])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def run_build(project: Path) -> dict:
    """Build in a fresh interpreter; also how much CPU other processes took meanwhile.

    The machine may be shared: ``cpu_anderen`` is the share of all cores (0 to 1) that
    processes other than this build (and the Pagefind binary it starts) kept busy.
    """
    out = project / "site"
    busy, own = _busy_cpu_seconds(), resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", CHILD, str(project / "mkdocs.yml"), str(out)], capture_output=True, text=True, cwd=project)
    wall = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"bouw mislukt in {project}:\n{result.stderr[-3000:]}")
    found = json.loads(result.stdout.strip().split("\n")[-1])
    after, own_after = _busy_cpu_seconds(), resource.getrusage(resource.RUSAGE_CHILDREN)
    if busy is not None and after is not None:
        used = (own_after.ru_utime - own.ru_utime) + (own_after.ru_stime - own.ru_stime)
        found["cpu_anderen"] = max(0.0, (after - busy - used) / (wall * _cores()))
    return found


def size_of(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def transfer_size(path: Path) -> int:
    """Bytes over the wire with gzip: Pagefind's own files and images are compressed already."""
    return path.stat().st_size if path.name.endswith(PAGEFIND_COMPRESSED + IMAGES) else gzip_size(path)


def lunr_first_search(site: Path) -> dict:
    """What mkdocs-material's lunr search fetches: the whole index, the worker, lunr for Dutch."""
    files = [site / "search" / "search_index.json", *sorted((site / "assets" / "javascripts" / "workers").glob("search.*.min.js"))]
    files += [site / "assets" / "javascripts" / "lunr" / "min" / name for name in ("lunr.stemmer.support.min.js", "lunr.nl.min.js")]
    return {"bytes": sum(p.stat().st_size for p in files), "gzip": sum(gzip_size(p) for p in files)}


def search_word(content: Path) -> str:
    """The query: the first word of at least five letters in voorbeeld-00000's title after the municipality."""
    _, front, _ = (content / "praktijkvoorbeelden" / "voorbeeld-00000.md").read_text(encoding="utf-8").split("---\n", 2)
    title_words = yaml.safe_load(front)["titel"].split(": ", 1)[1].split()
    return next((w for w in title_words if len(w) >= 5), max(title_words, key=len))


def file_kind(relative: str) -> str:
    """A short name for what a requested file is, to see which files a search spends its bytes on."""
    name = relative.rsplit("/", 1)[-1]
    if relative.startswith("pagefind/"):
        if name in ("pagefind.js", "pagefind-worker.js"):
            return name
        if name.endswith(".pagefind"):
            return "wasm"
        if name == "pagefind-entry.json":
            return "entry"
        if name.endswith(".json"):
            return "zoekwoorden"
        return name.rsplit(".", 1)[-1].removeprefix("pf_")  # meta, index, fragment, filter
    if name.endswith(".html"):
        return "html"
    return name.rsplit(".", 1)[-1] if "." in name else "overig"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the signature of the base class
        pass


class _Serve:
    """The built site on a free port of 127.0.0.1, for as long as the with-block lasts."""

    def __init__(self, site: Path):
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"

    def __enter__(self) -> str:
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self.url

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def browser_search(site: Path, query: str) -> dict:
    """Open a case page in Chromium, enter one query in the search field, and count what was fetched.

    Every request is recorded with the phase it belongs to: "pagina" until the page has loaded
    and the network is quiet, "zoeken" from the moment the reader clicks the search field
    (focusing it already starts loading Pagefind and the lexicon). Each file counts once, in
    the phase that first asked for it; sizes come from the files in the site folder.
    """
    from playwright.sync_api import sync_playwright  # only the benchmark needs it

    if not BROWSER.exists():
        raise RuntimeError(f"{BROWSER} ontbreekt: installeer het Debian-pakket 'chromium'")
    phase = "pagina"
    first: dict[str, str] = {}  # file -> phase of the first request for it
    pending: set[Any] = set()
    last_activity = [time.monotonic()]
    missing: list[str] = []
    errors: list[str] = []

    with _Serve(site) as origin, sync_playwright() as playwright:

        def requested(request) -> None:
            pending.add(request)
            last_activity[0] = time.monotonic()
            if not request.url.startswith(origin):
                return
            relative = unquote(urlsplit(request.url).path).lstrip("/")
            if relative == "" or relative.endswith("/"):
                relative += "index.html"
            first.setdefault(relative, phase)

        def done(request) -> None:
            pending.discard(request)
            last_activity[0] = time.monotonic()

        def failed(request) -> None:
            done(request)
            missing.append(request.url)

        def quiet(timeout: float = 30) -> None:
            """Wait until no request has been open or started for half a second."""
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                page.wait_for_timeout(100)
                if not pending and time.monotonic() - last_activity[0] > 0.5:
                    return
            raise RuntimeError(f"het netwerk werd niet stil: {[r.url for r in pending]}")

        browser = playwright.chromium.launch(executable_path=str(BROWSER), args=BROWSER_FLAGS)
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
            # Nothing may leave the machine; a request elsewhere would show up as missing.
            context.route(lambda url: not url.startswith(origin), lambda route: route.abort())
            page = context.new_page()
            page.on("request", requested)
            page.on("requestfinished", done)
            page.on("requestfailed", failed)
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(origin + CASE_PAGE, wait_until="load")
            quiet()
            phase = "zoeken"
            opener = page.locator(".kb-search__open")
            if opener.is_visible():
                opener.click()
            field = page.locator("#kb-zoekvak")
            field.click()
            # One input event, so one search. Typed letter by letter, each pause longer than the
            # script's 150 ms debounce (a slow reader, or a busy machine) would start a search of
            # its own and fetch more, and the count would depend on the timing.
            field.fill(query)
            page.wait_for_function(
                "([pattern, query]) => new RegExp(pattern).test(document.getElementById('kb-zoekstatus').textContent)"
                " && document.getElementById('kb-zoekvak').value === query",
                arg=[RESULT_COUNT.pattern, query], timeout=60_000,
            )
            quiet()
            status = page.locator("#kb-zoekstatus").text_content() or ""
            shown = page.locator("#kb-zoekresultaten a").count()
            version = browser.version
        finally:
            browser.close()
    if errors:
        raise RuntimeError(f"fouten in de pagina: {errors}")

    files: dict[str, list[dict]] = {"pagina": [], "zoeken": []}
    for relative, when in sorted(first.items()):
        path = site / relative
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            missing.append(relative)
            continue
        files[when].append({"bestand": relative, "soort": file_kind(relative), "bytes": path.stat().st_size, "gzip": transfer_size(path)})

    def total(entries: list[dict]) -> dict:
        return {"bestanden": len(entries), "bytes": sum(e["bytes"] for e in entries), "gzip": sum(e["gzip"] for e in entries)}

    kinds: dict[str, int] = {}
    for entry in files["zoeken"]:
        kinds[entry["soort"]] = kinds.get(entry["soort"], 0) + entry["gzip"]
    return {
        "zoekvraag": query,
        "status": status,
        "resultaten_getoond": shown,
        "chromium": version,
        "eerste_zoekopdracht": {**total(files["zoeken"]), "per_soort_gzip": dict(sorted(kinds.items(), key=lambda kv: -kv[1]))},
        "pagina": total(files["pagina"]),
        "pagina_plus_zoeken": total(files["pagina"] + files["zoeken"]),
        "niet_gevonden": missing,
        "bestanden": files,
    }


def page_sizes(site: Path) -> dict:
    cases = [p.stat().st_size for p in (site / "praktijkvoorbeelden").glob("voorbeeld-*/index.html")]
    lists = [p for p in (site / "praktijkvoorbeelden").rglob("index.html") if not p.parent.name.startswith("voorbeeld-")]
    lists += list((site / "gemeenten").rglob("index.html"))
    largest = max(lists, key=lambda p: p.stat().st_size)
    return {
        "praktijkvoorbeeld_mediaan_kb": statistics.median(cases) / 1024,
        "grootste_lijstpagina_kb": largest.stat().st_size / 1024,
        "grootste_lijstpagina": largest.relative_to(site).parent.as_posix() + "/",
    }


def measure(n: int, work: Path, with_baseline: bool = True, with_kaal: bool = True, repeat: int = 1) -> dict:
    """Build ours and the baselines ``repeat`` times each, in turn, and keep the fastest build of each.

    On a shared machine the fastest build is the one least disturbed by others; taking turns
    gives each project the same chances.
    """
    content = work / f"inhoud-{n}"
    make_content(content, n)
    timings = []
    for _ in range(3):
        start = time.perf_counter()
        kennisbank, problems = check_content(content)
        timings.append(time.perf_counter() - start)
        assert kennisbank is not None, problems[:5]
    projects = {"ons": make_project(work / f"ons-{n}", content, baseline=False)}
    if with_kaal:
        projects["kaal"] = make_kaal_project(work / f"kaal-{n}", content)
    if with_baseline:
        projects["basis"] = make_project(work / f"basis-{n}", content, baseline=True)
    result: dict[str, Any] = {"n": n, "validatie_seconden": min(timings)}
    for _ in range(max(1, repeat)):
        for key, project in projects.items():
            found = run_build(project)
            every = result.get(key, {}).get("alle_seconden", []) + [found["seconden"]]
            if key not in result or found["seconden"] < result[key]["seconden"]:
                result[key] = found
            result[key]["alle_seconden"] = every
    site = projects["ons"] / "site"
    bundle = site / "pagefind"
    result["ons"].update(
        site_mb=size_of(site) / 2**20,
        zoekbundel_kb=size_of(bundle) / 1024,
        zoekindex_bestanden=sum(1 for p in bundle.rglob("*") if p.is_file()),
        zoekwoorden_kb=(bundle / "kennisbank-zoekwoorden.json").stat().st_size / 1024,
        **page_sizes(site),
    )
    # The browser runs after the builds, so that it does not take time from them.
    result["browser"] = browser_search(site, search_word(content))
    for key, ratio in (("kaal", "verhouding_kaal"), ("basis", "verhouding")):
        if key in projects:
            result[key].update(site_mb=size_of(projects[key] / "site") / 2**20, eerste_zoekopdracht=lunr_first_search(projects[key] / "site"))
            result[ratio] = result["ons"]["seconden"] / result[key]["seconden"]
    for project in projects.values():
        shutil.rmtree(project)  # a site of 4,000 cases is some 200 MB
    shutil.rmtree(content)
    return result


def measure_editor_loop(n: int, work: Path, runs: int = 2) -> list[float]:
    """Seconds from saving a changed case to `mkdocs serve` serving the rebuilt page."""
    import socket
    import urllib.request

    content = work / f"inhoud-serve-{n}"
    make_content(content, n)
    project = make_project(work / f"serve-{n}", content, baseline=False)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-f", str(project / "mkdocs.yml")],
        cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/praktijkvoorbeelden/voorbeeld-00000/"

    def page() -> str:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            return ""

    try:
        deadline = time.monotonic() + 600
        while "voorbeeld" not in page() and time.monotonic() < deadline:
            time.sleep(0.5)
        timings = []
        case = project / "content" / "praktijkvoorbeelden" / "voorbeeld-00000.md"
        for run in range(runs):
            marker = f"Gewijzigde titel {run}"
            text = case.read_text(encoding="utf-8")
            start = time.monotonic()
            case.write_text(text.replace("titel: ", f"titel: {marker} ", 1), encoding="utf-8")
            while marker not in page() and time.monotonic() - start < 600:
                time.sleep(0.1)
            timings.append(time.monotonic() - start)
            time.sleep(2)
        return timings
    finally:
        server.terminate()
        server.wait(timeout=30)


EXPLANATION = """
## Toelichting

- *Wat het verschil met de basislijnen is.* Onze bouw leest en controleert eerst alle inhoud, maakt
  de pagina's uit sjablonen (ook de lijsten, de waarden van kenmerken, de itempagina's van
  risicokaarten, leerlijnen, adviezen en gemeenten), zuivert elke pagina met een HTML-sanitizer,
  schrijft de open data (JSON, CSV, schema's, feed) en de grafieken, en maakt de zoekindex
  (Pagefind). *Kaal* bouwt alleen de tekst van de praktijkvoorbeelden, met de
  lunr-index van mkdocs-material. *Basis* krijgt dezelfde pagina's als onze site kant-en-klaar als
  Markdown, met de lunr-index. Bij kleine N weegt de vaste opstarttijd (inhoud laden, sjablonen,
  mkdocs-macros, het Pagefind-programma) het zwaarst; daarom liggen de verhoudingen bij kleine N hoger.
- *Wat hielp.* Gegenereerde pagina's worden door de hook gemaakt in plaats van elk als
  Jinja-sjabloon te worden gecompileerd; front matter met `json.dumps`; relatieve links zonder
  bestandssysteem; teksten in YAML zonder de algemene constructor; sjablonen van het thema met
  `trim_blocks` (een pagina van ~26 naar ~23 KB).
- *Pagina's die niet groeien met N.* Lijsten (overzicht, waarden van kenmerken, praktijkvoorbeelden
  per risicokaart, leerlijn en advies) zijn pagina's van 100; itempagina's tonen de eerste 10
  verwante voorbeelden en linken naar de volledige lijst.
- *Zoeken.* De site zoekt met Pagefind. Zijn index staat in stukken: bij een zoekopdracht haalt
  de browser het programma (`pagefind.js`, de worker en de wasm-module voor het Nederlands), het
  metabestand (`.pf_meta`, een regel per pagina), alleen de indexstukken met de gezochte woorden
  (`.pf_index`) en de fragmenten van de getoonde resultaten (`.pf_fragment`, hoogstens 10).
  Daarbij komt onze woordenlijst `kennisbank-zoekwoorden.json` voor tikfouten, samenstellingen en
  synoniemen; die is begrensd op de 20.000 meest gebruikte woorden en groeit dus niet mee met N.
  Het gemeten zoekwoord kost één indexstuk, dat bij meer pagina's nauwelijks groeit. Wat wel lineair
  meegroeit, is het metabestand: bij 4.000 voorbeelden het grootste deel na de wasm-module. De
  lunr-index van mkdocs-material (de kolommen *kaal* en *basis*) gaat daarentegen in zijn geheel
  naar de lezer en groeit lineair met N.
- *Bouwtijd van het zoeken.* De zoekindex hoort bij de bouw (`mkdocs build` en `mkdocs serve`
  maken hem), maar loopt naast het werk van het thema: zodra elke pagina haar inhoud heeft
  (hook `on_env`), start de bouw een eigen proces dat in een kopie van die inhoud de delen van
  samenstellingen markeert en de woorden telt (Python) en dan het Pagefind-programma draait.
  Intussen maakt MkDocs de pagina's met het thema af; `on_post_build` wacht op de index. Kolom
  *zoekindex ernaast* is hoe lang dat proces duurde, *daarop gewacht* hoe lang de bouw aan het
  eind nog op de index wachtte: alleen dat komt bij de bouwtijd. Naast elkaar duurt de index
  langer dan alleen, omdat twee processen op deze machine samen ongeveer anderhalve core krijgen.
- *Twee cores.* Python valideert en maakt pagina's in één proces. Voor de twee lange lijsten
  (de bestanden van de praktijkvoorbeelden lezen en controleren, de gegenereerde pagina's maken en
  zuiveren) start de bouw daarom met `fork` een helper die dezelfde lijst van achteren afwerkt,
  terwijl de bouw van voren begint, tot ze elkaar treffen (`macros/parallel.py`). Zo werkt de
  tweede core al voordat de zoekindex hem gebruikt. Wat de helper niet schoon kan doen (een fout,
  een logregel), doet de bouw zelf opnieuw; de gebouwde site is byte voor byte gelijk aan een bouw
  in één proces (`KENNISBANK_PROCESSEN=1`). Kolom *piekgeheugen* telt het grootste proces, en
  dat is met de helper groter: zijn gedeelde geheugen telt mee.
- *Hoe de zoekopdracht is gemeten.* Per N serveert het script de gebouwde site op 127.0.0.1, opent
  `praktijkvoorbeelden/voorbeeld-00000/` in Chromium (Playwright) en wacht tot de pagina geladen
  en het netwerk stil is. Dan klikt het in het zoekvak `#kb-zoekvak` (dat begint Pagefind en de
  woordenlijst al te laden), vult het eerste woord van vijf letters of meer uit de titel van dat
  voorbeeld na de gemeente in (één `input`-gebeurtenis, dus één zoekopdracht), en wacht tot
  `#kb-zoekstatus` een aantal resultaten noemt en het netwerk weer stil is. Wie letter voor letter
  typt en daarbij langer dan 150 ms pauzeert, zoekt tussendoor al en haalt meer indexstukken en
  fragmenten op; in een proefrun op een drukke machine was dat ruim 20 KB meer. Elk opgevraagd
  bestand telt één keer, met de grootte van het bestand in de site: gzip (niveau 6), behalve
  Pagefinds eigen bestanden (`.pagefind`, `.pf_*`) en afbeeldingen, die al gecomprimeerd zijn en
  tellen zoals ze zijn. *Zonder gzip* is wat een server zonder compressie stuurt: de bestanden zoals
  ze op schijf staan. *Eerste zoekopdracht* is alles vanaf de klik in het zoekvak; *pagina plus
  zoeken* is alles vanaf het openen van de pagina.
- *Redactielus.* `mkdocs serve` herbouwt bij elke wijziging de hele site, met de zoekindex; de tijd
  tot de herbouwde pagina is daarom ongeveer de bouwtijd bij die N. `mkdocs serve` draait threads
  (de webserver, het volgen van bestanden), en uit een proces met threads start de bouw geen helper:
  daar gebeurt alles in één proces.
"""
# Sections of BENCHMARKS.md that are written by hand, not by this script: kept at its end.
HAND_WRITTEN = ("## Testduur", "## Geprobeerd en teruggedraaid")
# What a first search of KINDS shows, in this order (see file_kind).
KINDS = ("wasm", "index", "fragment", "meta", "filter", "zoekwoorden", "pagefind.js", "pagefind-worker.js", "entry")


def exponent(results: list[dict], key: str = "ons") -> float | None:
    if len(results) < 2 or not all(key in r for r in results):
        return None
    first, last = results[0], results[-1]
    return math.log(last[key]["seconden"] / first[key]["seconden"]) / math.log(last["n"] / first["n"])


def _kb(value: float) -> str:
    return "-" if value != value else f"{value / 1024:.0f}"


def _num(value: Any, digits: int = 1) -> str:
    return "-" if value is None or value != value else f"{value:.{digits}f}"


def markdown_report(results: list[dict], extra: str = "", command: str = "python scripts/benchmark.py") -> str:
    nan = float("nan")
    chromium = next((r["browser"]["chromium"] for r in results if "browser" in r), "?")
    repeat = max(len(r["ons"].get("alle_seconden", [0])) for r in results)
    lines = [
        "# Benchmarks",
        "",
        f"Gemeten op {date.today().isoformat()} met `{command}` op {platform.machine()}, "
        f"{platform.python_implementation()} {platform.python_version()}, {_cores()} cores; elke bouw in een eigen proces"
        + (f", {repeat} keer, om en om met de basislijnen, waarvan de snelste telt" if repeat > 1 else "")
        + f"; zoeken in Chromium {chromium} via Playwright.",
        "Synthetische inhoud: N praktijkvoorbeelden van ~300 woorden, verdeeld over de taxonomie en over "
        f"{MUNICIPALITIES} gemeenten, met verwijzingen naar de echte risicokaarten, leerlijnen en adviezen.",
        "Twee basislijnen, elk met dezelfde vastgezette versies van MkDocs en mkdocs-material:",
        "",
        "- *kaal* (zoals issue #12 hem omschrijft): alleen de praktijkvoorbeelden, elk als één Markdown-pagina met titel en",
        "  tekst, met mkdocs-material en zijn standaard zoekplugin (lunr); geen lijst- of kenmerkpagina's, geen macro's of",
        "  hooks, een navigatie van alleen de startpagina (zonder `nav` zet MkDocs elke pagina in het menu van elke pagina",
        "  en groeit de bouw kwadratisch);",
        "- *basis*: dezelfde pagina's als onze site als gewone Markdown met mkdocs-material, dezelfde kleine navigatie en",
        "  de lunr-zoekplugin, zonder macro's, hooks, exports, grafieken en Pagefind.",
        "",
    ]
    busy = [r[key]["cpu_anderen"] for r in results for key in ("ons", "kaal", "basis") if key in r and "cpu_anderen" in r[key]]
    if busy and max(busy) > 0.1:
        lines += [
            "**De machine was tijdens de meting niet helemaal rustig:** andere processen gebruikten tijdens de bouwen tot "
            f"{max(busy) * 100:.0f} % van de rekenkracht (mediaan {statistics.median(busy) * 100:.0f} %; kolom *anderen*, bij de "
            "bouw die telt). Waar dat hoog is, ligt de bouwtijd hoger dan op een rustige machine en is ook de verhouding minder exact.",
            "",
        ]
    elif busy:
        lines += [f"De machine was rustig: andere processen gebruikten tijdens de bouwen hoogstens {max(busy) * 100:.0f} % van de rekenkracht.", ""]
    lines += [
        "| N | validatie (s) | bouw ons (s) | zoekindex ernaast (s) | daarop gewacht (s) | bouw kaal (s) | ons / kaal | bouw basis (s) | ons / basis | piekgeheugen ons / kaal / basis (MB) | anderen ons / kaal / basis (% CPU) |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        ours, kaal, base = r["ons"], r.get("kaal", {}), r.get("basis", {})
        others = " / ".join(_num(b.get("cpu_anderen", nan) * 100, 0) for b in (ours, kaal, base))
        lines.append(
            f"| {r['n']} | {r['validatie_seconden']:.2f} | {ours['seconden']:.1f} | {_num(ours.get('zoekindex_seconden'))} | {_num(ours.get('zoekindex_wachten'))} | "
            f"{_num(kaal.get('seconden', nan))} | {_num(r.get('verhouding_kaal', nan), 2)} | "
            f"{_num(base.get('seconden', nan))} | {_num(r.get('verhouding', nan), 2)} | "
            f"{ours['piekgeheugen_mb']:.0f} / {_num(kaal.get('piekgeheugen_mb', nan), 0)} / {_num(base.get('piekgeheugen_mb', nan), 0)} | {others} |"
        )
    growth = {key: exponent(results, key) for key in ("ons", "kaal", "basis")}
    if growth["ons"] is not None:
        named = ", ".join(f"{name} {growth[key]:.2f}" for key, name in (("ons", "ons"), ("kaal", "kaal"), ("basis", "basis")) if growth[key] is not None)
        lines += ["", f"Groei-exponent van de bouwtijd tussen N = {results[0]['n']} en N = {results[-1]['n']}: {named} (1,0 is lineair)."]
    lines += [
        "",
        "| N | site ons / kaal / basis (MB) | praktijkvoorbeeld (KB) | grootste lijstpagina (KB) |",
        "|---|---|---|---|",
    ]
    for r in results:
        ours, kaal, base = r["ons"], r.get("kaal", {}), r.get("basis", {})
        lines.append(
            f"| {r['n']} | {ours['site_mb']:.1f} / {_num(kaal.get('site_mb', nan))} / {_num(base.get('site_mb', nan))} | "
            f"{ours['praktijkvoorbeeld_mediaan_kb']:.1f} | {ours['grootste_lijstpagina_kb']:.0f} ({ours['grootste_lijstpagina']}) |"
        )
    lines += [
        "",
        "Zoeken: wat Chromium ophaalt als een lezer een praktijkvoorbeeld opent en één woord zoekt (zie de toelichting).",
        "*Eerste zoekopdracht* is alles wat de zoekopdracht zelf ophaalt, met alle bestanden van Pagefind en onze woordenlijst;",
        "*pagina plus zoeken* is dat samen met de pagina zelf (HTML, CSS, JavaScript, favicon). Ter vergelijking: wat de",
        "lunr-zoekfunctie van mkdocs-material bij de eerste zoekopdracht ophaalt (de hele index, de worker en lunr voor het",
        "Nederlands) in de basislijnen.",
        "",
        "| N | zoekwoord (aantal resultaten) | eerste zoekopdracht: bestanden | eerste zoekopdracht (KB, gzip) | zonder gzip (KB) | pagina plus zoeken (KB, gzip) | Pagefind-bundel op schijf (MB, bestanden) | lunr kaal (KB, gzip) | lunr basis (KB, gzip) |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        ours, browser = r["ons"], r["browser"]
        search, both = browser["eerste_zoekopdracht"], browser["pagina_plus_zoeken"]
        count = re.search(r"(\d+) resultat", browser["status"])
        lines.append(
            f"| {r['n']} | {browser['zoekvraag']} ({count.group(1) if count else '?'}) | {search['bestanden']} | "
            f"{_kb(search['gzip'])} | {_kb(search['bytes'])} | {_kb(both['gzip'])} | "
            f"{ours['zoekbundel_kb'] / 1024:.1f} ({ours['zoekindex_bestanden']}) | "
            f"{_kb(r.get('kaal', {}).get('eerste_zoekopdracht', {}).get('gzip', nan))} | "
            f"{_kb(r.get('basis', {}).get('eerste_zoekopdracht', {}).get('gzip', nan))} |"
        )
    lines += [
        "",
        "Waar de eerste zoekopdracht zijn bytes aan besteedt (KB, zoals over de lijn: gzip of al gecomprimeerd):",
        "",
        "| N | " + " | ".join(KINDS) + " | overig |",
        "|---|" + "---|" * (len(KINDS) + 1),
    ]
    for r in results:
        kinds = dict(r["browser"]["eerste_zoekopdracht"]["per_soort_gzip"])
        row = [f"{kinds.pop(kind, 0) / 1024:.1f}" for kind in KINDS]
        lines.append(f"| {r['n']} | " + " | ".join(row) + f" | {sum(kinds.values()) / 1024:.1f} |")

    lines += ["", "## Doelen", "", "| doel | gemeten | gehaald |", "|---|---|---|"]
    largest = results[-1]
    at = {r["n"]: r for r in results}
    checks: list[tuple[str, str, bool]] = []
    big = at.get(4000, largest)
    checks.append((
        f"eerste zoekopdracht bij {big['n']:,} voorbeelden hoogstens 300 KB gzip (alle zoekbestanden)".replace(",", "."),
        f"{big['browser']['eerste_zoekopdracht']['gzip'] / 1024:.0f} KB",
        big["browser"]["eerste_zoekopdracht"]["gzip"] <= 300 * 1024,
    ))
    checks.append((
        "praktijkvoorbeeld openen plus één zoekopdracht hoogstens 450 KB gzip bij elke N",
        ", ".join(f"{r['browser']['pagina_plus_zoeken']['gzip'] / 1024:.0f}" for r in results) + " KB",
        all(r["browser"]["pagina_plus_zoeken"]["gzip"] <= 450 * 1024 for r in results),
    ))
    checks.append((
        f"bouwen van {big['n']:,} voorbeelden hoogstens 38 s op 2 cores (met de zoekindex)".replace(",", ".")
        + ("" if _cores() == 2 else f" (gemeten op {_cores()} cores)"),
        f"{big['ons']['seconden']:.1f} s", big["ons"]["seconden"] <= 38,
    ))
    middle = at.get(2400)
    if middle is not None and "verhouding_kaal" in middle:
        checks.append(("bouwtijd ons / kaal hoogstens 3,5 bij 2.400 voorbeelden", f"{middle['verhouding_kaal']:.2f}", middle["verhouding_kaal"] <= 3.5))
    if all("verhouding" in r for r in results):
        checks.append(("bouwtijd hoogstens 1,2 × de basislijn *basis* bij elke N",
                       ", ".join(f"{r['verhouding']:.2f}" for r in results), all(r["verhouding"] <= 1.2 for r in results)))
    checks += [
        ("groei-exponent hoogstens 1,1", _num(growth["ons"], 2), growth["ons"] is not None and growth["ons"] <= 1.1),
        ("valideren van 4.000 voorbeelden onder 3 s" if largest["n"] >= 4000 else f"valideren (N = {largest['n']}) onder 3 s",
         f"{largest['validatie_seconden']:.2f} s", largest["validatie_seconden"] < 3),
        ("praktijkvoorbeeld hoogstens 25 KB HTML", f"{max(r['ons']['praktijkvoorbeeld_mediaan_kb'] for r in results):.1f} KB",
         all(r["ons"]["praktijkvoorbeeld_mediaan_kb"] <= 25 for r in results)),
        ("lijstpagina's gepagineerd en onder 300 KB", f"{max(r['ons']['grootste_lijstpagina_kb'] for r in results):.0f} KB",
         all(r["ons"]["grootste_lijstpagina_kb"] < 300 for r in results)),
    ]
    lines += [f"| {name} | {value} | {'ja' if ok else 'nee'} |" for name, value, ok in checks]
    return "\n".join(lines) + "\n" + extra + EXPLANATION


def write_report(report: str, path: Path = ROOT / "BENCHMARKS.md") -> None:
    """Write the report, keeping the hand-written sections of the old file after it, unchanged."""
    kept = ""
    if path.exists():
        old = path.read_text(encoding="utf-8")
        starts = [old.index("\n" + heading + "\n") for heading in HAND_WRITTEN if "\n" + heading + "\n" in old]
        if starts:
            kept = old[min(starts):]
    path.write_text(report + kept, encoding="utf-8")


def _cores() -> int:
    return os.cpu_count() or 1


def _serve_text(serve: list[float] | None, n: int | None) -> str:
    if not serve:
        return ""
    return (
        f"\nRedactielus: bij N = {n or 1000} duurt het van opslaan van één praktijkvoorbeeld tot de herbouwde pagina "
        f"in `mkdocs serve` {', '.join(f'{t:.1f}' for t in serve)} seconden (volledige herbouw per wijziging, met de zoekindex).\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Meet bouw- en leeskosten bij veel praktijkvoorbeelden.")
    parser.add_argument("--n", type=int, action="append", help="aantal praktijkvoorbeelden (herhaalbaar); standaard 250, 1000, 2400 en 4000")
    parser.add_argument("--json", type=Path, help="schrijf de ruwe meetresultaten ook als JSON")
    parser.add_argument("--geen-basislijn", action="store_true", help="bouw de basislijn 'basis' niet (wel 'kaal')")
    parser.add_argument("--geen-kaal", action="store_true", help="bouw de basislijn 'kaal' niet")
    parser.add_argument("--geen-markdown", action="store_true", help="schrijf BENCHMARKS.md niet")
    parser.add_argument("--uit-json", type=Path, help="maak BENCHMARKS.md opnieuw uit eerder opgeslagen resultaten (--json)")
    parser.add_argument("--serve", type=int, metavar="N", help="meet ook de tijd van opslaan tot herbouwde pagina met mkdocs serve bij N voorbeelden")
    parser.add_argument("--herhaal", type=int, default=1, metavar="K", help="bouw elke site K keer (om en om) en tel de snelste; voor een drukke machine")
    args = parser.parse_args(argv)
    if args.uit_json:
        stored = json.loads(args.uit_json.read_text(encoding="utf-8"))
        results, serve = stored["resultaten"], stored["redactielus_seconden"]
        report = markdown_report(results, _serve_text(serve, stored.get("serve_n")), stored.get("opdracht", "python scripts/benchmark.py"))
        write_report(report)
        sys.stdout.write(report)
        return 0
    command = " ".join(
        ["python scripts/benchmark.py"] + [f"--n {n}" for n in args.n or ()]
        + [flag for flag, on in (("--geen-basislijn", args.geen_basislijn), ("--geen-kaal", args.geen_kaal)) if on]
        + ([f"--herhaal {args.herhaal}"] if args.herhaal > 1 else []) + ([f"--serve {args.serve}"] if args.serve else [])
    )
    results = []
    with tempfile.TemporaryDirectory(prefix="kennisbank-benchmark-") as folder:
        for n in args.n or SIZES:
            sys.stderr.write(f"N = {n} ...\n")
            results.append(measure(n, Path(folder), with_baseline=not args.geen_basislijn, with_kaal=not args.geen_kaal, repeat=args.herhaal))
            summary = {k: v for k, v in results[-1].items() if k != "browser"}
            summary["browser"] = {k: v for k, v in results[-1]["browser"].items() if k != "bestanden"}
            sys.stderr.write(json.dumps(summary) + "\n")
        serve = measure_editor_loop(args.serve, Path(folder)) if args.serve else None
    extra = _serve_text(serve, args.serve)
    if args.json:
        stored = {"opdracht": command, "resultaten": results, "redactielus_seconden": serve, "serve_n": args.serve}
        args.json.write_text(json.dumps(stored, indent=1) + "\n", encoding="utf-8")
    report = markdown_report(results, extra, command)
    if not args.geen_markdown:
        write_report(report)
    sys.stdout.write(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
