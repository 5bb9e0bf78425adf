"""Meet wat bouwen en lezen kosten bij veel praktijkvoorbeelden, tegen een basislijn.

Gebruik:
    python scripts/benchmark.py                      # N = 250, 1000, 4000; schrijft BENCHMARKS.md
    python scripts/benchmark.py --n 100 --json uit.json --geen-markdown

Per N maakt het script geldige synthetische inhoud (N praktijkvoorbeelden verdeeld over
de taxonomie, elk ongeveer 300 woorden, met verwijzingen naar risicokaarten, leerlijnen
en adviezen) in een tijdelijke map en bouwt die. In dezelfde run bouwt het een
basislijn: dezelfde pagina's als gewone Markdown-bestanden met mkdocs-material en
dezelfde kleine navigatie, zonder macro's en hooks.
"""

from __future__ import annotations

import argparse
from typing import Any
import gzip
import json
import math
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import yaml

from macros.load import check_content, load_kennisbank
from macros.pages import plan_pages
from macros.render.pages import standalone_renderer

ROOT = Path(__file__).resolve().parent.parent
SIZES = (250, 1000, 4000)
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
# Runs one build in a fresh interpreter and reports its own time and peak memory.
CHILD = """
import json, resource, sys, time
from mkdocs.__main__ import cli
start = time.perf_counter()
try:
    cli(["build", "--quiet", "-f", sys.argv[1], "-d", sys.argv[2]], standalone_mode=False)
except SystemExit as stop:
    if stop.code:
        raise
print(json.dumps({"seconden": time.perf_counter() - start, "piekgeheugen_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


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
    # The reader tools' content refers to lines, advices and risk cards only, which the benchmark keeps.
    for name in ("zelfscan_aspecten.yaml", "zelfscan_vragen.yaml", "denkkader.yaml"):
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
    """A buildable project: ours (macros and hooks) or the baseline (the same pages as Markdown)."""
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
        # Without the macros plugin and the hooks: plain MkDocs with mkdocs-material.
        start, end = config.index("  - macros:"), config.index("\nhooks:")
        config = config[:start] + config[end:]
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


def run_build(project: Path) -> dict:
    out = project / "site"
    result = subprocess.run([sys.executable, "-c", CHILD, str(project / "mkdocs.yml"), str(out)], capture_output=True, text=True, cwd=project)
    if result.returncode != 0:
        raise RuntimeError(f"bouw mislukt in {project}:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().split("\n")[-1])


def size_of(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def first_search_download(site: Path) -> dict:
    """What a reader's browser fetches on the first search: the index, the worker, lunr for Dutch."""
    files = [site / "search" / "search_index.json", *sorted((site / "assets" / "javascripts" / "workers").glob("search.*.min.js"))]
    files += [site / "assets" / "javascripts" / "lunr" / "min" / name for name in ("lunr.stemmer.support.min.js", "lunr.nl.min.js")]
    return {"bytes": sum(p.stat().st_size for p in files), "gzip": sum(gzip_size(p) for p in files)}


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


def measure(n: int, work: Path, with_baseline: bool = True) -> dict:
    content = work / f"inhoud-{n}"
    make_content(content, n)
    timings = []
    for _ in range(3):
        start = time.perf_counter()
        kennisbank, problems = check_content(content)
        timings.append(time.perf_counter() - start)
        assert kennisbank is not None, problems[:5]
    ours = make_project(work / f"ons-{n}", content, baseline=False)
    result: dict[str, Any] = {"n": n, "validatie_seconden": min(timings), "ons": run_build(ours)}
    site = ours / "site"
    result["ons"].update(
        site_mb=size_of(site) / 2**20,
        zoekindex_kb=(site / "search" / "search_index.json").stat().st_size / 1024,
        eerste_zoekopdracht=first_search_download(site),
        **page_sizes(site),
    )
    if with_baseline:
        base = make_project(work / f"basis-{n}", content, baseline=True)
        result["basis"] = run_build(base)
        result["basis"]["site_mb"] = size_of(base / "site") / 2**20
        result["basis"]["zoekindex_kb"] = (base / "site" / "search" / "search_index.json").stat().st_size / 1024
        result["basis"]["eerste_zoekopdracht"] = first_search_download(base / "site")
        result["verhouding"] = result["ons"]["seconden"] / result["basis"]["seconden"]
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

- *Wat het verschil met de basislijn is.* Onze bouw leest en controleert eerst alle inhoud, maakt
  de pagina's uit sjablonen, zuivert elke pagina met een HTML-sanitizer en schrijft de open data
  (JSON, CSV, schema's, feed), de filtergegevens en de grafieken. De basislijn krijgt dezelfde
  pagina's kant-en-klaar als Markdown. Bij kleine N weegt de vaste opstarttijd (inhoud laden,
  sjablonen, mkdocs-macros) het zwaarst; daarom ligt de verhouding bij N = 250 iets hoger.
- *Wat hielp.* Gegenereerde pagina's worden door de hook gemaakt in plaats van elk als
  Jinja-sjabloon te worden gecompileerd; front matter met `json.dumps`; relatieve links zonder
  bestandssysteem; teksten in YAML zonder de algemene constructor; sjablonen van het thema met
  `trim_blocks` (een pagina van ~26 naar ~23 KB).
- *Pagina's die niet groeien met N.* Lijsten (overzicht, waarden van kenmerken, praktijkvoorbeelden
  per risicokaart, leerlijn en advies) zijn pagina's van 100; itempagina's tonen de eerste 10
  verwante voorbeelden en linken naar de volledige lijst.
- *Zoeken.* De index van mkdocs-material gaat in zijn geheel naar de lezer bij de eerste
  zoekopdracht. Door lijsten, overzichtspagina's en tekst die van andere pagina's komt uit de
  index te houden, is die twee derde kleiner. Hij groeit nog steeds lineair (~3,3 KB per
  voorbeeld, ~0,9 KB gzip). De volgende stap is een zoekmachine die haar index in stukken laadt
  (bijvoorbeeld Pagefind, als Python-pakket beschikbaar en zonder verzoeken naar derden).
- *Redactielus.* `mkdocs serve` herbouwt bij elke wijziging de hele site; de tijd tot de
  herbouwde pagina is daarom ongeveer de bouwtijd bij die N.
"""


def exponent(results: list[dict], key: str = "ons") -> float | None:
    if len(results) < 2:
        return None
    first, last = results[0], results[-1]
    return math.log(last[key]["seconden"] / first[key]["seconden"]) / math.log(last["n"] / first["n"])


def markdown_report(results: list[dict], extra: str = "") -> str:
    lines = [
        "# Benchmarks",
        "",
        f"Gemeten op {date.today().isoformat()} met `python scripts/benchmark.py` op {platform.machine()}, "
        f"{platform.python_implementation()} {platform.python_version()}, {_cores()} cores; elke bouw in een eigen proces.",
        "Synthetische inhoud: N praktijkvoorbeelden van ~300 woorden, verdeeld over de taxonomie en over "
        f"{MUNICIPALITIES} gemeenten, met verwijzingen naar de echte risicokaarten, leerlijnen en adviezen.",
        "De basislijn bouwt dezelfde pagina's als gewone Markdown met mkdocs-material en dezelfde kleine navigatie, "
        "zonder macro's, hooks, exports en grafieken.",
        "",
        "| N | validatie (s) | bouw ons (s) | bouw basislijn (s) | ons / basis | piekgeheugen ons / basis (MB) | site (MB) | praktijkvoorbeeld (KB) | grootste lijstpagina (KB) |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        ours, base = r["ons"], r.get("basis", {})
        lines.append(
            f"| {r['n']} | {r['validatie_seconden']:.2f} | {ours['seconden']:.1f} | {base.get('seconden', float('nan')):.1f} | "
            f"{r.get('verhouding', float('nan')):.2f} | {ours['piekgeheugen_mb']:.0f} / {base.get('piekgeheugen_mb', float('nan')):.0f} | "
            f"{ours['site_mb']:.1f} | {ours['praktijkvoorbeeld_mediaan_kb']:.1f} | {ours['grootste_lijstpagina_kb']:.0f} ({ours['grootste_lijstpagina']}) |"
        )
    lines += [
        "",
        "Zoeken: wat een lezer downloadt bij de eerste zoekopdracht (de zoekindex, de zoekworker en lunr voor het",
        "Nederlands). *Voor* is de standaardindex van mkdocs-material (de basislijn: elke pagina, elk blok);",
        "*na* is onze index, zonder overzichtspagina's en zonder tekst die van andere pagina's komt.",
        "",
        "| N | zoekindex voor (KB) | zoekindex na (KB) | eerste zoekopdracht voor (KB, gzip) | eerste zoekopdracht na (KB, gzip) | per praktijkvoorbeeld na (KB) |",
        "|---|---|---|---|---|---|",
    ]
    for r in results:
        ours, base = r["ons"], r.get("basis", {})
        before = base.get("eerste_zoekopdracht", {"bytes": float("nan"), "gzip": float("nan")})
        lines.append(
            f"| {r['n']} | {base.get('zoekindex_kb', float('nan')):.0f} | {ours['zoekindex_kb']:.0f} | "
            f"{before['bytes'] / 1024:.0f} ({before['gzip'] / 1024:.0f}) | "
            f"{ours['eerste_zoekopdracht']['bytes'] / 1024:.0f} ({ours['eerste_zoekopdracht']['gzip'] / 1024:.0f}) | "
            f"{ours['zoekindex_kb'] / r['n']:.2f} |"
        )
    growth = exponent(results)
    base_growth = exponent(results, "basis") if all("basis" in r for r in results) else None
    lines += ["", f"Groei-exponent van de bouwtijd tussen N = {results[0]['n']} en N = {results[-1]['n']}: "
              f"ons {growth:.2f}" + (f", basislijn {base_growth:.2f}" if base_growth is not None else "") + " (1,0 is lineair)." if growth else ""]
    lines += ["", "## Doelen", "", "| doel | gemeten | gehaald |", "|---|---|---|"]
    largest = results[-1]
    checks = [
        ("bouwtijd hoogstens 1,2 × de basislijn bij elke N",
         ", ".join(f"{r['verhouding']:.2f}" for r in results if "verhouding" in r),
         all(r.get("verhouding", 0) <= 1.2 for r in results)),
        ("groei-exponent hoogstens 1,1", f"{growth:.2f}" if growth else "-", growth is not None and growth <= 1.1),
        ("valideren van 4.000 voorbeelden onder 3 s" if largest["n"] >= 4000 else f"valideren (N = {largest['n']}) onder 3 s",
         f"{largest['validatie_seconden']:.2f} s", largest["validatie_seconden"] < 3),
        ("praktijkvoorbeeld hoogstens 25 KB HTML", f"{max(r['ons']['praktijkvoorbeeld_mediaan_kb'] for r in results):.1f} KB",
         all(r["ons"]["praktijkvoorbeeld_mediaan_kb"] <= 25 for r in results)),
        ("lijstpagina's gepagineerd en onder 300 KB", f"{max(r['ons']['grootste_lijstpagina_kb'] for r in results):.0f} KB",
         all(r["ons"]["grootste_lijstpagina_kb"] < 300 for r in results)),
    ]
    lines += [f"| {name} | {value} | {'ja' if ok else 'nee'} |" for name, value, ok in checks]
    return "\n".join(lines) + "\n" + extra + EXPLANATION


def _cores() -> int:
    import os

    return os.cpu_count() or 1


def _serve_text(serve: list[float] | None, n: int | None) -> str:
    if not serve:
        return ""
    return (
        f"\nRedactielus: bij N = {n or 1000} duurt het van opslaan van één praktijkvoorbeeld tot de herbouwde pagina "
        f"in `mkdocs serve` {', '.join(f'{t:.1f}' for t in serve)} seconden (volledige herbouw per wijziging).\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Meet bouw- en leeskosten bij veel praktijkvoorbeelden.")
    parser.add_argument("--n", type=int, action="append", help="aantal praktijkvoorbeelden (herhaalbaar); standaard 250, 1000 en 4000")
    parser.add_argument("--json", type=Path, help="schrijf de ruwe meetresultaten ook als JSON")
    parser.add_argument("--geen-basislijn", action="store_true", help="bouw alleen onze site")
    parser.add_argument("--geen-markdown", action="store_true", help="schrijf BENCHMARKS.md niet")
    parser.add_argument("--uit-json", type=Path, help="maak BENCHMARKS.md opnieuw uit eerder opgeslagen resultaten (--json)")
    parser.add_argument("--serve", type=int, metavar="N", help="meet ook de tijd van opslaan tot herbouwde pagina met mkdocs serve bij N voorbeelden")
    args = parser.parse_args(argv)
    if args.uit_json:
        stored = json.loads(args.uit_json.read_text(encoding="utf-8"))
        results, serve = stored["resultaten"], stored["redactielus_seconden"]
        report = markdown_report(results, _serve_text(serve, stored.get("serve_n")))
        (ROOT / "BENCHMARKS.md").write_text(report, encoding="utf-8")
        sys.stdout.write(report)
        return 0
    results = []
    with tempfile.TemporaryDirectory(prefix="kennisbank-benchmark-") as folder:
        for n in args.n or SIZES:
            sys.stderr.write(f"N = {n} ...\n")
            results.append(measure(n, Path(folder), with_baseline=not args.geen_basislijn))
            sys.stderr.write(json.dumps(results[-1]) + "\n")
        serve = measure_editor_loop(args.serve, Path(folder)) if args.serve else None
    extra = _serve_text(serve, args.serve)
    if args.json:
        args.json.write_text(json.dumps({"resultaten": results, "redactielus_seconden": serve, "serve_n": args.serve}, indent=1) + "\n", encoding="utf-8")
    if not args.geen_markdown:
        (ROOT / "BENCHMARKS.md").write_text(markdown_report(results, extra), encoding="utf-8")
    sys.stdout.write(markdown_report(results, extra))
    return 0


if __name__ == "__main__":
    sys.exit(main())
