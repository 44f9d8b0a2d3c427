"""Word segmentation: jieba with the domain's words, on a private tokenizer.

jieba's module-level functions share one global dictionary; adding our words there would change how
every other user of jieba in the process segments. We build our own ``jieba.Tokenizer`` instead,
lazily (loading the dictionary takes about a second) and once per word set.
"""
from __future__ import annotations

import logging
import tempfile
from functools import lru_cache

import jieba

# jieba logs "Building prefix dict…" at DEBUG on a handler of its own; nobody needs it.
logging.getLogger("jieba").setLevel(logging.WARNING)

# A frequency high enough that jieba keeps a domain word whole rather than splitting it.
DOMAIN_WORD_FREQ = 200_000


@lru_cache(maxsize=4)
def tokenizer(words: frozenset[str]) -> jieba.Tokenizer:
    """A jieba tokenizer that knows ``words``; built on first use and cached."""
    tok = jieba.Tokenizer()
    tok.tmp_dir = tempfile.gettempdir()  # the dictionary cache goes to the temp dir, never the repo
    tok.initialize()
    for word in sorted(words):
        if word and " " not in word:
            tok.add_word(word, freq=DOMAIN_WORD_FREQ)
    return tok


def cut(text: str, words: frozenset[str]) -> list[str]:
    """Search-mode segmentation of a normalised text (long words also yield their parts).

    jieba's HMM guesses new words from unknown runs ("多少分才够" -> "分才够"); such guesses never
    match an entry, so unknown runs are left as single characters (the bigram index covers them).
    """
    return [w for w in tokenizer(words).cut_for_search(text, HMM=False) if w.strip()]


def cut_whole(text: str, words: frozenset[str]) -> list[str]:
    """Segmentation of a normalised text into words that do not overlap (the parts of a long word
    are not repeated), so that joined they give the text back."""
    return list(tokenizer(words).cut(text, HMM=False))
