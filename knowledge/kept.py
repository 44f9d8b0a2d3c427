"""Where what a process builds once from shipped data is kept on disk between starts (the
understanding step's fit, the segmenter's dictionary), each under a key of what it was built from,
so a kept file is never stale and a restart loads it instead of building it again."""
from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def cache_dir() -> Path:
    """JIFEN_CACHE_DIR, else the user's cache folder."""
    base = os.environ.get("JIFEN_CACHE_DIR") or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "jifen"
    return Path(base)


def write_whole(path: Path, write: Callable[[Path], None]) -> None:
    """Write ``path`` through ``write(partial_path)`` and rename it into place: a reader (another
    process or thread starting at the same moment) never sees half a file, and two writers never
    share a partial file (each gets its own name)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".partial")
    os.close(handle)
    partial = Path(name)
    try:
        write(partial)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
