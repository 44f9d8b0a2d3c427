"""The shipped entries and the evaluation set, checked as data."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from dialogs.lifecycle import STATUS_LABELS
from knowledge.entries import APPLICATION_STATUSES
from knowledge.vocabulary import load_vocabulary

CHECKLIST_RULES = Path(__file__).resolve().parents[2] / "dialogs" / "checklist_rules.yaml"


def test_every_material_code_is_one_the_checklist_knows(kb):
    catalogue = yaml.safe_load(CHECKLIST_RULES.read_text(encoding="utf-8"))["materials"]
    assert load_vocabulary().materials <= set(catalogue)
    assert {e.material for e in kb.entries if e.material} <= set(catalogue)


def test_every_entry_has_several_question_variants(kb):
    assert [e.id for e in kb.entries if len(e.questions) < 2] == []


def test_answers_publish_no_email_address(kb):
    assert [e.id for e in kb.entries if "@" in e.answer] == []


def test_answers_keep_line_breaks_only_between_sentences(kb):
    assert sum("\n" in entry.answer for entry in kb.entries) >= 3  # answers with line breaks to check
    for entry in kb.entries:
        for line in entry.answer.split("\n")[:-1]:
            assert line[-1] in "。；：！？", (entry.id, line)


def test_every_district_of_the_seed_answers_how_it_takes_new_applications_renewals_and_the_rest(kb):
    topics_by_district: dict[str, set[str]] = {}
    for entry in kb.entries:
        if entry.district:
            topics_by_district.setdefault(entry.district, set()).add(entry.topic)
    for district in ("闵行区", "宝山区", "静安区", "虹口区", "徐汇区", "黄浦区"):
        topics = topics_by_district[district]
        assert {"submission", "renewal"} <= topics, district
        assert topics & {"password_reset", "other_business"}, district
    assert "submission" in topics_by_district["浦东新区"]
    assert "submission" in topics_by_district["其他区"]


def test_the_evaluation_set_names_real_entries_and_covers_every_district_and_topic(kb, eval_set):
    expected = [c["expect"] for c in eval_set["questions"]]
    assert set(expected) <= {e.id for e in kb.entries}
    covered = [kb.entry(i) for i in expected]
    assert {e.district for e in kb.entries if e.district} <= {e.district for e in covered}
    assert {e.topic for e in kb.entries} <= {e.topic for e in covered}
    assert len(expected) >= 100 and len(eval_set["out_of_domain"]) >= 15


def test_evaluation_questions_are_not_copies_of_entry_variants(kb, eval_set):
    variants = {q for e in kb.entries for q in e.questions}
    assert [c["q"] for c in eval_set["questions"] if c["q"] in variants] == []


LINKED = """
entries:
  - id: samples
    topic: upload
    questions: [有样张吗？, 样张在哪？]
    keywords: [样张]
    answer: 上传页面有样张。
    links: [{label: 委托单样张, path: %s}]
    source: {seed: 000_c3342b772329c654.txt, section: 3、上传预审材料}
"""


def test_every_link_of_the_shipped_entries_is_a_public_file(kb):
    links = [link for entry in kb.entries for link in entry.links]
    assert links and all(link.path.startswith("/static/samples/") for link in links)


@pytest.mark.parametrize("path", ["/static/samples/passport.pdf", "/upload/abc", "/static/../app.py"])
def test_a_link_to_anything_but_a_file_under_bot_static_is_a_problem(tmp_path, path):
    from knowledge.entries import read_records, validate

    (tmp_path / "faq.yaml").write_text(LINKED % path, encoding="utf-8")
    records, _ = read_records(tmp_path)
    assert any("is not a file under bot/static" in p for p in validate(records, load_vocabulary()))


def test_the_statuses_an_entry_may_be_about_are_the_dialogues():
    # knowledge/ imports nothing of the dialogue: the list is kept twice, and kept equal here.
    assert set(APPLICATION_STATUSES) == set(STATUS_LABELS)
