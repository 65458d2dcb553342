"""Writing a person's tables into a zip: a CSV per table, all of them again in data.json, and
each imported activity's file as it was uploaded."""

import csv
import io
import json
import zipfile
from collections.abc import Callable, Iterator
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from accounts.models import User
from activities.models import Activity
from privacy.inventory import TABLES, Table

README = """Your RunStrong data, as it was on {when} (UTC).

Each table is here twice: as a CSV file (one row per line, for a spreadsheet) and in
data.json (all tables in one file, for a program). Dates are ISO 8601; times are UTC.
Lists and nested values in a CSV cell are written as JSON.

activities/ holds each file you imported, exactly as you uploaded it.
Your password is not included: we only ever kept a one-way hash of it.
"""


def columns(table: Table) -> list[str]:
    return [
        field.attname
        for field in table.model._meta.concrete_fields
        if field.name not in table.left_out
    ]


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if hasattr(value, "total_seconds"):  # a duration
        return value.total_seconds()
    if isinstance(value, memoryview | bytes):
        return None
    return value


def _rows(table: Table, user: User) -> Iterator[dict[str, Any]]:
    names = columns(table)
    for row in table.rows(user).order_by("pk").values(*names).iterator(chunk_size=500):
        yield {name: _plain(row[name]) for name in names}


def _csv_cell(value: Any) -> Any:
    return json.dumps(value) if isinstance(value, dict | list) else value


def _table_csv(names: list[str], rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(names)
    for row in rows:
        writer.writerow([_csv_cell(row[name]) for name in names])
    return out.getvalue()


def _activity_files(user: User) -> Iterator[tuple[str, bytes]]:
    kept = Activity.objects.filter(runner=user).exclude(original=b"").order_by("pk")
    for activity_id, name, original in kept.values_list("pk", "file_name", "original").iterator(
        chunk_size=20
    ):
        safe_name = name.replace("/", "_").replace("\\", "_")
        yield f"activities/{activity_id}-{safe_name}", bytes(original)


def write_archive(
    user: User, target: io.BufferedIOBase, *, now: datetime, step: Callable[[int], None]
) -> int:
    """Write every table of `user` into `target` as a zip; calls `step(percent)` as it goes.
    Returns how many rows it wrote."""
    everything: dict[str, list[dict[str, Any]]] = {}
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", README.format(when=now.strftime("%Y-%m-%d %H:%M")))
        for done, table in enumerate(TABLES, start=1):
            rows = list(_rows(table, user))
            everything[table.name] = rows
            archive.writestr(f"{table.name}.csv", _table_csv(columns(table), rows))
            step(90 * done // len(TABLES))
        archive.writestr("data.json", json.dumps(everything, indent=1, ensure_ascii=False))
        for path, data in _activity_files(user):
            archive.writestr(path, data)
    return sum(len(rows) for rows in everything.values())
