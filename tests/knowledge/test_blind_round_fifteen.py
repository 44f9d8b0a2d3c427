"""First messages put the way the blind set dev15 found answered wrong or unsure, in other words than its own, by
cause: Guizhou, Yunnan, Jiangxi, Gansu and Hainan words, handwriting look-alikes of the domain's words, a keypad's
slip in pinyin. Each is answered through the engine by the entry that answers it."""
from __future__ import annotations

import pytest

from knowledge.normalize import normalize
from tests.support.chat import play

ASKED = {
    # Jiangxi's 么里 (what) and 分不清白 (can't tell), 同 for 和 between two business types; the look-alike 积份
    "business-type-choose": ["搞不懂积份的新办同续办 区别在么里"],
    # 户口薄 (簿) and 劳动合问 (同) written by shape
    "material-household-register": ["户口薄要拍几页"],
    "material-labor-contract": ["劳动合问好几十页 全都要扫吗"],
    # the keypad's m beside n: xubam (xuban)
    "renewal-steps": ["xubam jifen liucheng"],
}


@pytest.mark.parametrize(("entry", "question"), [(e, q) for e, qs in ASKED.items() for q in qs])
def test_a_first_message_in_these_words_gets_the_entry_that_answers_it(kb, entry, question):
    assert kb.entry(entry).answer in play(kb, question).replies


@pytest.mark.parametrize(("said", "read"), [("区别在么里", "区别在什么"), ("怎么里面", "怎么里面"), ("那么里", "那么里"),
                                            ("分不清白", "分不清楚"), ("新办同续办", "新办和续办"), ("同事同意", "同事同意"),
                                            ("搞哪样要交", "干什么要交"), ("老婆娃儿", "老婆孩子"), ("阿门填", "怎么填"),
                                            ("嫑急", "不要急"), ("几多钱", "多少钱"), ("克窗口问", "去窗口问"),
                                            ("找不到从哪点进克", "找不到从哪里进去"), ("买了一千克巧克力", "买了一千克巧克力"),
                                            ("克服困难", "克服困难")])
def test_guizhou_yunnan_jiangxi_gansu_and_hainan_words_are_read_as_mandarin(said, read):
    assert normalize(said) == read


@pytest.mark.parametrize(("said", "read"), [("居往证到期", "居住证到期"), ("积份", "积分"), ("社报几年", "社保几年"),
                                            ("委讬单", "委托单"), ("承若书", "承诺书"), ("劳动合问", "劳动合同"),
                                            ("户口薄", "户口簿"), ("洧效期", "有效期")])
def test_handwriting_look_alikes_are_read_as_the_domains_words(said, read):
    assert normalize(said) == read


# The story's words around a question, none a word of ours (搞错, 反映, 礼拜五, 在家, 后头, 翻出来, 前任, 哪边 …), and the
# colloquial words for the entries' (年纪 年龄, 东家 单位, 闺女 子女, 普高 高中, 有假 造假, 弹出来 a pop-up's 提示, 放假 and 元旦
# 节假日, 礼拜天 周末, 收走, 翻到, 坐等); an age or a month said with its number (十七岁, 三月份) is an amount, no unknown word
STORIES = {
    "platform-eligibility-check": ["页面弹出来说不符合申报条件 是啥意思"],
    "false-materials": ["材料有假的后果严重吗"],
    "confirm-within-two-days": ["礼拜五收到预审通过 礼拜一再点确认晚不晚"],
    "material-commission-form": ["上回用过的委托单翻出来 这回还能再传吗"],
}


@pytest.mark.parametrize(("entry", "question"), [(e, q) for e, qs in STORIES.items() for q in qs])
def test_a_first_message_told_so_gets_the_entry_that_answers_it(kb, entry, question):
    assert kb.entry(entry).answer in play(kb, question).replies


@pytest.mark.parametrize(("said", "meant"), [("年纪", "年龄"), ("东家", "单位"), ("闺女", "子女"), ("有假", "造假"),
                                             ("一百二十分", "120分"), ("元旦", "节假日"), ("礼拜天", "周末")])
def test_colloquial_words_are_the_entries_words(kb, said, meant):
    assert meant in kb.analyzer.words(kb.read(f"{said}怎么办"))


@pytest.mark.parametrize("question", ["孩子十七岁 算同住子女吗", "积分三月份到期 续办要准备什么"])
def test_an_age_or_a_month_said_with_its_number_is_no_unknown_word(kb, question):
    words = kb.analyzer.words(kb.read(question))
    assert not [w for w in words if kb._unseen(w, words)]


# 顺便 inside a clause, before what is to be done ("能不能顺便帮我…"), is "along with it", no second question announced: the
# message is asked whole (its 签注 had been cut off, and 外服 alone answered with the platform's login); 顺便问下 still is
def test_along_with_it_is_no_second_question(kb):
    assert kb.entry("residence-permit-endorsement").answer in play(kb, "外服可以顺便帮我办下签注不").replies


def test_by_the_way_asked_still_waits_for_the_first_question(kb):
    assert kb.ask("续办材料交哪里，顺便问下签注去哪办").entry.id != "residence-permit-endorsement"


# A key word the answer turned on, told in the entries' example questions in our own words: the employer's account
# (单位) whose clerk left, the bonus options listed, the employer's approval's button, a finished application looked
# up, the platform's SMS asking for more, several employees in one e-mail, a permit's date typed, a grandparent who
# looks after the child, and how long it all takes (the entry on a short social insurance had its 多久才能)
KEY_WORDS = {
    "unit-password-reset": ["单位的积分账号是前任人事管的 密码没人知道怎么办"],
    "bonus-options": ["加分的选项一共有几样"],
    "unit-approval-final": ["单位审核这一步要点哪个按钮"],
    "history-completed": ["以前办完的积分在平台里能翻到吗"],
    "returned-materials": ["收到预审材料需补充的短信 要补哪几样"],
    "material-commission-form": ["两个业务一起办 委托单一张够吗"],
    "material-labor-contract": ["合同每半年签一次能用吗"],
    "how-long": ["积分一共要多久"],
}


@pytest.mark.parametrize(("entry", "question"), [(e, q) for e, qs in KEY_WORDS.items() for q in qs])
def test_a_first_message_turning_on_a_key_word_gets_the_entry_that_answers_it(kb, entry, question):
    assert kb.entry(entry).answer in play(kb, question).replies


# What no entry answered before, from seed 000's upload page: a material 已上传 or 已退回 has 上传, 查看 and 删除 beside it,
# so one uploaded wrongly is deleted and uploaded again (dev11, dev12 and dev15 found the gap); the returned materials'
# own entry still answers a return
@pytest.mark.parametrize("question", ["文件传错了 可以删了再传一次吗", "上传的时候选错文件了 能删掉换一份吗"])
def test_a_wrong_upload_is_deleted_and_uploaded_again(kb, question):
    assert kb.entry("upload-delete-replace").answer in play(kb, question).replies


def test_a_return_still_gets_the_returned_materials_entry(kb):
    assert kb.ask("材料被退回了怎么办").entry.id == "returned-materials"


# L4 (the lead's): a spouse without a job asked about as a first message is no question about the form's 待业 (its
# 没工作 read as the working history's gap): the points are the employer's to apply for, and the spouse is added as a 同住人
# under the holder (seeds 003, 002, 000); the working history's gap still gets the resume's rules
@pytest.mark.parametrize("question", ["想帮没上班的老婆也办个积分", "老公一直没工作 他能不能申请积分"])
def test_a_spouse_without_a_job_gets_who_applies_and_the_companion(kb, question):
    assert kb.entry("spouse-without-job").answer in play(kb, question).replies


def test_the_working_historys_gap_still_gets_the_resumes_rules(kb):
    assert kb.ask("没工作的那段时间简历怎么写").entry.id == "resume-rules"


# A job hunt told as why the diploma is wanted back ("…找工作还要用") is no question about finding a job (out of scope when
# asked itself); an age asked is whether one may apply (the seeds set no age limit: the 120 points and the permit)
def test_a_job_hunt_told_as_the_reason_does_not_decline_the_question(kb):
    assert kb.entry("collect-diploma-originals").answer in play(kb, "交上去的毕业证原件 我下个月找工作要用 怎么拿回来").replies


def test_finding_a_job_asked_itself_is_still_declined(kb):
    assert kb.ask("上海怎么找工作").status == "out_of_domain"


def test_an_age_asked_gets_the_points_threshold(kb):
    assert kb.entry("points-threshold").answer in play(kb, "五十五岁了 年龄上还能办积分吗").replies


# Another province's capital where the insurance was paid is 外地 (no unknown word), and 算进去 (counted in) a plain 算: its
# three cuts weighed as a word of the children's count; a lot (还差好多) and an employer's move (搬到) are story words
@pytest.mark.parametrize(("entry", "question"), [
    ("social-insurance-rules", "在成都交了两年社保 到上海能算进去吗"),
    ("which-children-count", "孩子跟着爷爷奶奶在老家 要算进去吗"),
])
def test_where_it_was_paid_and_what_is_counted_in(kb, entry, question):
    assert kb.entry(entry).answer in play(kb, question).replies


@pytest.mark.parametrize("question", ["离120分还差好多 怎么凑分", "单位搬到浦东了 积分材料交哪里"])
def test_a_lot_and_a_move_are_no_unknown_words(kb, question):
    assert kb.ask(question).status != "out_of_domain"


def test_a_capitals_sights_are_still_declined(kb):
    assert kb.ask("杭州西湖门票多少钱").status == "out_of_domain"


# A calendar date told in a question (12, 月, 31, 号 cut apart) is no word the right entry lacks: the question is answered,
# not left unsure; an amount of months (6个月) is still read
@pytest.mark.parametrize(("entry", "question"), [
    ("permit-validity-short", "居住证2月3号就到期了 现在才11月 积分还能申请吗"),
])
def test_a_date_told_does_not_leave_the_answer_unsure(kb, entry, question):
    assert kb.entry(entry).answer in play(kb, question).replies


@pytest.mark.parametrize(("said", "read"), [("居住证12月31号到期", "居住证 到期"), ("2027年1月5日之前", " 之前"),
                                            ("合同还有6个月", "合同还有6个月")])
def test_a_calendar_date_is_left_out_of_what_is_asked(kb, said, read):
    assert kb.read(said).strip() == read.strip()


# The 积分预审管理系统 looked at after the pass is where the reported details are checked before confirming (seed 000,
# 六、预审通过), not the 积分管理系统 where one's details are typed before the pre-review
def test_the_pre_review_system_after_the_pass_is_where_the_details_are_checked(kb):
    assert kb.entry("check-details-before-confirming").answer in play(kb, "预审过了还要去积分预审管理系统核对什么").replies


def test_the_points_system_before_the_pre_review_keeps_its_entry(kb):
    assert kb.ask("预审前要先在积分管理系统录信息吗").entry.id == "points-system-first"


# The permit's required validity asked with 申请 (the material's entry had no 申请, the near-expiry one had): a new entry's
# words had tipped the near dead heat between them; one example question in our own words restores it
def test_the_permits_required_validity_asked_gets_the_permits_material(kb):
    assert kb.entry("material-residence-permit").answer in play(kb, "申请积分时居住证至少要有几个月有效期").replies
