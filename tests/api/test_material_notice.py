"""The photos made into a PDF are saved even when WeChat refuses the notice saying so (try10 T23): the
job ends without failing (a failed job is run again and would build the material twice)."""
from __future__ import annotations

import io
import logging

from PIL import Image

from bot.applicant.material_jobs import build_material
from tests.support.desk_app import make_application


def a_photo() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (800, 600), "white").save(out, "JPEG")
    return out.getvalue()


def test_a_refused_notice_after_the_pdf_is_saved_is_a_warning_not_a_failed_job(runtime, stub, caplog):
    record = make_application(runtime, "oNotice", status="draft", checklist=["commission_form"])
    runtime.store.update("application", record["id"], lambda a: {**a, "materials": {}})
    media_id = stub.control("media", data=a_photo(), headers={"Content-Type": "image/jpeg"})["media_id"]
    stub.control("fail", {"errcode": 45047, "path": "/cgi-bin/message/custom/send"})
    with caplog.at_level(logging.WARNING):
        build_material(runtime.wechat, runtime.files, runtime.applications, user_id="oNotice",
                       application_id=record["id"], code="commission_form", media_ids=[media_id])
    saved = runtime.applications.get(record["id"])["materials"]["commission_form"]
    assert saved["status"] == "uploaded" and saved["pages"] == 1
    assert any("not delivered" in r.getMessage() and r.levelno == logging.WARNING for r in caplog.records)
