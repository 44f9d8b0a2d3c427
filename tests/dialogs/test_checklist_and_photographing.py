"""The checklist and photographing points (fix49): how applicants ask there, by cause, through the engine in other
words than the corpus's: how to send, a file to send, photos by phone, a paper lost or not had, whether the list is
all, an item the list does not hold, and whether the uploads are done."""
from __future__ import annotations

import pytest

from dialogs import render
from dialogs.events import OfferUploadLink
from tests.support.chat import play

AT_CHECKLIST = ["你好", "1", "2027-08-25", "同意", "张伟", "110101199003078515", "上海星河科技有限公司", "0", "未婚",
                "13800138000", "a@b.com", "0", "确认"]  # six items: 委托单, 承诺书, 身份证, 居住证, 户籍证明, 劳动合同
PHOTOGRAPHING = [*AT_CHECKLIST, "3"]  # the ID card chosen
WITH_SOCIAL_INSURANCE = [*AT_CHECKLIST[:-2], "3", "5", "确认"]  # 社保加分 (five years): 社保缴费记录 is item 7


def _said(outcome) -> str:
    return "\n".join(outcome.replies)


# -- 1. how to send, asked at the checklist: the stage's how, never out of scope ----------------------------------------
@pytest.mark.parametrize("said", ["拍好了怎么发给你", "证件拍完了咋给你们发过去", "图片怎么交给你们啊", "照片从哪里传"])
def test_how_to_send_at_the_checklist_is_told_where_the_applicant_is(kb, said):
    """"拍好了怎么发给你" was out of scope: choosing the item by its number, then the photos, 网页上传 for a PDF."""
    outcome = play(kb, *AT_CHECKLIST, said)
    reply = _said(outcome)
    assert render.UPLOAD_HOW in reply and render.OUT_OF_SCOPE not in reply
    assert render.WELCOME not in reply  # the service's introduction says nothing of it
    assert outcome.state["material"] is None


@pytest.mark.parametrize("said", ["拍好了怎么发给你", "照片咋传给你", "图片发到哪"])
def test_how_to_send_while_photographing_is_the_items_photos(kb, said):
    outcome = play(kb, *PHOTOGRAPHING, said)
    reply = _said(outcome)
    assert render.HOW_TO_PHOTOGRAPH in reply and "持证人身份证" in reply and render.OUT_OF_SCOPE not in reply


# -- 2. a file to send: the upload page ----------------------------------------------------------------------------
@pytest.mark.parametrize("said", ["我要发文件", "我有个文件要发", "想发个pdf文档", "这边有文件要传给你"])
def test_a_file_to_send_at_the_checklist_gets_the_upload_page(kb, said):
    """"我要发文件" was answered with 静安区's rule for naming e-mailed files."""
    outcome = play(kb, *AT_CHECKLIST, said)
    assert any(isinstance(e, OfferUploadLink) for e in outcome.effects)
    assert "静安" not in _said(outcome)


# -- 3. photos by phone, or a scan: the entry on the files, not the one on doing the pre-review on a phone ------------
@pytest.mark.parametrize("said", ["可以用手机拍吗 还是要扫描", "手机拍的可以吗 要不要扫描仪", "一定要扫描吗 手机拍行不行",
                                  "用手机拍可以吗"])
def test_photos_by_phone_are_answered_with_the_files_entry(kb, said):
    reply = _said(play(kb, *AT_CHECKLIST, said))
    assert kb.entry("pdf-rules").answer in reply
    assert kb.entry("pre-review-on-phone").answer not in reply


# -- 4. a paper lost: the entry on lost papers -----------------------------------------------------------------------
@pytest.mark.parametrize("said", ["我那个学历证书丢了", "我的毕业证书找不到了", "毕业证书搞丢了怎么办", "结婚证不见了"])
def test_a_paper_said_lost_gets_the_lost_papers_entry(kb, said):
    """"我那个学历证书丢了" was answered with the 专升本 diplomas."""
    reply = _said(play(kb, *AT_CHECKLIST, said))
    assert kb.entry("material-lost").answer in reply
    assert kb.entry("zhuanshengben-diplomas").answer not in reply


# -- 5. an item said not to be had: about that item, never chosen for photos --------------------------------------------
def test_the_commitment_letter_not_had_is_where_its_sample_is(kb):
    """"第2项我没有" chose the 承诺书 and asked for its photos."""
    outcome = play(kb, *AT_CHECKLIST, "第2项我没有")
    reply = _said(outcome)
    assert outcome.state["material"] is None and render.HOW_TO_PHOTOGRAPH not in reply
    assert "样张" in reply and "上传页面" in reply and "签名" in reply


@pytest.mark.parametrize("said", ["第6项我没有", "第四项没有", "我没有第5项", "第3项拿不到"])
def test_an_item_not_had_is_its_requirement_and_what_to_do(kb, said):
    outcome = play(kb, *AT_CHECKLIST, said)
    reply = _said(outcome)
    assert outcome.state["material"] is None and render.HOW_TO_PHOTOGRAPH not in reply
    assert "人工" in reply and "其他几项可以先上传" in reply


@pytest.mark.parametrize("said", ["第1项丢了", "第五项找不到了"])
def test_an_item_said_lost_is_its_requirement_and_the_lost_papers_entry(kb, said):
    outcome = play(kb, *AT_CHECKLIST, said)
    assert outcome.state["material"] is None
    assert kb.entry("material-lost").answer in _said(outcome)


def test_an_item_not_yet_had_beside_sending_the_others_chooses_nothing(kb):
    outcome = play(kb, *AT_CHECKLIST, "承诺书还没拿到 别的先传着")
    assert outcome.state["material"] is None


# -- 6. whether the list is all: the checklist, and the next step --------------------------------------------------------
@pytest.mark.parametrize("said", ["就这些？", "只要这些材料吗", "材料一共就这几个？", "就这几样？"])
def test_whether_the_checklist_is_all_is_the_checklist(kb, said):
    """"就这些？" was told that no photos of "this item" had come (read as the finish of photos)."""
    reply = _said(play(kb, *AT_CHECKLIST, said))
    assert "还需上传 6 项" in reply and "还没有收到这项材料的照片" not in reply


# -- 7. an item the checklist does not hold: said so, and the answer that would add it -----------------------------------
@pytest.mark.parametrize("said, name, change", [
    ("我先拍社保那个", "社保缴费记录", "修改 加分选项"),
    ("先传社保缴费记录", "社保缴费记录", "修改 加分选项"),
    ("传结婚证", "结婚证", "修改 配偶情况"),
    ("拍一下学位证", "学位证书", "修改 加分选项"),
])
def test_an_item_not_on_the_checklist_is_said_to_be_not_theirs(kb, said, name, change):
    """"我先拍社保那个" with no 社保加分 chosen got the rules of the social-insurance bonus."""
    outcome = play(kb, *AT_CHECKLIST, said)
    reply = _said(outcome)
    assert f"您的材料清单里没有“{name}”" in reply and change in reply
    assert outcome.state["material"] is None


def test_the_social_insurance_record_on_the_checklist_is_chosen(kb):
    outcome = play(kb, *WITH_SOCIAL_INSURANCE, "我先拍社保那个")
    assert outcome.state["material"] == "social_insurance"


def test_a_question_about_an_item_not_on_the_checklist_is_still_answered(kb):
    reply = _said(play(kb, *AT_CHECKLIST, "社保缴费记录在哪打印"))
    assert "随申办" in reply and "您的材料清单里没有" not in reply


# -- 8. whether the uploads went through, no item chosen: where each item stands -----------------------------------------
@pytest.mark.parametrize("said", ["上传成功没", "传上去没有啊", "传成功了吗", "弄完了没"])
def test_whether_uploads_went_through_is_the_progress(kb, said):
    """"上传成功没" at the checklist offered the upload page."""
    outcome = play(kb, *AT_CHECKLIST, said)
    reply = _said(outcome)
    assert "咨询服务委托单【未上传】" in reply
    assert not any(isinstance(e, OfferUploadLink) for e in outcome.effects)
