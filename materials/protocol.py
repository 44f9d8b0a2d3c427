"""What the pool (in the web and job processes) and its worker processes say to each other, apart
from what the workers run: the pool's side imports this, never Pillow, pypdf or pikepdf, so a web
worker neither loads those libraries nor keeps their memory (they run only in the workers).

The framing is described in :mod:`materials.worker_process`."""
from __future__ import annotations

import struct
from dataclasses import dataclass

LENGTH = struct.Struct("!I")
READY = b"ready\n"


@dataclass(frozen=True)
class PhotoPdf:
    """The PDF made from photos and its page count (one page per photo)."""

    data: bytes
    pages: int
