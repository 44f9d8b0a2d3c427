"""Materials: photos → PDF, and PDF validation bounded for hostile files.

Pure domain: no Flask, wechatpy or storage backends. The upload page calls :func:`photos_to_material_pdf` (one file or several photos);
the chat's job, which gathers several photos for one material, calls the pool's ``photos_to_pdf``.
Untrusted files are decoded and parsed only in the worker processes of :class:`MaterialPool`, and
only they import the libraries that do it (``materials.photos``, ``materials.pdfcheck``).
Refusals are :class:`MaterialError` with a Chinese ``message``.
"""
from materials.errors import MaterialError, Reason
from materials.limits import MAX_BYTES, MAX_PDF_PAGES, MAX_PHOTOS
from materials.pool import MaterialPool, PoolSettings, shared_pool
from materials.validation import ValidatedPdf, pages_added, photos_to_material_pdf, to_material_pdf, validate_pdf

__all__ = [
    "MAX_BYTES", "MAX_PDF_PAGES", "MAX_PHOTOS", "MaterialError", "MaterialPool", "PoolSettings", "Reason",
    "ValidatedPdf", "pages_added", "photos_to_material_pdf", "shared_pool", "to_material_pdf", "validate_pdf",
]
