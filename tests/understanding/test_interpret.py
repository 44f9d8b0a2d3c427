"""The understanding step on its own: interpret(point, text) -> ranked interpretations."""
from __future__ import annotations

import importlib
import subprocess
import sys
import time
from pathlib import Path

import marisa_trie
import numpy as np
import pytest

from dialogs.understanding import interpret
from dialogs.understanding.classifier import Classifier, fit_key, trained
from dialogs.understanding.corpus import CORPUS_DIR, Example, load_examples
from dialogs.understanding.features import document, tokens
from knowledge import load_default

DEV_DIR = Path(__file__).with_name("dev")


def best(point: str, text: str, **kw):
    return interpret(point, text, **kw)[0]


@pytest.mark.parametrize("point, text, kind, value", [
    ("consent", "我承诺材料都是真的", "answer", "agree"),
    ("consent", "好像哪里不对，委托单怎么填", "question", None),  # a statement beside a question consents to nothing
    ("business_type", "2", "answer", "renew"),
    ("marital_status", "已婚", "answer", "married"),
    ("id_number", "11010519491231002x", "answer", "11010519491231002X"),
    ("mobile", "138 0013 8000", "answer", "13800138000"),
    ("email", "无", "answer", ""),
    ("permit_expiry", "２０２７－０８－２５", "answer", "2027-08-25"),
    ("name", "張偉", "answer", "张伟"),
    ("employer", "合同上写的是上海外服（集团）有限公司", "answer", "上海外服（集团）有限公司"),
])
def test_answers_carry_the_value_to_save(point, text, kind, value):
    meant = best(point, text)
    assert (meant.kind, meant.value) == (kind, value)


@pytest.mark.parametrize("point, text, value", [
    ("children", "俩娃", 2), ("children", "仨孩子", 3), ("children", "一儿一女两个娃", 2),
    ("children", "还没有孩子", 0), ("children", "目前没有小孩哈", 0),
    ("bonus_options", "职称跟社保都有", ["title", "social_insurance"]), ("bonus_options", "啥都没有", []),
    ("bonus_options", "都不符合", []), ("bonus_options", "没有职称，有学历", ["education"]),
    ("spouse_options", "老婆是上海户口", ["spouse_hukou"]), ("spouse_options", "两个都选", ["spouse_companion", "spouse_hukou"]),
    ("email", "没有邮箱", ""), ("mobile", "手机 13912345678 谢谢", "13912345678"),
    ("children", "有个闺女", 1), ("children", "龙凤胎", 2), ("email", "不填 没有", ""),
    ("spouse_options", "爱人不是上海户口，也不加随员", []), ("spouse_options", "老公户籍在外地 不用加", []),
    ("spouse_options", "她户口在上海", ["spouse_hukou"]), ("name", "申请人 周杰", "周杰"), ("name", "王 建 国", "王建国"),
    ("bonus_options", "不需要加分", []),
])
def test_answers_said_in_words(point, text, value):
    meant = best(point, text)
    assert (meant.kind, meant.value) == ("answer", value)


def test_children_in_words_among_several_answers():
    assert best("marital_status", "结婚了 有一儿一女").fields == {"marital_status": "married", "children": 2}


def test_an_option_with_a_particle_among_several_answers():
    assert best("employer", "上海电气集团，已婚的，一个小孩").fields == {
        "employer": "上海电气集团", "marital_status": "married", "children": 1}


def test_no_email_beside_another_answer():
    assert best("mobile", "13912345678 没有邮箱").fields == {"mobile": "13912345678", "email": ""}


@pytest.mark.parametrize("point, text", [
    ("marital_status", "离异的话要交什么证明？"), ("marital_status", "离异的话，要交什么证明？"),
    ("bonus_options", "学历加分要什么材料？"), ("bonus_options", "学历加分，要什么材料？"),
    ("spouse_options", "上次已经加过随员了 这次还要选吗"),
    ("bonus_options", "职称加分中级的够不够"), ("children", "有没有孩子都要填吗"), ("spouse_options", "随员要交结婚证么"),
])
def test_a_question_is_never_an_answer_even_when_it_names_an_option(point, text):
    assert best(point, text).kind == "question"


def test_an_answer_that_asks_carries_the_answer_of_its_first_clause():
    meant = best("marital_status", "已婚，配偶要交什么？")
    assert (meant.kind, meant.value) == ("answer_and_question", "married")


def test_several_answers_come_as_fields():
    meant = best("name", "张伟，身份证11010519491231002X，手机13800138000")
    assert meant.kind == "answers"
    assert meant.fields == {"name": "张伟", "id_number": "11010519491231002X", "mobile": "13800138000"}


def test_an_exact_answer_to_another_question_is_kept_as_that_answer():
    meant = best("employer", "13800138000")  # never the employer, never lost (issue 15 point 6)
    assert (meant.kind, meant.fields) == ("answers", {"mobile": "13800138000"})


@pytest.mark.parametrize("point, text, command, item", [
    ("materials", "查看第2项", "view_item", 2),
    ("materials", "删掉第5项", "delete_item", 5),
    ("materials", "15", "view_item", 15),
    ("employer", "我又来了", "resume", None),
    ("name", "返回", "back", None),
    ("summary", "手机号码改成13900139000", "edit", None),
])
def test_commands_and_checklist_items(point, text, command, item):
    meant = best(point, text)
    assert (meant.kind, meant.command, meant.item) == ("command", command, item)


def test_interpretations_are_ranked_with_confidences():
    ranked = interpret("employer", "今天天气怎么样")
    assert len(ranked) >= 2 and ranked[0].confidence >= ranked[1].confidence


@pytest.fixture(scope="module")
def fitted() -> Classifier:
    """A fit made here, on the shipped corpus (trained() may load a kept one)."""
    return Classifier(load_examples(CORPUS_DIR))


@pytest.mark.slow  # each process fits the classifier afresh here (~4 s a fit): with the slow ones
def test_the_classifier_is_deterministic_and_quick(fitted):
    examples = load_examples()
    assert len(examples) >= 2400
    importlib.import_module("sklearn.svm")  # before the clock starts: the fit is timed, not the import

    began = time.process_time()  # CPU, not wall time: the CI box is shared
    first = Classifier(examples)
    assert time.process_time() - began < 5  # about 0.5 s
    for e in examples[::97]:
        assert first.kind(e.point, e.text) == fitted.kind(e.point, e.text)
    began = time.process_time()
    for e in examples:
        first.kind(e.point, e.text)
    assert (time.process_time() - began) / len(examples) < 0.001


@pytest.mark.slow  # each process fits the classifier afresh here (~4 s a fit): with the slow ones
def test_the_fast_path_scores_as_sklearn_does(fitted):
    model = fitted.kinds
    vectorizer, svm = model.fitted
    for text in ("张三", "我又来了", "闵行人才中心电话？", "ok同意"):
        doc = document("name", text)
        expected = svm.decision_function(vectorizer.transform([doc]))[0]
        assert model.margins(doc) == pytest.approx(expected, abs=1e-3)  # weights kept in float16

    # The models fitted on a subset keep only the rows of the features their examples have: the rest weigh 0.
    for sub in (fitted.commands, fitted.values):
        assert sub.rows is not None and len(sub.weights) < len(sub.rows) / 2
        sub_vectorizer, sub_svm = sub.fitted
        for text in ("删掉第5项", "读了个研", "离异的话要交什么？", "同意"):
            doc = document("materials", text)
            assert sub.margins(doc) == pytest.approx(sub_svm.decision_function(sub_vectorizer.transform([doc]))[0], abs=1e-3)

    # Half precision never changes the best class: every development message, as sklearn ranks it.
    docs = [document(e.point, e.text) for e in load_examples(DEV_DIR)]
    assert len(docs) > 500
    assert [model.classes[int(np.argmax(model.margins(d)))] for d in docs] == list(svm.predict(vectorizer.transform(docs)))


@pytest.mark.slow  # fits a classifier of its own (~1.9 s): with the slow ones
def test_learns_from_the_examples_it_is_given():
    examples = [Example("name", t, "smalltalk") for t in ("哈哈", "嘿嘿", "呵呵")] + \
               [Example("name", t, "non_answer") for t in ("不知道", "不清楚", "忘了")]
    classifier = Classifier(examples)
    assert classifier.kind("name", "哈哈哈").best == "smalltalk"
    assert classifier.kind("name", "不知道啊").best == "non_answer"


SHOWN = ("咨询服务委托单", "承诺书", "持证人身份证(正反面)", "上海市居住证", "劳动(聘用)合同", "最高学历证书",
         "学信网电子学历认证报告", "学位证书", "社保缴费记录", "结婚证", "配偶身份证(正反面)")


@pytest.mark.parametrize("text, number", [
    ("传身份证", 3), ("老婆身份证", 11), ("毕业证", 6), ("社保记录", 9), ("劳动合同", 5), ("结婚证", 10),
])
def test_a_material_named_in_words_is_its_number_in_the_checklist_shown(text, number):
    from dialogs.understanding.items import item_named

    assert item_named(text, SHOWN) == number
    assert item_named("文件太大了", SHOWN) is None


@pytest.mark.parametrize("text", ["身份证快过期", "上传文件大小限制", "配偶上海户籍", "闵行教育背景核实", "续办的流程"])
def test_a_first_message_the_knowledge_base_answers_strongly_is_a_question(text):
    meant = best("start", text, kb=load_default())
    assert meant.kind == "question" and meant.kb.status == "answered"


@pytest.mark.parametrize("point, text, fields", [
    ("edu_level", "本科，上海大学", {"edu_level": "bachelor", "edu_school": "上海大学"}),
    ("edu_foreign", "否 国内本科", {"edu_foreign": False, "edu_level": "bachelor"}),
    ("edu_level", "非全日制硕士", {"edu_fulltime": False, "edu_level": "master"}),
])
def test_education_answers_given_together(point, text, fields):
    assert best(point, text).fields == fields


@pytest.mark.parametrize("point, text", [
    ("mobile", "13912345678 外地号码没问题吧"), ("employer", "上海市第十人民医院 事业单位也能办吧"),
])
def test_an_answer_asking_for_a_yes_is_an_answer_and_a_question(point, text):
    assert best(point, text).kind == "answer_and_question"


@pytest.mark.parametrize("text, value", [("从来没办过积分，这次是头一回", "new"), ("我换单位了", "employer_change")])
def test_a_first_message_choosing_a_type_stays_a_choice_though_the_knowledge_base_describes_it(text, value):
    meant = best("start", text, kb=load_default())
    assert (meant.kind, meant.value) == ("answer", value)


@pytest.mark.parametrize("text", ["早上好", "老师好", "晚上好"])
def test_a_greeting_is_no_consent(text):
    assert best("consent", text).kind == "smalltalk"


@pytest.mark.slow  # each process fits the classifier afresh here (~4 s a fit): with the slow ones
def test_a_kept_fit_scores_as_the_fit_did_and_loads_without_scikit_learn(tmp_path, fitted):
    fitted.save(tmp_path / "fit.npz")
    loaded = Classifier.load(tmp_path / "fit.npz")
    samples = [("name", "张三"), ("marital_status", "离异的话要交什么？"), ("materials", "删掉第5项"), ("consent", "ok同意"),
               *((e.point, e.text) for e in load_examples(DEV_DIR)[::5])]
    assert isinstance(loaded.kinds.columns.vocabulary, marisa_trie.Trie)  # no dict of every token in each worker
    # the subset models' row of each column in int16, not int32 (0.5 MB in each worker), scoring the same below
    assert [m.rows.dtype for m in (loaded.commands, loaded.values, loaded.chat)] == [np.int16] * 3
    for point, text in samples:  # the kinds, the commands, the values in turn: a row kept for one text serves no other
        assert loaded.kind(point, text) == fitted.kind(point, text)
        assert loaded.command(point, text) == fitted.command(point, text)
        assert loaded.value(point, text) == fitted.value(point, text)
    script = ("import sys; from pathlib import Path; from dialogs.understanding.classifier import Classifier; "
              f"Classifier.load(Path({str(tmp_path / 'fit.npz')!r})); print('sklearn' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "False", done.stderr


def test_a_fit_is_kept_under_a_key_of_the_corpus_and_the_code(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "name.yaml").write_text("point: name\nexamples:\n" + "".join(
        f"  - {{text: {t}, kind: {k}}}\n" for t, k in [("哈哈", "smalltalk"), ("嘿嘿", "smalltalk"), ("不知道", "non_answer"),
                                                       ("不清楚", "non_answer")]), encoding="utf-8")
    monkeypatch.setenv("JIFEN_CACHE_DIR", str(tmp_path / "kept"))
    key = fit_key(corpus)
    first = trained(corpus)
    assert [p.name for p in (tmp_path / "kept").iterdir()] == [f"classifier-{key}.npz"]
    trained.cache_clear()
    assert trained(corpus).kind("name", "哈哈哈") == first.kind("name", "哈哈哈")  # loaded, the same
    (corpus / "name.yaml").write_text((corpus / "name.yaml").read_text(encoding="utf-8") + "  - {text: 呵呵, kind: smalltalk}\n",
                                      encoding="utf-8")
    assert fit_key(corpus) != key  # another corpus: another fit, never the stale one
    trained.cache_clear()


@pytest.mark.parametrize("point, text", [
    ("edu_fulltime", "成人高考算全日制吗"), ("edu_fulltime", "成人高考学历有用吗"),
    ("edu_level", "成人高考的本科能加分不"), ("edu_level", "学信网上学历认证怎么弄"),
])
def test_a_subject_outside_the_service_counts_only_as_a_whole_word(point, text):
    """高考 and 上学 are outside the service; 成人高考 (a way to a degree) and 网上学历 are not."""
    assert best(point, text, kb=load_default()).kind == "question"


@pytest.mark.parametrize("point, text", [("start", "孩子中考要什么条件"), ("edu_level", "高考加分怎么申请")])
def test_a_subject_outside_the_service_named_as_a_word_is_declined(point, text):
    assert best(point, text, kb=load_default()).kind == "out_of_scope"


@pytest.mark.parametrize("text", ["没事 我再传一次"])
def test_a_checklist_command_naming_no_material_shown_is_read_as_what_else_it_is(text):
    shown = ("咨询服务委托单", "承诺书", "持证人身份证(正反面)", "上海市居住证", "劳动(聘用)合同")
    assert best("materials", text, checklist=shown).kind != "command"
    assert best("materials", "传承诺书", checklist=shown).item == 2


@pytest.mark.parametrize("point, text, fields", [
    ("name", "龚平、上海浦东发展银行股份有限公司", {"name": "龚平", "employer": "上海浦东发展银行股份有限公司"}),
    ("name", "谭永、13916038827", {"name": "谭永", "mobile": "13916038827"}),
])
def test_several_answers_parted_by_an_enumeration_comma(point, text, fields):
    meant = best(point, text)
    assert (meant.kind, meant.fields) == ("answers", fields)


@pytest.mark.parametrize("point, text, employer", [
    ("employer", "上海振华重工（集团）股份有限公司，手机13601780542", "上海振华重工（集团）股份有限公司"),
    ("mobile", "13601780542 单位上海外服（集团）有限公司", "上海外服（集团）有限公司"),
    ("name", "项南 ＡＢＣ（上海）有限公司", "ＡＢＣ（上海）有限公司"),
])
def test_an_organisation_among_several_answers_is_kept_as_typed(point, text, employer):
    assert best(point, text).fields["employer"] == employer


@pytest.mark.parametrize("text, employer", [
    ("单位变更 新单位是上海得物信息集团有限公司", "上海得物信息集团有限公司"),
    ("换单位了，现在的单位：上海某某网络科技有限公司", "上海某某网络科技有限公司"),
])
def test_the_new_employer_named_with_the_business_type(text, employer):
    assert best("start", text).fields.get("employer") == employer


@pytest.mark.parametrize("point, text, beside", [
    ("marital_status", "离婚证明材料", {"~证明", "~材料"}), ("bonus_options", "职称加分认定标准", {"~认定", "~标准"}),
    ("consent", "同意书范本", {"~范本"}), ("name", "姓名更改证明", {"~更改", "~证明"}),
])
def test_what_is_said_beside_an_answers_words_is_a_feature_of_its_own(point, text, beside):
    features = set(tokens(point, text))
    assert "#answer_words_and_more" in features and beside <= features


@pytest.mark.parametrize("point, text", [("marital_status", "离婚了"), ("consent", "同意啊"), ("bonus_options", "学历、社保")])
def test_an_answers_words_alone_say_nothing_beside(point, text):
    features = tokens(point, text)
    assert "#answer_words_alone" in features and not any(f.startswith("~") for f in features)


@pytest.mark.parametrize("text, fields", [
    ("本科，函授的", {"edu_level": "bachelor", "edu_fulltime": False}),
    ("硕士 在职读的", {"edu_level": "master", "edu_fulltime": False}),
    ("大专，夜大念的", {"edu_level": "college", "edu_fulltime": False}),
])
def test_how_a_degree_named_beside_it_was_studied_is_its_own_answer(text, fields):
    meant = best("edu_level", text)
    assert (meant.kind, meant.fields) == ("answers", fields)


@pytest.mark.parametrize("point, text, value", [
    ("consent", "好额", "agree"), ("consent", "中嘞", "agree"), ("consent", "要得要得", "agree"),
    ("consent", "冇得问题", "agree"), ("consent", "妥", "agree"), ("consent", "好個呀", "agree"),
    ("consent", "勿同意", "disagree"), ("consent", "不中不中", "disagree"), ("consent", "要不得", "disagree"),
    ("summary", "好额", "confirm"), ("summary", "中", "confirm"), ("summary", "得嘞", "confirm"),
    ("summary", "对头的", "confirm"),
])
def test_yes_and_no_as_the_provinces_say_them(point, text, value):
    assert (best(point, text).kind, best(point, text).value) == ("answer", value)


@pytest.mark.parametrize("point, text", [("consent", "妥了吗"), ("consent", "中不中啊这个"), ("summary", "成都的公司可以吗"),
                                         ("summary", "勿同意"), ("consent", "中国人")])
def test_a_regional_yes_inside_a_question_or_another_word_is_none(point, text):
    assert best(point, text).kind != "answer" or best(point, text).value == "disagree"


@pytest.mark.parametrize("point, text, value", [
    ("business_type", "I want to apply 积分新办", "new"), ("business_type", "need 积分续办 pls", "renew"),
    ("employer", "I work at 上海某某科技有限公司", "上海某某科技有限公司"),
])
def test_an_options_own_name_among_english_words_is_the_answer(point, text, value):
    assert (best(point, text).kind, best(point, text).value) == ("answer", value)


@pytest.mark.parametrize("text", ["5年", "交了6年", "3个月", "12岁", "8点"])
def test_a_number_with_a_unit_names_no_checklist_item(text):
    assert best("materials", text, checklist=SHOWN).item is None


@pytest.mark.parametrize("point, text", [("consent", "I do not 同意"), ("business_type", "I do not want 积分新办"),
                                         ("summary", "不确认"), ("summary", "勿确认"), ("summary", "先别确认")])
def test_a_reply_that_turns_its_words_down_records_nothing(point, text):
    assert best(point, text).kind not in ("answer", "answers") or best(point, text).value == "disagree"


@pytest.mark.parametrize("point, text, value", [
    ("employer", "我喺上海银行股份有限公司做嘢", "上海银行股份有限公司"),  # Cantonese 喺…做嘢 around the employer
    ("bonus_options", "一项也冇", []),  # none, in Cantonese
    ("bonus_options", "要1同3", ["title", "social_insurance"]),  # 同: Cantonese "and" between numbers
    ("email", "唔使啦 冇邮箱", ""),  # 唔使: no need
])
def test_cantonese_forms_are_read_as_mandarin(point, text, value):
    meant = best(point, text)
    assert meant.kind == "answer" and meant.value == value


@pytest.mark.parametrize("point, text, fields", [
    ("bonus_options", "2 硕士 全日制", {"bonus_options": ["education"], "edu_level": "master", "edu_fulltime": True}),
    ("edu_level", "硕士 非全日制 不是国外的", {"edu_level": "master", "edu_fulltime": False, "edu_foreign": False}),
])
def test_every_answer_in_one_message_is_found(point, text, fields):
    meant = best(point, text)
    assert meant.kind == "answers" and meant.fields == fields


@pytest.mark.parametrize("point, text, value", [
    ("children", "两个，不对，是三个", 3), ("marital_status", "未婚 哦不 已婚", "married"),
    ("marital_status", "已婚，不是离异", "married"),  # 不是 alone takes nothing back
])
def test_an_answer_taken_back_inside_the_message_is_the_one_after(point, text, value):
    assert best(point, text).value == value


@pytest.mark.parametrize("point, text", [("name", "如上"), ("bonus_options", "不是"), ("edu_level", "master")])
def test_replies_that_answer_nothing_record_nothing(point, text):
    assert best(point, text).kind in ("non_answer", "english")


def test_a_same_sound_slip_for_agreeing_agrees():
    assert best("consent", "统一的").value == "agree"


@pytest.mark.parametrize("text", ["好的，我再想想", "好滴 回头再说"])
def test_an_okay_put_off_is_no_consent_whatever_its_first_clause(text):
    assert best("consent", text).value != "agree"


@pytest.mark.parametrize("point, text, value", [("children", "冇仔", 0), ("children", "生咗三个仔", 3), ("children", "养了俩", 2)])
def test_children_counted_in_cantonese_or_as_born(point, text, value):
    assert best(point, text).value == value


@pytest.mark.parametrize("text, fields", [
    ("职称跟紧缺专业 我是交大的硕士 非全日制", {"bonus_options": ["title", "shortage_major"], "edu_level": "master",
                                         "edu_fulltime": False}),  # try4 F68/F32: both options, and the degree
    ("应届生那个 还有学历 我是同济本科", {"bonus_options": ["education", "graduate"], "edu_level": "bachelor"}),
])
def test_options_named_beside_other_answers_are_all_kept(text, fields):
    meant = best("bonus_options", text)
    assert meant.kind == "answers" and meant.fields == fields


@pytest.mark.parametrize("said, implied", [("我都传完了", True), ("都弄好了", True), ("那就提交吧", False),
                                           ("都改好了 再交一次", False), ("submit", False)])
def test_submitting_is_run_only_when_said_in_its_own_words(said, implied):
    meant = best("materials", said)
    assert (meant.kind, meant.command, meant.implied) == ("command", "submit", implied)


@pytest.mark.parametrize("point, text, value", [
    ("name", "阮号做林秀琴", "林秀琴"), ("name", "𠊎系刘振华", "刘振华"),  # Minnan 号做 (is called), Hakka 𠊎 (I)
    ("name", "阮志强", "阮志强"),  # 阮 the surname, not Minnan "I"
    ("marital_status", "阮有结婚", "married"), ("marital_status", "阮无结过婚", "unmarried"),
    ("consent", "毋同意", "disagree"), ("edu_fulltime", "毋是", False),  # Minnan 毋: not
    ("email", "无", ""),  # 无 written alone is still "none"
])
def test_minnan_and_hakka_function_words_read_as_mandarin(point, text, value):
    meant = best(point, text)
    assert (meant.kind, meant.value) == ("answer", value)


@pytest.mark.parametrize("point, text, value", [
    ("business_type", "改成新办 前面点错了", "new"), ("business_type", "改为单位变更，我看岔了", "employer_change"),
    ("marital_status", "改成已婚 刚才手滑", "married"),
])
def test_a_change_to_an_option_with_its_reason_is_the_answer_where_its_question_is_asked(point, text, value):
    meant = best(point, text)
    assert (meant.kind, meant.value) == ("answer", value)


def test_a_change_to_an_option_taken_back_for_another_is_no_answer_of_the_first():
    meant = best("business_type", "改成续办 不对 单位变更")
    assert (meant.kind, meant.value) != ("answer", "renew")


@pytest.mark.parametrize("text, value", [("屋下冇细人仔", 0), ("两个细人仔", 2)])  # Hakka 细人仔: children
def test_hakka_children_are_counted(text, value):
    meant = best("children", text)
    assert (meant.kind, meant.value) == ("answer", value)


@pytest.mark.parametrize("point, text, kind, value", [  # corpus _dev7_voices.yaml, in other words
    ("start", "𠊎要办新个积分", "answer", "new"),  # Hakka: I want a new one
    ("marital_status", "这项我先不填", "non_answer", None),  # a put-off, no step of the photographing
    ("marital_status", "帮我介绍个对象吧", "out_of_scope", None),
])
def test_dev7_voices_read_by_their_kind(point, text, kind, value):
    meant = best(point, text)
    assert (meant.kind, meant.value) == (kind, value)


def test_going_back_after_a_slip_at_the_notice():
    meant = best("consent", "我按错了 返回上一步")
    assert (meant.kind, meant.command) == ("command", "back")
