"""Uploaded files on disk, addressed by the SHA-256 of their content.

A file lives at ``root/ab/cd/<sha256>`` (two levels of fan-out keep directories small). Writing is
atomic — a temporary file in the same directory, fsynced, then ``os.replace`` and an fsync of the
directory — so a reader never sees half a file and a crash never leaves one under a real name.
The same content always lands on the same path, so storing it twice is harmless.
"""
from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

_SHA256_HEX = re.compile(r"[0-9a-f]{64}")


class FileStore:
    """Content-addressed files under ``root``; every method takes or returns a lowercase hex SHA-256."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)

    def put(self, data: bytes) -> str:
        """Store ``data`` durably and return its SHA-256; a no-op when already stored."""
        sha = hashlib.sha256(data).hexdigest()
        target = self.path(sha)
        if target.exists():
            return sha
        target.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
        try:
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        _fsync_directory(target.parent)  # makes the new name itself survive a power cut
        return sha

    def read(self, sha: str) -> bytes:
        """The stored bytes; FileNotFoundError when absent."""
        return self.path(sha).read_bytes()

    def open(self, sha: str) -> BinaryIO:
        """The stored file opened for binary reading (for streaming a download); close it after."""
        return self.path(sha).open("rb")

    def exists(self, sha: str) -> bool:
        """Whether a file with this SHA-256 is stored."""
        return self.path(sha).is_file()

    def delete(self, sha: str) -> bool:
        """Remove the file; True when it existed."""
        try:
            self.path(sha).unlink()
        except FileNotFoundError:
            return False
        return True

    def stored(self) -> Iterator[tuple[str, float]]:
        """Every stored file as (sha256, modification time), for collecting unreferenced ones."""
        for path in self.root.glob("??/??/*"):
            if _SHA256_HEX.fullmatch(path.name):
                yield path.name, path.stat().st_mtime

    def path(self, sha: str) -> Path:
        """Where the file with this SHA-256 lives (whether or not it exists).

        ValueError unless ``sha`` is 64 lowercase hex digits, so no name can reach outside ``root``.
        """
        if not isinstance(sha, str) or not _SHA256_HEX.fullmatch(sha):
            raise ValueError(f"not a SHA-256 hex digest: {sha!r:.80}")
        return self.root / sha[:2] / sha[2:4] / sha


def _fsync_directory(directory: Path) -> None:
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
