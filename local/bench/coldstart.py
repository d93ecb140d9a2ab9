#!/usr/bin/env python3
"""Cold start, JVM launch to first answered request, for the local server and the Lambda handler.

Each run starts a new JVM (a variant names a jar and JVM flags, or a command such as local/run-fast,
which execs the JVM). The local server is polled every millisecond with the variant's request
(GET /health, or POST /chat): until the server listens, each poll is a refused connection, so the
first request that gets through is the first one the server answers. The Lambda handler
(FunctionInvoker on the Lambda package's classpath, local/bench/LambdaColdStart.java) answers one
Function URL event, with the environment "lambda_env" (the deployed profile's settings) plus the
variant's own.

Variants are interleaved (run 1 of every variant, then run 2 of every variant, ...), so that a
machine busy with something else for a while slows every variant alike. Round 0 is not counted: it
migrates each variant's fresh database. Prints one JSON line per variant: median, min, max in ms,
and the median CPU time the JVM used until then (user + system, all threads).
"""
import http.client, json, os, shutil, socket, statistics, subprocess, sys, tempfile, time


def free_port():
    """A port nothing listens on now: with a fixed one, another server on this machine (another
    checkout's benchmark, say) would answer the polls and the run would time that server."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

REQUESTS = {
    "health": ("GET", "/health", None),
    "chat": ("POST", "/chat", '{"input": "Hello!", "user_id": "bench", "model": "local-offline"}'),
}
NO_KEYS = {"OPENAI_API_KEY": "", "GEMINI_API_KEY": "", "GOOGLE_API_KEY": "", "GOOGLE_CLOUD_PROJECT": ""}


def cpu_ms(pid):
    """CPU time a process has used so far (all its threads), in ms: less disturbed by a busy machine than wall time."""
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def local_server(java, variant, data_dir, port):
    method, path, body = REQUESTS[variant.get("request", "health")]
    env = dict(os.environ, PORT=str(port), CONFAB_DATA_DIR=data_dir, **NO_KEYS, **variant.get("env", {}))
    headers = {"Content-Type": "application/json"} if body else {}
    start = time.monotonic()
    # a variant is a jar and JVM flags, or the command users run (local/run-fast, which execs the JVM);
    # a JVM cache is valid only for the class path it was trained with, so a variant may name the
    # folder to start in (its jar then given as trained, relative)
    command = variant.get("command") or [java, *variant.get("flags", []), "-jar", variant["jar"]]
    proc = subprocess.Popen(command, env=env, cwd=variant.get("cwd"),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = start + 60
        while time.monotonic() < deadline:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                conn.request(method, path, body=body, headers=headers)
                status = conn.getresponse().status
                if status == 200:
                    return (time.monotonic() - start) * 1000, cpu_ms(proc.pid)
                raise RuntimeError("%s %s answered %s" % (method, path, status))
            except OSError:
                pass
            if proc.poll() is not None:
                raise RuntimeError("server exited with %s" % proc.returncode)
            time.sleep(0.001)
        raise RuntimeError("no answer within 60 s")
    finally:
        proc.kill()
        proc.wait()


def lambda_handler(java, variant, data_dir, events, lambda_env):
    env = dict(os.environ, CONFAB_DATA_DIR=data_dir, MAIN_CLASS="dev.confab.ConfabApplication",
               SPRING_CLOUD_FUNCTION_DEFINITION="lambdaDoor", **NO_KEYS, **lambda_env, **variant.get("env", {}))
    event = events[variant.get("request", "health")]
    before = os.times()
    start = time.monotonic()
    out = subprocess.run([java, *variant.get("flags", []), "-cp", variant["classpath"], "LambdaColdStart", event],
                         env=env, cwd=variant.get("cwd"), capture_output=True, text=True, timeout=120)
    elapsed = (time.monotonic() - start) * 1000
    after = os.times()
    cpu = (after.children_user + after.children_system - before.children_user - before.children_system) * 1000
    if '"statusCode":200' not in out.stdout.replace(" ", ""):
        raise RuntimeError("handler did not answer 200: " + out.stdout[-500:] + out.stderr[-2000:])
    return elapsed, cpu


def main():
    cfg = json.loads(sys.argv[1])
    runs = cfg.get("runs", 5)
    variants = cfg["variants"]
    events = {"health": cfg["event"], "chat": cfg.get("chat_event", cfg["event"])}
    data_dirs = [tempfile.mkdtemp(prefix="confab-bench-") for _ in variants]
    times = [[] for _ in variants]
    cpu = [[] for _ in variants]
    try:
        for i in range(runs + 1):  # round 0 migrates each fresh database and is not counted
            for v, variant in enumerate(variants):
                if variant["door"] == "local":
                    t, c = local_server(cfg["java"], variant, data_dirs[v], cfg.get("port") or free_port())
                else:
                    t, c = lambda_handler(cfg["java"], variant, data_dirs[v], events, cfg.get("lambda_env", {}))
                if i > 0:
                    times[v].append(t)
                    cpu[v].append(c)
    finally:  # the databases are the run's own: none is left in the temp folder
        for d in data_dirs:
            shutil.rmtree(d, ignore_errors=True)
    for variant, ts, cs in zip(variants, times, cpu):
        print(json.dumps({"variant": variant["name"], "door": variant["door"],
                          "request": variant.get("request", "health"), "runs": runs,
                          "median_ms": round(statistics.median(ts)), "min_ms": round(min(ts)),
                          "max_ms": round(max(ts)), "all_ms": [round(t) for t in ts],
                          "cpu_median_ms": round(statistics.median(cs))}), flush=True)


if __name__ == "__main__":
    main()
