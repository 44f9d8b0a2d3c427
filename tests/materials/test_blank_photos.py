"""try18 U6/U35: a blank (all white or all black) photo and a 20×20 one were saved as pages of an ID card; nothing a
reviewer could read. Each is refused with what to do (among several photos it alone is left out, said by its number:
tests/api/test_material_notice.py). Real Pillow."""
from __future__ import annotations

import pytest
from PIL import Image

from materials import MaterialError, Reason
from materials.photos import photos_to_pdf
from tests.support.files import encode, photo


def flat(shade: str, size: tuple[int, int] = (1200, 1600)) -> bytes:
    return encode(Image.new("RGB", size, shade))


@pytest.mark.parametrize("shade, said", [("white", "白色"), ("black", "黑色"), ((120, 160, 200), "单一颜色")])
def test_a_photo_of_one_flat_shade_is_refused_as_blank(shade, said):
    with pytest.raises(MaterialError) as refused:
        photos_to_pdf([flat(shade)])
    assert refused.value.reason is Reason.PHOTO_BLANK and said in refused.value.message and "重新拍摄" in refused.value.message


def test_a_tiny_photo_is_refused_with_its_size():
    with pytest.raises(MaterialError) as refused:
        photos_to_pdf([photo(size=(20, 20))])
    assert refused.value.reason is Reason.PHOTO_TOO_SMALL and "20×20" in refused.value.message


def test_a_page_with_print_on_it_is_kept_however_pale():
    assert photos_to_pdf([photo(size=(900, 1200))]).pages == 1
