"""Benchmark: requests per second of GET /api/v1/register/check on PostgreSQL.

Builds a register of N organisations (default 10,000) with `kwalibo demo-data` in a
fresh PostgreSQL database, serves it with `kwalibo serve` (gunicorn), and fires check
requests for random (KvK, activity, date) triples from several client processes over
keep-alive connections. Prints a Markdown result row for bench/README.md.

    .venv/bin/python bench/register_check.py [--organisations 10000] [--seconds 20]
        [--clients 8] [--workers 2] [--threads 4] [--database-url postgres://postgres@127.0.0.1:5432/kwalibo_bench]
"""

import argparse
import datetime as dt
import http.client
import json
import multiprocessing as mp
import os
import platform
import random
import statistics
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KWALIBO = str(Path(sys.executable).parent / "kwalibo")
TODAY = dt.datetime.now(tz=dt.UTC).date()


def run(args: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run([KWALIBO, *args], env=env, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def reset_database(url: str) -> None:
    parts = urllib.parse.urlparse(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    import psycopg

    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def sample_queries(env: dict[str, str], count: int) -> list[str]:
    """Random check URLs: KvK numbers from the register plus unknown ones, dates 2015-today."""
    script = (
        "import json; from kwalibo.register.models import Organisation, Activity;"
        "print(json.dumps([list(Organisation.objects.values_list('kvk_number', flat=True)),"
        " list(Activity.objects.values_list('code', flat=True))]))"
    )
    output = subprocess.run(
        [KWALIBO, "shell", "-c", script],
        env=env,
        check=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout
    kvks, activities = json.loads(output.strip().splitlines()[-1])
    rng = random.Random(42)
    start, days = dt.date(2015, 1, 1), (TODAY - dt.date(2015, 1, 1)).days
    queries = []
    for _ in range(count):
        kvk = rng.choice(kvks) if rng.random() < 0.9 else f"{rng.randrange(10**7, 10**8)}"
        on = start + dt.timedelta(days=rng.randrange(days))
        queries.append(
            f"/api/v1/register/check?kvk={kvk}&activity={rng.choice(activities)}&on={on}"
        )
    return queries


def client(
    port: int, queries: list[str], seconds: float, results: "mp.Queue[tuple[int, int, list[float]]]"
) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    ok = errors = 0
    latencies: list[float] = []
    deadline = time.perf_counter() + seconds
    index = 0
    while time.perf_counter() < deadline:
        started = time.perf_counter()
        connection.request("GET", queries[index % len(queries)])
        response = connection.getresponse()
        response.read()
        latencies.append(time.perf_counter() - started)
        if response.status == 200:
            ok += 1
        else:
            errors += 1
        index += 1
    results.put((ok, errors, latencies))


def wait_until_up(port: int) -> None:
    for _ in range(100):
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("server did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--organisations", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/kwalibo_bench"
    )
    parser.add_argument(
        "--keep", action="store_true", help="reuse the database if it is already loaded"
    )
    options = parser.parse_args()

    env = os.environ | {
        "DATABASE_URL": options.database_url,
        "SECRET_KEY": "benchmark-only-secret",
        "DEBUG": "false",
        # All load comes from one IP: the rate limit is switched off so the benchmark measures
        # the check itself (DRF's throttle keeps a list of every request in its window).
        "THROTTLE_ANON": "off",
        "THROTTLE_USER": "off",
        "KWALIBO_DEMO_PASSWORD": "benchmark-password-1",
        "SECURE_COOKIES": "false",
    }
    if not options.keep:
        reset_database(options.database_url)
        migrate = run(["migrate", "--noinput", "-v0"], env)
        load = run(["demo-data", "--organisations", str(options.organisations)], env)
        print(
            f"migrate {migrate:.1f} s, demo-data {options.organisations} organisations {load:.1f} s"
        )
    queries = sample_queries(env, 5000)
    server = subprocess.Popen(
        [
            KWALIBO,
            "serve",
            "--port",
            str(options.port),
            "--workers",
            str(options.workers),
            "--threads",
            str(options.threads),
        ],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until_up(options.port)
        warm: mp.Queue[tuple[int, int, list[float]]] = mp.Queue()
        client(options.port, queries[:200], 2, warm)
        warm.get()
        results: mp.Queue[tuple[int, int, list[float]]] = mp.Queue()
        processes = [
            mp.Process(
                target=client,
                args=(options.port, queries[i :: options.clients], options.seconds, results),
            )
            for i in range(options.clients)
        ]
        started = time.perf_counter()
        for process in processes:
            process.start()
        collected = [results.get() for _ in processes]
        elapsed = time.perf_counter() - started
        for process in processes:
            process.join()
    finally:
        server.terminate()
        server.wait()
    ok = sum(r[0] for r in collected)
    errors = sum(r[1] for r in collected)
    latencies = sorted(latency for r in collected for latency in r[2])
    p50 = statistics.median(latencies) * 1000
    p99 = latencies[int(len(latencies) * 0.99)] * 1000
    print(
        f"| {TODAY} | {options.organisations:,} | {options.workers}×{options.threads} | {options.clients} "
        f"| {ok / elapsed:,.0f} | {p50:.1f} | {p99:.1f} | {errors} | {os.cpu_count()} cores, {platform.python_version()} |"
    )


if __name__ == "__main__":
    main()
