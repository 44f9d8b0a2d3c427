"""The kept fit's key covers every file the features read: a regional word added to knowledge/dialect.py changed the
features of the examples holding it, while the fit kept from before was loaded again (nlu24)."""
from __future__ import annotations

from pathlib import Path

from dialogs.understanding import classifier
from dialogs.understanding.corpus import CORPUS_DIR

ROOT = Path(classifier.__file__).resolve().parents[2]


def test_the_fit_key_reads_the_regional_words_and_the_segmentation_the_features_use():
    read = set(classifier.fit_inputs(CORPUS_DIR))
    assert {ROOT / "knowledge" / "dialect.py", ROOT / "knowledge" / "segment.py", ROOT / "dialogs" / "understanding" / "features.py"} <= read
    assert any(path.suffix == ".yaml" for path in read)
