"""``to_halfwidth`` finds the characters it changes with one search (issue 19: ``str.translate`` raised and cleared a
KeyError inside for every character its dict did not hold), and gives what the two translations gave: for every
character of the Basic Multilingual Plane between others, and for every text of the corpus."""
from __future__ import annotations

from dialogs import text
from dialogs.understanding.corpus import load_examples


def _translated(said: str) -> str:
    return said.translate(text._HALFWIDTH).translate(text._ENCLOSED_NUMBERS)


def test_every_character_is_folded_as_the_translations_folded_it():
    characters = [chr(code) for code in range(0x10000) if not 0xD800 <= code < 0xE000]
    for chunk in range(0, len(characters), 500):
        said = "好" + "好".join(characters[chunk:chunk + 500]) + "a"
        assert text.to_halfwidth(said) == _translated(said)
    assert text.to_halfwidth("２０２７年③月，ｏｋ！　⑿") == "2027年3月,ok! 12"


def test_every_corpus_text_is_folded_as_before():
    corpus = sorted({example.text for example in load_examples()})
    assert len(corpus) > 1000
    assert [text.to_halfwidth(said) for said in corpus] == [_translated(said) for said in corpus]
