#!/usr/bin/env python3
"""Cold start, JVM launch to first answered request, for the local server and the Lambda handler.

Each run starts a new JVM. The local server is polled on GET /health every millisecond; the Lambda
handler (FunctionInvoker on the Lambda package's classpath) answers one Function URL event.
Prints one JSON line per variant: median, min, max in milliseconds.
"""
import http.client, json, os, socket, statistics, subprocess, sys, tempfile, time

def free_port():
    """A port nothing listens on now: with a fixed one, another server on this machine (another
    checkout's benchmark, say) would answer the polls and the run would time that server."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

def local_server(java, jar, flags, data_dir, port, cwd=None):
    env = dict(os.environ, PORT=str(port), CONFAB_DATA_DIR=data_dir,
               OPENAI_API_KEY="", GEMINI_API_KEY="", GOOGLE_API_KEY="")
    start = time.monotonic()
    # a JVM cache is valid only for the class path it was trained with, so a variant may name the
    # folder to start in (its jar then given as trained, relative)
    proc = subprocess.Popen([java, *flags, "-jar", jar], env=env, cwd=cwd,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = start + 60
        while time.monotonic() < deadline:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
                conn.request("GET", "/health")
                if conn.getresponse().status == 200:
                    return (time.monotonic() - start) * 1000
            except OSError:
                pass
            if proc.poll() is not None:
                raise RuntimeError("server exited with %s" % proc.returncode)
            time.sleep(0.001)
        raise RuntimeError("no answer within 60 s")
    finally:
        proc.kill()
        proc.wait()

def lambda_handler(java, classpath, flags, data_dir, event):
    env = dict(os.environ, CONFAB_DATA_DIR=data_dir, MAIN_CLASS="dev.confab.ConfabApplication",
               SPRING_CLOUD_FUNCTION_DEFINITION="lambdaDoor", OPENAI_API_KEY="", GEMINI_API_KEY="",
               GOOGLE_API_KEY="")
    start = time.monotonic()
    out = subprocess.run([java, *flags, "-cp", classpath, "LambdaColdStart", event], env=env,
                         capture_output=True, text=True, timeout=120)
    elapsed = (time.monotonic() - start) * 1000
    if '"statusCode":200' not in out.stdout.replace(" ", ""):
        raise RuntimeError("handler did not answer 200: " + out.stdout[-500:] + out.stderr[-2000:])
    return elapsed

def main():
    cfg = json.loads(sys.argv[1])
    runs = cfg.get("runs", 5)
    results = []
    for variant in cfg["variants"]:
        times = []
        data_dir = tempfile.mkdtemp(prefix="confab-bench-")
        for i in range(runs + 1):  # the first run migrates a fresh database and is not counted
            if variant["door"] == "local":
                t = local_server(cfg["java"], variant["jar"], variant.get("flags", []), data_dir,
                                 free_port(), variant.get("cwd"))
            else:
                t = lambda_handler(cfg["java"], variant["classpath"], variant.get("flags", []), data_dir, cfg["event"])
            if i > 0:
                times.append(t)
        results.append({"variant": variant["name"], "door": variant["door"], "runs": runs,
                        "median_ms": round(statistics.median(times)), "min_ms": round(min(times)),
                        "max_ms": round(max(times))})
        print(json.dumps(results[-1]), flush=True)

if __name__ == "__main__":
    main()
