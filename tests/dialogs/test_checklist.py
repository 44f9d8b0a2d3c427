"""The checklist the rules table makes, item by item, for the cases pre-review officers see most."""
from __future__ import annotations

import pytest
import yaml

from dialogs.checklist import RULES_FILE, build_checklist, catalogue, load_catalogue
from dialogs.flows.application import QUESTIONS

BASE = ["commission_form", "commitment_letter", "id_card", "residence_permit", "household_register", "labor_contract"]


def case(**answers):
    return {"children": 0, "marital_status": "unmarried", **answers}


@pytest.mark.parametrize("answers, expected", [
    (case(business_type="new", bonus_options=[]), BASE),
    (case(business_type="renew", bonus_options=["title"]), BASE + ["title_certificate"]),
    (case(business_type="new", bonus_options=["education"], edu_foreign=False, edu_level="bachelor"),
     BASE + ["diploma", "chsi_report", "degree", "cdgdc_report"]),
    (case(business_type="new", bonus_options=["education"], edu_foreign=False, edu_level="college"),
     BASE + ["diploma", "chsi_report"]),
    (case(business_type="new", bonus_options=["education"], edu_foreign=False, edu_level="below_college"),
     BASE + ["diploma"]),
    (case(business_type="new", bonus_options=["education"], edu_foreign=True, edu_level="master"),
     BASE + ["overseas_degree_certification"]),
    (case(business_type="new", bonus_options=["social_insurance", "shortage_major", "graduate"]),
     BASE + ["social_insurance", "shortage_major", "graduate"]),
    (case(business_type="new", marital_status="married", spouse_options=["spouse_hukou"], bonus_options=[]),
     BASE + ["marriage_certificate", "spouse_hukou"]),
    (case(business_type="add_companion", marital_status="married", children=2,
          spouse_options=["spouse_companion"]),
     BASE + ["marriage_certificate", "spouse_companion", "child_birth_certificate", "previous_notice"]),
    (case(business_type="employer_change", children=1), BASE + ["previous_notice"]),
    (case(business_type="renew", children=1, marital_status="married",
          spouse_options=["spouse_companion", "spouse_hukou"],
          bonus_options=["title", "education", "social_insurance"], edu_foreign=False, edu_level="doctor"),
     BASE + ["title_certificate", "diploma", "chsi_report", "degree", "cdgdc_report", "social_insurance",
             "marriage_certificate", "spouse_hukou", "spouse_companion", "child_birth_certificate"]),
])
def test_checklist_for_answers(answers, expected):
    assert sorted(m.code for m in build_checklist(answers)) == sorted(expected)


def test_checklist_is_in_catalogue_order_without_repeats():
    answers = case(business_type="new", marital_status="married", spouse_options=["spouse_companion", "spouse_hukou"])
    codes = [m.code for m in build_checklist(answers)]
    assert codes[:6] == BASE and codes.count("marriage_certificate") == 1


def test_every_material_has_a_requirement_and_a_source():
    checklist = build_checklist(case(business_type="new", bonus_options=["title"]))
    assert len(checklist) >= 5
    for material in checklist:
        assert material.name and material.requirement and material.sources


def test_rules_without_a_seed_are_marked_as_public_knowledge():
    materials = {m.code: m for m in build_checklist(case(business_type="new", bonus_options=["social_insurance"]))}
    assert materials["social_insurance"].from_public_knowledge
    assert not materials["commission_form"].from_public_knowledge


# The materials the seeds do not name: their requirements are written from public knowledge.
UNNAMED_BY_THE_SEEDS = ("social_insurance", "shortage_major", "graduate", "marriage_certificate", "spouse_hukou",
                        "spouse_companion", "child_birth_certificate", "previous_notice")


def test_the_checklist_itself_says_which_items_are_from_public_knowledge():
    from dialogs.render import checklist_text, material_detail

    answers = case(business_type="renew", children=1, marital_status="married",
                   spouse_options=["spouse_companion", "spouse_hukou"],
                   bonus_options=["social_insurance", "shortage_major", "graduate"])
    materials = build_checklist(answers) + [catalogue().materials["previous_notice"]]
    assert {m.code for m in materials} >= set(UNNAMED_BY_THE_SEEDS)
    text = checklist_text(materials)
    for m in materials:
        line = next(line for line in text.splitlines() if m.name in line)
        assert ("※" in line) == (m.code in UNNAMED_BY_THE_SEEDS), line
        assert ("依据公开信息整理，以审核要求为准" in material_detail(m)) == (m.code in UNNAMED_BY_THE_SEEDS)
    assert text.endswith("※ 标注的材料要求依据公开信息整理，以审核要求为准。")
    assert "依据公开信息整理" not in checklist_text(build_checklist(case(business_type="new")))


def test_requirements_from_the_districts_rules_say_they_are_the_talent_centres():
    district_rules = [m for m in catalogue().materials.values() if any(s.seed == "004" for s in m.sources)]
    assert {m.code for m in district_rules} >= {"chsi_report", "cdgdc_report", "overseas_degree_certification"}
    for material in district_rules:
        assert "人才服务中心" in material.requirement and "加盖单位公章" not in material.requirement


def test_commission_form_requirement_states_the_two_month_stamp_rule():
    form = build_checklist(case(business_type="new"))[0]
    assert form.name == "咨询服务委托单" and "两个月" in form.requirement and "盖章" in form.requirement


def test_a_rule_naming_an_unknown_material_is_refused(tmp_path):
    data = yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))
    data["rules"].append({"when": {}, "add": ["no_such_material"]})
    broken = tmp_path / "rules.yaml"
    broken.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ValueError, match="no_such_material"):
        load_catalogue(broken)


def test_the_answers_a_material_is_checked_against_are_questions_of_the_flow():
    checked = {field for m in catalogue().materials.values() for field in m.checked_against}
    assert {"name", "id_number", "permit_expiry", "employer"} <= checked
    assert checked <= QUESTIONS.keys()


def test_a_kept_checklist_is_the_one_its_answers_make():
    """Checklists are kept by the answers the rules read: for every mix of them, kept or not, the same
    materials as the rules walked, and other answers (a name, a permit date) never change it."""
    import itertools

    from dialogs.checklist import catalogue

    cat = catalogue()
    assert set(cat._read) == {"business_type", "bonus_options", "edu_foreign", "edu_level", "spouse_options", "children"}
    for kind, bonus, foreign, level, spouse, children in itertools.product(
            ("new", "renew", "add_companion", "employer_change"),
            ([], ["title"], ["education", "social_insurance"], ["education", "shortage_major", "graduate"]),
            (True, False, None), ("college", "bachelor", "doctor", None),
            ([], ["spouse_companion"], ["spouse_hukou", "spouse_companion"]), (0, 2, None)):
        answers = {"business_type": kind, "bonus_options": bonus, "edu_foreign": foreign, "edu_level": level,
                   "spouse_options": spouse, "children": children, "name": "张三", "permit_expiry": "2027-08-25"}
        walked = cat._walked(answers)
        assert cat.checklist(answers) == walked and cat.checklist(answers) == walked  # made, then kept
        assert cat.checklist({**answers, "name": "李四"}) == walked
