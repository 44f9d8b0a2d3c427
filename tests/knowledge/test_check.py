from __future__ import annotations

from pathlib import Path

import pytest

from knowledge import KnowledgeBase, KnowledgeDataError
from knowledge.check import check, main
from tests.support.seeds import needs_seeds

SEED = "000_c3342b772329c654.txt"
GOOD = f"""
entries:
  - id: hotline
    topic: platform
    questions: [热线是多少？, 客服电话？]
    keywords: [热线]
    answer: 拨打 4001962002。
    source: {{seed: {SEED}, section: 一、登陆系统}}
"""


def write(folder: Path, text: str, name: str = "faq.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


@needs_seeds
def test_the_shipped_knowledge_base_has_no_problems():
    assert check() == []


@needs_seeds
def test_a_well_formed_file_passes(tmp_path):
    assert check(write(tmp_path, GOOD)) == []


@pytest.mark.parametrize("broken, problem", [
    (GOOD.replace("    topic: platform\n", ""), "missing field `topic`"),
    (GOOD.replace("questions: [热线是多少？, 客服电话？]", "questions: []"), "`questions` must be a non-empty list"),
    (GOOD.replace("questions: [热线是多少？, 客服电话？]", "questions: ['', 客服电话？]"), "`questions` must be"),
    (GOOD.replace("topic: platform", "topic: weather"), "unknown topic `weather`"),
    (GOOD.replace("    topic: platform\n", "    topic: platform\n    district: 闵行\n"), "unknown district `闵行`"),
    (GOOD.replace("    topic: platform\n", "    topic: platform\n    material: passport\n"), "unknown material code"),
    (GOOD.replace("id: hotline", "id: Hotline 1"), "id must be a lower-case slug"),
    pytest.param(GOOD.replace(SEED, "999_missing.txt"), "999_missing.txt does not exist", marks=needs_seeds),
    pytest.param(GOOD.replace("一、登陆系统", "八、不存在的章节"), "not found in", marks=needs_seeds),
    pytest.param(GOOD.replace("4001962002", "4001234567"), "number 4001234567 in the answer is not in its sources", marks=needs_seeds),
    pytest.param(GOOD.replace("拨打 4001962002。", "写信到 help@example.com。"), "contains an e-mail address", marks=needs_seeds),
    (GOOD.replace("    keywords: [热线]\n", "    keywords: [热线]\n    phone: x\n"), "unknown field `phone`"),
    ("entries: {}", "expected a mapping with an `entries:` list"),
    ("entries: [\n", "cannot be read"),
])
def test_check_names_each_kind_of_problem(tmp_path, broken, problem):
    problems = check(write(tmp_path, broken))
    assert any(problem in p for p in problems), problems


def test_duplicate_ids_across_files_are_reported(tmp_path):
    write(tmp_path, GOOD, "a.yaml")
    write(tmp_path, GOOD, "b.yaml")
    assert "duplicate id `hotline` (2 entries)" in check(tmp_path)


def test_a_missing_seed_folder_is_reported(tmp_path):
    assert any("seed folder not found" in p for p in check(write(tmp_path, GOOD), seeds=tmp_path / "nowhere"))


def test_loading_a_broken_knowledge_base_fails_with_every_problem(tmp_path):
    broken = GOOD.replace("topic: platform", "topic: weather").replace("answer: 拨打 4001962002。", "answer: ''")
    with pytest.raises(KnowledgeDataError) as err:
        KnowledgeBase.load(write(tmp_path, broken))
    assert "unknown topic" in str(err.value) and "`answer` is empty" in str(err.value)


def test_a_small_knowledge_base_loads_from_a_folder_and_answers(tmp_path):
    kb = KnowledgeBase.load(write(tmp_path, GOOD))
    assert kb.ask("客服热线").entry.id == "hotline"


@needs_seeds
def test_main_reports_ok_and_exits_0(capsys):
    assert main(["check"]) == 0
    assert "knowledge base OK" in capsys.readouterr().out


def test_main_lists_problems_and_exits_1(tmp_path, capsys):
    assert main(["check", "--entries", str(write(tmp_path, GOOD.replace("topic: platform", "topic: x")))]) == 1
    assert "unknown topic `x`" in capsys.readouterr().out
