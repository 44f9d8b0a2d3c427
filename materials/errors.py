"""Why a file cannot become a material, in words the applicant can act on."""
from __future__ import annotations

import unicodedata
from enum import StrEnum
from pathlib import PurePosixPath
from typing import Any


class Reason(StrEnum):
    """Machine-readable cause of a refusal; each has one message in :data:`MESSAGES`."""

    EMPTY = "empty"
    TOO_LARGE = "too_large"
    IMAGE_NOT_PDF = "image_not_pdf"
    NOT_PDF = "not_pdf"
    ENCRYPTED = "encrypted"
    TRUNCATED = "truncated"
    CORRUPT = "corrupt"
    UNREADABLE = "unreadable"
    NO_PAGES = "no_pages"
    TOO_MANY_PAGES = "too_many_pages"
    NOT_IMAGE = "not_image"
    PHOTO_CORRUPT = "photo_corrupt"
    PHOTO_TOO_LARGE = "photo_too_large"
    PHOTO_TOO_SMALL = "photo_too_small"
    PHOTO_BLANK = "photo_blank"
    TOO_MANY_PHOTOS = "too_many_photos"
    PDF_AMONG_PHOTOS = "pdf_among_photos"
    PHOTOS_TOO_DETAILED = "photos_too_detailed"
    BUSY = "busy"


MESSAGES: dict[Reason, str] = {
    Reason.EMPTY: "收到的文件是空的，请重新上传。",
    Reason.TOO_LARGE: (
        "文件有 {size_mb:.1f} MB，超过了每份材料 2 MB 的上限。可以这样变小："
        "用手机扫描App重新扫描并选择压缩或“小文件”；导出 PDF 时降低图片分辨率（150–200 dpi 已足够清晰）；"
        "或把与这项材料无关的页面分拆出去。也可以直接在对话中发送照片，我们会自动转成 2 MB 以内的 PDF。"
    ),
    Reason.IMAGE_NOT_PDF: (
        "这是一张图片，不是 PDF 文件。这里需要上传 PDF；"
        "照片可以直接在对话中发给我，会自动转成 PDF。"
    ),
    # raised only where photos are taken too (the upload page, the chat): say so, not "PDF only"
    Reason.NOT_PDF: (
        "这不是 PDF 文件，也不是照片。请上传 PDF 或照片（JPG、PNG、HEIC，照片会自动转成 PDF）："
        "Word、WPS 等文档请先“另存为/导出 PDF”；纸质材料拍照上传或在对话中发送即可。"
    ),
    Reason.ENCRYPTED: (
        "这个 PDF 设置了密码或加密保护（有的文件打开时不要密码，也属于加密），审核时无法读取。"
        "请取消密码后重新导出，或用“打印 → 另存为 PDF”生成一份新文件再上传。"
    ),
    Reason.TRUNCATED: "这个 PDF 不完整，可能没有下载或传输完。请重新下载或重新导出后再上传。",
    Reason.CORRUPT: "这个 PDF 已损坏，无法打开。请重新导出一份 PDF 后再上传。",
    Reason.UNREADABLE: (
        "这个 PDF 的结构异常，系统无法读取。请用“另存为 PDF”或“打印 → 另存为 PDF”重新导出一份后再上传。"
    ),
    Reason.NO_PAGES: "这个 PDF 没有任何页面，请检查后重新导出。",
    Reason.TOO_MANY_PAGES: "这个 PDF 有 {pages} 页，超过了 {max_pages} 页的上限。请只保留这项材料需要的页面。",
    Reason.NOT_IMAGE: (
        "无法识别这张图片。请发送 JPG、PNG 或手机相机拍的 HEIC 照片。"
    ),
    Reason.PHOTO_CORRUPT: "这张照片不完整或已损坏，请重新拍摄后发送。",
    Reason.PHOTO_TOO_LARGE: "这张照片太大，无法处理。请用普通模式拍摄（不要用超高像素模式），或截图后再发送。",
    Reason.PHOTO_TOO_SMALL: "这张照片太小（只有 {width}×{height} 像素），审核时看不清。请发送原图或重新拍摄，让材料占满画面。",
    Reason.PHOTO_BLANK: "这张照片看起来是一整片{shade}，没有拍到材料内容（可能镜头被挡住或曝光不对）。请重新拍摄这一页。",
    Reason.TOO_MANY_PHOTOS: (
        "一份材料最多 {max_photos} 张照片，这次有 {count} 张。请只发送这项材料需要的页面，"
        "或用扫描App合成一份 PDF 后通过上传页面提交。"
    ),
    Reason.PDF_AMONG_PHOTOS: (
        "PDF 文件请单独上传（一项材料一个 PDF）。几张照片（例如身份证正反面）可以一起选中上传，会合成一个 PDF。"
    ),
    Reason.PHOTOS_TOO_DETAILED: (
        "这些照片压缩到最低清晰度后仍超过 2 MB。请减少张数，或拍摄时让材料占满画面、不要拍入背景。"
    ),
    Reason.BUSY: "系统繁忙，请稍后再上传（一两分钟后即可）。这份文件没有保存，已保存的材料不受影响。",
}


class MaterialError(Exception):
    """A file the applicant sent cannot become a material; ``message`` tells them what to do.

    ``reason`` is for code and logs; ``facts`` fill the message (sizes, counts); ``filename``,
    when known, names the file so an applicant who sent several knows which one.
    """

    def __init__(self, reason: Reason, *, filename: str | None = None, **facts: Any) -> None:
        self.reason = reason
        self.facts = facts
        self.filename = display_name(filename) if filename else None
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """The Chinese sentence shown to the applicant."""
        text = MESSAGES[self.reason].format(**self.facts)
        return f"「{self.filename}」{text}" if self.filename else text

    def about(self, filename: str | None) -> MaterialError:
        """The same refusal, naming ``filename``."""
        return MaterialError(self.reason, filename=filename, **self.facts)


def display_name(filename: str) -> str:
    """The last path part of an uploaded name, without control characters, at most 40 characters.

    Browsers may send a full Windows path, and the name ends up in chat text and web pages.
    """
    name = PurePosixPath(filename.replace("\\", "/")).name
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    return name if len(name) <= 40 else name[:39] + "…"
