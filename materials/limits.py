"""The numbers that bound a material: one place to read and review them."""
from __future__ import annotations

#: A material is one PDF of at most this many bytes (the pre-review platform's rule).
MAX_BYTES = 2 * 1024 * 1024

#: More pages than this is not one material; it also bounds the work per file.
MAX_PDF_PAGES = 50

#: Photos that may become one material's PDF (one page each).
MAX_PHOTOS = 20

#: A photo file larger than this is refused before decoding (phones produce 2–12 MB).
MAX_PHOTO_BYTES = 20 * 1024 * 1024

#: Pixels a photo may have (≈ a 50 MP phone photo). Bigger ones cost hundreds of MB to decode.
MAX_PHOTO_PIXELS = 50_000_000

#: Bytes a photo may take once decoded, as its header declares (after a JPEG's reduced-scale
#: draft): a 48 MP HEIC (146 MB) passes, a 7000×7000 RGBA PNG (196 MB from a 200 KB file) does not.
MAX_PHOTO_DECODED_BYTES = 160 * 1024 * 1024

#: Wall-clock seconds a PDF may take to parse before it is declared unreadable.
PDF_CHECK_SECONDS = 5.0

#: Wall-clock seconds each photo of a job may take to become a page (a 12 MP photo takes 0.2–0.4 s).
PHOTO_SECONDS = 5.0

#: Address space of each worker process that decodes photos and parses PDFs: a decompression
#: bomb hits this, not the server (MATERIAL_MEMORY_MB).
WORKER_MEMORY = 512 * 1024 * 1024

#: A worker process is replaced after this many jobs, so that what one file left behind in it
#: (fragmented memory, caches) does not accumulate.
JOBS_PER_WORKER = 200
