"""Where what a process builds once from shipped data is kept on disk between starts (the
understanding step's fit, the segmenter's dictionary), each under a key of what it was built from,
so a kept file is never stale and a restart loads it instead of building it again."""
from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    """JIFEN_CACHE_DIR, else the user's cache folder."""
    base = os.environ.get("JIFEN_CACHE_DIR") or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "jifen"
    return Path(base)


def write_whole(path: Path, write) -> None:
    """Write ``path`` through ``write(partial_path)`` and rename it into place: a reader (another
    worker starting at the same moment) never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    write(partial)
    partial.replace(path)
