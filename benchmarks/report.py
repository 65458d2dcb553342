"""Turn measurements into the markdown tables of docs/benchmarks.md."""

from benchmarks.http import LoadResult


def table(headers: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def page_rows(results: dict[str, tuple[LoadResult, int]], baseline: LoadResult) -> list[list[str]]:
    """One row per page: requests/s, its ratio to the baseline, p50, p95, the first request,
    queries."""
    return [
        [
            label,
            f"{result.per_second:.0f}",
            f"{result.per_second / baseline.per_second:.2f}",
            f"{result.p50:.1f}",
            f"{result.p95:.1f}",
            f"{result.first_ms:.1f}",
            str(queries),
        ]
        for label, (result, queries) in results.items()
    ]


PAGE_HEADERS = ["page", "requests/s", "× baseline", "p50 ms", "p95 ms", "first ms", "queries"]
