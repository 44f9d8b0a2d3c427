"""The photos made into a PDF are saved even when WeChat refuses the notice saying so (try10 T23): the
job ends without failing (a failed job is run again and would build the material twice). A blank photo among
others is left out and named, the rest saved (try18 U6)."""
from __future__ import annotations

import logging

from PIL import Image

from bot.applicant.material_jobs import build_material
from tests.support.desk_app import make_application
from tests.support.files import encode, photo


def test_a_refused_notice_after_the_pdf_is_saved_is_a_warning_not_a_failed_job(runtime, stub, caplog):
    record = make_application(runtime, "oNotice", status="draft", checklist=["commission_form"])
    runtime.store.update("application", record["id"], lambda a: {**a, "materials": {}})
    media_id = stub.control("media", data=photo(size=(800, 600)), headers={"Content-Type": "image/jpeg"})["media_id"]
    stub.control("fail", {"errcode": 45047, "path": "/cgi-bin/message/custom/send"})
    with caplog.at_level(logging.WARNING):
        build_material(runtime.wechat, runtime.files, runtime.applications, user_id="oNotice",
                       application_id=record["id"], code="commission_form", media_ids=[media_id])
    saved = runtime.applications.get(record["id"])["materials"]["commission_form"]
    assert saved["status"] == "uploaded" and saved["pages"] == 1
    assert any("not delivered" in r.getMessage() and r.levelno == logging.WARNING for r in caplog.records)


def test_a_blank_photo_among_others_is_left_out_and_named_the_rest_saved(runtime, stub):
    record = make_application(runtime, "oBlankPage", status="draft", checklist=["id_card"])
    runtime.store.update("application", record["id"], lambda a: {**a, "materials": {}})
    media = [stub.control("media", data=data, headers={"Content-Type": "image/jpeg"})["media_id"]
             for data in (photo(), encode(Image.new("RGB", (1200, 1600), "white")))]
    build_material(runtime.wechat, runtime.files, runtime.applications, user_id="oBlankPage",
                   application_id=record["id"], code="id_card", media_ids=media)
    told = stub.texts_to("oBlankPage")[-1]
    assert "第 2 张" in told and "白色" in told
    assert runtime.applications.get(record["id"])["materials"]["id_card"]["pages"] == 1


def test_the_same_photo_sent_twice_is_one_page_and_said_so(runtime, stub):
    record = make_application(runtime, "oSameTwice", status="draft", checklist=["id_card"])
    runtime.store.update("application", record["id"], lambda a: {**a, "materials": {}})
    front = photo(label="front")
    media = [stub.control("media", data=data, headers={"Content-Type": "image/jpeg"})["media_id"]
             for data in (front, front, photo(label="back"))]
    build_material(runtime.wechat, runtime.files, runtime.applications, user_id="oSameTwice",
                   application_id=record["id"], code="id_card", media_ids=media)
    told = stub.texts_to("oSameTwice")[-1]
    assert "第 2 张没有用上" in told and "和第 1 张是同一张照片" in told
    assert runtime.applications.get(record["id"])["materials"]["id_card"]["pages"] == 2
