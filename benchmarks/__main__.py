"""`make bench`: a fresh bench database, every benchmark, then docs/benchmarks.md."""

import os
import platform
import sys
from datetime import UTC, datetime
from pathlib import Path

os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.bench"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from benchmarks import suites  # noqa: E402

REPORT = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"


def fresh_database() -> None:
    call_command("migrate", verbosity=0)
    call_command("flush", interactive=False, verbosity=0)


HEADER = (
    "# Benchmarks\n\n"
    "Written by `make bench` (benchmarks/). Each section says when and on what it was measured;\n"
    "`python -m benchmarks NAME` refreshes only that section (per database), keeping the rest.\n"
)


def section_title(bench) -> str:
    return f"## {bench.__doc__.strip().splitlines()[0].rstrip('.')} ({connection.vendor})"


def measured_on() -> str:
    return (
        f"_Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {connection.vendor}, "
        f"load average {os.getloadavg()[0]:.1f} at the end._"
    )


def existing_sections() -> dict[str, str]:
    """The report's sections by title, so that a partial run keeps the others."""
    if not REPORT.exists():
        return {}
    parts = REPORT.read_text().split("\n## ")[1:]
    return {f"## {part.splitlines()[0]}": f"## {part.rstrip()}\n" for part in parts}


def main(selected: list[str]) -> None:
    sections = existing_sections()
    for name, bench in suites.ALL.items():
        if selected and name not in selected:
            continue
        print(f"running {name} …", flush=True)
        fresh_database()
        title = section_title(bench)
        sections[title] = f"{title}\n\n{measured_on()}\n\n{bench()}\n"
        print(sections[title], flush=True)
    REPORT.write_text("\n".join([HEADER, *sections.values()]))
    print(f"wrote {REPORT}")


if __name__ == "__main__":
    main(sys.argv[1:])
