"""What the bot states beyond the knowledge base (服务须知, checklist requirements, notices, fixed
replies) carries its source, and the seed it cites says what the bot says (``python -m bot kb check``)."""
from __future__ import annotations

import pytest

from bot.background.outbox import STATUS_NOTICES
from dialogs import render
from dialogs.checklist import catalogue
from dialogs.sources import PUBLIC, PUBLIC_CAVEAT, Source, seed
from dialogs.statements import NOTICES, Statement, statements
from knowledge.check import seeds_dir, statement_problems
from tests.support.seeds import needs_seeds


def test_the_table_holds_every_notice_the_outbox_sends_every_service_notice_and_every_requirement():
    writers = {notice.text for notice in STATUS_NOTICES.values()} | {render.confirmation_reminder}
    assert writers and writers <= set(NOTICES)
    where = [st.where for st in statements()]
    assert {f"材料要求：{m.name}" for m in catalogue().materials.values()} <= set(where)
    assert {"服务须知（积分新办）", "服务须知（积分续办）", "服务须知（单位信息变更）", "服务须知（增加同住人）"} <= set(where)


@needs_seeds
def test_every_statement_carries_its_source_and_the_seed_says_its_key_facts():
    shown = list(statements())
    assert len(shown) >= 30 and all(st.sources for st in shown)
    assert sum(any(s.public for s in st.sources) for st in shown) == 8  # the materials the seeds do not name
    assert statement_problems(seeds_dir()) == []


GOOD = Statement("服务须知", "请拨打咨询电话 63721888*3230。", (seed("000", "服务须知", "63721888*3230"),))


@needs_seeds
@pytest.mark.parametrize("broken, problem", [
    (Statement("x", "请拨打 63721888*3230。", ()), "x: no source"),
    (Statement("x", GOOD.text, (seed("000", "八、不存在的章节", "63721888*3230"),)), "section '八、不存在的章节' not found"),
    (Statement("x", GOOD.text, (seed("009", "服务须知", "63721888*3230"),)), "seed 009 not found"),
    (Statement("x", "请拨打 63721888*3231。", (seed("000", "服务须知", "63721888*3231"),)),
     "fact '63721888*3231' not found in seed 000"),
    (Statement("x", "请在积分系统录入。", (seed("000", "服务须知", "63721888*3230"),)),
     "fact '63721888*3230' of seed 000 is not in what the bot says"),
    (Statement("x", GOOD.text, (seed("000", "服务须知"),)), "cited without a key fact"),
    (Statement("x", "社保缴费记录。", (Source(PUBLIC),)), f"does not show “{PUBLIC_CAVEAT}”"),
    (Statement("x", "需提供教育部海外学历认证报告。", (seed("004", "闵行区人才服务中心", "教育部海外学历认证报告"),)),
     "without naming the 人才服务中心"),
    (Statement("x", "请拨打 63721888*3230 或 4001234567。", GOOD.sources), "number 4001234567 is not in its sources"),
])
def test_each_kind_of_problem_is_named(broken, problem):
    assert statement_problems(seeds_dir(), [GOOD]) == []
    problems = statement_problems(seeds_dir(), [broken])
    assert any(problem in p for p in problems), problems
