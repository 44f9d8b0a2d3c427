"""What review2 found by running the last session's changes, each through the engine: irreversible steps
(confirming a disputed approval, submitting) taken only on words that ask for them in their own clause, a
fact about someone else never the applicant's answer, and a question of the bot answered only by the next
message."""
from __future__ import annotations

import pytest

from dialogs.events import Image

from tests.support.chat import BASIC, answer_all, application_in, at_question, start

pytestmark = pytest.mark.answers_questions  # the chat has the shipped knowledge base


@pytest.fixture
def disputed(chat):
    application_in(chat, "approved", confirm_by="2026-11-26T23:59:59+08:00")
    chat.send("申办信息有误 单位名称不对")
    assert chat.application["status"] == "disputed"
    return chat


@pytest.mark.parametrize("said", ["算了 现在确认不了 等你们改好再说", "确认要改 不是算了", "不改了是不可能的 确认不了",
                                  "没错 就是要改 确认后再说", "算了 没法确认 单位还是错的", "确认不了 算了 等你们改"])
def test_a_dispute_is_neither_withdrawn_nor_the_approval_confirmed_by_words_that_refuse_to_confirm(disputed, said):
    reply = disputed.send(said)
    assert disputed.application["status"] == "disputed" and "已确认申办信息" not in reply


@pytest.mark.parametrize("said", ["算了 不改了 确认吧", "不用改了，确认", "好吧 没错 那就确认吧"])
def test_a_dispute_taken_back_in_clauses_of_their_own_confirms(disputed, said):
    disputed.send(said)
    assert disputed.application["status"] == "done"


def all_uploaded(chat, status: str = "draft") -> None:
    app_id = application_in(chat, status)
    uploaded = {code: {"status": "uploaded", "sha256": "a" * 64} for code in chat.application["checklist"]}
    chat.conversations.store.update("application", app_id, lambda a: {**a, "materials": uploaded})


@pytest.mark.parametrize("said", ["社保的我重新交了 你看下", "那就交了吧 不对 等等", "那就交了吧 等会儿", "再交一次 哦不对 先别",
                                  "那就提交吧 等一下 我再看看", "直接交吧 先别 我再检查一遍"])
def test_words_that_do_not_ask_to_submit_in_a_clause_of_their_own_submit_nothing(chat, said):
    all_uploaded(chat)
    chat.send(said)
    assert chat.application["status"] == "draft"


@pytest.mark.parametrize("said", ["确认提交", "都改好了，再交一次", "全部弄好了 交上去 谢谢"])
def test_a_request_to_submit_in_a_clause_of_its_own_submits(chat, said):
    all_uploaded(chat)
    chat.send(said)
    assert chat.application["status"] == "submitted"


@pytest.fixture
def master_at_summary(chat):
    start(chat, "积分新办")
    answer_all(chat, [*BASIC, "2", "是", "否", "硕士", "复旦大学"])
    assert chat.state["state"] == "summary" and chat.state["answers"]["edu_level"] == "master"
    return chat


@pytest.mark.parametrize("said", ["我同事都是博士", "我姐姐本科", "领导是博士", "我女儿本科毕业", "明年要考博士"])
def test_someone_elses_degree_or_a_plan_at_the_summary_leaves_the_applicants_degree(master_at_summary, said):
    master_at_summary.send(said)
    assert master_at_summary.state["answers"]["edu_level"] == "master"


def test_the_applicants_own_degree_after_a_schools_short_name_still_changes_it_at_the_summary(master_at_summary):
    reply = master_at_summary.send("不对 我是复旦博士")
    assert master_at_summary.state["answers"]["edu_level"] == "doctor" and "博士" in reply


def send_photos(chat, *media: str) -> None:
    for media_id in media:
        chat.conversations.handle(chat.user, Image(media_id))


@pytest.fixture
def earlier_photo_asked_about(chat):
    """A photo sent before any item, then the list, then item 2 chosen: asked whether the photo is its."""
    application_in(chat, "draft")
    send_photos(chat, "m1")
    chat.send("清单")
    reply = chat.send("2")
    assert "1 张照片" in reply and chat.state["unassigned"] == ["m1"]
    return chat


@pytest.mark.parametrize("said", ["好的", "是的", "嗯嗯", "对"])
def test_a_question_about_earlier_photos_lapses_once_the_items_own_photos_arrive(earlier_photo_asked_about, said):
    send_photos(earlier_photo_asked_about, "m2", "m3")
    reply = earlier_photo_asked_about.send(said)
    assert "m1" not in earlier_photo_asked_about.state["photos"] and "已归入" not in reply
    assert earlier_photo_asked_about.state["unassigned"] == ["m1"]


@pytest.mark.parametrize("said", ["好的", "嗯", "ok"])
def test_an_okay_to_the_question_about_earlier_photos_files_nothing(earlier_photo_asked_about, said):
    earlier_photo_asked_about.send(said)
    assert earlier_photo_asked_about.state["photos"] == [] and earlier_photo_asked_about.state["unassigned"] == ["m1"]


@pytest.mark.parametrize("said", ["是", "是的"])
def test_a_yes_right_after_the_question_files_the_earlier_photos_and_says_how_many(earlier_photo_asked_about, said):
    reply = earlier_photo_asked_about.send(said)
    assert earlier_photo_asked_about.state["photos"] == ["m1"] and "1 张照片已归入" in reply


@pytest.mark.parametrize("said", ["劳动合同要重新交一次", "那我再交一份社保证明", "承诺书重新交一下吧", "居住证我再交一次",
                                  "委托单要重新交吗"])
def test_a_material_named_to_be_sent_again_is_about_that_material_not_about_submitting(chat, said):
    all_uploaded(chat)
    reply = chat.send(said)
    assert not reply.startswith("可以提交了") and chat.application["status"] == "draft"


@pytest.mark.parametrize("said, chosen", [("学历 211", ["education"]), ("职称 3个", ["title"]),
                                          ("学历 本科 双一流 211", ["education"]), ("职称 中级 12个", ["title"]),
                                          ("职称 还有2", ["title", "education"])])
def test_a_number_beside_options_named_in_words_chooses_an_option_only_as_a_lone_digit(chat, said, chosen):
    at_question(chat, "bonus_options")
    chat.send(said)
    assert chat.state["answers"]["bonus_options"] == chosen


@pytest.mark.parametrize("said, count", [("1个 不对不对 还有一个在老家 算两个吧", 2), ("一个 说错了 还有个闺女 算两个", 2),
                                         ("2个 哦不对 还有一个没上户口 算三个吧", 3), ("0个 不对 有一个刚出生 算一个吧", 1)])
def test_a_count_taken_back_and_settled_on_in_one_message_is_the_count_settled_on(chat, said, count):
    at_question(chat, "children")
    chat.send(said)
    assert chat.state["answers"].get("children") == count


@pytest.fixture
def married_at_summary(chat):
    start(chat, "积分新办")
    answer_all(chat, [*BASIC[:4], "已婚", *BASIC[5:], "1", "0"])
    assert chat.state["state"] == "summary"
    return chat


@pytest.mark.parametrize("said, field", [("我老婆的身份证号是310101199001011234", "id_number"),
                                         ("配偶手机13900139000", "mobile"), ("这是我爱人的电话 13900139000", "mobile"),
                                         ("她的号码 13900139000 你们也记一下", "mobile"),
                                         ("老公身份证 310101199001011234", "id_number")])
def test_a_spouses_number_at_the_summary_is_kept_apart_and_said_not_put_in_place_of_the_applicants(
        married_at_summary, said, field):
    saved = married_at_summary.state["answers"][field]
    married_at_summary.send(said)
    assert married_at_summary.state["answers"][field] == saved


def test_a_spouses_number_kept_apart_is_said_with_how_to_change_the_applicants_own(married_at_summary):
    reply = married_at_summary.send("我老婆的身份证号是310101199001011234")
    assert "没有替换" in reply and "修改 身份证号码" in reply


@pytest.mark.parametrize("said", ["手机号错了 应该是13900139000", "我换号了 13900139000"])
def test_a_number_said_to_be_changed_at_the_summary_replaces_the_saved_one(married_at_summary, said):
    married_at_summary.send(said)
    assert married_at_summary.state["answers"]["mobile"] == "13900139000"


@pytest.mark.parametrize("said, employer", [
    ("合同是跟上海众安劳务有限公司签的 派遣到上海浦东发展银行股份有限公司", "上海众安劳务有限公司"),
    ("上海某某科技有限公司 客户是上海汽车集团股份有限公司", "上海某某科技有限公司"),
    ("派遣到上海浦东发展银行股份有限公司 合同跟上海众安劳务有限公司签的", "上海众安劳务有限公司"),
    ("上海某某科技有限公司 甲方是上海汽车集团股份有限公司", "上海某某科技有限公司"),
])
def test_the_employer_is_the_organisation_the_contract_is_with_never_the_client_or_the_host(chat, said, employer):
    at_question(chat, "employer")
    chat.send(said)
    assert chat.state["answers"]["employer"] == employer
