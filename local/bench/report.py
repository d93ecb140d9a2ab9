#!/usr/bin/env python3
"""Writes local/bench/report.md from the figures local/bench/run gathered; each against its target.

report.py OUT COLD_JSON_LINES STREAM_JSON RUNS GATEWAY_JSONL LOADAVG
"""
import datetime
import json
import platform
import subprocess
import sys

out, cold, stream, runs, gateway_file, loadavg = sys.argv[1:7]
cold = [json.loads(line) for line in cold.splitlines() if line.strip()]
stream = json.loads(stream)
gateway = [json.loads(line) for line in open(gateway_file) if line.strip()]


def sh(command):
    return subprocess.run(["sh", "-c", command], capture_output=True, text=True).stdout.strip()


def verdict(value, target, at_least=False):
    if value != value:  # NaN: nothing measured
        return "not measured"
    return "meets" if (value >= target if at_least else value <= target) else "misses"


def overhead_verdict(overhead, target):
    """Confab's latency minus the stub's: below zero, the stub's own phase was the slower one, and the
    difference says nothing of Confab (noise from other work on the machine, usually in a p99)."""
    return "not measured (the stub alone was slower: noise)" if overhead < 0 else verdict(overhead, target)


cpu = sh("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2")
java = sh("$JAVA_HOME/bin/java -version 2>&1 | head -1")
memory_gb = sh("free -g | awk '/Mem:/ {print $2}'")
load = float(loadavg.split()[0]) if loadavg.split() else 0.0
cores = int(sh("nproc") or 1)
noise = ("more than the core count: other processes shared the cores and the latencies are noisy" if load > cores
         else "the cores were mostly Confab's and the load generator's")
lines = ["# Confab benchmarks", "",
         f"Machine: {cpu}, {cores} cores, {memory_gb} GB, {platform.system()} {platform.release()}; {java}. "
         f"Load average when the gateway benchmark began: {loadavg} ({noise}).",
         f"Made {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC by `local/bench/run` (RUNS={runs}).", ""]

# ---- summary: every figure against its target
summary = ["## Figures against targets", "", "| figure | measured | target | |", "|---|---|---|---|"]
fast = next((c for c in cold if c["variant"] == "local/run-fast"), None)
if fast:
    summary.append(f"| cold start, `local/run-fast` (median) | {fast['median_ms']} ms | ≤ 1,000 ms | {verdict(fast['median_ms'], 1000)} |")
# the Lambda handler as the template runs it (no SnapStart here), without and with a JDK AOT cache
for c in cold:
    if c["door"] == "lambda" and c["request"] == "health" and c["variant"].startswith("FunctionInvoker, template's"):
        what = ("+ JDK AOT cache" if "AOT cache" in c["variant"] else "without Spring AOT" if "without" in c["variant"]
                else "template's options, DynamoDB warm-up off" if "warm-up off" in c["variant"] else "template's options")
        summary.append(f"| cold start, Lambda handler, {what} (median) | {c['median_ms']} ms | ≤ 1,000 ms | {verdict(c['median_ms'], 1000)} |")
summary.append(f"| streaming first token (median) | {stream['first_token_median_ms']:.2f} ms | ≤ 5 ms | "
               f"{verdict(stream['first_token_median_ms'], 5)} |")
for g in gateway:
    name = g["config"]
    fixed = (g["confab_fixed"]["p50_ms"] - g["stub_fixed"]["p50_ms"], g["confab_fixed"]["p99_ms"] - g["stub_fixed"]["p99_ms"])
    summary += [
        f"| gateway overhead, median, {g['rate']:.0f} turns/s ({name}) | {fixed[0]:.2f} ms | ≤ 1 ms | {overhead_verdict(fixed[0], 1)} |",
        f"| gateway overhead, p99, {g['rate']:.0f} turns/s ({name}) | {fixed[1]:.2f} ms | ≤ 3 ms | {overhead_verdict(fixed[1], 3)} |",
        f"| gateway throughput at saturation ({name}) | {g['confab_saturation']['turns_per_s']:.0f} turns/s | ≥ 2,000 turns/s | "
        f"{verdict(g['confab_saturation']['turns_per_s'], 2000, at_least=True)} |",
        f"| resident memory under load, peak ({name}) | {g['memory']['rss_peak_under_load_mb']:.0f} MB | ≤ 256 MB | "
        f"{verdict(g['memory']['rss_peak_under_load_mb'], 256)} |"]
lines += summary + [""]

# ---- gateway
def settled(g):
    """The fixed-rate warm-up's length, and what the JIT compilers used in the measured fixed phase."""
    if "settled_seconds" not in g:
        return f"{g.get('fixed_warmup_seconds', 0)} s"
    return f"{g['settled_seconds']} s; {g['fixed_compiler_cpu_ms'] / g['fixed_seconds'] / 10:.1f}% of a core"


if gateway:
    g0 = gateway[0]
    lines += [
        "## Gateway: what Confab adds to a provider call", "",
        "Targets on 2 cores, embedded profile: overhead median ≤ 1 ms and p99 ≤ 3 ms, ≥ 2,000 turns/s with a zero-latency "
        "provider, ≤ 256 MB resident under load.", "",
        "A stub of OpenAI's `POST /v1/chat/completions` (whole JSON replies in the real wire format, with usage; raw sockets, "
        "keep-alive, answers at once) runs on loopback; Confab is pointed at it with `OPENAI_BASE_URL` and `OPENAI_API_KEY` "
        "and reaches it through the real Spring AI OpenAI client. The load generator (`local/bench/Gateway.java`, keep-alive "
        "HTTP/1.1 connections) sends the same turns to the stub directly and to Confab's `POST /chat`; overhead = Confab's "
        "latency minus the stub's at the same rate or the same number of connections.", "",
        f"Turns are realistic: a conversation is started (no `conversation_id`, a new conversation is stored) and continued "
        f"until it has had {g0['turns_per_conversation']} turns, so its history (read from storage, sent to the provider) grows "
        f"to {2 * (g0['turns_per_conversation'] - 1)} messages; one turn in {g0['turns_per_conversation']} starts a "
        "conversation. The direct stub calls send the same growing message lists.", "",
        f"Per configuration: {g0['warmup_seconds']} s of warm-up (closed loop), then {g0.get('fixed_warmup_seconds', 0)} s "
        "at the fixed rate and 5 s more at a time until three stretches in a row (15 s) in which Confab's JIT compiler threads "
        f"used at most 2% of a core, up to {g0.get('settle_max_seconds', 0)} s in all (not measured: the paths a lone turn takes are compiled only once they have been called often enough, with C2 "
        "alone after about 10,000 calls; until then they run in the interpreter. The table gives how long that took and "
        "what the compilers still used during the measured phase), then **fixed rate**: "
        f"{g0['rate']:.0f} turns/s "
        f"for {g0['fixed_seconds']} s, an open loop on a schedule (turn *i* is due at start + *i*/rate whatever happened "
        "before, and its latency counts from that due time, so a stall counts for every turn due during it: no coordinated "
        f"omission; at most {g0.get('clients', 64)} turns in flight, like a caller's connection pool, and a turn due while all "
        f"are busy waits at the client, its wait counted); then **saturation**: {g0['connections']} connections in a closed loop for {g0['saturation_seconds']} s "
        "(the stub alone for a third of that). Stub and Confab phases alternate so that drift touches both. "
        "Each configuration starts Confab on a fresh database. Server CPU per turn is Confab's user + system time (from "
        "`/proc`) over the phase divided by its turns: the figure that noise from other processes disturbs least.", "",
        "| configuration | phase | stub p50 / p99 ms | Confab p50 / p99 ms | overhead p50 (≤ 1 ms) | overhead p99 (≤ 3 ms) | turns/s | Confab CPU ms/turn | errors | fixed-rate warm-up; compilers' CPU while measured |",
        "|---|---|---|---|---|---|---|---|---|---|"]
    for g in gateway:
        for phase, label in (("fixed", f"{g['rate']:.0f}/s fixed"), ("saturation", f"{g['connections']} connections")):
            s, c = g["stub_" + phase], g["confab_" + phase]
            o50, o99 = c["p50_ms"] - s["p50_ms"], c["p99_ms"] - s["p99_ms"]
            lines.append(f"| {g['config']} | {label} | {s['p50_ms']:.2f} / {s['p99_ms']:.2f} | {c['p50_ms']:.2f} / {c['p99_ms']:.2f} "
                         f"| {o50:.2f} {overhead_verdict(o50, 1)} | {o99:.2f} {overhead_verdict(o99, 3)} | {c['turns_per_s']:.0f}"
                         f"{' ' + verdict(c['turns_per_s'], 2000, at_least=True) if phase == 'saturation' else ''} "
                         f"| {c['server_cpu_ms_per_turn']:.2f} | {c['errors']} | "
                         f"{settled(g) if phase == 'fixed' else ''} |")
    lines += ["", "At saturation the stub alone answers far more turns per second than Confab, so the saturation "
              "overhead compares latencies at different throughputs; the fixed-rate rows are the overhead per turn.", "",
              "![turn latency by percentile, stub and Confab](plots/gateway-latency.png)", "",
              "![Confab turns per second at saturation](plots/gateway-throughput.png)", "",
              "### Resident memory under load (target 256 MB)", "",
              "VmRSS and VmHWM of the Confab process, sampled from `/proc/<pid>/status` every 100 ms from the start of the "
              "warm-up to the end of the load. Steady = median during the phase; peak = the largest VmRSS under load; "
              "VmHWM also counts startup. Embedded file: the size of the H2 file once the server has stopped.", "",
              "| configuration | JVM flags | steady, fixed rate | steady, saturation | peak under load | VmHWM | target | embedded file |",
              "|---|---|---|---|---|---|---|---|"]
    for g in gateway:
        m = g["memory"]
        flags = f"`{g['env'] + ' ' if g['env'] else ''}{g['flags']}`" if g["flags"] else "none (`java -jar`)"
        lines.append(f"| {g['config']} | {flags} | {m['rss_fixed_median_mb']:.0f} MB | {m['rss_saturation_median_mb']:.0f} MB "
                     f"| {m['rss_peak_under_load_mb']:.0f} MB | {m['vm_hwm_mb']:.0f} MB | {verdict(m['rss_peak_under_load_mb'], 256)} "
                     f"| {g.get('db_file_mb', 0):,} MB |")
    lines += ["", "![Confab resident memory over the run](plots/gateway-memory.png)", ""]

# ---- cold start
lines += ["## Cold start: JVM launch to first answered request (target 1,000 ms)", "",
          "Each run a new JVM on a database made by an earlier run; the variants interleaved, run by run. Local server: polled "
          "every millisecond with its first request, GET /health or POST /chat (`local/bench/coldstart.py`); `local/run-fast` is "
          "timed as users run it, script included. Lambda: `FunctionInvoker` on the Lambda package's classpath answering one "
          "Function URL event (`local/bench/LambdaColdStart.java`), on the template's profile (dynamodb, against a DynamoDB Local "
          "on loopback holding the template's tables), without SnapStart (which cannot run "
          "here): what an instance pays when it is not restored from a snapshot. CPU: user + system time of the JVM's threads "
          "until the answer (median), less disturbed than wall time by other work on the machine.", "",
          "| variant | door | first request | median ms | min | max | CPU ms | target |", "|---|---|---|---|---|---|---|---|"]
for c in cold:
    first = "POST /chat" if c.get("request") == "chat" else "GET /health"
    lines.append(f"| {c['variant']} | {c['door']} | {first} | {c['median_ms']} | {c['min_ms']} | {c['max_ms']} | "
                 f"{c.get('cpu_median_ms', '')} | {verdict(c['median_ms'], 1000)} |")

# ---- streaming
lines += ["", "## Streaming: provider's chunk to client's chunk (target first token 5 ms)", "",
          "A stub of OpenAI's streaming API on loopback stamps each chunk as it writes it; the client stamps each delta as it "
          "arrives from Confab (`POST /chat`, `stream: true`, the real Spring AI OpenAI client in between); one process's clock "
          f"(`local/bench/StreamLatency.java`). {stream['requests']} streams of 20 chunks, {stream['gap_ms']:g} ms apart "
          "as a model sends them, after 100 warm-up streams. The gap is not in the figures: each is a chunk's sending to its "
          "arrival.", "",
          "| figure | median ms | p99 ms | target |", "|---|---|---|---|",
          f"| first token | {stream['first_token_median_ms']:.2f} | {stream['first_token_p99_ms']:.2f} | {verdict(stream['first_token_median_ms'], 5)} (median) |",
          f"| delay per chunk | {stream['per_chunk_delay_median_ms']:.2f} | {stream['per_chunk_delay_p99_ms']:.2f} | |", ""]

# ---- commands
lines += ["## Commands", "",
          "Everything above comes from one command, `local/bench/run`, which builds the jar (`./mvnw -B -DskipTests package`) and runs:", "",
          "- cold start: `python3 local/bench/coldstart.py` over the variants above (each a `java [flags] -jar` or the Lambda "
          "`FunctionInvoker` classpath), after one `local/run-fast` start that trains its JVM cache;",
          "- streaming: Confab as `java -jar target/confab-0.1.0-SNAPSHOT-exec.jar` with `OPENAI_BASE_URL` on the stub, and "
          "`java local/bench/StreamLatency.java STUB_PORT CONFAB_URL 300 100 20`;",
          "- gateway: `local/bench/gateway`, which starts `java local/bench/Gateway.java stub PORT`, then per configuration "
          "Confab as `java FLAGS -jar target/confab-0.1.0-SNAPSHOT-exec.jar` and "
          f"`java local/bench/Gateway.java load STUB_PORT CONFAB_PORT CONFAB_PID OUT rate={gateway[0]['rate']:.0f} "
          f"fixed={gateway[0]['fixed_seconds']} clients={gateway[0].get('clients', 64)} saturation={gateway[0]['saturation_seconds']} warmup={gateway[0]['warmup_seconds']} fixed_warmup={gateway[0].get('fixed_warmup_seconds', 0)} "
          f"settle_max={gateway[0].get('settle_max_seconds', 0)} "
          f"connections={gateway[0]['connections']} turns={gateway[0]['turns_per_conversation']}`;" if gateway else "- gateway: not run;",
          "- plots: XChart 3.8.8 (fetched by `./mvnw dependency:copy`), `java -cp xchart-3.8.8.jar local/bench/Plots.java`.", "",
          "`local/bench/gateway` also runs alone and prints its figures as JSON (`RATE`, `CONNECTIONS`, `FIXED`, `SATURATION`, "
          "`WARMUP`, `FIXED_WARMUP`, `SETTLE_MAX`, `CONFIGS` change it).", ""]

open(out, "w").write("\n".join(lines))
print("\n".join(lines))
