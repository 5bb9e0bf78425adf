"""The benchmark script works (a small run; timings are recorded in BENCHMARKS.md, not asserted)."""

from __future__ import annotations

import json
import subprocess
import sys

from .conftest import ROOT


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
    for key in ("seconden", "piekgeheugen_mb", "site_mb", "zoekindex_kb", "praktijkvoorbeeld_mediaan_kb", "grootste_lijstpagina_kb"):
        assert ours[key] > 0, key
    assert run["basis"]["seconden"] > 0 and run["verhouding"] > 0
    assert ours["eerste_zoekopdracht"]["gzip"] < ours["eerste_zoekopdracht"]["bytes"]
    assert "| 100 |" in result.stdout
