"""The benchmark's parsing of wrk output and link discovery (no server needed)."""

import subprocess

from tests.bench import run_bench

WRK_OUTPUT = """Running 10s test @ http://127.0.0.1:8000/
  2 threads and 32 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    16.10ms   20.01ms 376.30ms   97.00%
    Req/Sec   800.12    100.00     1.00k    70.00%
  Latency Distribution
     50%   15.29ms
     75%   17.00ms
     90%   20.00ms
     99%  376.30ms
  15898 requests in 10.00s, 90.00MB read
  Socket errors: connect 0, read 3, write 0, timeout 12
  Non-2xx or 3xx responses: 5
Requests/sec:   1589.80
Transfer/sec:      9.00MB
"""


def test_wrk_output_is_parsed(monkeypatch):
    monkeypatch.setattr(
        subprocess, "run", lambda *a, **k: subprocess.CompletedProcess(a, 0, stdout=WRK_OUTPUT, stderr="")
    )
    r = run_bench.wrk(8000, "langson.localhost", "/")
    assert r["requests_per_s"] == 1589.8
    assert r["p50_ms"] == 15.29
    assert r["p99_ms"] == 376.3
    assert r["requests"] == 15898
    assert r["errors"] == 5 + 3 + 12


def test_units_are_converted_to_milliseconds():
    assert run_bench._ms("680.00us") == 0.68
    assert run_bench._ms("1.96s") == 1960.0


def test_first_link_in_a_list_is_found():
    parser = run_bench.FirstLinkIn("item-list")
    parser.feed(
        '<nav><a href="/x/">x</a></nav><ul class="item-list"><li><a href="/tin-tuc/bai-1/">Bài 1</a></li></ul>'
    )
    assert parser.href == "/tin-tuc/bai-1/"
    empty = run_bench.FirstLinkIn("item-list")
    empty.feed('<p class="empty">Chuyên mục chưa có bài viết.</p>')
    assert empty.href is None


def test_scale_presets_and_overrides():
    assert run_bench.seed_args({"BENCH_SCALE": "tiny"}) == [
        "--sites",
        "5",
        "--articles",
        "2000",
        "--legal",
        "200",
        "--questions",
        "500",
    ]
    assert run_bench.seed_args({}) == run_bench.SCALES["small"].split()
    assert run_bench.seed_args({"BENCH_SCALE": "tiny", "BENCH_SEED_ARGS": "--sites 2"}) == ["--sites", "2"]


def test_unknown_scale_is_refused():
    import pytest

    with pytest.raises(SystemExit, match="tiny"):
        run_bench.seed_args({"BENCH_SCALE": "huge"})


def test_ceiling_app_answers_the_saved_bytes(tmp_path):
    page = tmp_path / "page.html"
    page.write_bytes("<p>Cổng thông tin</p>".encode())
    namespace = {}
    exec(run_bench.ceiling_app(page), namespace)  # noqa: S102 (our own template)
    sent = {}
    body = namespace["application"](
        {}, lambda status, headers: sent.update(status=status, headers=dict(headers))
    )
    assert sent["status"] == "200 OK"
    assert b"".join(body) == page.read_bytes()
    assert sent["headers"]["Content-Length"] == str(len(page.read_bytes()))


def test_http_reads_headers_whatever_their_case():
    """uvicorn sends header names in lower case: the warm-up check ("X-Cache") and the POST's CSRF
    cookie ("Set-Cookie") must still be found (a dict of them read None: every check failed)."""
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            self.send_response(200)
            self.send_header("x-cache", "HIT")
            self.send_header("set-cookie", "csrftoken=abc; Path=/")
            self.send_header("content-length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        status, headers, body = run_bench.http(server.server_port, "langson.localhost", "/")
    finally:
        server.shutdown()
    assert (status, body) == (200, b"ok")
    assert headers.get("X-Cache") == "HIT"
    assert headers.get("Set-Cookie", "").split(";")[0] == "csrftoken=abc"
