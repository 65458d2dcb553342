"""Real parts for the reminder tests: an SMTP server on loopback, a Celery worker with beat on
the test database, and a way to restart the machine's Redis the way it was started."""

import asyncio
import email
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlparse

from aiosmtpd.controller import Controller
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class SmtpSink:
    """Keeps every accepted message; can refuse each reminder's first tries or answer slowly."""

    def __init__(self, refuse_each: int = 0, pause: float = 0.0):
        self.refuse_each = refuse_each
        self.pause = pause
        self.tries: Counter[str] = Counter()
        self.messages: list[email.message.Message] = []
        self.lock = threading.Lock()
        self.port = free_port()
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        # Slow before the message is sent, so a worker killed meanwhile has sent nothing.
        await asyncio.sleep(self.pause)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content)
        reminder = message["X-RunStrong-Reminder"]
        with self.lock:
            self.tries[reminder] += 1
            if self.tries[reminder] <= self.refuse_each:
                return "451 4.3.0 Try again later"
            self.messages.append(message)
        return "250 Message accepted"

    @property
    def reminder_ids(self) -> Counter[str]:
        with self.lock:
            return Counter(message["X-RunStrong-Reminder"] for message in self.messages)

    def wait_for(self, count: int, seconds: float) -> bool:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if len(self.messages) >= count:
                return True
            time.sleep(0.1)
        return False


def test_database_url() -> str:
    """The database pytest-django made, for a worker process to use."""
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


class Worker:
    """`celery worker --beat` in its own process group, logging to a file the test can print."""

    def __init__(self, tmp_path: Path, smtp_port: int, concurrency: int = 2):
        self.log = tmp_path / "worker.log"
        self.env = dict(
            os.environ,
            DJANGO_SETTINGS_MODULE="config.settings.test",
            DATABASE_URL=test_database_url(),
            EMAIL_URL=f"smtp://127.0.0.1:{smtp_port}",
            EMAIL_TIMEOUT="3",
            REMINDER_SWEEP_SECONDS="1",
            REMINDER_LEASE_SECONDS="5",
            REMINDER_RETRY_SECONDS="1",
            RUNSTRONG_VAR_DIR=str(tmp_path / "var"),
        )
        self.argv = [
            sys.executable,
            *("-m", "celery", "-A", "config", "worker", "--beat"),
            *("--concurrency", str(concurrency), "--loglevel", "INFO"),
            *("-s", str(tmp_path / "beat-schedule")),
        ]
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                self.argv,
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def kill(self) -> None:
        """SIGKILL the worker, its pool and its beat at once: no chance to clean up."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.kill()

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""


def redis_options(url: str) -> dict[str, str]:
    """The options the Redis behind `url` runs with; these machines start it from the command
    line, not from a config file, so this is how to start it again the same way."""
    options = {}
    for name in ("bind", "port", "dir", "logfile", "pidfile", "save", "appendonly"):
        output = subprocess.run(
            [*_cli(url), "config", "get", name], capture_output=True, text=True, check=True
        )
        options[name] = output.stdout.splitlines()[1]
    return options


def restart_redis(url: str, options: dict[str, str]) -> None:
    """Shut Redis down without saving (so every queued message is gone), then start it again."""
    subprocess.run([*_cli(url), "shutdown", "nosave"], capture_output=True)
    if not _wait_until(lambda: not redis_answers(url), 10):
        raise RuntimeError("Redis did not stop")
    ensure_redis(url, options)


def ensure_redis(url: str, options: dict[str, str]) -> None:
    if redis_answers(url):
        return
    argv = [shutil.which("redis-server") or "redis-server", "--daemonize", "yes"]
    for name, value in options.items():
        argv += [f"--{name}", value]
    subprocess.run(argv, check=True, cwd=options["dir"] or "/")
    if not _wait_until(lambda: redis_answers(url), 10):
        raise RuntimeError(f"Redis did not come back at {url}")


def redis_answers(url: str) -> bool:
    parsed = urlparse(url)
    return _answers(parsed.hostname or "127.0.0.1", parsed.port or 6379)


def _cli(url: str) -> list[str]:
    parsed = urlparse(url)
    return ["redis-cli", "-h", parsed.hostname or "127.0.0.1", "-p", str(parsed.port or 6379)]


def _answers(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), 0.5) as conn:
            conn.sendall(b"PING\r\n")
            return conn.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def _wait_until(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False
