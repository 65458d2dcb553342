"""The route and the pace/elevation profile as inline SVG drawn on the server: no map tiles, no
script, nothing fetched, so the page works offline."""

import math

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

WIDTH, HEIGHT, PAD = 600, 220, 36
PACE_WINDOW_M = 200  # pace over the last 200 m: steady enough to read, quick enough to show surges


def _polyline(points: list[tuple[float, float]]) -> str:
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in points)


def route_svg(track: list[list]) -> SafeString:
    """The route seen from above, north up, in proportion; "" when the file had no positions."""
    spots = [(row[2], row[3]) for row in track if row[2] is not None and row[3] is not None]
    if len(spots) < 2:
        return SafeString("")
    lats, lons = [lat for lat, _ in spots], [lon for _, lon in spots]
    squeeze = math.cos(math.radians(sum(lats) / len(lats)))
    width_deg = max((max(lons) - min(lons)) * squeeze, 1e-9)
    height_deg = max(max(lats) - min(lats), 1e-9)
    scale = min((WIDTH - 2 * PAD) / width_deg, (HEIGHT * 1.5 - 2 * PAD) / height_deg)
    height = round(height_deg * scale + 2 * PAD)
    points = [
        (PAD + (lon - min(lons)) * squeeze * scale, height - PAD - (lat - min(lats)) * scale)
        for lat, lon in spots
    ]
    (sx, sy), (ex, ey) = points[0], points[-1]
    return format_html(
        '<svg viewBox="0 0 {w} {h}" class="w-100 border rounded bg-light" role="img" '
        'aria-label="The route, north up" data-testid="route">'
        '<polyline points="{p}" fill="none" stroke="#0d6efd" stroke-width="3" '
        'stroke-linejoin="round"/>'
        '<circle cx="{sx:.1f}" cy="{sy:.1f}" r="6" fill="#198754"><title>Start</title></circle>'
        '<circle cx="{ex:.1f}" cy="{ey:.1f}" r="6" fill="#dc3545"><title>Finish</title></circle>'
        "</svg>",
        w=WIDTH, h=height, p=_polyline(points), sx=sx, sy=sy, ex=ex, ey=ey,
    )  # fmt: skip


def _paces(track: list[list]) -> list[tuple[float, float]]:
    """(metres, seconds per km) over the last PACE_WINDOW_M, from the moving clock."""
    paces, start = [], 0
    for row in track:
        while track[start][0] < row[0] - PACE_WINDOW_M:
            start += 1
        metres = row[0] - track[max(start - 1, 0)][0]
        seconds = row[1] - track[max(start - 1, 0)][1]
        if metres >= PACE_WINDOW_M / 2 and seconds > 0:
            paces.append((row[0], 1000 * seconds / metres))
    return paces


def clock(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    return f"{minutes}:{secs:02}"


def profile_svg(track: list[list], *, unit: str, metres_per_unit: float) -> SafeString:
    """Elevation as a shaded area and pace as a line, both along the distance."""
    if len(track) < 2 or track[-1][0] <= 0:
        return SafeString("")
    total = track[-1][0]

    def x(metres: float) -> float:
        return PAD + (WIDTH - 2 * PAD) * metres / total

    parts = []
    elevations = [(row[0], row[4]) for row in track if row[4] is not None]
    if len(elevations) >= 2:
        low, high = min(e for _, e in elevations), max(e for _, e in elevations)
        span = max(high - low, 10.0)

        def ey(e: float) -> float:
            return HEIGHT - PAD - (HEIGHT - 2 * PAD) * (e - low) / span

        area = [(x(elevations[0][0]), HEIGHT - PAD)] + [(x(m), ey(e)) for m, e in elevations]
        area.append((x(elevations[-1][0]), HEIGHT - PAD))
        parts.append(
            format_html(
                '<polygon points="{}" fill="#adb5bd" fill-opacity=".5"/>'
                '<text x="4" y="{:.0f}" font-size="11" fill="#6c757d">{} m</text>'
                '<text x="4" y="{:.0f}" font-size="11" fill="#6c757d">{} m</text>',
                _polyline(area), ey(high) + 4, round(high), ey(low), round(low),
            )  # fmt: skip
        )
    paces = _paces(track)
    if len(paces) >= 2:
        per_unit = metres_per_unit / 1000
        fast = min(p for _, p in paces) * per_unit
        slow = max(p for _, p in paces) * per_unit
        span = max(slow - fast, 30.0)

        def py(pace: float) -> float:  # faster is higher
            return PAD + (HEIGHT - 2 * PAD) * (pace * per_unit - fast) / span

        parts.append(
            format_html(
                '<polyline points="{}" fill="none" stroke="#0d6efd" stroke-width="2"/>'
                '<text x="{}" y="{:.0f}" font-size="11" fill="#0d6efd" text-anchor="end">{} /{}</text>'
                '<text x="{}" y="{:.0f}" font-size="11" fill="#0d6efd" text-anchor="end">{} /{}</text>',
                _polyline([(x(m), py(p)) for m, p in paces]),
                WIDTH - 2, py(fast / per_unit) + 4, clock(fast), unit,
                WIDTH - 2, py(slow / per_unit), clock(slow), unit,
            )  # fmt: skip
        )
    ticks = format_html_join(
        "",
        '<line x1="{0:.1f}" x2="{0:.1f}" y1="{1}" y2="{2}" stroke="#dee2e6"/>'
        '<text x="{0:.1f}" y="{3}" font-size="11" text-anchor="middle" fill="#6c757d">{4}</text>',
        (
            (x(n * metres_per_unit), PAD, HEIGHT - PAD, HEIGHT - PAD + 14, n)
            for n in range(0, int(total / metres_per_unit) + 1)
        ),
    )
    return format_html(
        '<svg viewBox="0 0 {} {}" class="w-100 border rounded" role="img" '
        'aria-label="Pace and elevation along the run" data-testid="profile">{}{}'
        '<text x="{}" y="{}" font-size="11" text-anchor="end" fill="#6c757d">{}</text></svg>',
        WIDTH, HEIGHT, ticks, mark_safe("".join(parts)), WIDTH - PAD, HEIGHT - 4, unit,
    )  # fmt: skip
