"""`make bench`: serve a city-scale demo database with gunicorn and load the main pages with wrk.

For each data size (600 and 5,000 employees) the database is seeded once (reused while the seeder and the
migrations are unchanged), served by gunicorn config.wsgi on a free loopback port, and every page of
bench/pages.py is requested once to read its X-Query-Count. At 5,000 employees wrk then drives each page
for a few seconds as the relevant demo user. Results go to bench/results.json and a table on stdout.
Exit status is 1 when a page's query count differs between the two sizes or a page answers non-2xx.

SQLite by default (bench/bench-<n>.sqlite3); PostgreSQL when DATABASE_URL is set (databases
<name>_bench600 and <name>_bench5000 on the same server, created if missing).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import http.client
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
OUT = BENCH / "out"
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).parent / "gunicorn")
SIZES = (600, 5000)
MEASURED_SIZE = 5000
SEED = 1174
WORKERS = 4
THREADS, CONNECTIONS, DURATION_S = 2, 8, 5
WARMUP_REQUESTS, COUNTED_REQUESTS = 2 * WORKERS, 3
HOST = "127.0.0.1"


def log(message: str) -> None:
    print(f"[bench] {message}", flush=True)


def fingerprint() -> str:
    """Hash of what decides the seeded data: the demo seeder and every migration."""
    digest = hashlib.sha256()
    files = sorted((ROOT / "kinerja" / "demo").glob("*.py")) + sorted((ROOT / "kinerja").glob("*/migrations/*.py"))
    for path in files:
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


class Database:
    """One bench database: SQLite file or PostgreSQL database, with the marker recording its seeding."""

    def __init__(self, employees: int) -> None:
        self.employees = employees
        self.url = os.environ.get("DATABASE_URL", "")
        if self.url:
            parts = urlsplit(self.url)
            self.name = f"{parts.path.lstrip('/') or 'kinerja'}_bench{employees}"
            self.bench_url = urlunsplit(parts._replace(path=f"/{self.name}"))
            self.admin_url = urlunsplit(parts._replace(path="/postgres"))
            self.marker = OUT / f"{self.name}.marker.json"
        else:
            self.path = BENCH / f"bench-{employees}.sqlite3"
            self.marker = BENCH / f"bench-{employees}.sqlite3.marker.json"

    @property
    def engine(self) -> str:
        return "postgresql" if self.url else "sqlite"

    def env(self, base: dict[str, str]) -> dict[str, str]:
        env = dict(base)
        if self.url:
            env["DATABASE_URL"] = self.bench_url
        else:
            env.pop("DATABASE_URL", None)
            env["SQLITE_PATH"] = str(self.path)
        return env

    def exists(self) -> bool:
        if not self.url:
            return self.path.exists()
        import psycopg

        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            row = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (self.name,)).fetchone()
        return row is not None

    def create(self) -> None:
        if not self.url or self.exists():
            return
        import psycopg
        from psycopg import sql

        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(self.name)))


def run(cmd: list[str], env: dict[str, str], timeout: float) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result


def ensure_seeded(db: Database, env: dict[str, str]) -> dict[str, Any]:
    """Seed unless the marker says this database already holds this size, seed and code version."""
    wanted = {"employees": db.employees, "seed": SEED, "fingerprint": fingerprint()}
    if db.marker.exists() and db.exists():
        marker = json.loads(db.marker.read_text())
        if {key: marker.get(key) for key in wanted} == wanted:
            log(f"reusing the {db.employees}-employee {db.engine} database (seeded in {marker['seed_seconds']} s)")
            return {**marker, "reused": True}
    db.create()
    log(f"seeding {db.employees} employees on {db.engine} …")
    run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env, timeout=600)
    started = time.perf_counter()
    run([PYTHON, "manage.py", "seed_demo", "--reset", "--employees", str(db.employees), "--seed", str(SEED)], env, 900)
    marker = {**wanted, "seed_seconds": round(time.perf_counter() - started, 1)}
    db.marker.write_text(json.dumps(marker))
    log(f"seeded in {marker['seed_seconds']} s (manage.py seed_demo, including interpreter start-up)")
    return {**marker, "reused": False}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def request(port: int, path: str, headers: dict[str, str]) -> tuple[int, int | None]:
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        response.read()
        count = response.getheader("X-Query-Count")
        return response.status, int(count) if count is not None else None
    finally:
        conn.close()


class Server:
    """gunicorn config.wsgi, as `make run` serves it, on a loopback port; always stopped by the caller."""

    def __init__(self, env: dict[str, str], employees: int) -> None:
        self.port = free_port()
        self.log_path = OUT / f"gunicorn-{employees}.log"
        self.command = [GUNICORN, "config.wsgi", "--bind", f"{HOST}:{self.port}", "--workers", str(WORKERS),
                        "--log-level", "warning"]  # fmt: skip
        self.log_file = self.log_path.open("w")
        self.process = subprocess.Popen(self.command, cwd=ROOT, env=env, stdout=self.log_file, stderr=subprocess.STDOUT)

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited ({self.process.returncode}); see {self.log_path}")
            try:
                if request(self.port, "/healthz", {})[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"gunicorn did not answer /healthz within {timeout} s; see {self.log_path}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        self.log_file.close()


def query_counts(port: int, pages: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Status and SQL query count per page, after warming every worker (first requests fill caches)."""
    counts = {}
    for page in pages:
        for _ in range(WARMUP_REQUESTS):
            request(port, page["path"], page["headers"])
        observed, timings = [], []
        for _ in range(COUNTED_REQUESTS):
            started = time.perf_counter()
            observed.append(request(port, page["path"], page["headers"]))
            timings.append(time.perf_counter() - started)
        numbers = [n for _, n in observed if n is not None]
        counts[page["name"]] = {
            "status": observed[-1][0],
            "single_ms": round(sorted(timings)[len(timings) // 2] * 1000, 1),
            "queries": min(numbers) if numbers else None,
            "queries_stable": len(set(numbers)) <= 1,
        }
    return counts


def settle(port: int, timeout: float = 60) -> None:
    """Wait until the workers have drained what the previous run left queued (slow pages outlive wrk's run)."""
    deadline, quick = time.monotonic() + timeout, 0
    while time.monotonic() < deadline and quick < 3:
        started = time.perf_counter()
        request(port, "/healthz", {})
        quick = quick + 1 if time.perf_counter() - started < 0.05 else 0


def wrk(port: int, page: dict[str, Any]) -> dict[str, Any]:
    cmd = ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{DURATION_S}s", "--timeout", "10s",
           "-s", str(BENCH / "report.lua")]  # fmt: skip
    for name, value in page["headers"].items():
        cmd += ["-H", f"{name}: {value}"]
    cmd.append(f"http://{HOST}:{port}{page['path']}")
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=DURATION_S + 60, check=False)
    for line in result.stdout.splitlines():
        if line.startswith("BENCH_JSON "):
            return dict(json.loads(line.removeprefix("BENCH_JSON ")))
    raise RuntimeError(f"wrk gave no report for {page['path']}:\n{result.stdout}\n{result.stderr}")


def tool_version(cmd: list[str]) -> str:
    result = subprocess.run(cmd, capture_output=True, text=True, check=False)
    return (result.stdout or result.stderr).splitlines()[0].strip()


def measure(employees: int, base_env: dict[str, str]) -> dict[str, Any]:
    db = Database(employees)
    env = db.env(base_env)
    seeding = ensure_seeded(db, env)
    prepared = json.loads(run([PYTHON, str(BENCH / "prepare.py")], env, timeout=300).stdout)
    pages = prepared["pages"]
    server = Server(env, employees)
    try:
        server.wait_ready()
        counts = query_counts(server.port, pages)
        loads = {}
        load_before = round(os.getloadavg()[0], 2)
        if employees == MEASURED_SIZE:
            for page in pages:
                log(f"wrk {page['name']} ({page['path']}) as {page['user'] or 'anonymous'}")
                settle(server.port)
                loads[page["name"]] = wrk(server.port, page)
    finally:
        server.stop()
    return {
        "db": db,
        "seeding": seeding,
        "pages": pages,
        "counts": counts,
        "loads": loads,
        "server": server,
        "load_before": load_before,
        "load_after": round(os.getloadavg()[0], 2),
    }


def status_ok(status: int | None) -> bool:
    return status is not None and 200 <= status < 300


def compose(small: dict[str, Any], large: dict[str, Any]) -> dict[str, Any]:
    loads = large["loads"]
    healthz_rps = loads["healthz"]["rps"]
    rows = []
    for page in large["pages"]:
        name = page["name"]
        load, count, count_600 = loads[name], large["counts"][name], small["counts"].get(name, {})
        rows.append(
            {
                "name": name,
                "path": page["path"],
                "user": page["user"],
                "status": count["status"],
                "rps": round(load["rps"], 1),
                "p50_ms": round(load["p50_us"] / 1000, 2),
                "p95_ms": round(load["p95_us"] / 1000, 2),
                # Median of unloaded single requests: the only latency left when a page is slower than the wrk run.
                "single_request_ms": count["single_ms"],
                "queries": count["queries"],
                "queries_600": count_600.get("queries"),
                "queries_equal": count["queries"] is not None and count["queries"] == count_600.get("queries"),
                "ratio_to_healthz": round(load["rps"] / healthz_rps, 3) if healthz_rps else None,
                "non_2xx": load["non_2xx"],
                "status_600": count_600.get("status"),
                "socket_errors": load["socket_errors"],
                "requests": load["requests"],
            }
        )
    server = large["server"]
    return {
        "generated_at": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        "database": large["db"].engine,
        "employees": MEASURED_SIZE,
        "server": f"{' '.join(['gunicorn', *server.command[1:]]).replace(str(server.port), '<port>')} "
        f"({tool_version([GUNICORN, '--version'])}, DJANGO_DEBUG=0)",
        "load_generator": f"wrk -t{THREADS} -c{CONNECTIONS} -d{DURATION_S}s ({tool_version(['wrk', '-v'])})",
        "cpus": os.cpu_count(),
        # Other work on the machine skews throughput; the 1-minute load average before and after tells.
        "load_average": {"before": large["load_before"], "after": large["load_after"]},
        "seeding": {
            str(run["db"].employees): {
                "seconds": run["seeding"]["seed_seconds"],
                "reused": run["seeding"]["reused"],
            }
            for run in (small, large)
        },
        "healthz_rps": round(healthz_rps, 1),
        "pages": rows,
        "all_query_counts_equal": all(row["queries_equal"] for row in rows),
    }


def print_table(results: dict[str, Any]) -> None:
    header = f"{'page':<26} {'user':<13} {'st':>3} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'1 req':>8} " \
             f"{'q@5000':>6} {'q@600':>6} {'ratio':>6} {'non2xx':>6}"  # fmt: skip
    print(
        f"\n{results['database']}, {results['employees']} employees; {results['server']}; {results['load_generator']}"
    )
    print(header)
    print("-" * len(header))
    for row in results["pages"]:
        mark = "" if row["queries_equal"] else "  <- query count differs"
        print(
            f"{row['name']:<26} {row['user'] or '-':<13} {row['status']:>3} {row['rps']:>8.1f} {row['p50_ms']:>8.2f} "
            f"{row['p95_ms']:>8.2f} {row['single_request_ms']:>8.1f} {row['queries']!s:>6} {row['queries_600']!s:>6} "
            f"{row['ratio_to_healthz']!s:>6} {row['non_2xx']:>6}{mark}"
        )


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    base_env = dict(os.environ)
    # A production-like server: no debug; a throw-away key shared by prepare.py (sessions) and gunicorn.
    base_env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=f"bench-{secrets.token_hex(24)}",
        KINERJA_QUERY_COUNT_HEADER="1",
        LOG_LEVEL="WARNING",
    )
    small = measure(SIZES[0], base_env)
    large = measure(SIZES[1], base_env)
    results = compose(small, large)
    (BENCH / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print_table(results)
    problems = [
        f"{row['name']}: queries {row['queries_600']} at 600 vs {row['queries']} at 5000"
        for row in results["pages"]
        if not row["queries_equal"]
    ] + [
        f"{row['name']}: HTTP {row['status']} (600: {row['status_600']}), {row['non_2xx']} non-2xx under load"
        for row in results["pages"]
        if not (status_ok(row["status"]) and status_ok(row["status_600"])) or row["non_2xx"]
    ]
    print(f"\nwrote {BENCH / 'results.json'}")
    for problem in problems:
        print(f"FAIL {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
