"""Start the web server and a Celery worker with embedded beat; Ctrl-C stops both."""

import os
import signal
import subprocess
import sys
import time

PYTHON = sys.executable
COMMANDS = {
    "web": [PYTHON, "manage.py", "runserver", "127.0.0.1:8000"],
    "worker": [
        PYTHON,
        "-m",
        "celery",
        "-A",
        "config",
        "worker",
        "--beat",
        "--concurrency",
        "2",
        # The beat sweep runs every 10 s; at INFO its lines would bury the emails printed here.
        "--loglevel",
        "WARNING",
    ],
}


def start(name: str, argv: list[str]) -> subprocess.Popen:
    # Own process group, so stopping it also stops runserver's autoreloader child.
    return subprocess.Popen(argv, start_new_session=True)


def stop(processes: dict[str, subprocess.Popen]) -> None:
    for name, process in processes.items():
        if process.poll() is None and name == "worker":
            process.terminate()  # the worker's main process stops its own pool cleanly
        elif process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
    deadline = time.monotonic() + 15
    for process in processes.values():
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def raise_keyboard_interrupt(signum, frame):
    raise KeyboardInterrupt


def main() -> int:
    processes = {name: start(name, argv) for name, argv in COMMANDS.items()}
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, raise_keyboard_interrupt)
    print("RunStrong is starting on http://127.0.0.1:8000/ (Ctrl-C stops the site and the worker)")
    try:
        while all(process.poll() is None for process in processes.values()):
            time.sleep(0.5)
        stopped = [name for name, process in processes.items() if process.poll() is not None]
        print(f"{', '.join(stopped)} stopped; shutting down the rest.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nStopping RunStrong…")
        return 0
    finally:
        stop(processes)


if __name__ == "__main__":
    sys.exit(main())
