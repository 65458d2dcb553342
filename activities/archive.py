"""Reading a .zip of activity files with limits checked before and while unpacking: a zip bomb
stops at the limit, it is never unpacked in full."""

import io
import zipfile

from activities.parsing import MAX_FILE_BYTES, FileRefused

MAX_MEMBERS = 200
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
CHUNK = 1024 * 1024


def is_zip(name: str) -> bool:
    return name.lower().endswith(".zip")


def _open(data: bytes) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError) as exc:
        raise FileRefused("This .zip is damaged or not a zip file.") from exc


def _wanted(info: zipfile.ZipInfo) -> bool:
    """Files only: no folders, none of the hidden files systems add (__MACOSX, .DS_Store)."""
    base = info.filename.rsplit("/", 1)[-1]
    return not info.is_dir() and not base.startswith(".") and "__MACOSX/" not in info.filename


def members(name: str, data: bytes) -> list[str]:
    """The files in the archive, refused as a whole if there are too many or they would unpack
    to too much (by the sizes the archive declares; reading checks the real ones)."""
    with _open(data) as archive:
        infos = [info for info in archive.infolist() if _wanted(info)]
    if not infos:
        raise FileRefused(f"“{name}” holds no files.")
    if len(infos) > MAX_MEMBERS:
        raise FileRefused(
            f"“{name}” holds {len(infos)} files; a .zip may hold {MAX_MEMBERS} at most. "
            "Split it into smaller ones."
        )
    if sum(info.file_size for info in infos) > MAX_UNPACKED_BYTES:
        raise FileRefused(f"“{name}” would unpack to more than 200 MB; split it into smaller ones.")
    return [info.filename for info in infos]


class Reader:
    """Reads members one by one, keeping count of everything unpacked so far."""

    def __init__(self, data: bytes) -> None:
        self.archive = _open(data)
        self.unpacked = 0

    def read(self, member: str) -> bytes:
        label = member.rsplit("/", 1)[-1]
        if self.archive.getinfo(member).file_size > MAX_FILE_BYTES:
            raise FileRefused(f"“{label}” is over 25 MB; activity files are far smaller than that.")
        try:
            with self.archive.open(member) as stream:
                return self._read_limited(stream, label)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError) as exc:
            raise FileRefused(f"“{label}” is damaged inside the .zip.") from exc
        except RuntimeError as exc:  # an encrypted member
            raise FileRefused(f"“{label}” is password-protected inside the .zip.") from exc

    def _read_limited(self, stream, label: str) -> bytes:
        parts, size = [], 0
        while chunk := stream.read(CHUNK):
            size += len(chunk)
            if size > MAX_FILE_BYTES:
                raise FileRefused(
                    f"“{label}” unpacks to over 25 MB; activity files are far smaller than that."
                )
            if self.unpacked + size > MAX_UNPACKED_BYTES:
                raise FileRefused(f"“{label}” was not read: the .zip unpacks to more than 200 MB.")
            parts.append(chunk)
        self.unpacked += size
        return b"".join(parts)

    def close(self) -> None:
        self.archive.close()
