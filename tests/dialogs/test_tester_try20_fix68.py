"""try20's findings on first messages and personal data (fix68), through the engine: each as an applicant meets it."""
from __future__ import annotations

import pytest

from tests.support.chat import BASIC, VALID_ID, answer_all

pytestmark = pytest.mark.answers_questions

OTHER_ID = "310110198503141233"


@pytest.mark.parametrize("first", [
    f"帮我老公查下进度 他叫张三 身份证{VALID_ID}",  # W16: another's file, looked up from the writer's WeChat
    f"查一下{VALID_ID}的进度",  # W25: "查一下" was saved as the name
    f"你好 身份证{VALID_ID} 审到哪了",
    "13800138000 这个号码的申请到哪了",
    f"我妈上个月交的积分材料 审好了没 她的身份证是{OTHER_ID}",
    f"麻烦帮忙查查{OTHER_ID}",
    "替我媳妇问问 她叫王芳 积分申请办得怎么样了",
    f"你好 我叫李娜 身份证{OTHER_ID} 上礼拜交的积分现在到哪一步了",
])
def test_a_file_looked_up_by_its_number_or_name_saves_nothing_and_says_how_progress_is_seen(chat, first):
    """try20 W16, W25: a first message looking up an application by an ID number, a mobile or a name recorded them as
    the applicant's own answers ("姓名：查一下"), and the form then never asked for the applicant's own name and ID.
    The number and the name find the file looked up: nothing is saved; where progress is seen is said."""
    reply = chat.send(first)
    assert "已为您记录" not in reply
    assert "提交时的那个微信" in reply and "人工" in reply
    assert not chat.state.get("answers")
    assert "身份证号码" not in reply  # no entry on filling in the ID number
    reply = answer_all(chat, ["积分新办", "2027-08-25", "同意"])
    assert chat.state["state"] == "name"


def test_own_facts_told_in_a_first_message_are_still_kept(chat):
    """The applicant's own name and ID told with the type they want are their answers, as before."""
    reply = chat.send(f"我叫王芳 身份证{OTHER_ID} 想办积分新办")
    assert "已为您记录" in reply
    assert chat.state["answers"]["name"] == "王芳" and chat.state["answers"]["id_number"] == OTHER_ID


@pytest.mark.parametrize("first, chosen, told", [
    ("我在上海交了三年社保 今年第一次办 要啥材料", "new", "基本材料有"),  # W29
    ("刚毕业两年 在上海上班 头一次办 都需要准备点啥", "new", "基本材料有"),
    ("今年第一次办 要准备什么材料", "new", "基本材料有"),
    ("我来上海五年了 这回是续办 要交哪些东西", "renew", "续办预审"),
])
def test_a_type_chosen_in_a_clause_of_its_own_after_a_story_is_begun_and_the_question_answered(chat, first, chosen, told):
    """try20 W29: a story, then the type in a clause of its own, then a question: the story made it all a question (the
    type said was never begun), and the question beside a type got the entry telling when that type applies — what the
    applicant had just said — instead of what was asked."""
    reply = chat.send(first)
    assert chat.state["answers"].get("business_type") == chosen
    assert told in reply and "适用于" not in reply
    assert chat.state["state"] == "permit_expiry"


@pytest.mark.parametrize("said", ["不想办了 全部删掉", "不弄了 统统给我清了", "不打算申请了，麻烦全部删除"])
def test_giving_up_and_everything_deleted_is_the_request_to_erase_ones_data(chat, said):
    """try20 W26: "不想办了 全部删掉" at the checklist got "超出了我能回答的范围" and a hand-off; giving up and everything
    deleted is the applicant's request to have their data erased, as "不办了 你把我信息都删了" is (taken back by 不删了)."""
    answer_all(chat, ["你好", "积分新办", "2027-08-25", "同意", *BASIC, "0", "确认"])
    reply = chat.send(said)
    assert "删除您在本服务留下的个人信息" in reply and "不删了" in reply
    assert "超出了我能回答的范围" not in reply
    assert chat.application["answers"]["name"] == "张三"  # kept until staff erase it


@pytest.mark.parametrize("said", ["已经传过的能让我看看吗", "我上传了的那些给我看一下", "传上去的东西想再看看"])
def test_wanting_to_see_what_was_uploaded_gets_every_material_with_its_state(chat, said):
    """try20 W27: "已经传的能给我看看吗" at the checklist got three guesses at an entry on uploading and a person; what
    was uploaded is seen in the progress, which lists every material with its state."""
    answer_all(chat, ["你好", "积分新办", "2027-08-25", "同意", *BASIC, "0", "确认"])
    reply = chat.send(said)
    assert "当前状态" in reply and "【未上传】" in reply
    assert "我不太确定您想问的是哪一个" not in reply


@pytest.mark.parametrize("said", ["慢着 我是换过单位的"])
def test_a_situation_suggesting_another_type_at_the_consent_asks_whether_to_change_it(chat, said):
    """try20 W7: "等下 我其实是换了单位" after choosing 积分新办 was read as the employer told early ("后面会单独问您"),
    and the type stayed new, and with it the checklist. Asked whether to change it; a yes changes it."""
    answer_all(chat, ["你好", "积分新办", "2027-08-25"])
    reply = chat.send(said)
    assert "单位信息变更" in reply and "要改成" in reply and "后面会单独问您" not in reply
    assert chat.state["answers"]["business_type"] == "new"
    chat.send("是")
    assert chat.state["answers"]["business_type"] == "employer_change"


def test_a_no_to_the_other_type_keeps_the_one_chosen(chat):
    answer_all(chat, ["你好", "积分新办", "2027-08-25", "慢着 我是换过单位的"])
    reply = chat.send("不是")
    assert "积分新办" in reply and chat.state["answers"]["business_type"] == "new"
    assert chat.state["state"] == "consent" and "consent" not in chat.state["answers"]


@pytest.mark.parametrize("first", ["续办 新办 我该选哪个呢", "积分新办 积分续办 有啥不一样"])
def test_two_types_named_apart_before_a_question_are_compared_and_neither_begun(chat, first):
    """Two business types named in clauses of their own, then asked about, are compared: neither is chosen."""
    chat.send(first)
    assert "business_type" not in (chat.state.get("answers") or {})
