"""Photos of a paper material → one legible PDF under the size limit, one page per photo.

Each photo is turned upright (EXIF orientation), flattened to RGB on white, scaled so its long
side fits an A4 page at 200 dpi and encoded as JPEG at quality 85. That first encoding is kept
as the page's *master*. When the PDF would be too large, every page is re-encoded from its master
with a smaller setting — a lower quality, and below the lowest quality a smaller scale — chosen by
predicting the size from the last attempt, so that even a hopeless set of photos costs only a few
rounds. The same setting for every page keeps the document even. img2pdf wraps the JPEGs without
re-encoding them, so the size measured is the size shipped.

Only one decoded photo is held in memory at a time: masters are compressed bytes.
"""
from __future__ import annotations

import io
from collections.abc import Sequence

import img2pdf
from PIL import Image, ImageOps, ImageStat, UnidentifiedImageError
from pillow_heif import register_heif_opener

from materials.errors import MaterialError, Reason
from materials.limits import MAX_BYTES, MAX_PHOTO_BYTES, MAX_PHOTO_DECODED_BYTES, MAX_PHOTO_PIXELS, MAX_PHOTOS
from materials.protocol import PhotoPdf

#: 297 mm at 200 dpi: the long side of an A4 page, enough to read small print.
A4_LONG_SIDE_PX = 2339
#: Below ~85 dpi on A4 small print stops being legible; refuse rather than ship a blur.
MIN_LONG_SIDE_PX = 1000
MIN_SCALE = MIN_LONG_SIDE_PX / A4_LONG_SIDE_PX
#: A photo whose long side is under this many pixels holds nothing a reviewer can read (a thumbnail, an icon).
MIN_PHOTO_LONG_SIDE_PX = 300
#: A page whose grey levels spread less than this (standard deviation, 0–255) is one flat shade: a lens covered,
#: a blank sheet, a black frame (try18 U6), never a paper with print on it (print on paper spreads 40 and more).
BLANK_SPREAD = 4.0
#: JPEG size at each quality relative to quality 85, measured on photographed paper (noise and
#: flat scans differ by ±15%; a wrong guess costs one more round, not a wrong result).
RELATIVE_SIZE = {85: 1.0, 75: 0.75, 65: 0.62, 55: 0.52}
FIRST_QUALITY = 85
LOWER_QUALITIES = (75, 65, 55)
FLOOR_QUALITY = 55
#: Measured likewise: the size falls about with the cube of the scale, not its square, because
#: downscaling also smooths the sensor noise that JPEG spends most bytes on.
SCALE_EXPONENT = 3
#: Each prediction aims this far under the limit, so that a near miss rarely needs another round.
TARGET_BYTES = int(MAX_BYTES * 0.95)

# Decoders we accept; restricting them keeps Pillow's rarer (and riskier) parsers away from uploads.
# Multi-picture JPEGs from phones (MPO) come through the JPEG opener; iPhones' HEIC photos through
# pillow-heif's, AVIF through Pillow's own.
register_heif_opener()
_FORMATS = ("JPEG", "PNG", "WEBP", "HEIF", "AVIF")
_A4_PT = (img2pdf.mm_to_pt(210), img2pdf.mm_to_pt(297))
_A4_LAYOUT = img2pdf.get_layout_fun(_A4_PT, fit=img2pdf.FitMode.into, auto_orient=True)


def photos_to_pdf(photos: Sequence[bytes]) -> PhotoPdf:
    """One A4 PDF of at most :data:`MAX_BYTES`, a page per photo, in the order given.

    Raises :class:`MaterialError` for too many photos, a file that is not a JPEG/PNG/WebP photo,
    a damaged or oversized photo, or photos too detailed to fit even at the lowest setting.
    """
    if not photos:
        raise ValueError("photos_to_pdf needs at least one photo")
    if len(photos) > MAX_PHOTOS:
        raise MaterialError(Reason.TOO_MANY_PHOTOS, count=len(photos), max_photos=MAX_PHOTOS)
    masters = [_encode(_upright_page(photo), FIRST_QUALITY) for photo in photos]
    quality, scale = FIRST_QUALITY, 1.0
    pdf = _wrap(masters)
    while len(pdf) > MAX_BYTES:
        if (quality, scale) == (FLOOR_QUALITY, MIN_SCALE):
            raise MaterialError(Reason.PHOTOS_TOO_DETAILED)
        quality, scale = _smaller_setting(quality, scale, len(pdf))
        pdf = _wrap([_reencode(master, quality, scale) for master in masters])
    return PhotoPdf(data=pdf, pages=len(masters))


def _smaller_setting(quality: int, scale: float, size: int) -> tuple[int, float]:
    """The best (quality, scale) predicted to fit, given that (quality, scale) made ``size`` bytes.

    Always strictly smaller than the setting given, and never below (FLOOR_QUALITY, MIN_SCALE),
    so the caller's loop ends.
    """
    for lower in LOWER_QUALITIES:
        if lower < quality and size * RELATIVE_SIZE[lower] / RELATIVE_SIZE[quality] <= TARGET_BYTES:
            return lower, scale
    size_at_floor = size * RELATIVE_SIZE[FLOOR_QUALITY] / RELATIVE_SIZE[quality]
    smaller = scale * (TARGET_BYTES / size_at_floor) ** (1 / SCALE_EXPONENT)
    return FLOOR_QUALITY, max(MIN_SCALE, min(smaller, scale * 0.95))  # ≥ 5% smaller per round


def _upright_page(photo: bytes) -> Image.Image:
    """Decode a photo into an upright RGB image whose long side is at most one A4 page."""
    if len(photo) > MAX_PHOTO_BYTES:
        raise MaterialError(Reason.PHOTO_TOO_LARGE)
    try:
        image = Image.open(io.BytesIO(photo), formats=_FORMATS)  # reads the header only
        if image.width * image.height > MAX_PHOTO_PIXELS:
            raise MaterialError(Reason.PHOTO_TOO_LARGE)
        if max(image.size) < MIN_PHOTO_LONG_SIDE_PX:
            raise MaterialError(Reason.PHOTO_TOO_SMALL, width=image.width, height=image.height)
        # Let libjpeg decode at 1/2, 1/4 or 1/8 scale when the photo is far larger than the page.
        image.draft("RGB", _fitted_size(image.size, A4_LONG_SIDE_PX))
        if _decoded_bytes(image) > MAX_PHOTO_DECODED_BYTES:
            raise MaterialError(Reason.PHOTO_TOO_LARGE)
        image = _flatten_to_rgb(_reduced(image))
        image.thumbnail((A4_LONG_SIDE_PX, A4_LONG_SIDE_PX), Image.Resampling.LANCZOS)
        _refuse_blank(image)
        # After the resize: rotating the smaller image is cheaper, and the EXIF stays in .info.
        return ImageOps.exif_transpose(image)
    except MaterialError:
        raise
    except Image.DecompressionBombError as error:
        raise MaterialError(Reason.PHOTO_TOO_LARGE) from error
    except UnidentifiedImageError as error:
        raise MaterialError(Reason.NOT_IMAGE) from error
    except MemoryError as error:
        raise MaterialError(Reason.PHOTO_TOO_LARGE) from error
    except Exception as error:  # Pillow reports damaged data with many exception types
        raise MaterialError(Reason.PHOTO_CORRUPT) from error


def _refuse_blank(image: Image.Image) -> None:
    """MaterialError when the page is one flat shade (measured on a small grey copy: cheap, and the spread of
    print survives the shrinking)."""
    small = image.convert("L")
    small.thumbnail((256, 256))
    stat = ImageStat.Stat(small)
    if stat.stddev[0] < BLANK_SPREAD:
        shade = "白色" if stat.mean[0] > 200 else "黑色" if stat.mean[0] < 55 else "单一颜色"
        raise MaterialError(Reason.PHOTO_BLANK, shade=shade)


def _decoded_bytes(image: Image.Image) -> int:
    """What decoding ``image`` will allocate, from its header: a palette image is counted as the
    RGBA it becomes, since nothing but a palette image's own pixels stay one byte each."""
    bands = 4 if image.mode in ("P", "PA") else len(image.getbands())
    return image.width * image.height * bands


def _reduced(image: Image.Image) -> Image.Image:
    """``image`` decoded and, when at least twice the page's size, shrunk by a whole factor with a
    box filter: cheap, and every later step (flattening, resampling) then costs per pixel of a
    page, not of the upload."""
    factor = max(image.size) // A4_LONG_SIDE_PX
    if factor < 2 or image.mode in ("1", "P", "PA"):
        return image
    reduced = image.reduce(factor)
    reduced.info = image.info  # keep the EXIF orientation for exif_transpose
    return reduced


def _fitted_size(size: tuple[int, int], long_side: int) -> tuple[int, int]:
    """``size`` scaled down (never up) so that its longer side is ``long_side``."""
    ratio = min(1.0, long_side / max(size))
    return max(1, round(size[0] * ratio)), max(1, round(size[1] * ratio))


def _flatten_to_rgb(image: Image.Image) -> Image.Image:
    """RGB with transparent areas white, as on paper (a plain convert would make them black)."""
    has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    if not has_alpha:
        return image if image.mode == "RGB" else image.convert("RGB")
    rgba = image.convert("RGBA")
    page = Image.new("RGB", rgba.size, "white")
    page.paste(rgba, mask=rgba.getchannel("A"))
    page.info = image.info  # keep the EXIF orientation for exif_transpose
    return page


def _encode(image: Image.Image, quality: int) -> bytes:
    buffer = io.BytesIO()
    # No EXIF: the pixels are already upright, and a stale orientation tag would rotate them again.
    image.save(buffer, "JPEG", quality=quality, optimize=True)
    return buffer.getvalue()


def _reencode(master: bytes, quality: int, scale: float) -> bytes:
    image = Image.open(io.BytesIO(master))
    if scale < 1.0:
        image = image.resize(_fitted_size(image.size, round(max(image.size) * scale)),
                             Image.Resampling.LANCZOS)
    return _encode(image, quality)


def _wrap(jpegs: list[bytes]) -> bytes:
    """A4 pages (turned landscape for landscape photos) holding the JPEGs as they are."""
    # img2pdf's own writer: with pikepdf's, img2pdf 0.6.3 asks for a deterministic /ID only when
    # pikepdf.__version__ >= "6.2.0" compares true as a string, which "10.18.0" does not, and the same
    # photos gave a different PDF from one second to the next (test_the_same_photos_give_the_same_pdf).
    return img2pdf.convert(jpegs, layout_fun=_A4_LAYOUT, nodate=True, engine=img2pdf.Engine.internal)
