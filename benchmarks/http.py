"""Serve the app with gunicorn and put it under a fixed concurrency of keep-alive clients."""

import http.client
import os
import socket
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORKERS = 2  # one per core on the reference machine


@dataclass(frozen=True)
class LoadResult:
    path: str
    requests: int
    seconds: float
    latencies_ms: tuple[float, ...]
    first_ms: float  # the page's very first request: nothing of it cached yet

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds

    def percentile(self, fraction: float) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]

    @property
    def p50(self) -> float:
        return statistics.median(self.latencies_ms)

    @property
    def p95(self) -> float:
        return self.percentile(0.95)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_serving(port: int, process: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("gunicorn exited before serving")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/bench/baseline/")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer in time")


@contextmanager
def gunicorn_server():
    """Yield the port of a gunicorn serving the bench settings; stop it afterwards."""
    port = _free_port()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.bench"}
    command = [
        sys.executable, "-m", "gunicorn", "config.wsgi",
        "--bind", f"127.0.0.1:{port}", "--workers", str(WORKERS), "--log-level", "warning",
    ]  # fmt: skip
    process = subprocess.Popen(command, cwd=ROOT, env=env)
    try:
        _wait_until_serving(port, process)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)


def _client_loop(port: int, path: str, cookie: str, count: int) -> list[float]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Cookie": cookie} if cookie else {}
    latencies = []
    for _ in range(count):
        started = time.perf_counter()
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        response.read()
        if response.status != 200:
            raise RuntimeError(f"GET {path} answered {response.status}")
        latencies.append((time.perf_counter() - started) * 1000)
    conn.close()
    return latencies


def load(port: int, path: str, *, cookie: str = "", concurrency: int, requests: int) -> LoadResult:
    """Send `requests` GETs from `concurrency` keep-alive clients; every answer must be 200.
    The first request (a cold cache) is timed on its own, then a warm-up, then the load."""
    [first_ms] = _client_loop(port, path, cookie, 1)
    _client_loop(port, path, cookie, 5)  # warm-up: imports, template caches, connections
    per_client = requests // concurrency
    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        futures = [
            pool.submit(_client_loop, port, path, cookie, per_client) for _ in range(concurrency)
        ]
        latencies = [ms for future in futures for ms in future.result()]
    return LoadResult(
        path, len(latencies), time.perf_counter() - started, tuple(latencies), first_ms
    )
