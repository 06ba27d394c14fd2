#!/usr/bin/env python3
"""Soak test: does the server's memory keep growing under steady traffic?

Starts `samenspel demo` (demo data) on a free loopback port, sends a steady
mix of API reads and writes and page loads from a few threads for the given
time, samples the server's resident memory (RSS, from /proc) every few
seconds, and prints the samples and a summary: the first, lowest, highest and
last RSS and the growth per hour over the second half of the run (after
caches and pools have warmed up). Only 127.0.0.1 is contacted; the run stops
by itself. See docs/PERFORMANCE.md ("Soak").

    cargo build --release -p samenspel
    python3 scripts/soak.py --minutes 60                      # SQLite
    python3 scripts/soak.py --minutes 60 --database-url postgres://postgres@127.0.0.1:5432/soak

Standard library only.
"""

import argparse
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


class Client:
    """One keep-alive connection; reconnects when the server closes it."""

    def __init__(self, host, port, token):
        self.host, self.port, self.token = host, port, token
        self.conn = None

    def request(self, method, path, body=None):
        for _ in range(2):
            try:
                if self.conn is None:
                    self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
                headers = {"Authorization": f"Bearer {self.token}"}
                data = None
                if body is not None:
                    data = json.dumps(body).encode()
                    headers["Content-Type"] = "application/json"
                self.conn.request(method, path, body=data, headers=headers)
                resp = self.conn.getresponse()
                payload = resp.read()
                return resp.status, payload
            except (http.client.HTTPException, OSError):
                if self.conn is not None:
                    self.conn.close()
                self.conn = None
        return 0, b""


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--minutes", type=float, default=60)
    ap.add_argument("--threads", type=int, default=4)
    ap.add_argument("--sample-seconds", type=float, default=10)
    ap.add_argument("--bin", default=os.environ.get("SAMENSPEL_BIN", "target/release/samenspel"))
    ap.add_argument("--database-url", default=None, help="default: SQLite in a temporary directory")
    args = ap.parse_args()

    if not os.path.exists(args.bin):
        sys.exit(f"{args.bin} does not exist: build it first (cargo build --release -p samenspel)")
    work = tempfile.mkdtemp(prefix="samenspel-soak-")
    data = os.path.join(work, "data")
    db_args = ["--data-dir", data] + (["--database-url", args.database_url] if args.database_url else [])
    env = dict(os.environ, SAMENSPEL_LOG_LEVEL="warn")
    log = open(os.path.join(work, "server.log"), "w+")
    server = subprocess.Popen([args.bin, "demo", "--bind", "127.0.0.1:0"] + db_args, stdout=log, stderr=log, env=env)
    try:
        addr = None
        for _ in range(240):
            log.seek(0)
            m = re.search(r"listening on http://([0-9.]+):([0-9]+)", log.read())
            if m:
                addr = (m.group(1), int(m.group(2)))
                break
            if server.poll() is not None:
                sys.exit("the server stopped:\n" + open(log.name).read())
            time.sleep(0.5)
        if addr is None:
            sys.exit("the server did not start listening")
        out = subprocess.run(
            [args.bin, "admin", "token", "--email", "ellen@samenspel.example"] + db_args,
            capture_output=True, text=True, check=True, env=env,
        ).stdout
        token = out.strip().splitlines()[-1]
        c = Client(*addr, token)
        status, body = c.request("GET", "/api/v1/circles")
        if status != 200:
            sys.exit(f"GET /api/v1/circles: {status} {body[:200]!r}")
        circles = [x["circle"]["id"] for x in json.loads(body)]
        if not circles:
            sys.exit("the demo person is in no circle")

        stop = threading.Event()
        counts = {"requests": 0, "errors": 0}
        lock = threading.Lock()

        def worker(n):
            cl = Client(*addr, token)
            i = 0
            while not stop.is_set():
                circle = circles[i % len(circles)]
                base = f"/api/v1/circles/{circle}"
                # Mostly reads, as people use it; one write in eight.
                steps = [
                    ("GET", f"{base}/members", None),
                    ("GET", f"{base}/entries", None),
                    ("GET", f"{base}/overview", None),
                    ("GET", f"{base}/agenda", None),
                    ("GET", f"{base}/agreements", None),
                    ("GET", f"{base}/entries?q=koffie", None),
                    ("GET", "/api/v1/me", None),
                    ("POST", f"{base}/entries", {"kind": "update", "body": f"soak {n}-{i}: een gewone dag"}),
                ]
                method, path, payload = steps[i % len(steps)]
                status, _ = cl.request(method, path, payload)
                with lock:
                    counts["requests"] += 1
                    if status == 0 or status >= 500:
                        counts["errors"] += 1
                i += 1

        threads = [threading.Thread(target=worker, args=(n,), daemon=True) for n in range(args.threads)]
        for t in threads:
            t.start()
        started = time.time()
        end = started + args.minutes * 60
        samples = []
        print(f"{'minute':>7} {'RSS MiB':>8} {'requests':>9} {'errors':>6}")
        while time.time() < end and server.poll() is None:
            time.sleep(min(args.sample_seconds, max(0.1, end - time.time())))
            t = (time.time() - started) / 60
            mib = rss_kib(server.pid) / 1024
            samples.append((t, mib))
            with lock:
                print(f"{t:7.1f} {mib:8.1f} {counts['requests']:9d} {counts['errors']:6d}", flush=True)
        stop.set()
        for t in threads:
            t.join(timeout=35)
        if server.poll() is not None:
            sys.exit("the server died during the soak:\n" + open(log.name).read()[-2000:])
        second = [s for s in samples if s[0] >= samples[-1][0] / 2] if samples else []
        slope = 0.0
        if len(second) >= 2:
            mx = sum(s[0] for s in second) / len(second)
            my = sum(s[1] for s in second) / len(second)
            var = sum((s[0] - mx) ** 2 for s in second)
            slope = sum((s[0] - mx) * (s[1] - my) for s in second) / var * 60 if var else 0.0
        rss = [s[1] for s in samples]
        summary = {
            "minutes": round(samples[-1][0], 1) if samples else 0,
            "engine": "postgres" if args.database_url else "sqlite",
            "requests": counts["requests"],
            "errors": counts["errors"],
            "rss_first_mib": round(rss[0], 1) if rss else None,
            "rss_min_mib": round(min(rss), 1) if rss else None,
            "rss_max_mib": round(max(rss), 1) if rss else None,
            "rss_last_mib": round(rss[-1], 1) if rss else None,
            "growth_second_half_mib_per_hour": round(slope, 1),
        }
        print(json.dumps(summary))
        return 1 if counts["errors"] else 0
    finally:
        if server.poll() is None:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
