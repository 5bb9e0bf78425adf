"""The benchmark script works (a small run; timings are recorded in BENCHMARKS.md, not asserted).

The run opens a case page in Chromium and searches once, as the full benchmark does.
"""

from __future__ import annotations

import json
import subprocess
import sys

from .conftest import ROOT

PAGEFIND_COMPRESSED = (".pagefind", ".pf_meta", ".pf_index", ".pf_fragment", ".pf_filter")


def test_benchmark_smoke_run(tmp_path):
    output = tmp_path / "benchmark.json"
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "benchmark.py"), "--n", "100", "--geen-markdown", "--json", str(output)],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    (run,) = json.loads(output.read_text(encoding="utf-8"))["resultaten"]
    assert run["n"] == 100
    ours = run["ons"]
    for key in ("seconden", "zoekindex_seconden", "piekgeheugen_mb", "site_mb", "zoekbundel_kb", "zoekwoorden_kb",
                "praktijkvoorbeeld_mediaan_kb", "grootste_lijstpagina_kb"):
        assert ours[key] > 0, key
    assert ours["zoekindex_wachten"] >= 0  # the index ran beside the build; the wait may be nothing

    # Both baselines ran: "kaal" (issue #12) and "basis", each with mkdocs-material's lunr index.
    for baseline, ratio in (("kaal", "verhouding_kaal"), ("basis", "verhouding")):
        assert run[baseline]["seconden"] > 0 and run[ratio] > 0, baseline
        assert 0 < run[baseline]["eerste_zoekopdracht"]["gzip"] < run[baseline]["eerste_zoekopdracht"]["bytes"], baseline

    # The search in the browser found something and fetched Pagefind's files.
    browser = run["browser"]
    assert browser["zoekvraag"] and browser["resultaten_getoond"] > 0, browser["status"]
    assert browser["niet_gevonden"] == []
    search, page, both = browser["eerste_zoekopdracht"], browser["pagina"], browser["pagina_plus_zoeken"]
    assert search["gzip"] > 0 and page["gzip"] > 0
    assert both["gzip"] == search["gzip"] + page["gzip"]
    fetched = {entry["soort"] for entry in browser["bestanden"]["zoeken"]}
    assert {"pagefind.js", "wasm", "meta", "index", "fragment", "zoekwoorden"} <= fetched, fetched
    assert all(not entry["bestand"].startswith("pagefind/") for entry in browser["bestanden"]["pagina"])
    for entry in browser["bestanden"]["zoeken"]:
        if entry["bestand"].endswith(PAGEFIND_COMPRESSED):
            assert entry["gzip"] == entry["bytes"], entry  # already compressed: counted as is
        else:
            assert 0 < entry["gzip"] <= entry["bytes"], entry
    assert "| 100 |" in result.stdout
