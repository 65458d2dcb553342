"""Personal paces from one race: Daniels' VDOT and the five training zones it gives.

Daniels and Gilbert's equations (Oxygen Power, 1979; Daniels' Running Formula):
- the oxygen cost of running at v metres a minute: VO2 = -4.60 + 0.182258 v + 0.000104 v²;
- the share of VO2max a runner can hold for t minutes:
  0.8 + 0.1894393 e^(-0.012778 t) + 0.2989558 e^(-0.1932605 t);
- VDOT = the race's VO2 / that share.

A zone's pace is the speed whose oxygen cost is a share of VDOT (the VO2 equation solved for
v). The shares are set so that the zones land on Daniels' published table (Running Formula,
Table 5.2) within 2 % from VDOT 30 to 70: easy 64-73 %, threshold 87-89 %, interval 95-100 %,
repetition 104-108 %. Marathon pace is the marathon the VDOT predicts, give or take one point
of VO2max. Paces are whole seconds per kilometre, each zone a (fast, slow) pair.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

KM_PER_MILE = 1.609344
MARATHON_KM = 42.195
# The model holds for races of about 3.5 minutes to a few hours, by runners between a brisk
# walker and a world-record holder; anything outside gives no paces.
MIN_VDOT = 15.0
MAX_VDOT = 90.0
ZONES = ("easy", "marathon", "threshold", "interval", "repetition")
# (fast, slow) shares of VDOT.
ZONE_SHARES = {
    "easy": (0.73, 0.64),
    "threshold": (0.89, 0.87),
    "interval": (1.00, 0.95),
    "repetition": (1.08, 1.04),
}
MARATHON_SPREAD = 0.01

PaceRange = tuple[int, int]  # (fast, slow) seconds per kilometre


def oxygen_cost(metres_per_minute: float) -> float:
    v = metres_per_minute
    return -4.60 + 0.182258 * v + 0.000104 * v * v


def share_of_vo2max(minutes: float) -> float:
    return (
        0.8 + 0.1894393 * math.exp(-0.012778 * minutes) + 0.2989558 * math.exp(-0.1932605 * minutes)
    )


def vdot_from_race(distance_km: float, seconds: float) -> float:
    """The VDOT of a race of `distance_km` run in `seconds`."""
    if distance_km <= 0 or seconds <= 0:
        raise ValueError("A race needs a distance and a time above zero.")
    minutes = seconds / 60
    return oxygen_cost(distance_km * 1000 / minutes) / share_of_vo2max(minutes)


def speed_for(vo2: float) -> float:
    """Metres a minute whose oxygen cost is `vo2` (the VO2 equation solved for v)."""
    a, b, c = 0.000104, 0.182258, -4.60 - vo2
    return (-b + math.sqrt(b * b - 4 * a * c)) / (2 * a)


def seconds_per_km(vo2: float) -> float:
    return 60_000 / speed_for(vo2)


def race_seconds(vdot: float, distance_km: float) -> float:
    """The time the VDOT predicts for a race (bisection: the VDOT of a race falls as it
    slows)."""
    fast, slow = 60.0, 60.0 * 60 * 24
    for _ in range(60):
        middle = (fast + slow) / 2
        if vdot_from_race(distance_km, middle) > vdot:
            fast = middle
        else:
            slow = middle
    return (fast + slow) / 2


@dataclass(frozen=True)
class PaceZones:
    vdot: float
    easy: PaceRange
    marathon: PaceRange
    threshold: PaceRange
    interval: PaceRange
    repetition: PaceRange

    def of(self, zone: str) -> PaceRange:
        ranges: dict[str, PaceRange] = {
            "easy": self.easy,
            "marathon": self.marathon,
            "threshold": self.threshold,
            "interval": self.interval,
            "repetition": self.repetition,
        }
        return ranges[zone]


def _range(vdot: float, fast_share: float, slow_share: float) -> PaceRange:
    return round(seconds_per_km(vdot * fast_share)), round(seconds_per_km(vdot * slow_share))


def pace_zones(vdot: float) -> PaceZones:
    """The five zones of a VDOT (between MIN_VDOT and MAX_VDOT)."""
    if not MIN_VDOT <= vdot <= MAX_VDOT:
        raise ValueError(f"A VDOT must be between {MIN_VDOT:g} and {MAX_VDOT:g}.")
    marathon_share = share_of_vo2max(race_seconds(vdot, MARATHON_KM) / 60)
    return PaceZones(
        vdot=round(vdot, 1),
        easy=_range(vdot, *ZONE_SHARES["easy"]),
        marathon=_range(vdot, marathon_share + MARATHON_SPREAD, marathon_share - MARATHON_SPREAD),
        threshold=_range(vdot, *ZONE_SHARES["threshold"]),
        interval=_range(vdot, *ZONE_SHARES["interval"]),
        repetition=_range(vdot, *ZONE_SHARES["repetition"]),
    )


def zones_from_race(distance_km: float, seconds: float) -> PaceZones | None:
    """The zones a race gives, or None when the race is outside what the model holds for."""
    if distance_km <= 0 or seconds <= 0:
        return None
    vdot = vdot_from_race(distance_km, seconds)
    return pace_zones(vdot) if MIN_VDOT <= vdot <= MAX_VDOT else None


def clock_text(seconds: float) -> str:
    """312 -> "5:12"."""
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def per_unit(seconds_per_km: float, unit: str) -> float:
    """Seconds per km as seconds per the runner's unit ("km" or "mi")."""
    return seconds_per_km * KM_PER_MILE if unit == "mi" else seconds_per_km


def range_text(pace: PaceRange, unit: str = "km") -> str:
    """(276, 286) -> "4:36–4:46/km"; in miles "7:24–7:40/mi"."""
    fast, slow = (clock_text(per_unit(seconds, unit)) for seconds in pace)
    return f"{fast}/{unit}" if fast == slow else f"{fast}–{slow}/{unit}"
