"""``/upload/<token>``: the applicant's material page, opened from the signed link the chat sends.

The token in the URL is the only credential: it names one application (:mod:`bot.applicant.upload_links`)
and expires, so every route first turns it into an application id or refuses. Forms also carry a
CSRF field derived from the token, so a third-party page cannot post into someone's application
even when it can guess the form's shape.

Each material can be uploaded (a PDF, or JPG/PNG photos, several at once, that become one), replaced, deleted and
viewed while the application's lifecycle allows it; the whole application is submitted from here
too. Every change goes through :class:`bot.applicant.applications.Applications`, so the chat, the staff side
and the notifications see it as they see any other change.

Every route answers HTML (forms with post-redirect-get), or JSON for a client that asks for it
with ``Accept: application/json``. The applicant-facing sentences live in the templates
(``upload/_messages.html``), not here.
"""
from __future__ import annotations

import hashlib
import hmac
from dataclasses import asdict, dataclass
from typing import Any

from flask import (Blueprint, Response, current_app, g, get_template_attribute, jsonify, make_response, redirect,
                   render_template, request, send_file, url_for)
from werkzeug.exceptions import RequestEntityTooLarge

from bot.desk import labels
from bot.applicant.applications import Applications
from bot.routes.auth import CSRF_FIELD, CSRF_HEADER
from bot.runtime import current_runtime
from bot.applicant.upload_links import LINK_HOURS, UploadLinks
from dialogs import clock, lifecycle
from dialogs.checklist import Material, catalogue
from dialogs.flows.application import BUSINESS_TYPES
from materials import MAX_BYTES, MaterialError, Reason, pages_added, photos_to_material_pdf
from materials.errors import display_name
from storage.files import FileStore

bp = Blueprint("upload", __name__, url_prefix="/upload")

#: Largest file the page takes. Materials end up under 2 MB, but phone photos are often 3–8 MB
#: before conversion; anything bigger is refused before it is read.
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
#: Photos chosen at once for one material (an ID card's two sides, a register's pages) share this
#: body limit; each is still held to MAX_UPLOAD_BYTES.
MAX_UPLOAD_BODY_BYTES = 25 * 1024 * 1024
#: Room for the multipart framing and the CSRF field around the files.
FORM_OVERHEAD_BYTES = 64 * 1024
MESSAGES = "upload/_messages.html"
_CSRF_CONTEXT = b"upload-page-csrf:"
#: Seconds a browser or script is told to wait when every materials worker is busy.
BUSY_RETRY_SECONDS = 60
#: Refusals with no page to show them on: the link itself does not lead to an application.
LINK_ERRORS = frozenset({"link_expired", "application_not_found"})


class Refused(Exception):
    """A request the page cannot carry out: the HTTP status, a machine-readable ``error``, the
    applicant's ``message`` (from ``upload/_messages.html`` unless given) and the material it is
    about, if any, so the page can show it next to that material."""

    def __init__(self, status: int, error: str, message: str | None = None, *, material: str | None = None) -> None:
        super().__init__(error)
        self.status, self.error, self.material = status, error, material
        self.message = message or message_for(error)


@dataclass(frozen=True)
class MaterialView:
    """One row of the checklist as the page shows it."""

    code: str
    name: str
    requirement: str
    status: str
    status_label: str
    reason: str | None
    # What the material's last return asked for, while the file sent since awaits a decision: the applicant who
    # re-uploaded keeps sight of what to fix (and may still replace the file before submitting).
    asked: str | None
    pages: int | None
    size: int | None
    filename: str | None
    can_upload: bool
    can_delete: bool
    file_url: str | None
    sample_url: str | None
    sample_pdf_url: str | None


# -- the pieces of the runtime this page uses ------------------------------------------------------
def _applications() -> Applications:
    return current_runtime().applications


def _links() -> UploadLinks:
    return current_runtime().upload_links


def _files() -> FileStore:
    return current_runtime().files


def message_for(key: str, **facts: Any) -> str:
    """An applicant-facing sentence from ``upload/_messages.html``."""
    return get_template_attribute(MESSAGES, "messages")[key].format(**facts)


def csrf_token_for(token: str) -> str:
    """The CSRF value for the forms of one link: only this server can compute it, and only a page
    read from this origin can see it."""
    secret = current_app.config["SECRET_KEY"].encode()
    return hmac.new(secret, _CSRF_CONTEXT + token.encode(), hashlib.sha256).hexdigest()


# -- every request: the token, the size limit, the CSRF check -----------------------------------------
@bp.url_value_preprocessor
def _take_token(endpoint: str | None, values: dict[str, Any] | None) -> None:
    # Views never see the token; url_for gets it back from _keep_token below.
    g.upload_token = (values or {}).pop("token", None)


@bp.url_defaults
def _keep_token(endpoint: str, values: dict[str, Any]) -> None:
    if "token" not in values and g.get("upload_token"):
        values["token"] = g.upload_token


@bp.before_request
def _open_application() -> None:
    application_id = _links().application_of(g.upload_token or "")
    if application_id is None:
        raise Refused(410, "link_expired")
    if _applications().get(application_id) is None:
        raise Refused(404, "application_not_found")
    g.application_id = application_id
    if request.method == "POST":
        if request.endpoint == "upload.upload":
            # The app allows 64 KB bodies; only the file upload needs more. Werkzeug refuses a
            # larger declared Content-Length before reading the body, and stops a chunked one
            # once it passes the limit.
            request.max_content_length = MAX_UPLOAD_BODY_BYTES + FORM_OVERHEAD_BYTES
        _check_csrf()


def _check_csrf() -> None:
    sent = request.form.get(CSRF_FIELD) or request.headers.get(CSRF_HEADER, "")
    if not hmac.compare_digest(sent.encode(), csrf_token_for(g.upload_token).encode()):
        raise Refused(403, "csrf_failed")


@bp.after_request
def _private_page_headers(response: Response) -> Response:
    # The URL is the credential: keep it out of Referer headers, caches, frames and search engines.
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["X-Robots-Tag"] = "noindex, nofollow"
    if response.mimetype == "text/html":
        response.headers["Content-Security-Policy"] = (
            "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
            "form-action 'self'; frame-ancestors 'none'")
    return response


# -- refusals, whatever raised them --------------------------------------------------------------------
@bp.errorhandler(Refused)
def _refused(refusal: Refused) -> Response:
    if _wants_json():
        return _json(refusal.status, {"error": refusal.error, "message": refusal.message})
    if refusal.error in LINK_ERRORS:
        return _html(refusal.status, "upload/gone.html", message=refusal.message, link_hours=LINK_HOURS)
    if refusal.material is None:
        return _page(refusal.status, page_error=refusal.message)
    return _page(refusal.status, errors={refusal.material: refusal.message})


@bp.errorhandler(MaterialError)
def _material_refused(error: MaterialError) -> Response:
    if error.reason is Reason.BUSY:  # the server's state, not the file's: try again later
        response = _refused(Refused(503, error.reason.value, error.message, material=_code_in_url()))
        response.headers["Retry-After"] = str(BUSY_RETRY_SECONDS)
        return response
    return _refused(Refused(422, error.reason.value, error.message, material=_code_in_url()))


@bp.errorhandler(lifecycle.LifecycleError)
def _not_allowed_now(error: lifecycle.LifecycleError) -> Response:
    return _refused(Refused(409, "not_allowed", error.message, material=_code_in_url()))


@bp.errorhandler(RequestEntityTooLarge)
def _too_large(_: RequestEntityTooLarge) -> Response:
    message = message_for("upload_too_large", max_mb=MAX_UPLOAD_BYTES // 2**20, material_mb=MAX_BYTES // 2**20)
    return _refused(Refused(413, "upload_too_large", message, material=_code_in_url()))


def _code_in_url() -> str | None:
    return (request.view_args or {}).get("code")


# -- the page ---------------------------------------------------------------------------------------
@bp.get("/<token>")
def page() -> Response:
    """The application's status and checklist, with a form per material that may change now."""
    return _page()


@bp.post("/<token>/<code>")
def upload(code: str) -> Response:
    """Take the file(s) for ``code``, replacing what it had: a PDF, or photos (several may be chosen at
    once: an ID card's two sides) made into one; with ``append`` ticked, added after the pages of its file saved
    (a page sent later, try18 U40), as the chat offers 追加. A refused upload changes nothing."""
    material = _material(code)
    lifecycle.check_replaceable(_record(), code)  # refuse before the costly conversion
    sent = [f for f in request.files.getlist("file") if f.filename]
    if not sent:
        raise Refused(400, "no_file", material=code)
    files = [(f.read(), f.filename) for f in sent]
    if any(len(data) > MAX_UPLOAD_BYTES for data, _ in files):
        raise RequestEntityTooLarge()
    pdf = photos_to_material_pdf(files)
    saved = ((_record().get("materials") or {}).get(code) or {})
    if request.form.get("append") and saved.get("sha256") and saved.get("status") == "uploaded":
        pdf = pages_added(_files().read(saved["sha256"]), pdf.data)
    sha = _files().put(pdf.data)
    names = [display_name(name) for _, name in files]
    file = {"sha256": sha, "pages": pdf.pages, "size": pdf.size, "source": "upload",
            "filename": names[0] if len(names) == 1 else f"{names[0]} 等 {len(names)} 张照片"}
    now = _applications().now()
    _applications().change(g.application_id, lambda r: lifecycle.with_material(r, material.code, file, now))
    return _done(material.code, saved=material.code)


@bp.post("/<token>/<code>/delete")
def delete(code: str) -> Response:
    """Remove the upload for ``code`` (before submission only). The stored file stays: files are
    shared by content, so another material or application may use the same one."""
    material = _material(code)
    now = _applications().now()
    _applications().change(g.application_id, lambda r: lifecycle.without_material(r, material.code, now))
    return _done(material.code, deleted=material.code)


@bp.post("/<token>/submit")
def submit() -> Response:
    """Submit the application for review; refused while a material is missing."""
    _applications().submit(g.application_id, _files())
    return _done(None, submitted="1")


@bp.get("/<token>/<code>/file")
def material_file(code: str) -> Response:
    """The applicant's own uploaded PDF, shown in the browser."""
    material = _material(code)
    sha = ((_record().get("materials") or {}).get(code) or {}).get("sha256")
    if not sha or not _files().exists(sha):
        raise Refused(404, "not_uploaded", material=code)
    return send_file(_files().open(sha), mimetype="application/pdf", as_attachment=False,
                     download_name=f"{material.name}.pdf", max_age=0)


# -- building answers ----------------------------------------------------------------------------------
def _record() -> lifecycle.Record:
    record = _applications().get(g.application_id)
    if record is None:  # deleted after the link was opened (the applicant restarted in chat)
        raise Refused(404, "application_not_found")
    return record


def _material(code: str) -> Material:
    """The checklist item ``code`` of this application, or a 404."""
    material = catalogue().materials.get(code)
    if material is None or code not in (_record().get("checklist") or []):
        raise Refused(404, "unknown_material")
    return material


def material_views(record: lifecycle.Record) -> list[MaterialView]:
    """The application's checklist, each material with its status and what the applicant may do."""
    open_codes = set(lifecycle.replaceable(record))
    deletable = record.get("status") == "draft"
    uploads = record.get("materials") or {}
    views = []
    for code in record.get("checklist") or []:
        material = catalogue().materials.get(code)
        if material is None:  # a material dropped from the catalogue since the checklist was made
            continue
        upload = uploads.get(code) or {}
        status = upload.get("status", "missing")
        has_file = bool(upload.get("sha256"))
        views.append(MaterialView(
            code=code, name=material.name, requirement=material.shown_requirement, status=status,
            status_label=labels.label(labels.APPLICANT_MATERIAL, status),
            reason=upload.get("reason") if status == "returned" else None,
            asked=_asked(upload) if status == "uploaded" else None,
            pages=upload.get("pages"), size=upload.get("size"), filename=upload.get("filename"),
            can_upload=code in open_codes, can_delete=deletable and has_file,
            file_url=url_for(".material_file", code=code) if has_file else None,
            sample_url=url_for("static", filename=f"samples/{code}.png") if material.sample else None,
            sample_pdf_url=url_for("static", filename=f"samples/{code}.pdf") if material.sample else None,
        ))
    return views


def _asked(upload: dict[str, Any]) -> str | None:
    """The reason of the upload's last return (``returns``, oldest first, kept by each new file), if it had one."""
    returns = upload.get("returns") or []
    return (returns[-1].get("reason") or None) if returns else None


def masked_name(name: str | None) -> str | None:
    """The applicant's name with all but the first character hidden ("张*"): enough to recognise
    one's own application, little to a stranger the link was forwarded to."""
    return name[0] + "*" * (len(name) - 1) if name else None


def page_state(record: lifecycle.Record) -> dict[str, Any]:
    """What the page shows, as data: the template renders it and JSON clients receive it.
    Never the ID number, mobile or e-mail."""
    status = record.get("status", "draft")
    materials = material_views(record)
    still_missing = set(lifecycle.missing_materials(record))
    missing = [m.code for m in materials if m.code in still_missing]
    business_types = {option.code: option.label for option in BUSINESS_TYPES}
    return {
        "status": status,
        "status_label": labels.applicant_status(status),
        "business_type": business_types.get(record.get("business_type"), record.get("business_type")),
        "applicant": masked_name((record.get("answers") or {}).get("name")),
        "return_reason": record.get("return_reason") if status == "returned" else None,
        "confirm_by": clock.minute(record.get("confirm_by")) if status == "approved" else None,
        "materials": [asdict(m) for m in materials],
        "missing": missing,
        "uploaded_count": len(materials) - len(missing),
        "can_submit": status in lifecycle.MOVES["submit"][0] and not missing,  # [0]: the statuses it starts from
        "csrf_token": csrf_token_for(g.upload_token),
        "max_upload_mb": MAX_UPLOAD_BYTES // 2**20,
        "max_material_mb": MAX_BYTES // 2**20,
    }


def _page(status: int = 200, *, errors: dict[str, str] | None = None, page_error: str | None = None) -> Response:
    state = page_state(_record())
    if _wants_json():
        return _json(status, state)
    notice = {key: request.args[key] for key in ("saved", "deleted", "submitted") if key in request.args}
    return _html(status, "upload/page.html", state=state, errors=errors or {}, page_error=page_error,
                 notice=notice, link_hours=LINK_HOURS)


def _done(anchor: str | None, **notice: str) -> Response:
    """After a change: the new state for JSON clients; for browsers a redirect back to the page
    (post-redirect-get), scrolled to ``anchor`` (the material the notice is about)."""
    if _wants_json():
        return _page()
    return redirect(url_for(".page", **notice, _anchor=anchor), code=303)


def _wants_json() -> bool:
    return request.accept_mimetypes.best == "application/json"


def _json(status: int, body: dict[str, Any]) -> Response:
    return make_response(jsonify(body), status)


def _html(status: int, template: str, **context: Any) -> Response:
    return make_response(render_template(template, **context), status)
