"""The benchmark reads seed_scale's summary and picks the seed size from BENCH_SCALE."""

import importlib

from tests.bench import run_bench


def test_parse_seed_output():
    text = "sites              30 in    12.0 s  (2/s)\narticles       20,000 in    61.5 s  (325/s)\ntotal  25,030 in 90.1 s  (278/s)\n"
    parsed = run_bench.parse_seed_output(text)
    assert parsed["articles"] == {"count": 20000, "seconds": 61.5, "per_s": 325}
    assert parsed["sites"]["count"] == 30
    assert parsed["total"]["seconds"] == 90.1


def test_bench_scale_env(monkeypatch):
    monkeypatch.delenv("BENCH_SEED_ARGS", raising=False)
    monkeypatch.setenv("BENCH_SCALE", "full")
    module = importlib.reload(run_bench)
    assert module.SEED_ARGS == [
        "--sites",
        "250",
        "--articles",
        "500000",
        "--legal",
        "50000",
        "--questions",
        "100000",
    ]
    monkeypatch.setenv("BENCH_SEED_ARGS", "--sites 2")
    assert importlib.reload(run_bench).SEED_ARGS == ["--sites", "2"]
    monkeypatch.delenv("BENCH_SEED_ARGS")
    monkeypatch.delenv("BENCH_SCALE")
    assert importlib.reload(run_bench).SEED_ARGS[:2] == ["--sites", "30"]


def test_parse_pages_output():
    text = (
        "cold renders (sqlite; …)\n"
        "home (portal)              median    38.6 ms   p95    39.3 ms   queries 19–19   (1 distinct)\n"
        "legal listing, 2 filters   median    28.4 ms   p95    32.6 ms   queries 18–19   (5 distinct)\n"
        "topic                      no item\n"
    )
    parsed = run_bench.parse_pages_output(text)
    assert parsed == {
        "home (portal)": {"median_ms": 38.6, "p95_ms": 39.3, "queries_min": 19, "queries_max": 19},
        "legal listing, 2 filters": {"median_ms": 28.4, "p95_ms": 32.6, "queries_min": 18, "queries_max": 19},
    }
