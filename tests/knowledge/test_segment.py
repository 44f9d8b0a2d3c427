"""The segmenter reads jieba's dictionary from a kept trie instead of jieba's own marshal cache:
the same words, the same frequencies, so the same segmentation, word for word."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import jieba
import pytest

from dialogs.understanding.corpus import CORPUS_DIR, load_examples
from knowledge import segment
from knowledge.segment import DOMAIN_WORD_FREQ, cut, cut_whole, tokenizer


@pytest.fixture(scope="module")
def jiebas_own(kb) -> jieba.Tokenizer:
    """jieba's tokenizer as jieba builds it (its marshal cache), with the same domain words."""
    own = jieba.Tokenizer()
    own.initialize()
    for word in sorted(kb.analyzer.lexicon):
        if word and " " not in word:
            own.add_word(word, freq=DOMAIN_WORD_FREQ)
    return own


@pytest.mark.slow  # every entry's text cut twice, and jieba's own tokenizer built (~5 s): with the slow ones
def test_segmentation_is_jiebas(kb, jiebas_own):
    lexicon = kb.analyzer.lexicon
    texts = [t for e in kb.entries for t in (e.answer, *e.questions, *e.keywords)]
    texts += [e.text for e in load_examples(CORPUS_DIR)]
    assert tokenizer(lexicon).total == jiebas_own.total
    for text in texts:
        assert cut_whole(text, lexicon) == list(jiebas_own.cut(text, HMM=False)), text
        assert cut(text, lexicon) == [w for w in jiebas_own.cut_for_search(text, HMM=False) if w.strip()], text


def test_a_word_is_looked_up_once_and_what_is_not_there_stays_not_there(kb):
    frequencies = tokenizer(kb.analyzer.lexicon).FREQ
    word = next(w for w in ("鸭舌帽", "乒乓球拍", "西瓜", "飞机") if w not in dict(frequencies))
    assert frequencies.get(word) > 0
    assert word in dict(frequencies)  # remembered
    assert "囧囧囧" not in frequencies and frequencies.get("囧囧囧") is None
    with pytest.raises(KeyError):
        frequencies["囧囧囧"]  # noqa: B018


@pytest.mark.slow
def test_an_unreadable_kept_dictionary_is_built_again(tmp_path, monkeypatch):
    monkeypatch.setenv("JIFEN_CACHE_DIR", str(tmp_path))
    segment.dictionary.cache_clear()
    try:
        trie, total = segment.dictionary()
        (kept,) = tmp_path.glob("jieba-*.marisa")
        kept.write_bytes(b"not a trie")
        segment.dictionary.cache_clear()
        assert segment.dictionary()[1] == total and segment.dictionary()[0]["上海"] == trie["上海"]
        assert kept.stat().st_size > 1_000_000  # written again, whole
    finally:
        segment.dictionary.cache_clear()


@pytest.mark.slow  # imports jieba afresh in a subprocess (~2.6 s): with the slow ones
def test_jiebas_hmm_table_is_read_only_when_a_cut_guesses_words():
    """The knowledge base built and asked, its 5 MB emission table is not in the process; a cut that
    guesses words (HMM) reads the real one and guesses as jieba does."""
    script = """
import pickle, sys
from pathlib import Path
from knowledge import load_default
from knowledge.segment import jieba
load_default().ask("闵行的材料寄到哪")
print("jieba.finalseg.prob_emit" in sys.modules)
print(list(jieba.Tokenizer().cut("他来到了网易杭研大厦", HMM=True)))
real = pickle.loads((Path(jieba.__file__).with_name("finalseg") / "prob_emit.p").read_bytes())
print(dict(jieba.finalseg.emit_P) == real)
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[2]).stdout.splitlines()
    assert out == ["False", "['他', '来到', '了', '网易', '杭研', '大厦']", "True"]


def test_a_remembered_cut_is_given_as_a_list_of_its_own(kb):
    """cut_whole remembers the last few texts' cuts: a caller changing the list it got changes no other's."""
    lexicon, text = kb.analyzer.lexicon, "闵行的材料寄到哪里"
    first, again = cut_whole(text, lexicon), cut_whole(text, lexicon)
    assert again == first and again is not first and "".join(first) == text
    first.append("改过")
    assert cut_whole(text, lexicon) == again
