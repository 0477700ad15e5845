#!/usr/bin/env python3
"""Writes the benchmark report from wrk's result lines.

  report.py RESULTS.jsonl DATA_DIR OUT.md   stores this run's series in DATA_DIR (one file per
                                            series, replacing that series' previous figures), then
                                            writes OUT.md from every series in DATA_DIR, with one
                                            PNG per series (gnuplot) in <OUT dir>/benchmarks/
  report.py --render DATA_DIR OUT.md        writes OUT.md again from DATA_DIR (no new results)
  report.py --check RESULTS.jsonl SERIES    the smoke's verdict: every series gave results, no 5xx,
                                            no connection errors

Only the Python standard library and gnuplot are used.
"""
import collections
import json
import os
import statistics
import subprocess
import sys
import tempfile

SERIES = ["pairs", "search", "latency", "redis", "race", "scenario", "soak", "capacity"]


def load(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


# ---- numbers -------------------------------------------------------------------------------------

def statuses(r):
    return {int(k): v for k, v in r.get("statuses", {}).items()}


def count(r, test):
    return sum(n for s, n in statuses(r).items() if test(s))


def ok(r):
    return count(r, lambda s: 200 <= s < 300)


def socket_errors(r):
    e = r.get("errors", {})
    return sum(e.get(k, 0) for k in ("connect", "read", "write", "timeout"))


def good(r):
    """Answers per second that were 2xx: an error answered fast must not count as throughput."""
    return ok(r) / r["seconds"] if r.get("seconds") else 0.0


def rps(r):
    return f"{good(r):,.0f}" if good(r) >= 10 else f"{good(r):.1f}"


def ms(value):
    return f"{value:,.1f}" if value >= 10 else f"{value:.2f}"


def ratio(a, b):
    return f"{a / b:.2f}" if b else "n/a"


def status_text(r):
    """Every status with its count; anything not 2xx in bold, and wrk's socket errors after them."""
    parts = []
    for s, n in sorted(statuses(r).items()):
        parts.append(f"{s}×{n:,}" if 200 <= s < 300 else f"**{s}×{n:,}**")
    e = r.get("errors", {})
    for k in ("connect", "read", "write", "timeout"):
        if e.get(k):
            parts.append(f"**{k} errors×{e[k]:,}**")
    if r.get("exhausted"):
        parts.append(f"({r['exhausted']:,} reads after the prepared ids ran out)")
    return ", ".join(parts) or "none"


def verdict(good):
    return "yes" if good else "**no**"


# ---- plots ---------------------------------------------------------------------------------------

class Plots:
    """Each plot: a data file and a gnuplot script, rendered to a small PNG."""

    def __init__(self, directory):
        self.directory = directory
        os.makedirs(directory, exist_ok=True)
        self.work = tempfile.mkdtemp(prefix="bench-plots-")

    def render(self, name, data, script):
        data_file = os.path.join(self.work, f"{name}.dat")
        with open(data_file, "w") as f:
            f.write(data)
        png = os.path.join(self.directory, f"{name}.png")
        preamble = (f"set terminal pngcairo size 960,440 font 'sans,10'\nset output '{png}'\n"
                    f"set datafile separator '\\t'\nset key top left\nset grid ytics\n"
                    f"set style fill solid 0.85 border -1\nDATA='{data_file}'\n")
        subprocess.run(["gnuplot"], input=preamble + script, text=True, check=True)
        return f"benchmarks/{name}.png"


def bars(title, ylabel, columns, log=False):
    """A clustered bar chart of DATA: first column the cluster label, then one column per bar."""
    using = ", ".join(
        f"DATA using {i + 2}:xtic(1) title '{c}'" if i == 0 else f"'' using {i + 2} title '{c}'"
        for i, c in enumerate(columns))
    return (f"set title '{title}'\nset ylabel '{ylabel}'\nset style data histograms\n"
            f"set style histogram clustered gap 1\nset boxwidth 0.9\nset yrange [{'1' if log else '0'}:*]\n"
            f"{'set logscale y' if log else ''}\nset xtics noenhanced\nplot {using}\n")


def table(rows):
    return "\n".join("\t".join(str(c) for c in row) for row in rows) + "\n"


# ---- sections --------------------------------------------------------------------------------------

def measured(env):
    return f"Measured {env['started'][:16].replace('T', ' ')} with `{env['command']}` (load average at the start {env['load']})."


def commands(results, concurrent=False):
    """The commands as run, and what wrk itself cost: its CPU time over the wall time of the runs."""
    lines = sorted({r["command"] for r in results if "command" in r})
    timed = [r for r in results if "wrk_cpu_s" in r]
    cost = ""
    if timed:
        cpu = sum(r["wrk_cpu_s"] for r in timed)
        wall = (sum(r["seconds"] for r in timed) if not concurrent
                else sum(max(r["seconds"] for r in timed if r.get("segment") == s) for s in {r.get("segment") for r in timed}))
        cost = (f"The load generator's own cost: wrk used {cpu:.1f} s of CPU over {wall:.0f} s, "
                f"**{100 * cpu / wall:.0f} % of one core** on average.\n\n")
    return (cost + "<details><summary>the exact commands</summary>\n\n```\n" + "\n".join(lines) +
            "\n```\n</details>\n")


def section_pairs(rs, env, plots, targets):
    rounds = max(r.get("round", 1) for r in rs)
    out = ["## 1. Gateway vs straight to the service\n",
           "The same request sent straight to the service and through a bench gateway with **rate limits off** "
           "(so the pair differs only by the gateway's own work: routing, token check, filters, one more hop), "
           f"back to back, closed loop (each connection sends its next request when the answer is in), "
           f"{rs[0]['seconds']:.0f} s each. Throughput counts 2xx answers only; ratio = gateway ÷ direct. "
           + (f"At the connections with a target the pair runs in {rounds} rounds, the side going first taking "
              "turns; the ratio is the median of the rounds' (each round's in brackets), throughput and statuses "
              "add the rounds up, percentiles are the median of the rounds'. " if rounds > 1 else "")
           + measured(env) + "\n",
           "| endpoint | connections | direct 2xx/s | gateway 2xx/s | **ratio** | direct p50 / p99 ms | gateway p50 / p99 ms | direct statuses | gateway statuses |",
           "| --- | --: | --: | --: | --: | --: | --: | --- | --- |"]
    pairs = collections.OrderedDict()
    for r in rs:
        pairs.setdefault((r["endpoint"], r["connections"]), {}).setdefault(r.get("round", 1), {})[r["side"]] = r
    rows = []
    for (endpoint, c), by_round in pairs.items():
        complete = [p for _, p in sorted(by_round.items()) if "direct" in p and "gateway" in p]
        if not complete:
            continue
        d = merged_rounds([p["direct"] for p in complete])
        g = merged_rounds([p["gateway"] for p in complete])
        each = [good(p["gateway"]) / good(p["direct"]) if good(p["direct"]) else 0.0 for p in complete]
        median = statistics.median(each)
        shown = f"{median:.2f}" + (f" ({', '.join(f'{x:.2f}' for x in each)})" if len(each) > 1 else "")
        out.append(f"| {endpoint} | {c} | {rps(d)} | {rps(g)} | **{shown}** | {ms(d['p50'])} / {ms(d['p99'])} | "
                   f"{ms(g['p50'])} / {ms(g['p99'])} | {status_text(d)} | {status_text(g)} |")
        rows.append([f"{endpoint.split()[0]} {'search' if 'search' in endpoint else ''} {c}".replace("  ", " "), good(d), good(g)])
        if c == 64:
            rounds_note = f", median of {len(each)} rounds" if len(each) > 1 else ""
            targets.append((f"gateway throughput ≥ 0.6 × direct at 64 connections: {endpoint}",
                            f"{median:.2f}{rounds_note} ({count(g, lambda s: s >= 500):,} × 5xx via gateway)",
                            verdict(median >= 0.6 and count(g, lambda s: s >= 500) == 0)))
    out.append("")
    script = "set xtics rotate by -25\n" + bars("2xx answers per second: direct vs through the gateway (limits off), by connections",
                                                "2xx/s", ["direct", "via gateway"])
    out.append(f"![gateway vs direct]({plots.render('pairs', table(rows), script)})\n")
    out.append(commands(rs))
    return out


def section_search(rs, env, plots, targets):
    out = ["## 2. Public search: through the gateway vs straight to Elasticsearch\n",
           "The public search through the bench gateway with **rate limits on** (anonymous callers spread over "
           "131,072 client addresses in `X-Forwarded-For`, as behind an ingress) against the same query body sent "
           "straight to Elasticsearch (built as `ListingSearch` builds it: phrase matches, filters, relevance sort, "
           "highlighting and the six facet aggregations). **Cached**: 水泥 repeated, so a cache answers (the publicity "
           "service's Redis cache; a gateway that keeps public answers in memory answers itself). **Uncached**: a word from the demo data's names (水泥, 新材料, 化工, 宁夏, 银川, "
           "石嘴山, …) with a random page, size, type, level and year, the same generator on both sides, so the "
           f"cache almost never answers twice. {rs[0]['seconds']:.0f} s each, closed loop. Throughput counts 2xx "
           "answers only; ratio = gateway ÷ Elasticsearch. "
           + measured(env) + "\n",
           "| query | connections | gateway 2xx/s | Elasticsearch 2xx/s | **ratio** | gateway p50 / p99 ms | Elasticsearch p50 / p99 ms | gateway statuses | Elasticsearch statuses |",
           "| --- | --: | --: | --: | --: | --: | --: | --- | --- |"]
    cpu = {(r["mode"], r["connections"], r["side"]): r for r in rs if r.get("kind") == "cpu"}
    rs = [r for r in rs if r.get("kind") != "cpu"]
    pairs = collections.OrderedDict()
    for r in rs:
        pairs.setdefault((r["mode"], r["connections"]), {})[r["side"]] = r
    rows = []
    for (mode, c), p in pairs.items():
        g, e = p.get("gateway"), p.get("elasticsearch")
        if not g or not e:
            continue
        x = ratio(good(g), good(e))
        out.append(f"| {mode} | {c} | {rps(g)} | {rps(e)} | **{x}** | {ms(g['p50'])} / {ms(g['p99'])} | "
                   f"{ms(e['p50'])} / {ms(e['p99'])} | {status_text(g)} | {status_text(e)} |")
        rows.append([f"{mode}, {c}", good(g), good(e)])
        if c == max(cc for (m, cc) in pairs if m == mode):
            want = 2.0 if mode == "cached" else 0.6
            targets.append((f"{mode} public search via gateway ≥ {want} × Elasticsearch ({c} connections)", x,
                            verdict(good(g) >= want * good(e) and count(g, lambda s: s >= 500) == 0)))
    out.append("")
    out.append(f"![search vs Elasticsearch]({plots.render('search', table(rows), bars('public search, 2xx answers per second: gateway (limits on) vs Elasticsearch', '2xx/s', ['via gateway', 'Elasticsearch']))})\n")
    if cpu:
        out += search_cpu(pairs, cpu)
    out.append(commands(rs))
    return out


SEARCH_PROCESSES = ["bench-gateway", "publicity", "elasticsearch", "redis"]


def search_cpu(pairs, cpu):
    """What one search costs each process it passes through, from their CPU time during each run."""
    out = ["**What one search costs each process**, in milliseconds of CPU per 2xx answer, from the CPU time "
           "(`/proc/<pid>/stat`) each process used during the run above (anything else they did meanwhile "
           "included, which is little: the portal is otherwise idle). The four share the machine's 2 cores, so the "
           "ratio of a pair follows the CPU a search costs on each side.\n",
           "| query | connections | path | gateway | publicity | Elasticsearch | Redis | all four |",
           "| --- | --: | --- | --: | --: | --: | --: | --: |"]
    budget = None
    for (mode, c), p in pairs.items():
        per = {}
        for side in ("gateway", "elasticsearch"):
            r, c_line = p.get(side), cpu.get((mode, c, side))
            if not r or not c_line or not ok(r):
                continue
            per[side] = {name: 1000 * (c_line["after"].get(name, 0) - c_line["before"].get(name, 0)) / c_line["hz"] / ok(r)
                         for name in SEARCH_PROCESSES}
        for side, label in (("gateway", "via gateway"), ("elasticsearch", "Elasticsearch alone")):
            if side in per:
                v = per[side]
                out.append(f"| {mode} | {c} | {label} | " + " | ".join(f"{v[n]:.2f}" for n in SEARCH_PROCESSES)
                           + f" | {sum(v.values()):.2f} |")
        if mode == "varied" and len(per) == 2:
            budget = (c, per)
    out.append("")
    if budget:
        c, per = budget
        alone = sum(per["elasticsearch"].values())
        allowed = alone / 0.6
        es = per["elasticsearch"]["elasticsearch"]
        portal = sum(v for n, v in per["gateway"].items() if n != "elasticsearch")
        out.append(f"For varied searches at {c} connections to reach 0.6 × Elasticsearch on this machine, a search "
                   f"through the portal could cost the four processes at most {alone:.2f} ÷ 0.6 = **{allowed:.2f} ms** of "
                   f"CPU. Even if Elasticsearch answered publicity as cheaply as it answers wrk ({es:.2f} ms), that "
                   f"leaves the gateway, publicity and Redis **{max(0.0, allowed - es):.2f} ms** together; they took "
                   f"**{portal:.2f} ms**. Where each has cores of its own (Kubernetes), the portal's processes scale "
                   "out and Elasticsearch's CPU is the limit (k8s/README.md).\n")
    return out


def merged_rounds(runs):
    """Runs of one side over several rounds as one: counts added up, percentiles the median of the rounds'."""
    merged = dict(runs[0])
    merged["seconds"] = sum(r["seconds"] for r in runs)
    merged["requests"] = sum(r["requests"] for r in runs)
    merged["statuses"] = {}
    for r in runs:
        for s, n in r.get("statuses", {}).items():
            merged["statuses"][s] = merged["statuses"].get(s, 0) + n
    merged["errors"] = {k: sum(r.get("errors", {}).get(k, 0) for r in runs) for k in ("connect", "read", "write", "timeout")}
    for p in ("p50", "p99"):
        merged[p] = statistics.median(r[p] for r in runs)
    return merged


def section_latency(rs, env, plots, targets):
    rounds = max(r.get("round", 1) for r in rs)
    out = ["## 3. Added latency at a steady rate below saturation\n",
           "Ten connections, each waiting 100 ms between its requests (wrk's Lua `delay()`), about 100 req/s in all: "
           "straight to the service, through the bench gateway with rate limits on "
           "(one Redis call per request; a caller with more than half its bucket left does not wait for it) and with them off. "
           f"The three take turns in {rounds} round{'s' if rounds != 1 else ''} of {rs[0]['seconds']:.0f} s, so a drift of the shared machine's load "
           "falls on all three alike. p50 and p99 are the medians of the rounds'; **added** is the median over the rounds "
           "of gateway − direct of the same round (each round's figure in brackets). Registry listings use eight bench "
           "enterprise users (each under its 20/s budget). " + measured(env) + "\n",
           "| endpoint | path | 2xx/s | p50 ms | p99 ms | **added p50 ms** | **added p99 ms** | statuses |",
           "| --- | --- | --: | --: | --: | --: | --: | --- |"]
    by = collections.OrderedDict()
    for r in rs:
        by.setdefault(r["endpoint"], {}).setdefault(r["side"], {})[r.get("round", 1)] = r
    rows = []
    for endpoint, sides in by.items():
        direct = sides.get("direct")
        if not direct:
            continue
        added = {}
        for side, runs in sides.items():
            if side == "direct":
                continue
            paired = [n for n in sorted(runs) if n in direct]
            if paired:
                added[side] = {p: [runs[n][p] - direct[n][p] for n in paired] for p in ("p50", "p99")}
        merged = {side: merged_rounds([runs[n] for n in sorted(runs)]) for side, runs in sides.items()}
        d = merged["direct"]
        for side in ("direct", "gateway", "gateway-limits-off"):
            r = merged.get(side)
            if not r:
                continue
            name = {"direct": "direct", "gateway": "gateway, limits on", "gateway-limits-off": "gateway, limits off"}[side]
            cells = ("", "") if side not in added else tuple(
                f"**{statistics.median(added[side][p]):+.2f}** ({', '.join(f'{v:+.2f}' for v in added[side][p])})"
                for p in ("p50", "p99"))
            out.append(f"| {endpoint} | {name} | {rps(r)} | {ms(r['p50'])} | {ms(r['p99'])} | {cells[0]} | {cells[1]} | {status_text(r)} |")
        g, f = merged.get("gateway"), merged.get("gateway-limits-off")
        rows.append([f"{endpoint.split(' (')[0]} p50", d["p50"], g["p50"] if g else 0, f["p50"] if f else 0])
        rows.append([f"{endpoint.split(' (')[0]} p99", d["p99"], g["p99"] if g else 0, f["p99"] if f else 0])
        if "gateway" in added:
            for p in ("p50", "p99"):
                value = statistics.median(added["gateway"][p])
                targets.append((f"gateway added {p} < 2 ms at ~100 req/s (limits on): {endpoint}", f"{value:+.2f} ms",
                                verdict(value < 2)))
    out.append("")
    out.append(f"![added latency]({plots.render('latency', table(rows), bars('latency at ~100 req/s (ms), medians of the rounds', 'ms', ['direct', 'gateway, limits on', 'gateway, limits off']))})\n")
    out.append(commands(rs))
    return out


def section_redis(rs, env, plots, targets):
    phases = {r["phase"]: r for r in rs}
    before = phases.get("before")
    out = ["## 4. Redis hangs for 15 seconds\n",
           "Public search (水泥, cached) through the bench gateway with rate limits on, 16 connections, client "
           "addresses from the pool. `redis-cli CLIENT PAUSE 15000 ALL` makes Redis accept commands and answer "
           "nothing for 15 s (the rate limiter, the gateway's sessions and the publicity cache all use it). "
           "Ratios are to the figure before the hang. A burst from one address (4 connections, 1 client address) "
           "before and after the hang shows whether rate limiting works: it must get 429s. " + measured(env) + "\n",
           "| phase | 2xx/s | p50 ms | p99 ms | **p50 ÷ before** | **p99 ÷ before** | statuses |",
           "| --- | --: | --: | --: | --: | --: | --- |"]
    rows = []
    for name, r in phases.items():
        if name.startswith("burst"):
            continue
        out.append(f"| {name} | {rps(r)} | {ms(r['p50'])} | {ms(r['p99'])} | **{ratio(r['p50'], before['p50'])}** | "
                   f"**{ratio(r['p99'], before['p99'])}** | {status_text(r)} |")
        rows.append([name, r["p50"], r["p99"]])
    out.append("")
    for name in ("burst before", "burst after"):
        r = phases.get(name)
        if r:
            out.append(f"- {name} the hang, one address: {r['requests']:,} requests, "
                       f"**{count(r, lambda s: s == 429):,} × 429** ({status_text(r)}).")
    during = next((r for n, r in phases.items() if n.startswith("hang, seconds")), None)
    after_burst = phases.get("burst after")
    if during and before:
        targets.append(("Redis hang: search p50 within 20 ms of normal after the first second",
                        f"{ms(before['p50'])} → {ms(during['p50'])} ms", verdict(during["p50"] - before["p50"] <= 20)))
    if after_burst:
        targets.append(("Redis hang: rate limiting works again afterwards (429s to a burst)",
                        f"{count(after_burst, lambda s: s == 429):,} × 429", verdict(count(after_burst, lambda s: s == 429) > 0)))
    out.append("")
    out.append(f"![redis hang]({plots.render('redis', table(rows), bars('public search latency around a 15 s Redis hang (ms, log scale)', 'ms', ['p50', 'p99'], log=True))})\n")
    out.append(commands(rs))
    return out


def section_race(rs, env, plots, targets):
    r = rs[0]
    codes = {int(k): v for k, v in r["statuses"].items()}
    fivexx = sum(v for k, v in codes.items() if k >= 500)
    other = sum(v for k, v in codes.items() if k not in (200, 409) and k < 500)
    out = ["## 5. Concurrent subsidy approvals on one budget\n",
           f"A retrofit program whose budget affords {r['affordable']} approvals of 100,000.00, {r['approvals']} "
           f"submitted applications, and {r['approvals']} approvals sent at the same moment (threads released "
           "by one barrier) through the bench gateway (limits on) by one provincial reviewer. " + measured(env) + "\n",
           "| sent | affordable | 200 | 409 | 5xx | other | committed / budget |",
           "| --: | --: | --: | --: | --: | --: | --- |",
           f"| {r['approvals']} | {r['affordable']} | {codes.get(200, 0)} | {codes.get(409, 0)} | **{fivexx}** | {other} "
           f"| {r['committed']} / {r['budget']} |", ""]
    targets.append((f"{r['approvals']} concurrent approvals: exactly the affordable approved, the rest 409, no 5xx",
                    f"{codes.get(200, 0)} × 200, {codes.get(409, 0)} × 409, {fivexx} × 5xx",
                    verdict(codes.get(200, 0) == r["affordable"] and codes.get(409, 0) == r["approvals"] - r["affordable"])))
    rows = [[str(k), v] for k, v in sorted(codes.items())]
    out.append(f"![approvals]({plots.render('race', table(rows), bars('statuses of the concurrent approvals', 'answers', ['count']))})\n")
    out.append(commands(rs))
    return out


def mix_table(rs):
    out = ["| class | connections | 2xx/s | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | 2xx | 429 | 5xx | other | statuses |",
           "| --- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --- |"]
    for r in rs:
        out.append(f"| {r['class']} | {r['connections']} | {rps(r)} | {ms(r['p50'])} | {ms(r['p90'])} | {ms(r['p99'])} | "
                   f"{ms(r['p999'])} | {ms(r['max'])} | {ok(r):,} | {count(r, lambda s: s == 429):,} | "
                   f"**{count(r, lambda s: s >= 500):,}** | {count(r, lambda s: s >= 300 and s not in (429,) and s < 500) + socket_errors(r):,} | {status_text(r)} |")
    return out


MIX_TEXT = ("One wrk process per class of request, each with its own connections and latency distribution, all "
            "through the bench gateway with **rate limits on**. Anonymous classes send client addresses from a pool "
            "of 131,072; writes use eight bench users per role (the gateway allows each user 20/s) and are paced as "
            "people work; banks (bank-a, bank-b) send 1,000 credit codes per batch within their budget of one batch "
            "per 2 s. Public search: 80 % popular words on the first page (cache hits), 20 % varied. Municipal "
            "approvals and subsidy approvals each take an application prepared before the run, once. 429 = rate "
            "limited (not an error); *other* = any other non-2xx plus socket errors.")


PORTAL_PROCESSES = [("bench-gateway", "bench gateway (all the load)"), ("gateway", "the portal's own gateway (idle)"),
                    ("registry", "registry"), ("certification", "certification"), ("incentive", "incentive"),
                    ("publicity", "publicity"), ("site", "public site"), ("elasticsearch", "Elasticsearch"),
                    ("keycloak", "Keycloak"), ("redis", "Redis"), ("postgresql", "PostgreSQL (all its processes)")]


def machine_cpu(cpu, rs):
    """Where the machine's cores went during a mix: CPU seconds of each process, from /proc."""
    hz, wall, cores = cpu["hz"], cpu["wall"], cpu["cores"]
    answers = sum(ok(r) for r in rs)
    seconds = {name: (cpu["after"].get(name, 0) - cpu["before"].get(name, 0)) / hz for name, _ in PORTAL_PROCESSES}
    wrk = sum(r.get("wrk_cpu_s", 0) for r in rs)
    busy = (cpu["after"]["machine"] - cpu["before"]["machine"]) / hz
    out = [f"**Where the machine's {cores} cores went** during the run: the CPU time of each process "
           f"(`/proc/<pid>/stat`, `/proc/stat` for the machine) over the {wall:.0f} s, as a share of the "
           f"{cores} cores' {cores * wall:.0f} core-seconds, and per 2xx answer of all classes together "
           f"({answers:,} answers).\n",
           "| process | CPU s | share of the machine | CPU ms per 2xx answer |",
           "| --- | --: | --: | --: |"]

    def row(label, value):
        out.append(f"| {label} | {value:,.1f} | {100 * value / (cores * wall):.1f} % | "
                   f"{1000 * value / answers if answers else 0:.2f} |")

    for name, label in sorted(PORTAL_PROCESSES, key=lambda p: -seconds[p[0]]):
        row(label, seconds[name])
    row("wrk (the load generator)", wrk)
    row("everything else on the machine (other services, the kernel's own work)", max(0.0, busy - sum(seconds.values()) - wrk))
    row("idle", max(0.0, cores * wall - busy))
    out.append("")
    return out


def section_scenario(rs, env, plots, targets):
    cpu = next((r for r in rs if r.get("kind") == "cpu"), None)
    rs = sorted((r for r in rs if r.get("kind") != "cpu"), key=lambda r: r.get("order", 0))
    total = sum(r["connections"] for r in rs)
    out = ["## 6. Publicity day\n",
           f"{total} connections for {rs[0]['seconds']:.0f} s. {MIX_TEXT} " + measured(env) + "\n"]
    out += mix_table(rs)
    fivexx = sum(count(r, lambda s: s >= 500) for r in rs)
    search = next((r for r in rs if r["class"] == "public search"), None)
    targets.append(("publicity day: 0 × 5xx over the run", f"{fivexx:,} × 5xx", verdict(fivexx == 0)))
    if search:
        targets.append(("publicity day: public search p99 < 500 ms", f"{ms(search['p99'])} ms", verdict(search["p99"] < 500)))
    rows = [[r["class"], r["p50"], r["p99"]] for r in rs]
    out.append("")
    script = "set xtics rotate by -20\n" + bars("latency per class of request (ms, log scale)", "ms", ["p50", "p99"], log=True)
    out.append(f"![publicity day]({plots.render('scenario', table(rows), script)})\n")
    if cpu:
        out += machine_cpu(cpu, rs)
    out.append(commands(rs, concurrent=True))
    return out


def section_soak(rs, env, plots, targets):
    memory = [r for r in rs if r.get("kind") == "memory"]
    load = sorted((r for r in rs if r.get("kind") != "memory"), key=lambda r: (r.get("segment", 0), r.get("order", 0)))
    segments = max((r.get("segment", 1) for r in load), default=0)
    seconds = sum(r["seconds"] for r in load if r.get("class") == "public search")
    out = ["## 7. Soak\n",
           f"The publicity-day mix at a steady rate (each connection paced) for {seconds / 60:.0f} minutes, in "
           f"{segments} segments (each with fresh tokens: they live 10 minutes). {MIX_TEXT} " + measured(env) + "\n"]
    by_class = collections.OrderedDict()
    for r in load:
        by_class.setdefault(r["class"], []).append(r)
    merged = []
    for name, parts in by_class.items():
        m = dict(parts[-1])
        m["requests"] = sum(p["requests"] for p in parts)
        m["seconds"] = sum(p["seconds"] for p in parts)
        counts = collections.Counter()
        errs = collections.Counter()
        for p in parts:
            counts.update(p["statuses"])
            errs.update(p["errors"])
        m["statuses"] = dict(counts)
        m["errors"] = dict(errs)
        for q in ("p50", "p90", "p99", "p999", "max"):
            m[q] = max(p[q] for p in parts)
        merged.append(m)
    out.append("Latency columns: the highest of the segments' figures.\n")
    out += mix_table(merged)
    errors = sum(count(r, lambda s: s >= 300 and s != 429) + socket_errors(r) for r in load)
    out.append(f"\nErrors (any non-2xx except 429, plus socket errors) over the soak: **{errors:,}**.\n")
    targets.append(("soak: 0 errors", f"{errors:,}", verdict(errors == 0)))
    if memory:
        apps = list(memory[0]["rss_kb"].keys())
        five = min(memory, key=lambda r: abs(r["second"] - 300))
        out += ["Resident memory (VmRSS, MB) of each application. Growth = from minute 5 to the end.\n",
                "| application | start | minute " + f"{five['second'] / 60:.0f}" + " | end | **growth** |",
                "| --- | --: | --: | --: | --: |"]
        rows = []
        for app in apps:
            start, mid, end = (r["rss_kb"].get(app) for r in (memory[0], five, memory[-1]))
            if not (start and mid and end) or len({r.get("pid", {}).get(app) for r in (memory[0], five, memory[-1])}) > 1:
                out.append(f"| {app} | restarted during the soak: no growth to report | | | |")
                continue
            growth = (end - mid) / mid * 100 if mid else 0
            out.append(f"| {app} | {start / 1024:.0f} | {mid / 1024:.0f} | {end / 1024:.0f} | **{growth:+.1f} %** |")
            if app != "gateway":  # idle: the load goes through the bench gateway
                targets.append((f"soak: resident memory growth < 10 % from minute 5 to the end: {app}", f"{growth:+.1f} %",
                                verdict(growth < 10)))
        for r in memory:
            rows.append([f"{r['second'] / 60:.0f}"] + [(r["rss_kb"].get(a) or 0) / 1024 for a in apps])
        using = ", ".join(f"DATA using 0:{i + 2}:xtic(1) with linespoints title '{a}'" if i == 0 else
                          f"'' using 0:{i + 2} with linespoints title '{a}'" for i, a in enumerate(apps))
        script = (f"set title 'resident memory during the soak (MB)'\nset xlabel 'minute'\nset ylabel 'MB'\n"
                  f"set key outside right\nset yrange [0:*]\nplot {using}\n")
        out.append("")
        out.append(f"![soak memory]({plots.render('soak', table(rows), script)})\n")
        out.append("The portal's own gateway (`gateway`) is idle during the soak: the load goes through `bench-gateway`.\n")
    out.append(commands(load, concurrent=True))
    return out


def section_capacity(rs, env, plots, targets):
    out = ["## 8. Capacity inputs of the national sizing note\n",
           "Two inputs of [k8s/README.md](../k8s/README.md) section 7, each measured closed loop (4 connections, "
           "back to back) straight at one instance, without a gateway (its per-bank and per-user budgets would "
           "measure the budget, not the capacity). **B**: bank batch verifications of 1,000 credit codes per "
           "second, sent to the incentive service, which asks the registry in one gRPC `BatchLookup` (the registry "
           "does the work: the 1,000 codes against its listings). **K**: logins per second on one Keycloak, as the "
           "OAuth password grant (the password hash check and a signed token: the costly part of a browser "
           "login; the browser's redirects and code exchange add little). On this machine the whole portal, "
           "its servers and the load generator share the 2 cores, so both are lower bounds per instance. "
           + measured(env) + "\n",
           "| input | request | 2xx/s | p50 ms | p99 ms | statuses |",
           "| --- | --- | --: | --: | --: | --- |"]
    rows = []
    for r in sorted(rs, key=lambda r: r["input"]):
        out.append(f"| **{r['input']}** | {r['what']} | **{rps(r)}** | {ms(r['p50'])} | {ms(r['p99'])} | {status_text(r)} |")
        rows.append([r["input"], good(r)])
    out.append("")
    out.append(f"![capacity]({plots.render('capacity', table(rows), bars('capacity inputs (2xx per second, one instance)', 'per second', ['2xx/s']))})\n")
    out.append(commands(rs))
    return out


SECTIONS = {"pairs": section_pairs, "search": section_search, "latency": section_latency, "redis": section_redis,
            "race": section_race, "scenario": section_scenario, "soak": section_soak, "capacity": section_capacity}


def environment_section(envs):
    first = envs[0]
    out = ["## The machine, the versions, the tool\n",
           "| | |", "| --- | --- |",
           f"| machine | {first['nproc']} cores ({first['cpu']}), {first['memory']} memory, {first['kernel']}, {first['os']} |",
           f"| JDK of the applications | {first['jdk']} |",
           f"| load generator | {first['wrk']} (Debian), Lua scripts in `scripts/bench/lua` |",
           f"| plots | {first['gnuplot']} |",
           f"| gateway measured | `{first.get('gateway_jar')}`, built {first.get('gateway_built')} |",
           f"| portal | checkout at {first['portal_commit']}; Spring Boot {first['spring_boot']}, Spring Cloud Gateway "
           f"{first['spring_cloud_gateway']}, Reactor Netty {first['reactor_netty']} |",
           f"| servers | Elasticsearch {first['components'].get('elasticsearch')}, Keycloak {first['components'].get('keycloak')}, "
           f"PostgreSQL {first['postgresql']}, Redis {first['redis']} |", ""]
    out.append("Runs whose figures are below:\n")
    for e in envs:
        note = f" — {e['note']}" if e.get("note") else ""
        built = f", services built {e['components']['services_built']}" if e["components"].get("services_built") else ""
        speed = (f", machine speed {e['calibration_ms']} ms (a fixed Python loop on one core before the load, best of "
                 "five; lower is faster)" if e.get("calibration_ms") else "")
        out.append(f"- `{e['command']}`: {e['started'][:16].replace('T', ' ')}, load average at the start {e['load']}{speed}, "
                   f"portal checkout at {e['portal_commit']}, gateway `{e.get('gateway_jar')}` built {e.get('gateway_built')}"
                   f"{built}{note}")
    out.append("")
    return out


INTRO = """# Benchmarks

> **Generated** by `./portal bench` (`scripts/bench/report.py`) from the results in
> [benchmarks/data](benchmarks/data): do not edit by hand; run the bench again. Each mode replaces
> only its own series: `./portal bench` sections 1-5, `--scenario` section 6, `--soak` section 7,
> `--capacity` section 8.

Every comparison of speed is a **pair measured back to back in the same run**, reported as a
**ratio**; absolute figures stand only beside their pair, because on a shared 2-core machine they move
from run to run (and with the load average, given per run) while the ratio of a pair holds better.

**Why wrk.** The load generator shares the 2 cores with the portal it measures. wrk (C, one epoll
event loop per thread, 2 threads) sends thousands of requests per second for a few percent of a core;
a JVM tool (Gatling, JMeter) would take a core of its own to warm up and run, and skew every figure.
Its Lua scripts make the load realistic: varied queries from the demo data, client addresses from a
pool (the bench gateway trusts one proxy hop, as behind an ingress, so the per-address rate limits see
a crowd, not one address), tokens of several users in turn, prepared applications approved once each,
paced connections (`delay()`) for steady rates, and a count of every status per thread (`response()`,
printed by `done()`). Throughput counts 2xx answers only (a fast 503 is not throughput); latency
percentiles are over every answer, whatever its status, so read them beside the statuses. wrk
measures latency from sending a request to its full answer, and its percentiles are corrected for
coordinated omission (wrk's `stats_correct`: an answer slower than the mean interval between a
connection's requests adds the samples that the waiting connection would have sent meanwhile), so a
single long stall weighs on the p99 of a class with few connections far more than its one answer
would. A paced connection waits its delay after each answer (people think between clicks), so a slow
answer postpones the next request instead of piling requests up, and the paced rates are "about".

**The bench gateways.** The load goes through gateways that `./portal bench` starts itself from the
running portal's gateway jar, with its JVM flags (read from the running process): one with rate limits
on as in production (port 18080) and one with them off (18081), both with `GP_TRUSTED_PROXY_HOPS=1`.
Each section says which one it used. They are warmed up (150 s of traffic each in the default mode: a bearer read, the
mixed search, and the other anonymous reads of the publicity-day mix; the gateway's JIT compiler
keeps working for minutes of load, and a pair with a half-compiled gateway would compare the
compiler, not the path) before the first figure. The portal's own gateway (8080) is left
alone. `./portal bench --profile` shows where the gateway's time goes (flame graphs and CPU per
request in [profile/](profile/README.md)).
"""


def render(data_dir, out_md):
    plots = Plots(os.path.join(os.path.dirname(out_md), "benchmarks"))
    targets, body, envs = [], [], []
    for series in SERIES:
        path = os.path.join(data_dir, f"{series}.jsonl")
        if not os.path.exists(path):
            continue
        lines = load(path)
        env = next(r for r in lines if r["series"] == "environment")
        results = [r for r in lines if r["series"] == series]
        if not results:
            continue
        if env["started"] not in [e["started"] for e in envs]:
            envs.append(env)
        body += SECTIONS[series](results, env, plots, targets)
    out = [INTRO]
    if envs:
        out += environment_section(envs)
    out += ["## The targets of issue 12 and ENGINEERING.md at a glance\n",
            "| target | measured | met |", "| --- | --- | --- |"]
    out += [f"| {t} | {m} | {v} |" for t, m, v in targets]
    out.append("")
    out += body
    # sections measured by hand with their own method (docs/benchmarks/*.md), kept across renders
    extra = os.path.join(os.path.dirname(out_md), "benchmarks")
    for name in sorted(os.listdir(extra)) if os.path.isdir(extra) else []:
        if name.endswith(".md"):
            with open(os.path.join(extra, name)) as f:
                out += ["", f.read().rstrip(), ""]
    with open(out_md, "w") as f:
        f.write("\n".join(out).rstrip() + "\n")


def store(results_file, data_dir):
    """This run's lines, one file per series (each beginning with the run's environment line)."""
    lines = load(results_file)
    env = next(r for r in lines if r["series"] == "environment")
    os.makedirs(data_dir, exist_ok=True)
    for series in SERIES:
        results = [r for r in lines if r["series"] == series]
        if results:
            with open(os.path.join(data_dir, f"{series}.jsonl"), "w") as f:
                for r in [env] + results:
                    f.write(json.dumps(r, ensure_ascii=False) + "\n")


def check(results_file, expected):
    lines = load(results_file)
    problems = []
    for series in expected.split():
        if not [r for r in lines if r["series"] == series]:
            problems.append(f"{series}: no results")
    if "search" in expected.split() and not [r for r in lines if r["series"] == "search" and r.get("kind") == "cpu"]:
        problems.append("search: no CPU figures of the processes")
    if "scenario" in expected.split() and not [r for r in lines if r["series"] == "scenario" and r.get("kind") == "cpu"]:
        problems.append("scenario: no CPU figures of the processes")
    for r in lines:
        if r["series"] in ("environment", "warmup") or r.get("kind") == "memory":
            continue
        what = " ".join(str(r.get(k)) for k in ("series", "endpoint", "mode", "side", "phase", "class") if r.get(k))
        bad = {s: n for s, n in statuses(r).items() if s >= 500 or s == 0}
        if bad:
            problems.append(f"{what}: {bad}")
        if r.get("errors", {}).get("connect"):
            problems.append(f"{what}: {r['errors']['connect']} connection errors")
        # (around a Redis hang a second without an answer is a finding, not a broken harness)
        if "requests" in r and r["requests"] == 0 and r["series"] != "redis":
            problems.append(f"{what}: no request completed")
    for p in problems:
        print(f"bench smoke: {p}", file=sys.stderr)
    return not problems


def main(args):
    if len(args) == 3 and args[0] == "--check":
        sys.exit(0 if check(args[1], args[2]) else 1)
    if len(args) == 3 and args[0] == "--render":
        render(args[1], args[2])
        return
    if len(args) != 3:
        sys.exit(__doc__)
    store(args[0], args[1])
    render(args[1], args[2])


if __name__ == "__main__":
    main(sys.argv[1:])
