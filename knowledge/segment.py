"""Word segmentation: jieba with the domain's words, on a private tokenizer whose dictionary is a
memory-mapped trie.

jieba's module-level functions share one global dictionary; adding our words there would change how
every other user of jieba in the process segments. We build our own ``jieba.Tokenizer`` instead,
once per word set.

jieba keeps its dictionary (350,000 words and their prefixes, half a million keys) as one Python
dict, read from a marshal file: about 1.4 s of CPU and ~100 MB before the first message can be cut,
which gunicorn's master spends before it can bind the port. The same keys and frequencies are kept
here in a marisa-trie file (2 MB, mapped in microseconds, shared by every process through the page
cache), built once from jieba's own dictionary file and kept under a key of jieba's version and
that file. The tokenizer looks words up through :class:`Frequencies`, which remembers what it found
(a lookup in the trie costs about 1.5 µs, in a dict 0.1 µs), so segmentation is exactly jieba's,
at jieba's speed once the usual words have been seen (``test_segmentation_is_jiebas``).
"""
from __future__ import annotations

import hashlib
import importlib
import logging
import sys
from collections.abc import Iterator, Mapping
from functools import cached_property, lru_cache
from importlib.metadata import version
from pathlib import Path
from types import ModuleType

import marisa_trie

from knowledge.kept import cache_dir, write_whole


_EMISSIONS = "jieba.finalseg.prob_emit"


class _EmissionsWhenUsed(Mapping[str, dict[str, float]]):
    """jieba's HMM emission table (35,000 characters' probabilities in each of four states: 5 MB in every
    process) read at its first use. Segmentation here never guesses words (``HMM=False``, see :func:`cut`),
    so a web worker never reads it; another user of jieba's HMM in the process gets the real table."""

    @cached_property
    def _table(self) -> Mapping[str, dict[str, float]]:
        return importlib.import_module(_EMISSIONS).P  # the placeholder is gone from sys.modules by then

    def __getitem__(self, state: str) -> dict[str, float]:
        return self._table[state]

    def __iter__(self) -> Iterator[str]:
        return iter(self._table)

    def __len__(self) -> int:
        return len(self._table)


def _jieba_without_pkg_resources() -> ModuleType:
    """jieba imports setuptools' pkg_resources (12 MB and 90 ms in every process, which scans every
    installed distribution) only to open its own data files, and opens them by path where that import
    fails. Nothing else here uses pkg_resources, so it is held back while jieba is imported; so is the
    HMM's emission table, which jieba's ``finalseg`` imports whole and the process may never use."""
    held_back = [name for name in ("pkg_resources", _EMISSIONS) if name not in sys.modules]
    if "pkg_resources" in held_back:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # makes the import fail
    if _EMISSIONS in held_back:
        placeholder = ModuleType(_EMISSIONS)
        placeholder.P = _EmissionsWhenUsed()  # type: ignore[attr-defined]  # what finalseg imports of it
        sys.modules[_EMISSIONS] = placeholder
    try:
        import jieba
    finally:
        for name in held_back:
            del sys.modules[name]
    return jieba


jieba = _jieba_without_pkg_resources()

# jieba logs "Building prefix dict…" at DEBUG on a handler of its own; nobody needs it.
logging.getLogger("jieba").setLevel(logging.WARNING)

# A frequency high enough that jieba keeps a domain word whole rather than splitting it.
DOMAIN_WORD_FREQ = 200_000
# How many looked-up keys one process remembers (about 80 bytes each: 4 MB at most, private to each
# worker): the words of thousands of messages. Past it a lookup goes to the trie each time.
REMEMBERED = 50_000
_TRIE_FORMAT = "<Q"  # one unsigned frequency per key (the prefixes jieba adds have 0)


class Frequencies(dict):
    """jieba's ``FREQ`` dict (word or prefix → frequency) answered from the trie: the dict itself
    holds the words added to this tokenizer and the keys already looked up."""

    def __init__(self, trie: marisa_trie.RecordTrie) -> None:
        super().__init__()
        self._trie = trie
        self._absent: set[str] = set()

    def _look_up(self, key: str) -> int | None:
        if key in self._absent:
            return None
        found = self._trie.get(key)
        remember = len(self) + len(self._absent) < REMEMBERED
        if found is None:
            if remember:
                self._absent.add(key)
            return None
        if remember:
            dict.__setitem__(self, key, found[0][0])
        return found[0][0]

    def __contains__(self, key: object) -> bool:
        return dict.__contains__(self, key) or (isinstance(key, str) and self._look_up(key) is not None)

    def __missing__(self, key: str) -> int:
        value = self._look_up(key)
        if value is None:
            raise KeyError(key)
        return value

    def get(self, key: str, default: int | None = None) -> int | None:  # type: ignore[override]
        value = dict.get(self, key)
        if value is None:
            value = self._look_up(key)
        return default if value is None else value

    def __setitem__(self, key: str, value: int) -> None:
        self._absent.discard(key)
        dict.__setitem__(self, key, value)


def _dictionary_file() -> Path:
    return Path(jieba.__file__).with_name("dict.txt")


def kept_dictionary() -> Path:
    """Where the trie is kept: under a key of jieba's version and dictionary, marisa-trie's version
    and the record format (any of them changed makes another file, never a stale one)."""
    key = hashlib.sha256(f"jieba {jieba.__version__} marisa-trie {version('marisa-trie')} {_TRIE_FORMAT}\0".encode()
                         + _dictionary_file().read_bytes()).hexdigest()[:24]
    return cache_dir() / f"jieba-{key}.marisa"


@lru_cache(maxsize=1)
def dictionary() -> tuple[marisa_trie.RecordTrie, int]:
    """jieba's dictionary as a trie, and the sum of its frequencies (kept under the empty key, which
    jieba never looks up): mapped from the kept file, built from jieba's ``dict.txt`` (with jieba's
    own reader) when none is kept yet."""
    source, kept = _dictionary_file(), kept_dictionary()
    if kept.is_file():
        try:
            trie = marisa_trie.RecordTrie(_TRIE_FORMAT).mmap(str(kept))
            return trie, trie[""][0][0]
        except (RuntimeError, KeyError):  # unreadable: build it again
            pass
    with source.open("rb") as lines:
        frequencies, total = jieba.Tokenizer.gen_pfdict(lines)
    trie = marisa_trie.RecordTrie(_TRIE_FORMAT, [("", (total,)), *((w, (f,)) for w, f in frequencies.items())])
    try:
        write_whole(kept, lambda partial: trie.save(str(partial)))
    except OSError:  # a read-only home only costs the next start the build
        pass
    return trie, total


@lru_cache(maxsize=4)
def tokenizer(words: frozenset[str]) -> jieba.Tokenizer:
    """A jieba tokenizer that knows ``words``; built on first use and cached."""
    tok = jieba.Tokenizer()
    trie, total = dictionary()
    with tok.lock:  # what jieba's initialize() sets, from the trie instead of its marshal cache
        tok.FREQ, tok.total, tok.initialized = Frequencies(trie), total, True
    for word in sorted(words):
        if word and " " not in word:
            tok.add_word(word, freq=DOMAIN_WORD_FREQ)
    return tok


def cut(text: str, words: frozenset[str]) -> list[str]:
    """Search-mode segmentation of a normalised text (long words also yield their parts).

    jieba's HMM guesses new words from unknown runs ("多少分才够" -> "分才够"); such guesses never
    match an entry, so unknown runs are left as single characters (the bigram index covers them).
    """
    return list(_searched(text, words))


# Retrieval cuts each word of a text again in search mode, and the same words come back in every
# entry and message: a word's parts are remembered (indexing the entries cuts 46,000 words, 3,000
# of them different).
@lru_cache(maxsize=20_000)
def _searched(text: str, words: frozenset[str]) -> tuple[str, ...]:
    return tuple(w for w in tokenizer(words).cut_for_search(text, HMM=False) if w.strip())


def cut_whole(text: str, words: frozenset[str]) -> list[str]:
    """Segmentation of a normalised text into words that do not overlap (the parts of a long word
    are not repeated), so that joined they give the text back."""
    return list(_whole(text, words))


# A question is cut whole three times as it is asked (its words, whether it names another subject, its
# words put as the entries put them) and once more by the understanding step: the last few cuts are
# remembered (a knowledge-base question's CPU 0.85 -> 0.6 ms). Few: what a message says is not kept long.
@lru_cache(maxsize=64)
def _whole(text: str, words: frozenset[str]) -> tuple[str, ...]:
    return tuple(tokenizer(words).cut(text, HMM=False))
