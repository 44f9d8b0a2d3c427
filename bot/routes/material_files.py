"""A material's stored PDF as an HTTP response: one piece for the staff API and the console."""
from __future__ import annotations

from flask import Response, request, send_file

from bot.desk import review
from bot.runtime import current_runtime


def material_pdf(application_id: str, code: str) -> Response:
    """Inline, or as a download with ``?download=1``; never cached (it holds personal data)."""
    runtime = current_runtime()
    sha = review.material_file(runtime.applications, runtime.files, application_id, code)
    return send_file(runtime.files.open(sha), mimetype="application/pdf", max_age=0,
                     download_name=f"{application_id}-{code}.pdf", as_attachment=request.args.get("download") == "1")
