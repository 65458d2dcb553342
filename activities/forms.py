from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile

from activities import archive
from activities.parsing import MAX_FILE_BYTES, FileRefused
from activities.services import Upload

MAX_FILES = archive.MAX_MEMBERS
IN_REQUEST_BYTES = 2 * 1024 * 1024  # one file this small is read at once; more goes to a task


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        files = list(data) if isinstance(data, list | tuple) else [data] if data else []
        if not files:
            raise forms.ValidationError("Choose one or more files, or a .zip of them.")
        return files


class UploadForm(forms.Form):
    files = MultipleFileField(  # type: ignore[assignment]  # a field named like BaseForm.files
        label="Activity files",
        help_text="GPX, TCX or FIT files from any watch or app, or one .zip of up to "
        f"{MAX_FILES} of them; each upload up to 25 MB.",
        widget=MultipleFileInput(attrs={"accept": ".gpx,.tcx,.fit,.zip", "multiple": True}),
    )

    def clean_files(self) -> list[Upload]:
        files: list[UploadedFile] = self.cleaned_data["files"]
        zips = [f for f in files if archive.is_zip(f.name or "")]
        if zips and len(files) > 1:
            raise forms.ValidationError("Upload one .zip on its own, or files without a .zip.")
        if len(files) > MAX_FILES:
            raise forms.ValidationError(f"Upload {MAX_FILES} files at most at once.")
        if sum(f.size or 0 for f in files) > archive.MAX_UNPACKED_BYTES:
            raise forms.ValidationError(
                "These files add up to more than 200 MB: upload fewer at once."
            )
        uploads = [_upload(f) for f in files]
        if len(uploads) == 1 and uploads[0].refused:
            raise forms.ValidationError(uploads[0].refused)
        if zips:
            try:
                archive.members(uploads[0].name, uploads[0].data)
            except FileRefused as exc:
                raise forms.ValidationError(str(exc)) from exc
        return uploads

    @property
    def in_request(self) -> bool:
        """One small activity file: imported while the runner waits."""
        uploads = self.cleaned_data["files"]
        return (
            len(uploads) == 1
            and not archive.is_zip(uploads[0].name)
            and len(uploads[0].data) <= IN_REQUEST_BYTES
        )


def _upload(file: UploadedFile) -> Upload:
    """The file's bytes, or, for one too big, its refusal: its size is checked before reading."""
    name = (file.name or "file").rsplit("/", 1)[-1]
    if file.size is not None and file.size > MAX_FILE_BYTES:
        why = (
            "split it into smaller .zip files"
            if archive.is_zip(name)
            else "activity files are far smaller than that"
        )
        return Upload(name=name, data=b"", refused=f"“{name}” is over 25 MB; {why}.")
    return Upload(name=name, data=file.read())
