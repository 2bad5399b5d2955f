"""The uploaded files (MEDIA_ROOT: the originals of kept copies of documents), backed up
beside the database's backup and restored with it. Their names are made from their content, so
a file already there is the same file: copies are incremental, and never overwrite."""

from pathlib import Path

from django.core.files.base import File
from django.core.files.storage import default_storage


def media_folder(backup: Path) -> Path:
    return backup.with_name(backup.name + ".media")


def _names(storage, folder: str = ""):
    folders, files = storage.listdir(folder)
    for name in files:
        yield f"{folder}/{name}" if folder else name
    for name in folders:
        yield from _names(storage, f"{folder}/{name}" if folder else name)


def media_backup(folder: Path) -> int:
    """Copy every uploaded file into `folder`; returns how many files it holds."""
    if not default_storage.exists(""):
        return 0
    count = 0
    for name in _names(default_storage):
        target = folder / name
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            with default_storage.open(name) as source:
                target.write_bytes(source.read())
        count += 1
    return count


def media_restore(folder: Path) -> int:
    """Put the files of a backup's `folder` back; returns how many were missing."""
    restored = 0
    for path in sorted(p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []:
        name = path.relative_to(folder).as_posix()
        if not default_storage.exists(name):
            with path.open("rb") as file:
                default_storage.save(name, File(file))
            restored += 1
    return restored
