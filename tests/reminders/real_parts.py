"""Real parts for the reminder tests: an SMTP server on loopback, a Celery worker with beat on
the test database, and a Redis server of the test's own that can be restarted."""

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

from aiosmtpd.controller import Controller
from django.db import connection

from config.celery import app

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class SmtpSink:
    """Keeps every accepted message; can refuse each reminder's first tries, answer slowly, or
    keep the first copy of every `hang_up_on_every`-th reminder and hang up before saying so
    (the sender cannot tell whether it went through)."""

    def __init__(self, refuse_each: int = 0, pause: float = 0.0, hang_up_on_every: int = 0):
        self.refuse_each = refuse_each
        self.pause = pause
        self.hang_up_on_every = hang_up_on_every
        self.hung_up = 0
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
            hang_up = self._hangs_up_on(reminder)
        if hang_up:
            self.hung_up += 1
            server.transport.abort()  # stored, and gone before the 250
        return "250 Message accepted"

    def _hangs_up_on(self, reminder: str) -> bool:
        every = self.hang_up_on_every
        return bool(every) and int(reminder) % every == 0 and self.tries[reminder] == 1

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

    def __init__(
        self,
        tmp_path: Path,
        smtp_port: int,
        concurrency: int = 2,
        name: str = "worker",
        beat: bool = True,
    ):
        self.log = tmp_path / f"{name}.log"
        self.env = dict(
            os.environ,
            DJANGO_SETTINGS_MODULE="config.settings.test",
            DATABASE_URL=test_database_url(),
            EMAIL_URL=f"smtp://127.0.0.1:{smtp_port}",
            EMAIL_TIMEOUT="2",
            REMINDER_SWEEP_SECONDS="1",
            REMINDER_LEASE_SECONDS="13",  # just over the slowest send: (2 + 4) × 2 s
            REMINDER_RETRY_SECONDS="1",
            RUNSTRONG_VAR_DIR=str(tmp_path / "var"),
        )
        self.argv = [
            sys.executable,
            *("-m", "celery", "-A", "config", "worker", "-n", f"{name}@%h"),
            *("--concurrency", str(concurrency), "--loglevel", "INFO"),
            *(("--beat", "-s", str(tmp_path / "beat-schedule")) if beat else ()),
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
        assert self.process is not None, "the worker was never started"
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


class PrivateRedis:
    """A Redis server of the test's own on a free loopback port, to restart at will.

    The fault tests never restart the machine's Redis: a server restarted from a session is
    that session's process and dies with it, and CI, which runs after the session, would find
    no Redis at all."""

    def __init__(self, data_dir: Path):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.data_dir = data_dir
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen(
            [
                REDIS_SERVER,
                *("--bind", "127.0.0.1", "--port", str(self.port)),
                *("--save", "", "--appendonly", "no", "--dir", str(self.data_dir)),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        if not _wait_until(self.answers, 10):
            raise RuntimeError(f"Redis did not start on port {self.port}")

    def restart(self) -> None:
        """Kill Redis outright, so every queued message is gone, then start it again."""
        self.stop()
        self.start()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def answers(self) -> bool:
        return _answers("127.0.0.1", self.port)


REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"


def point_celery_at(broker_url: str) -> None:
    """Send this process's tasks to `broker_url` from now on. The app caches its broker pools
    on first use, so it lets go of them, as Celery does itself after a fork (kombu keeps one
    pool per broker address, open, for whoever asks for that address again)."""
    app._pool = None  # type: ignore[attr-defined]  # private: the stubs leave it out
    app.amqp._producer_pool = None  # type: ignore[attr-defined]  # private, as above
    # What `app.conf.broker_url = ...` does; the stubs only know the read-only property.
    app.conf["broker_url"] = broker_url


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
