"""The background job behind 完成: fetch the applicant's photos from WeChat, make them one PDF,
check it, store it, attach it to the material, and tell the applicant how it went."""
from __future__ import annotations

import logging
from bot.applicant.applications import Applications
from bot.wechat.client import WeChatAPI, WeChatAPIError
from dialogs import clock, lifecycle, render
from dialogs.checklist import catalogue
from materials.errors import MaterialError, Reason
from materials.pool import MaterialPool, shared_pool
from materials.validation import pages_added, validate_pdf
from storage.files import FileStore

log = logging.getLogger(__name__)


def build_material(wechat: WeChatAPI, files: FileStore, applications: Applications, *,
                   user_id: str, application_id: str, code: str, media_ids: list[str], append_to: str = "",
                   replace_page: int = 0) -> None:
    """The ``build_material`` job: the photos as one checked PDF on the material, or added after the pages of its
    saved file ``append_to`` (a SHA-256: the applicant chose 追加), or put in place of its page ``replace_page`` (from 1:
    that page retaken); the applicant is told how it went, whatever happened."""
    name = catalogue().materials[code].name
    try:
        photos = [wechat.download_media(media_id) for media_id in media_ids]
        numbers, repeated = _repeats_left_out(photos)
        # Patient: a job holds no web thread, and the photos are no longer in the chat to send again.
        pdf, dropped = _photos_kept(shared_pool(), [photos[n - 1] for n in numbers])
        added = len(numbers) - len(dropped)  # (before the repeats join the left out: they are not among ``numbers``)
        dropped = {**{numbers[n - 1]: why for n, why in dropped.items()}, **repeated}  # by their place as sent
        checked = pages_added(files.read(append_to), pdf, patient=True, replace_page=replace_page) if append_to \
            else validate_pdf(pdf, patient=True)
        sha = files.put(checked.data)
        file = {"sha256": sha, "pages": checked.pages, "size": checked.size, "source": "photos"}
        record = applications.change(
            application_id, lambda r: lifecycle.with_material(r, code, file, clock.now()))
        text = render.material_saved_text(name, checked.pages, checked.size, record,
                                          added=added if append_to and not replace_page else 0, replaced=replace_page)
        if dropped:
            text = render.photos_left_out(name, dropped, len(photos)) + text
    except MaterialError as err:
        text = render.material_failed_text(name, err.message)
    except lifecycle.LifecycleError as err:
        text = render.material_failed_text(name, err.message)
    except WeChatAPIError as err:
        log.warning("photos of %s not fetched: errcode %s", code, err.errcode)
        text = render.material_failed_text(name, render.PHOTOS_GONE)
    except Exception:  # noqa: BLE001 - the photos are no longer in the chat state: say so, always
        log.exception("photos of %s not made into a PDF", code)
        text = render.material_failed_text(name, render.PHOTOS_NOT_PROCESSED)
    try:
        wechat.send_text(user_id, text)
    except WeChatAPIError as err:  # the material is saved (or its failure known): a job failed here would be run
        # again and build it twice; the applicant sees the state in 进度 and the checklist
        log.warning("notice about %s not delivered: errcode %s", code, err.errcode)


def _repeats_left_out(photos: list[bytes]) -> tuple[list[int], dict[int, str]]:
    """The places (from 1) of the photos to use, and why each photo the same as an earlier one is left out: the same
    photo sent twice is never two pages (try18 U7: the front of an ID card sent twice became both its sides)."""
    first: dict[bytes, int] = {}
    numbers, repeated = [], {}
    for number, photo in enumerate(photos, 1):
        if photo in first:
            repeated[number] = render.same_photo_again(first[photo])
        else:
            first[photo] = number
            numbers.append(number)
    return numbers, repeated


# What one photo of several may have wrong by itself: the others still make the material.
_ONE_PHOTO = frozenset({Reason.NOT_IMAGE, Reason.PHOTO_CORRUPT, Reason.PHOTO_TOO_LARGE, Reason.PHOTO_TOO_SMALL,
                        Reason.PHOTO_BLANK})


def _photos_kept(pool: MaterialPool, photos: list[bytes]) -> tuple[bytes, dict[int, str]]:
    """The photos as one PDF; when one of several cannot be read, the PDF of the others and, by page
    number, why each was left out ("第 2 张无法识别"). The whole failure stands when it is no one photo's
    (too many, too detailed), or when no photo could be read."""
    try:
        return pool.photos_to_pdf(photos, patient=True).data, {}
    except MaterialError as err:
        if err.reason not in _ONE_PHOTO or len(photos) < 2:
            raise
        dropped = {}
        for number, photo in enumerate(photos, 1):  # only on failure: each photo alone, to name the bad one
            try:
                pool.photos_to_pdf([photo], patient=True)
            except MaterialError as alone:
                if alone.reason not in _ONE_PHOTO:
                    raise
                dropped[number] = alone.message
        kept = [photo for number, photo in enumerate(photos, 1) if number not in dropped]
        if not dropped or not kept:
            raise err from None
        return pool.photos_to_pdf(kept, patient=True).data, dropped
