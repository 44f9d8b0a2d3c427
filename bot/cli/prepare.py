"""``python -m bot prepare``: build what a start would otherwise build (the segmenter's dictionary,
the understanding step's fit, the knowledge base's learned re-ranking and its pinyin reading) and keep it in JIFEN_CACHE_DIR.
Run it once per release where the processes will run (an image's build, a deploy script): every start then maps and loads in
milliseconds what would cost gunicorn's master ~5 s before it can bind the port."""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from dialogs.understanding.classifier import kept_fit, trained
from knowledge import load_default
from knowledge.kept import cache_dir
from knowledge.learned import kept_model
from knowledge.pinyin import kept_reading
from knowledge.segment import dictionary, kept_dictionary


def prepare() -> list[Path]:
    """Build (or load) everything a start needs and return the files it should be kept in."""
    dictionary()
    trained()
    kb = load_default()
    _ = kb.pinyin  # its reading of pinyin built and kept now, not at the first message typed in pinyin
    return [kept_dictionary(), kept_fit(), kept_model(kb.entries), kept_reading(kb.words_used())]


def main(argv: list[str]) -> int:
    """Build and keep; exit 1 when a file could not be kept (a start would build it again)."""
    argparse.ArgumentParser(prog="python -m bot prepare", description=__doc__.split("\n\n")[0]).parse_args(argv)
    began = time.perf_counter()
    missing = [str(path) for path in prepare() if not path.is_file()]
    if missing:
        print(f"could not keep {', '.join(missing)}: is {cache_dir()} writable? (JIFEN_CACHE_DIR)", file=sys.stderr)
        return 1
    print(f"kept in {cache_dir()} ({time.perf_counter() - began:.1f} s)")
    return 0
