"""Activity files written by the tests themselves from a generated track: GPX and TCX as text,
FIT with fit-tool's encoder. Nothing is downloaded."""

import io
import math
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from fit_tool.fit_file_builder import FitFileBuilder  # type: ignore[import-untyped]
from fit_tool.profile.messages.file_id_message import FileIdMessage  # type: ignore[import-untyped]
from fit_tool.profile.messages.record_message import RecordMessage  # type: ignore[import-untyped]
from fit_tool.profile.messages.session_message import SessionMessage  # type: ignore[import-untyped]
from fit_tool.profile.profile_type import FileType, Manufacturer, Sport  # type: ignore[import-untyped]

FIT_SPORTS = {"run": Sport.RUNNING, "ride": Sport.CYCLING, "swim": Sport.SWIMMING}
TCX_SPORTS = {"run": "Running", "ride": "Biking"}
METRES_PER_DEGREE = 111_195.0


@dataclass(frozen=True)
class Sample:
    time: datetime
    lat: float
    lon: float
    ele: float
    distance: float
    hr: int


def track(
    start: datetime,
    *,
    minutes: float = 30,
    metres_per_second: float = 3.0,
    every: int = 5,
    climb: float = 20.0,
) -> list[Sample]:
    """A run due north from Greenwich at a steady pace, over one hill of `climb` metres."""
    count = int(minutes * 60 / every) + 1
    samples = []
    for index in range(count):
        seconds = index * every
        distance = seconds * metres_per_second
        samples.append(
            Sample(
                time=start + timedelta(seconds=seconds),
                lat=51.4779 + distance / METRES_PER_DEGREE,
                lon=0.0,
                ele=10 + climb * math.sin(math.pi * index / max(count - 1, 1)),
                distance=distance,
                hr=140 + index % 10,
            )
        )
    return samples


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def gpx(samples: list[Sample], *, sport: str = "running", times: bool = True) -> bytes:
    points = "".join(
        f'<trkpt lat="{s.lat:.7f}" lon="{s.lon:.7f}"><ele>{s.ele:.1f}</ele>'
        + (f"<time>{_iso(s.time)}</time>" if times else "")
        + "<extensions><gpxtpx:TrackPointExtension>"
        f"<gpxtpx:hr>{s.hr}</gpxtpx:hr><gpxtpx:cad>85</gpxtpx:cad>"
        "</gpxtpx:TrackPointExtension></extensions></trkpt>"
        for s in samples
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<gpx version="1.1" creator="RunStrong tests" xmlns="http://www.topografix.com/GPX/1/1" '
        'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">'
        f"<trk><name>Morning run</name><type>{sport}</type><trkseg>{points}</trkseg></trk></gpx>"
    ).encode()


def tcx(samples: list[Sample], *, sport: str = "run") -> bytes:
    points = "".join(
        f"<Trackpoint><Time>{_iso(s.time)}</Time><Position>"
        f"<LatitudeDegrees>{s.lat:.7f}</LatitudeDegrees>"
        f"<LongitudeDegrees>{s.lon:.7f}</LongitudeDegrees></Position>"
        f"<AltitudeMeters>{s.ele:.1f}</AltitudeMeters>"
        f"<DistanceMeters>{s.distance:.1f}</DistanceMeters>"
        f"<HeartRateBpm><Value>{s.hr}</Value></HeartRateBpm></Trackpoint>"
        for s in samples
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">'
        f'<Activities><Activity Sport="{TCX_SPORTS[sport]}"><Id>{_iso(samples[0].time)}</Id>'
        f'<Lap StartTime="{_iso(samples[0].time)}">'
        f"<TotalTimeSeconds>{(samples[-1].time - samples[0].time).seconds}</TotalTimeSeconds>"
        f"<DistanceMeters>{samples[-1].distance:.1f}</DistanceMeters><Calories>300</Calories>"
        f"<Track>{points}</Track></Lap></Activity></Activities></TrainingCenterDatabase>"
    ).encode()


def _ms(moment: datetime) -> int:
    return round(moment.timestamp() * 1000)


def fit(samples: list[Sample], *, sport: str = "run", session: bool = True) -> bytes:
    builder = FitFileBuilder(auto_define=True, min_string_size=50)
    file_id = FileIdMessage()
    file_id.type = FileType.ACTIVITY
    file_id.manufacturer = Manufacturer.GARMIN.value
    file_id.product = 0
    file_id.time_created = _ms(samples[0].time)
    file_id.serial_number = 0x1234
    builder.add(file_id)
    records = []
    for s in samples:
        record = RecordMessage()
        record.timestamp = _ms(s.time)
        record.position_lat = s.lat
        record.position_long = s.lon
        record.altitude = s.ele
        record.distance = s.distance
        record.heart_rate = s.hr
        record.cadence = 85
        records.append(record)
    builder.add_all(records)
    if session:
        summary = SessionMessage()
        summary.timestamp = _ms(samples[-1].time)
        summary.start_time = _ms(samples[0].time)
        summary.sport = FIT_SPORTS[sport]
        summary.total_distance = samples[-1].distance
        summary.total_elapsed_time = (samples[-1].time - samples[0].time).total_seconds()
        summary.total_timer_time = summary.total_elapsed_time
        builder.add(summary)
    return builder.build().to_bytes()


def zipped(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()
