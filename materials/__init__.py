"""Materials: photos → PDF, and PDF validation bounded for hostile files.

Pure domain: no Flask, wechatpy or storage backends. The upload page and the chat both call
:func:`to_material_pdf`; a chat that gathers several photos for one material calls
:func:`photos_to_pdf`. Refusals are :class:`MaterialError` with a Chinese ``message``.
"""
from materials.errors import MaterialError, Reason
from materials.limits import MAX_BYTES, MAX_PDF_PAGES, MAX_PHOTOS
from materials.photos import PhotoPdf, photos_to_pdf
from materials.sandbox import PdfSandbox, shared_sandbox
from materials.validation import ValidatedPdf, to_material_pdf, validate_pdf

__all__ = [
    "MAX_BYTES", "MAX_PDF_PAGES", "MAX_PHOTOS", "MaterialError", "PdfSandbox", "PhotoPdf",
    "Reason", "ValidatedPdf", "photos_to_pdf", "shared_sandbox", "to_material_pdf", "validate_pdf",
]
