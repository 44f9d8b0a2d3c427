from __future__ import annotations

import jieba
import pytest

from knowledge import Answer, load_default
from knowledge.normalize import normalize
from knowledge.segment import tokenizer

# The address entry of every district whose centre published one, with the street that identifies it.
ADDRESSES = {
    "闵行": ("minhang-address", "水清路"),
    "宝山": ("baoshan-address", "友谊路"),
    "虹口": ("hongkou-address", "中山北一路"),
    "徐汇": ("xuhui-address", "南宁路"),
    "黄浦": ("huangpu-address", "南苏州路"),
}
STREETS = {street for _, street in ADDRESSES.values()}


def top1(kb, question: str) -> str | None:
    answer = kb.ask(question)
    return answer.candidates[0].id if answer.candidates else None


def test_top1_accuracy_on_the_evaluation_set_is_at_least_90_percent(kb, eval_set):
    cases = eval_set["questions"]
    misses = [(c["q"], c["expect"], top1(kb, c["q"])) for c in cases if top1(kb, c["q"]) != c["expect"]]
    accuracy = 1 - len(misses) / len(cases)
    assert accuracy >= 0.90, f"top-1 {accuracy:.1%}; misses: {misses}"


def test_every_out_of_domain_question_is_declined(kb, eval_set):
    answered = {q: kb.ask(q).status for q in eval_set["out_of_domain"] if kb.ask(q).status != "out_of_domain"}
    assert not answered


@pytest.mark.parametrize("district", sorted(ADDRESSES))
@pytest.mark.parametrize("template", ["{} 寄到哪", "{}的材料快递寄到什么地址", "{}區材料郵寄地址"])
def test_a_district_named_gets_its_own_address_and_never_another(kb, district, template):
    answer = kb.ask(template.format(district))
    expected_id, street = ADDRESSES[district]
    assert answer.status == "answered"
    assert answer.entry.id == expected_id
    for candidate in answer.candidates:
        assert not any(s in candidate.answer for s in STREETS - {street}), candidate.id


@pytest.mark.parametrize("district", ["静安", "浦东"])
def test_a_district_without_a_published_address_says_so_instead_of_borrowing_one(kb, district):
    answer = kb.ask(f"{district} 寄到哪")
    assert answer.entry.district in ("静安区", "浦东新区")
    assert not any(street in c.answer for c in answer.candidates for street in STREETS)
    assert "没有公布" in answer.entry.answer


@pytest.mark.parametrize("district", ["长宁", "杨浦区", "松江"])
def test_a_district_the_seeds_do_not_cover_is_told_to_phone_first(kb, district):
    answer = kb.ask(f"{district}的积分材料寄到哪里")
    assert answer.entry.id == "other-districts-phone-first"
    assert not any(street in c.answer for c in answer.candidates for street in STREETS)


def test_without_a_district_the_overview_of_all_addresses_is_preferred(kb):
    assert top1(kb, "积分材料寄到哪里？") == "addresses-overview"


def test_topic_words_pick_the_districts_entry_of_that_topic(kb):
    assert top1(kb, "闵行 邮件标题") == "minhang-email-subject"
    assert top1(kb, "闵行 附件格式") == "minhang-attachments"
    assert top1(kb, "宝山 密码重置") == "baoshan-password-reset"


@pytest.mark.parametrize("question, entry", [
    ("有样本可以参考吗", "sample-download"), ("积分能管几年", "points-validity"),
    ("头一回办积分选啥业务", "business-type-new"), ("有事怎么联系你们", "platform-hotline"),
])
def test_everyday_words_reach_the_entry_that_uses_the_official_ones(kb, question, entry):
    assert top1(kb, question) == entry


def test_traditional_full_width_and_simplified_questions_find_the_same_entry(kb):
    assert top1(kb, "黃浦區材料寄到哪裡？") == top1(kb, "黄浦区材料寄到哪里?") == "huangpu-address"
    assert top1(kb, "ＰＤＦ文件有多大限制") == top1(kb, "pdf文件有多大限制")


def test_an_answer_carries_status_confidence_and_at_most_three_candidates(kb):
    answer = kb.ask("委托单的盖章日期有什么要求")
    assert isinstance(answer, Answer)
    assert answer.status == "answered" and answer.entry.material == "commission_form"
    assert 0.0 <= answer.confidence <= 1.0
    assert 1 <= len(answer.candidates) <= 3 and answer.candidates[0] == answer.entry


def test_a_vague_question_is_ambiguous_and_offers_candidates(kb):
    # "密码怎么办" was the example: the learned re-ranking now answers it with the password hotline's
    # entry, which names the personal and unit resets; "材料", in nearly every entry, stays vague.
    answer = kb.ask("材料怎么办")
    assert answer.status == "ambiguous"
    assert len(answer.candidates) == 3
    assert all("材料" in c.answer for c in answer.candidates)


def test_out_of_domain_has_no_entry_and_zero_confidence(kb):
    answer = kb.ask("上海动物园几点开门")
    assert answer == Answer("out_of_domain", None, 0.0, ())


def test_empty_or_punctuation_only_questions_are_out_of_domain(kb):
    assert kb.ask("").status == kb.ask("？？！").status == "out_of_domain"


def test_entries_are_found_by_id(kb):
    assert kb.entry("minhang-address").district == "闵行区"
    assert kb.entry("no-such-entry") is None


def test_the_default_knowledge_base_is_loaded_once():
    assert load_default() is load_default()


def test_the_domain_dictionary_does_not_leak_into_jiebas_global_tokenizer(kb):
    kb.ask("委托单盖章")
    assert "咨询服务委托单" not in jieba.dt.FREQ
    assert "咨询服务委托单" in tokenizer(kb.analyzer.lexicon).FREQ


def test_a_colloquial_phrase_is_replaced_whole_never_leaving_the_words_inside_it(kb):
    assert "退回" in kb.analyzer.words(normalize("审核不通过怎么办"))
    assert "通过" not in kb.analyzer.words(normalize("审核不通过怎么办"))  # not 单位审核通过
    assert "新办" not in kb.analyzer.words(normalize("换了单位要重新办吗"))
    assert "第一次" in kb.analyzer.words(normalize("单位首次申请"))  # a synonym inside a domain word still maps


def test_a_subject_outside_the_service_declines_only_as_a_whole_word(kb):
    assert kb.ask("孩子高考要积分吗").status == "out_of_domain"
    assert kb.ask("户口迁到上海要多少分").status == "out_of_domain"
    answer = kb.ask("成人高考算全日制吗")  # a kind of degree, not 高考
    assert answer.status == "answered" and answer.entry.id == "education-fulltime"


def test_a_question_whose_main_word_no_entry_knows_is_not_answered_with_confidence(kb):
    # 献血 is known to no entry; 记录 alone would make it the history of applications
    assert kb.ask("有献血记录能加分吗").status == "ambiguous"
    assert kb.ask("以前办的积分记录在哪看").entry.id == "history-completed"


@pytest.mark.parametrize("question", ["有失信记录还能申请积分吗", "犯过事有违法记录，积分会被一票否决吗", "征信不好影响积分不"])
def test_a_bad_record_is_the_deductions_page_never_the_history_of_applications(kb, question):
    answer = kb.ask(question)
    assert (answer.status, answer.entry.id) == ("answered", "online-form-deductions")


@pytest.mark.parametrize("question", ["自己开了个公司，交的税能算积分吗", "投资创业信息那页怎么填"])
def test_investment_and_enterprise_tax_find_the_page_the_seed_names(kb, question):
    answer = kb.ask(question)
    assert (answer.status, answer.entry.id) == ("answered", "online-form-investment")


@pytest.mark.parametrize("question, entry", [("闽行人才中心地址", "minhang-address"), ("红口人才中心在哪", "hongkou-address"),
                                             ("靖安区人才中心邮箱", "jingan-contact")])
def test_a_district_mistyped_by_sound_or_shape_is_still_that_district(kb, question, entry):
    answer = kb.ask(question)
    assert answer.status == "answered" and answer.entry.id == entry


@pytest.mark.parametrize("question, entry", [
    ("我前年在宝山办的积分，听说今年要续办了，其实完全不清楚，那我还要去中心吗", "baoshan-renewal"),
    ("之前同事说徐汇可以快递材料，是不是真的？那地址是哪里", "xuhui-address"),
])
def test_the_story_around_a_question_costs_the_right_entry_no_confidence(kb, question, entry):
    answer = kb.ask(question)
    assert (answer.status, answer.entry.id) == ("answered", entry)


@pytest.mark.parametrize("question", ["普陀区哪家医院好", "宝山区的菜场几点关门", "黄浦区房价多少"])
def test_a_district_with_a_subject_no_entry_knows_is_declined(kb, question):
    assert kb.ask(question).status == "out_of_domain"


@pytest.mark.parametrize("question", ["嘉定区积分材料交到哪", "浦东 不见面", "闵行区 邮寄地址"])
def test_a_district_with_our_words_stays_in_the_domain(kb, question):
    assert kb.ask(question).status != "out_of_domain"


@pytest.mark.parametrize("question, entry", [
    ("晚上9点半进不去积分系统", "system-hours"), ("深夜还能登录积分系统吗", "system-hours"),
    ("预审平台首页看不到积分那个板块", "platform-module-missing"), ("人社网上的积分系统怎么进", "points-system-entrance"),
    ("请问积分系统在哪进", "points-system-entrance"),
])
def test_hours_and_page_parts_are_read_as_the_entries_name_them(kb, question, entry):
    answer = kb.ask(question)
    assert (answer.status, answer.entry.id) == ("answered", entry)


@pytest.mark.parametrize("question, entry", [
    ("黄浦调档暂停了吗", "archives-suspended"), ("闵行现在还停办调档吗", "archives-suspended"),
    ("疫情那会儿调档停了吗", "archives-suspended"), ("虹口去窗口要排很久的队吗", "hongkou-appointment"),
])
def test_a_stopped_service_and_a_queue_are_read_as_the_seeds_put_them(kb, question, entry):
    answer = kb.ask(question)
    assert (answer.status, answer.entry.id) == ("answered", entry)


@pytest.mark.parametrize("question, entry", [
    ("浦东人才交流中心地址", "pudong-submission"), ("宝山人才市场在哪", "baoshan-address"),
    ("黄浦积分办寄到哪", "huangpu-address"),
])
def test_the_other_names_of_the_centre_are_the_centre(kb, question, entry):
    answer = kb.ask(question)
    assert (answer.status, answer.entry.id) == ("answered", entry)


# Entries close in words, told apart by what is asked (each pair was confused on the development sets and
# by leaving an entry's own variant out, benchmarks/faq_variants.py).
@pytest.mark.parametrize("question, entry", [
    ("人才中心咨询热线是多少", "centre-contact-missing"), ("区人才中心电话多少", "centre-contact-missing"),
    ("积分申请人才中心会不会调我的档案", "archives-location"), ("疫情期间还调档吗", "archives-suspended"),
    ("刚跳槽到新公司积分要处理吗", "business-type-employer-change"),
    ("换工作后积分系统里的组织机构代码怎么改", "changed-employer-org-code"),
    ("快到期的积分要提前做什么", "renewal-steps"), ("积分能管几年", "points-validity"),
    ("配偶能享受积分待遇吗", "companions-on-notice"), ("积分通知书上有没有同住人", "companions-on-notice"),
])
def test_entries_close_in_words_are_told_apart_by_what_is_asked(kb, question, entry):
    answer = kb.ask(question)
    assert (answer.status, answer.entry.id) == ("answered", entry)


def test_the_centres_phone_is_never_the_pre_review_platforms_hotline(kb):
    assert kb.ask("人才服务中心有热线吗").entry.id == "centre-contact-missing"


def test_either_entry_on_the_file_or_the_diplomas_says_what_the_epidemic_paused(kb):
    """A general question may reach the general rule or the epidemic's pause: both say both."""
    assert "暂缓调档" in kb.entry("archives-location").answer
    assert "原件暂不用交" in kb.entry("collect-diploma-originals").answer


@pytest.mark.parametrize("question, expected", [
    ("积分怎么办理", "business-type-choose"), ("居住证积分怎么办理", "business-type-choose"),
    ("居住证积分如何办理", "business-type-choose"), ("续办怎么办理", "renewal-steps"),
    ("怎么办理积分新办", "business-type-new"), ("单位信息变更怎样办理", "business-type-employer-change"),
])
def test_how_to_apply_said_with_banli_is_asked_about_what_it_names(kb, question, expected):
    """怎么办理 is one how-word (jieba cut it 怎么办|理, and the stray 理 sent "积分怎么办理" to the fees),
    and 居住证积分 is the points, not the permit."""
    assert top1(kb, question) == expected


@pytest.mark.parametrize("question", ["积分过了吗", "没有积分", "积分多少", "积分没了"])
def test_the_domains_word_alone_without_a_how_is_ranked_like_any_question(kb, question):
    assert kb.ask(question).confidence < 1.0


@pytest.mark.parametrize("question", ["积分办理流程", "居住证积分办理时间", "积分办下来要多久"])
def test_handling_the_points_is_never_cut_as_the_points_office(kb, question):
    # "积分办" (the points office) once took the 积分办 of 积分办理 and left a stray 理 no entry knows
    words = kb.analyzer.words(normalize(question))
    assert "积分" in words and "理" not in words and "人才服务中心" not in words


@pytest.mark.parametrize("question, entry", [
    ("积分办理流程", "new-application-steps"), ("积分办理", "business-type-choose"), ("闵行积分办理地点", "minhang-address"),
    ("宝山人材中心地址", "baoshan-address"), ("个体户能不能办积分", "who-can-apply"), ("积分是怎么计算的", "points-threshold"),
])
def test_applicants_words_for_the_seeds_terms_reach_their_entry(kb, question, entry):
    answer = kb.ask(question)
    assert (answer.status, answer.entry.id) == ("answered", entry)


@pytest.mark.parametrize("question, entry", [
    ("徐汇区可以快递材料吗", "xuhui-new-application"), ("闵行积分材料是快递还是发邮件", "minhang-new-application"),
    ("静安可以寄材料吗", "jingan-new-application"), ("黄浦材料寄到哪", "huangpu-address"), ("徐汇材料可以寄到哪里", "xuhui-address"),
    ("虹口人才中心在哪", "hongkou-address"), ("闵行人才中心在哪条路", "minhang-address"),
])
def test_whether_one_may_post_is_the_way_of_handing_in_and_where_to_is_the_address(kb, question, entry):
    answer = kb.ask(question)
    assert (answer.status, answer.entry.id) == ("answered", entry)


@pytest.mark.parametrize("question, entries", [
    ("jifen xinban liucheng", {"new-application-steps"}), ("wo yao ban jifen xuban", {"renewal-steps", "business-type-renew"}),
])
def test_the_domains_words_typed_in_pinyin_are_read_as_its_words(kb, question, entries):
    answer = kb.ask(question)
    assert answer.status == "answered" and answer.entry.id in entries


@pytest.mark.parametrize("question, entry", [("虹口人才中心地址喺邊度", "hongkou-address"), ("積分續辦點樣搞", "renewal-steps")])
def test_cantonese_function_words_cost_no_confidence(kb, question, entry):
    answer = kb.ask(question)
    assert (answer.status, answer.entry.id) == ("answered", entry) and answer.confidence > 0.5


@pytest.mark.parametrize("question, entry", [
    ("从闵行的公司跳槽到徐汇了 积分通知书上的单位要改吗", "business-type-employer-change"),
    ("之前在徐汇那家公司办好了积分 上个月换到闵行上班了 积分还有大半年 是重新办还是改个单位", "business-type-employer-change"),
])
def test_two_districts_told_in_a_move_favour_neither_district_over_the_general_rule(kb, question, entry):
    answer = kb.ask(question)
    assert (answer.status, answer.entry.id) == ("answered", entry)


@pytest.mark.parametrize("question", ["分数凑不够120怎么办", "120分凑齐要多久 我本科"])
def test_scraping_the_points_together_asks_the_threshold(kb, question):
    answer = kb.ask(question)
    assert answer.status != "out_of_domain" and answer.candidates[0].id == "points-threshold"
