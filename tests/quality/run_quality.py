"""`make quality`: start congtt on a loopback port and run the quality gates over every public page type.

    .venv/bin/python -m tests.quality.run_quality                 # every gate
    .venv/bin/python -m tests.quality.run_quality --only axe,vnu  # some gates
    .venv/bin/python -m tests.quality.run_quality --sample        # heavy scans on a sample (CI)

Gates: axe (axe-core, WCAG 2.1 AA), lighthouse, vnu (Nu HTML Checker), api (schemathesis),
sqlmap, wapiti. What is checked is listed in tests/quality/pages.py. Exit status 1 on any finding.
"""

import argparse
import re
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

from . import gates
from .pages import API_SCANS, PAGE_TYPES, PORTAL, Target, edition_path, targets
from .server import Server, http_get

GATES = ("axe", "lighthouse", "vnu", "api", "sqlmap", "wapiti")
HREF = re.compile(r'<a\s[^>]*href="([^"#]+)"')


def local_paths(body: str, host: str, pattern: re.Pattern = HREF) -> list[str]:
    """Paths of the links (``pattern``'s group 1) of a page that stay on ``host``, without a query."""
    paths = []
    for href in pattern.findall(body):
        parts = urlsplit(href.replace("&amp;", "&"))
        if parts.query or (parts.netloc and parts.hostname != host):
            continue
        paths.append(parts.path)
    return paths


def log(message: str) -> None:
    print(message, flush=True)


def discover(server, sample: bool) -> list[Target]:
    """The listed page types on every site and edition, detail pages (``follow``), then the sitemap."""
    found = targets()
    for pt in PAGE_TYPES:
        if not pt.follow:
            continue
        for host in pt.sites:
            for edition in pt.editions:
                listing, prefix = pt.follow if isinstance(pt.follow, tuple) else (pt.follow, pt.follow)
                listing, prefix = edition_path(edition, listing), edition_path(edition, prefix)
                _, body, _ = http_get(server.base + listing, host=host)
                links = [
                    h
                    for h in local_paths(body, host, re.compile(pt.link) if pt.link else HREF)
                    if h.startswith(prefix) and h not in (listing, prefix)
                ]
                if links:
                    found.append(Target(pt.name, host, edition, links[0] + pt.suffix, pt.status))
                else:
                    log(f"   ! {pt.name}: no link under {listing} on {host}")
    # The sitemap of each site may list pages no page type names (other sections, other editions).
    known = {(t.host, t.path.split("?")[0]) for t in found}
    for host in {t.host for t in found}:
        status, body, _ = http_get(server.base + "/sitemap.xml", host=host)
        if status != 200:
            continue
        locs = [el.text or "" for el in ET.fromstring(body).iter() if el.tag.endswith("loc")]  # noqa: S314
        extra = []
        for loc in locs:
            path = urlsplit(loc).path
            if (host, path) not in known:
                known.add((host, path))
                edition = path.split("/")[1] if path.split("/")[1] in ("en", "zh") else "vi"
                extra.append(Target("sitemap", host, edition, path))
        found += extra[:10] if sample else extra
    return found


def lighthouse_urls(server, found: list[Target]) -> list[tuple[str, str]]:
    """One URL per page type that names a ``lighthouse`` path: portal, Vietnamese edition."""
    urls = []
    for pt in PAGE_TYPES:
        if not pt.lighthouse:
            continue
        if pt.lighthouse == "@follow":
            match = [t for t in found if t.page_type == pt.name and t.host == PORTAL and t.edition == "vi"]
            if match:
                urls.append((pt.name, server.url(PORTAL, match[0].path)))
        else:
            urls.append((pt.name, server.url(PORTAL, edition_path("vi", pt.lighthouse))))
    return urls


def scan_targets(sample: bool) -> list[tuple[str, str]]:
    """(host, path) pairs with query parameters for sqlmap/wapiti: Vietnamese edition, portal
    (+ the component site when not sampling), plus the API list endpoints."""
    found = []
    for pt in PAGE_TYPES:
        for path in pt.scan:
            for host in pt.sites[:1] if sample else pt.sites:
                found.append((host, edition_path("vi", path)))
    found += [(PORTAL, path) for path in API_SCANS]
    return found


def summary(results: list[gates.Result], total: float) -> None:
    log("\n" + "=" * 100)
    log(f"{'Gate':<28} {'Result':<8} {'Checked':>8} {'Problems':>9} {'Time':>8}")
    log("-" * 100)
    for r in results:
        state = "SKIP" if r.skipped else ("PASS" if r.ok else "FAIL")
        log(f"{r.gate:<28} {state:<8} {r.checked:>8} {len(r.problems):>9} {r.seconds:>7.0f}s")
    log("-" * 100)
    log(f"{'total':<28} {'PASS' if all(r.ok for r in results) else 'FAIL':<8} {'':>8} {'':>9} {total:>7.0f}s")
    for r in results:
        if r.notes:
            log(f"\n-- {r.gate}")
            for n in r.notes:
                log(f"   {n}")
        if r.problems:
            log(f"\n!! {r.gate}: {len(r.problems)} problem(s)")
            for p in r.problems[:60]:
                log(f"   - {p}")
            if len(r.problems) > 60:
                log(f"   … and {len(r.problems) - 60} more")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--only", default=",".join(GATES), help=f"comma-separated gates among {GATES}")
    parser.add_argument("--sample", action="store_true", help="heavy scans (sqlmap, wapiti) on a sample")
    parser.add_argument("--preset", choices=("mobile", "desktop"), default="mobile", help="Lighthouse preset")
    parser.add_argument("--out", default="", help="directory for reports (default: a temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary VAR_DIR")
    parser.add_argument("--var-dir", default="", help="reuse a VAR_DIR kept by --keep (no migrate/load_demo)")
    parser.add_argument("--wapiti-time", type=int, default=90, help="--max-scan-time of each wapiti run")
    args = parser.parse_args(argv)
    selected = [g.strip() for g in args.only.split(",") if g.strip()]
    unknown = set(selected) - set(GATES)
    if unknown:
        parser.error(f"unknown gate(s): {', '.join(sorted(unknown))}")

    started = time.monotonic()
    out_dir = Path(args.out or tempfile.mkdtemp(prefix="congtt-quality-reports-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    if {"axe", "lighthouse", "vnu"} & set(selected):
        gates.ensure_node_modules(log)
    if {"sqlmap", "wapiti"} & set(selected):
        gates.ensure_apt([g for g in ("sqlmap", "wapiti") if g in selected], log)

    results = []
    with Server(log=log, keep=args.keep, var_dir=args.var_dir) as server:
        found = discover(server, args.sample)
        log(f"== {len(found)} pages: " + ", ".join(sorted({t.page_type for t in found})))
        for gate in selected:
            log(f"== {gate}")
            t0 = time.monotonic()
            try:
                if gate == "axe":
                    result = gates.run_axe(server, found, log=log)
                elif gate == "lighthouse":
                    skips = {pt.name: pt.lighthouse_skip for pt in PAGE_TYPES if pt.lighthouse_skip}
                    urls = lighthouse_urls(server, found)
                    result = gates.run_lighthouse(server, urls, out_dir, args.preset, log, skips=skips)
                elif gate == "vnu":
                    result = gates.run_vnu(server, found, out_dir, log=log)
                elif gate == "api":
                    result = gates.run_schemathesis(
                        server, out_dir, max_examples=20 if args.sample else 50, log=log
                    )
                elif gate == "sqlmap":
                    result = gates.run_sqlmap(server, scan_targets(args.sample), out_dir, log=log)
                else:
                    result = gates.run_wapiti(
                        server, scan_targets(args.sample), out_dir, args.wapiti_time, log=log
                    )
            except Exception as exc:  # a tool that crashes is a failed gate, the others still run
                result = gates.Result(gate)
                result.fail(f"{gate} could not run: {exc.__class__.__name__}: {exc}")
            result.seconds = time.monotonic() - t0
            log(
                f"   {'PASS' if result.ok else 'FAIL'}: {result.checked} checked, {len(result.problems)} problem(s)"
            )
            results.append(result)
    summary(results, time.monotonic() - started)
    log(f"\nReports: {out_dir}")
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
