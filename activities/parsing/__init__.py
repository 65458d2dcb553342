"""Activity files in, plain numbers out: GPX, TCX and FIT through their libraries, and XML only
through defusedxml. Nothing here touches the database or the clock (`now` is passed in)."""

import logging
from datetime import datetime

from activities.parsing import fit, gpx, tcx
from activities.parsing.measure import Measured, measure
from activities.parsing.track import FileRefused

__all__ = ["MAX_FILE_BYTES", "FileRefused", "Measured", "file_kind", "parse"]

logger = logging.getLogger(__name__)
MAX_FILE_BYTES = 25 * 1024 * 1024
READERS = {"gpx": gpx.read, "tcx": tcx.read, "fit": fit.read}


def file_kind(name: str) -> str:
    """ "gpx", "tcx" or "fit", from the name's ending; a name we do not know is refused."""
    ending = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if ending in READERS:
        return ending
    raise FileRefused(
        f"“{name}” is not a file we can read: upload GPX, TCX or FIT files, or a .zip of them."
    )


def parse(name: str, data: bytes, *, now: datetime) -> Measured:
    """The activity in one file, measured; FileRefused with a plain message when it cannot be."""
    if len(data) > MAX_FILE_BYTES:
        raise FileRefused(f"“{name}” is over 25 MB; activity files are far smaller than that.")
    if not data:
        raise FileRefused(f"“{name}” is empty.")
    kind = file_kind(name)
    try:
        recording = READERS[kind](data)
        return measure(recording, file_format=kind, now=now)
    except FileRefused as exc:
        raise FileRefused(f"“{name}”: {exc}") from exc
    except Exception as exc:  # a library tripping over a file it should have refused
        logger.exception("could not read %s", name)
        raise FileRefused(f"“{name}” could not be read as a {kind.upper()} activity.") from exc
