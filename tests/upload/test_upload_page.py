"""The upload page as the applicant uses it: the Flask test client, a real SQLite store, real
files on disk, and PDFs and photos made by the tests."""
from __future__ import annotations

import io
import math
import re
from datetime import datetime, timedelta

import pytest
import time_machine
from pypdf import PdfReader

from bot.app import runtime_of
from bot.routes import upload
from dialogs import lifecycle
from dialogs.checklist import catalogue
from materials import shared_pool
from materials.errors import MESSAGES, Reason
from tests.support.files import Busy, photo, text_pdf
from tests.security.hostile_files import many_pages_pdf

CHECKLIST = ["commission_form", "commitment_letter", "id_card"]
ANSWERS = {"name": "张三丰", "id_number": "11010519491231002X", "mobile": "13800138000",
           "email": "zhang@example.com", "employer": "上海某某科技有限公司"}
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture
def app(make_app):
    return make_app()


@pytest.fixture
def runtime(app):
    return runtime_of(app)


@pytest.fixture
def applicant(app, runtime):
    """The applicant of application "app-1", holding a fresh link to it."""
    return Applicant(app, runtime, new_application(runtime, "app-1"))


def new_application(runtime, application_id: str) -> str:
    """A draft application as the chat leaves it once the checklist is made."""
    runtime.store.update("application", application_id, lambda current: lifecycle.saved_application(
        current, application_id=application_id, user_id=f"user-{application_id}", business_type="new",
        answers=ANSWERS, checklist=CHECKLIST, now=datetime(2026, 11, 24, 10, 0)))
    return application_id


class Applicant:
    """A client of one upload link: reads the page and posts to it with the link's CSRF value."""

    def __init__(self, app, runtime, application_id: str) -> None:
        self.client = app.test_client()
        self.runtime = runtime
        self.application_id = application_id
        self.link = f"/upload/{runtime.upload_links.token_for(application_id)}"

    def page(self, **headers: str):
        return self.client.get(self.link, headers=headers)

    def csrf(self) -> str:
        """The CSRF value of this link, as the page's JSON gives it to scripts."""
        return self.page(Accept="application/json").get_json()["csrf_token"]

    def upload(self, code: str, data: bytes, filename: str, **headers: str):
        return self.client.post(f"{self.link}/{code}", headers=headers, content_type="multipart/form-data",
                                data={"csrf_token": self.csrf(), "file": (io.BytesIO(data), filename)})

    def post(self, path: str, **headers: str):
        return self.client.post(f"{self.link}/{path}", data={"csrf_token": self.csrf()}, headers=headers)

    @property
    def record(self) -> dict:
        return self.runtime.applications.get(self.application_id)

    def material(self, code: str) -> dict:
        return self.record["materials"].get(code, {})


def card(html: str, code: str) -> str:
    """The part of the page about one material."""
    return re.search(rf'<li class="card material[^"]*" id="{code}">(.*?)</li>\s*(?:<li|</ol>)', html, re.S).group(1)


def upload_all(applicant: Applicant) -> None:
    for code in CHECKLIST:
        assert applicant.upload(code, text_pdf(1), f"{code}.pdf").status_code == 303


def return_id_card(applicant: Applicant) -> None:
    """Submit, then a reviewer returns the ID card and approves the rest."""
    assert applicant.post("submit").status_code == 303
    verdicts = {code: {"status": "approved"} for code in CHECKLIST}
    verdicts["id_card"] = {"status": "returned", "reason": "证件有效期不足两个月"}
    applicant.runtime.applications.change(applicant.application_id, lambda r: lifecycle.reviewed(
        r, materials=verdicts, decision="returned", reason="身份证需更换", reviewer="staff1",
        now=datetime(2026, 11, 25, 9, 0)))


# -- the page -----------------------------------------------------------------------------------------
def test_the_page_shows_the_status_and_each_material_with_its_status_and_requirement(applicant):
    response = applicant.page()
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and response.mimetype == "text/html"
    assert 'name="viewport"' in html and "待上传材料" in html and "积分新办" in html  # the applicant's words
    for code in CHECKLIST:
        material = catalogue().materials[code]
        assert material.name in card(html, code) and material.requirement in card(html, code)
        assert "未上传" in card(html, code) and 'type="file"' in card(html, code)
    assert set(CSRF.findall(html)) == {applicant.csrf()}
    assert "提交审核</button>" not in html and "还有 3 项材料需要上传" in html


def test_the_page_states_one_size_rule(applicant):
    html = applicant.page().get_data(as_text=True)
    rule = "每项材料为一个小于 2 MB 的 PDF 文件（同一项材料合成一个 PDF）；也可以上传照片（JPG、PNG、HEIC，每张不超过 10 MB），会自动转成小于 2 MB 的 PDF。"
    assert html.count(rule) == 1
    assert "不能超过" not in html and "文件超过 10 MB" not in html.split("data-too-large")[0]
    form = card(html, "id_card")
    assert f'data-max-pdf-bytes="{2 * 1048576}"' in form and "这个 PDF 超过 2 MB" in form
    upload_all(applicant)
    return_id_card(applicant)
    assert applicant.page().get_data(as_text=True).count(rule) == 1  # said again to whoever uploads anew


def test_a_requirement_the_seeds_do_not_state_shows_the_caveat_on_the_page(runtime, app):
    runtime.store.update("application", "app-2", lambda current: lifecycle.saved_application(
        current, application_id="app-2", user_id="user-app-2", business_type="employer_change", answers=ANSWERS,
        checklist=["id_card", "previous_notice"], now=datetime(2026, 11, 24, 10, 0)))
    html = Applicant(app, runtime, "app-2").page().get_data(as_text=True)
    assert "依据公开信息整理，以审核要求为准" in card(html, "previous_notice")
    assert "依据公开信息整理" not in card(html, "id_card")


def test_the_materials_with_a_sample_link_to_it(applicant):
    html = applicant.page().get_data(as_text=True)
    assert "/static/samples/commission_form.png" in card(html, "commission_form")
    assert "/static/samples/commitment_letter.pdf" in card(html, "commitment_letter")
    assert "样张" not in card(html, "id_card")


def test_every_sample_the_catalogue_promises_is_served(applicant):
    with_sample = [m.code for m in catalogue().materials.values() if m.sample]
    assert with_sample
    for code in with_sample:
        image = applicant.client.get(f"/static/samples/{code}.png")
        pdf = applicant.client.get(f"/static/samples/{code}.pdf")
        assert image.status_code == 200 and image.data.startswith(b"\x89PNG")
        assert pdf.status_code == 200 and len(PdfReader(io.BytesIO(pdf.data)).pages) == 1
        image.close(), pdf.close()


def test_the_page_never_shows_the_id_number_mobile_or_email(applicant):
    html = applicant.page().get_data(as_text=True)
    data = applicant.page(Accept="application/json").get_data(as_text=True)
    for secret in ("11010519491231002X", "13800138000", "zhang@example.com", "张三丰"):
        assert secret not in html and secret not in data
    assert "张**" in html


def test_the_page_keeps_its_link_out_of_referers_caches_and_frames(applicant):
    headers = applicant.page().headers
    assert headers["Referrer-Policy"] == "no-referrer" and headers["Cache-Control"] == "no-store"
    assert headers["X-Frame-Options"] == "DENY" and "frame-ancestors 'none'" in headers["Content-Security-Policy"]


def test_json_clients_get_the_page_as_data(applicant):
    body = applicant.page(Accept="application/json").get_json()
    assert body["status"] == "draft" and body["status_label"] == "待上传材料"
    assert [m["code"] for m in body["materials"]] == CHECKLIST and body["missing"] == CHECKLIST
    assert body["materials"][0]["status_label"] == "未上传" and body["can_submit"] is False


# -- the link ------------------------------------------------------------------------------------------
def test_a_forged_link_gets_a_friendly_page_saying_how_to_get_a_new_one(applicant):
    response = applicant.client.get(applicant.link + "x")
    html = response.get_data(as_text=True)
    assert response.status_code == 410 and "链接无法使用" in html and "网页上传" in html


def test_an_expired_link_gets_the_same_friendly_page(app, runtime):
    with time_machine.travel(datetime.now() - timedelta(hours=25)):
        applicant = Applicant(app, runtime, new_application(runtime, "app-old"))
    response = applicant.page()
    assert response.status_code == 410 and "网页上传" in response.get_data(as_text=True)
    assert applicant.page(Accept="application/json").get_json()["error"] == "link_expired"


def test_a_link_to_an_application_that_was_discarded_says_so(applicant):
    applicant.runtime.store.update("application", applicant.application_id, lambda current: None)
    response = applicant.page()
    assert response.status_code == 404 and "网页上传" in response.get_data(as_text=True)


def test_another_applications_link_cannot_touch_this_one(app, runtime, applicant):
    other = Applicant(app, runtime, new_application(runtime, "app-2"))
    # a form of this application's page posted through the other link: the CSRF field does not match
    stolen = other.client.post(f"{other.link}/id_card", content_type="multipart/form-data",
                               data={"csrf_token": applicant.csrf(), "file": (io.BytesIO(text_pdf(1)), "a.pdf")})
    assert stolen.status_code == 403
    assert other.upload("id_card", text_pdf(1), "mine.pdf").status_code == 303
    assert other.material("id_card")["status"] == "uploaded"
    assert applicant.record["materials"] == {}


def test_a_post_without_the_csrf_field_changes_nothing(applicant):
    response = applicant.client.post(f"{applicant.link}/id_card", content_type="multipart/form-data",
                                     data={"file": (io.BytesIO(text_pdf(1)), "a.pdf")})
    assert response.status_code == 403 and "没有做任何更改" in response.get_data(as_text=True)
    assert applicant.record["materials"] == {}


# -- uploading ---------------------------------------------------------------------------------------------
def test_uploading_a_pdf_marks_the_material_uploaded_and_shows_pages_and_size(applicant):
    pdf = text_pdf(2)
    response = applicant.upload("id_card", pdf, "身份证.pdf")
    assert response.status_code == 303 and response.location.endswith("?saved=id_card#id_card")
    html = applicant.client.get(response.location).get_data(as_text=True)
    assert "已上传" in card(html, "id_card")
    assert f"已保存：2 页，{math.ceil(len(pdf) / 1024)} KB" in card(html, "id_card")
    stored = applicant.material("id_card")
    assert stored["pages"] == 2 and stored["size"] == len(pdf) and stored["source"] == "upload"
    assert stored["filename"] == "身份证.pdf"
    assert applicant.runtime.files.read(stored["sha256"]) == pdf


def test_a_jpeg_photo_is_converted_to_a_pdf(applicant):
    jpeg = photo()
    assert len(jpeg) > 64 * 1024  # larger than the app-wide body limit: the upload route has its own
    response = applicant.upload("commitment_letter", jpeg, "IMG_0001.jpg")
    assert response.status_code == 303
    stored = applicant.material("commitment_letter")
    assert stored["status"] == "uploaded" and stored["pages"] == 1
    assert applicant.runtime.files.read(stored["sha256"]).startswith(b"%PDF-")


@pytest.mark.slow  # decoding HEIC takes ~3 s of CPU: with the slow ones
def test_an_iphones_heic_photo_is_converted_to_a_pdf(applicant):
    assert applicant.upload("id_card", photo(fmt="HEIF"), "IMG_0002.HEIC").status_code == 303
    stored = applicant.material("id_card")
    assert stored["status"] == "uploaded" and stored["pages"] == 1
    assert applicant.runtime.files.read(stored["sha256"]).startswith(b"%PDF-")


def test_an_id_cards_two_sides_chosen_together_become_one_two_page_pdf(applicant):
    page = applicant.client.get(applicant.link).get_data(as_text=True)
    assert 'name="file" required multiple' in page and "请一次选中一起上传" in page
    sides = [(io.BytesIO(photo(size=(800, 500))), "front.jpg"), (io.BytesIO(photo(size=(800, 500), label="Back")), "back.jpg")]
    response = applicant.client.post(f"{applicant.link}/id_card", data={"csrf_token": applicant.csrf(), "file": sides})
    assert response.status_code == 303
    stored = applicant.material("id_card")
    assert stored["pages"] == 2 and stored["filename"] == "front.jpg 等 2 张照片"
    mixed = [(io.BytesIO(photo()), "front.jpg"), (io.BytesIO(text_pdf(1)), "back.pdf")]
    refused = applicant.client.post(f"{applicant.link}/id_card", data={"csrf_token": applicant.csrf(), "file": mixed})
    assert refused.status_code == 422 and "PDF 文件请单独上传" in refused.get_data(as_text=True)
    assert applicant.material("id_card") == stored  # a refused upload changes nothing


def test_a_jpeg_renamed_to_pdf_is_judged_by_its_content_and_converted(applicant):
    assert applicant.upload("id_card", photo(), "scan.pdf").status_code == 303
    stored = applicant.material("id_card")
    assert stored["status"] == "uploaded"
    assert applicant.runtime.files.read(stored["sha256"]).startswith(b"%PDF-")


def test_an_encrypted_pdf_is_refused_and_the_earlier_good_file_stays(applicant):
    applicant.upload("id_card", text_pdf(1), "good.pdf")
    good = applicant.material("id_card")
    response = applicant.upload("id_card", text_pdf(1, password="secret"), "locked.pdf")
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "「locked.pdf」" + MESSAGES[Reason.ENCRYPTED] in card(html, "id_card")
    assert applicant.material("id_card") == good and "已上传" in card(html, "id_card")


def test_a_refused_file_answers_json_when_asked(applicant):
    response = applicant.upload("id_card", b"not a pdf at all", "notes.txt", Accept="application/json")
    assert response.status_code == 422
    body = response.get_json()
    assert body.pop("request_id") == response.headers["X-Request-Id"]  # every JSON error names its request
    assert body == {"error": "not_pdf", "message": "「notes.txt」" + MESSAGES[Reason.NOT_PDF]}


@pytest.fixture
def one_worker_pool(monkeypatch):
    """This process's materials pool as one worker and no queue, kept busy by a slow check."""
    monkeypatch.setenv("MATERIAL_WORKERS", "1")
    monkeypatch.setenv("MATERIAL_QUEUE", "0")
    shared_pool.cache_clear()
    pool = shared_pool()
    pool.start()
    yield pool
    pool.close()
    shared_pool.cache_clear()


def test_when_every_materials_worker_is_busy_an_upload_is_told_to_come_back_later(applicant, one_worker_pool):
    applicant.upload("id_card", text_pdf(1), "good.pdf")
    good = applicant.material("id_card")
    with Busy(one_worker_pool, many_pages_pdf(20_000, declared=1)):
        as_json = applicant.upload("id_card", text_pdf(2), "new.pdf", Accept="application/json")
        as_page = applicant.upload("id_card", photo(size=(600, 800)), "new.jpg")
    assert as_json.status_code == 503 and as_json.headers["Retry-After"] == str(upload.BUSY_RETRY_SECONDS)
    body = as_json.get_json()
    assert body == {"error": "busy", "message": "「new.pdf」" + MESSAGES[Reason.BUSY], "request_id": body["request_id"]}
    assert as_page.status_code == 503 and "系统繁忙，请稍后再上传" in card(as_page.get_data(as_text=True), "id_card")
    assert applicant.material("id_card") == good


def test_an_upload_without_a_file_asks_for_one(applicant):
    response = applicant.client.post(f"{applicant.link}/id_card", data={"csrf_token": applicant.csrf()})
    assert response.status_code == 400 and "请先选择要上传的文件" in card(response.get_data(as_text=True), "id_card")


class CountingBody(io.RawIOBase):
    """A request body of ``size`` bytes made on demand, counting how much of it the server reads."""

    def __init__(self, size: int) -> None:
        self.size, self.position, self.read_bytes = size, 0, 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self.position

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        self.position = {io.SEEK_SET: 0, io.SEEK_CUR: self.position, io.SEEK_END: self.size}[whence] + offset
        return self.position

    def readinto(self, buffer) -> int:
        count = max(0, min(len(buffer), self.size - self.position))
        buffer[:count] = b"x" * count
        self.position += count
        self.read_bytes += count
        return count


def post_30_mb(applicant: Applicant, body: CountingBody | None = None, **headers: str):
    return applicant.client.post(f"{applicant.link}/id_card", input_stream=body or CountingBody(30 * 1024 * 1024),
                                 content_type="multipart/form-data; boundary=----boundary", headers=headers)


def test_a_30_mb_upload_is_refused_before_it_is_read(applicant):
    body = CountingBody(30 * 1024 * 1024)
    response = post_30_mb(applicant, body)
    assert response.status_code == 413 and body.read_bytes < 1024 * 1024
    assert "文件超过 10 MB" in card(response.get_data(as_text=True), "id_card")
    assert applicant.record["materials"] == {}


def test_a_30_mb_upload_answers_json_when_asked(applicant):
    response = post_30_mb(applicant, Accept="application/json")
    assert response.status_code == 413 and response.get_json()["error"] == "upload_too_large"


def test_the_applicant_can_view_their_uploaded_pdf(applicant):
    pdf = text_pdf(1)
    applicant.upload("id_card", pdf, "id.pdf")
    response = applicant.client.get(f"{applicant.link}/id_card/file")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"].startswith("inline") and response.data == pdf
    response.close()
    assert applicant.client.get(f"{applicant.link}/commission_form/file").status_code == 404


def test_a_material_not_on_the_checklist_is_not_found(applicant):
    response = applicant.upload("diploma", text_pdf(1), "diploma.pdf")
    assert response.status_code == 404 and "材料清单里没有这项材料" in response.get_data(as_text=True)


# -- deleting and submitting ------------------------------------------------------------------------------
def test_an_upload_can_be_deleted_before_submission(applicant):
    applicant.upload("id_card", text_pdf(1), "id.pdf")
    response = applicant.post("id_card/delete")
    assert response.status_code == 303
    html = applicant.client.get(response.location).get_data(as_text=True)
    assert "未上传" in card(html, "id_card") and "已删除" in card(html, "id_card")
    assert "id_card" not in applicant.record["materials"]


def test_submitting_is_refused_while_a_material_is_missing(applicant):
    applicant.upload("id_card", text_pdf(1), "id.pdf")
    response = applicant.post("submit")
    assert response.status_code == 409 and "还有 2 项材料没有上传" in response.get_data(as_text=True)
    assert applicant.record["status"] == "draft"


def test_submitting_a_complete_application_puts_it_under_review(applicant):
    upload_all(applicant)
    assert "提交审核</button>" in applicant.page().get_data(as_text=True)
    response = applicant.post("submit")
    html = applicant.client.get(response.location).get_data(as_text=True)
    assert response.status_code == 303 and applicant.record["status"] == "submitted"
    assert "审核中" in html and "提交成功" in html and 'type="file"' not in html


def test_nothing_can_be_changed_while_under_review(applicant):
    upload_all(applicant)
    applicant.post("submit")
    response = applicant.upload("id_card", text_pdf(2), "new.pdf", Accept="application/json")
    assert response.status_code == 409 and response.get_json()["error"] == "not_allowed"
    assert applicant.post("id_card/delete").status_code == 409


# -- after a return ----------------------------------------------------------------------------------------
def test_a_re_uploaded_material_keeps_its_return_reason_in_sight_until_it_is_decided_again(app, runtime, applicant):
    upload_all(applicant)
    return_id_card(applicant)
    assert applicant.upload("id_card", text_pdf(2), "new-id.pdf").status_code == 303
    asked = "上次退回原因：</strong>证件有效期不足两个月"
    html = applicant.page().get_data(as_text=True)
    assert asked in card(html, "id_card") and "上次退回" not in card(html, "commission_form")
    assert {m["code"]: m["asked"] for m in applicant.page(Accept="application/json").get_json()["materials"]} == {
        "commission_form": None, "commitment_letter": None, "id_card": "证件有效期不足两个月"}
    assert applicant.post("submit").status_code == 303
    assert asked in card(applicant.page().get_data(as_text=True), "id_card")  # while it is reviewed
    # only on this application's own link: another applicant's page says nothing of it
    stranger = Applicant(app, runtime, new_application(runtime, "app-2"))
    assert "证件有效期不足两个月" not in stranger.page().get_data(as_text=True)
    applicant.runtime.applications.change(applicant.application_id, lambda r: lifecycle.reviewed(
        r, materials={"id_card": {"status": "approved"}}, decision="approved", reason="", reviewer="staff1",
        now=datetime(2026, 11, 26, 9, 0)))
    assert "上次退回" not in applicant.page().get_data(as_text=True)  # decided again: the new verdict stands


def test_after_a_return_only_the_returned_material_can_be_replaced(applicant):
    upload_all(applicant)
    return_id_card(applicant)
    html = applicant.page().get_data(as_text=True)
    assert "需补充材料" in html and "外服退材料" not in html and "身份证需更换" in html
    assert html.index('id="id_card"') < html.index('id="commission_form"')  # the returned item comes first
    assert "证件有效期不足两个月" in card(html, "id_card") and 'type="file"' in card(html, "id_card")
    assert 'type="file"' not in card(html, "commission_form") and "删除" not in card(html, "id_card")

    kept = applicant.material("commission_form")
    refused = applicant.upload("commission_form", text_pdf(2), "again.pdf")
    assert refused.status_code == 409 and "没有被退回" in card(refused.get_data(as_text=True), "commission_form")
    assert applicant.material("commission_form") == kept

    assert applicant.upload("id_card", text_pdf(2), "new-id.pdf").status_code == 303
    assert applicant.material("id_card")["status"] == "uploaded"
    assert applicant.post("submit").status_code == 303 and applicant.record["status"] == "submitted"


def test_a_file_neither_pdf_nor_photo_is_told_both_are_taken(applicant):
    # the page takes photos as well as PDFs: "please upload a PDF" alone sent an applicant holding photos away
    response = applicant.upload("id_card", b"not a pdf at all", "note.txt", Accept="application/json")
    message = response.get_json()["message"]
    assert response.status_code == 422
    assert "PDF 或照片" in message and "JPG" in message
