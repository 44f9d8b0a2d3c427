"""The preset return reasons as data: each material's own, then the general ones; a file that names an
unknown material, repeats a general reason or holds a reason too long to add words to is refused."""
from __future__ import annotations

import pytest

from dialogs.checklist import catalogue
from dialogs.return_reasons import MAX_PRESET_CHARS, load_return_reasons, return_reasons


def test_every_material_of_the_catalogue_has_reasons_of_its_own_offered_before_the_general_ones():
    presets = return_reasons()
    assert presets.general
    for code in catalogue().materials:
        assert presets.own.get(code), code
        assert presets.for_material(code) == [*presets.own[code], *presets.general]


@pytest.mark.parametrize("text, problem", [
    ("materials: {no_such_material: [看不清]}\ngeneral: [扫描不清晰]", "unknown materials"),
    ("materials: {id_card: [扫描不清晰]}\ngeneral: [扫描不清晰]", "repeats a general one"),
    (f"materials: {{id_card: [{'长' * (MAX_PRESET_CHARS + 1)}]}}\ngeneral: []", "1–60 characters"),
])
def test_a_reasons_file_that_does_not_fit_the_catalogue_is_refused(tmp_path, text, problem):
    path = tmp_path / "return_reasons.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=problem):
        load_return_reasons(path, catalogue().materials)
