"""The route and the pace/elevation profile as inline SVG drawn on the server: no map tiles, no
script, nothing fetched, so the page works offline. Only numbers and escaped unit names go in."""

import math

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from plans.templatetags.plans_tags import clock

WIDTH, HEIGHT, PAD = 600, 220, 36
PACE_WINDOW_M = 200  # pace over the last 200 m: steady enough to read, quick enough to show surges
LABEL = 'font-size="11"'


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
    return mark_safe(
        f'<svg viewBox="0 0 {WIDTH} {height}" class="w-100 border rounded bg-light" role="img" '
        'aria-label="The route, north up" data-testid="route">'
        f'<polyline points="{_polyline(points)}" fill="none" stroke="#0d6efd" stroke-width="3" '
        'stroke-linejoin="round"/>'
        f'<circle cx="{sx:.1f}" cy="{sy:.1f}" r="6" fill="#198754"><title>Start</title></circle>'
        f'<circle cx="{ex:.1f}" cy="{ey:.1f}" r="6" fill="#dc3545"><title>Finish</title></circle>'
        "</svg>"
    )


def _paces(track: list[list]) -> list[tuple[float, float]]:
    """(metres, seconds per km) over the last PACE_WINDOW_M, from the moving clock."""
    paces, start = [], 0
    for row in track:
        while track[start][0] < row[0] - PACE_WINDOW_M:
            start += 1
        base = track[max(start - 1, 0)]
        metres, seconds = row[0] - base[0], row[1] - base[1]
        if metres >= PACE_WINDOW_M / 2 and seconds > 0:
            paces.append((row[0], 1000 * seconds / metres))
    return paces


def _elevation(track: list[list], x) -> str:
    elevations = [(row[0], row[4]) for row in track if row[4] is not None]
    if len(elevations) < 2:
        return ""
    low, high = min(e for _, e in elevations), max(e for _, e in elevations)
    span = max(high - low, 10.0)

    def y(e: float) -> float:
        return HEIGHT - PAD - (HEIGHT - 2 * PAD) * (e - low) / span

    area = [(x(elevations[0][0]), HEIGHT - PAD)] + [(x(m), y(e)) for m, e in elevations]
    area.append((x(elevations[-1][0]), HEIGHT - PAD))
    return (
        f'<polygon points="{_polyline(area)}" fill="#adb5bd" fill-opacity=".5"/>'
        f'<text x="4" y="{y(high) + 4:.0f}" {LABEL} fill="#6c757d">{round(high)} m</text>'
        f'<text x="4" y="{y(low):.0f}" {LABEL} fill="#6c757d">{round(low)} m</text>'
    )


def _pace(track: list[list], x, unit: str, metres_per_unit: float) -> str:
    paces = [(m, p * metres_per_unit / 1000) for m, p in _paces(track)]  # seconds per unit
    if len(paces) < 2:
        return ""
    fast, slow = min(p for _, p in paces), max(p for _, p in paces)
    span = max(slow - fast, 30.0)

    def y(pace: float) -> float:  # faster is higher
        return PAD + (HEIGHT - 2 * PAD) * (pace - fast) / span

    label = f'{LABEL} fill="#0d6efd" text-anchor="end"'
    return (
        f'<polyline points="{_polyline([(x(m), y(p)) for m, p in paces])}" fill="none" '
        'stroke="#0d6efd" stroke-width="2"/>'
        f'<text x="{WIDTH - 2}" y="{y(fast) + 4:.0f}" {label}>{clock(round(fast))} /{unit}</text>'
        + (f'<text x="{WIDTH - 2}" y="{y(slow):.0f}" {label}>{clock(round(slow))} /{unit}</text>'
           if round(slow) != round(fast) else "")
    )  # fmt: skip


def profile_svg(track: list[list], *, unit: str, metres_per_unit: float) -> SafeString:
    """Elevation as a shaded area and pace as a line, both along the distance."""
    if len(track) < 2 or track[-1][0] <= 0:
        return SafeString("")
    total, unit = track[-1][0], escape(unit)

    def x(metres: float) -> float:
        return PAD + (WIDTH - 2 * PAD) * metres / total

    ticks = "".join(
        f'<line x1="{x(n * metres_per_unit):.1f}" x2="{x(n * metres_per_unit):.1f}" y1="{PAD}" '
        f'y2="{HEIGHT - PAD}" stroke="#dee2e6"/><text x="{x(n * metres_per_unit):.1f}" '
        f'y="{HEIGHT - PAD + 14}" {LABEL} text-anchor="middle" fill="#6c757d">{n}</text>'
        for n in range(0, int(total / metres_per_unit) + 1)
    )
    return mark_safe(
        f'<svg viewBox="0 0 {WIDTH} {HEIGHT}" class="w-100 border rounded" role="img" '
        'aria-label="Pace and elevation along the run" data-testid="profile">'
        f"{ticks}{_elevation(track, x)}{_pace(track, x, unit, metres_per_unit)}"
        f'<text x="{WIDTH - PAD}" y="{HEIGHT - 4}" {LABEL} text-anchor="end" fill="#6c757d">'
        f"{unit}</text></svg>"
    )
