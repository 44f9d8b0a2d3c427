"""Every preset return reason rests on something the applicant could be shown: a seed passage, or its
material's checklist requirement, whose key facts the reason says (``python -m bot kb check``)."""
from __future__ import annotations

import pytest

from dialogs.return_reasons import GENERAL, REQUIREMENT, ReturnReasons, return_reasons
from dialogs.sources import PUBLIC, Source, seed
from knowledge.check import check, reason_problems, seeds_dir
from tests.support.seeds import needs_seeds

SECTION = "3、上传预审材料"


@needs_seeds
def test_every_shipped_reason_names_a_source_that_says_it():
    shipped = return_reasons()
    listed = [(code, text) for code, own in shipped.own.items() for text in own] + [(GENERAL, t) for t in shipped.general]
    assert all(shipped.sources.get(key) for key in listed)
    # beyond the six basic materials (seed 000) most rest on the checklist's requirement, itself sourced
    assert {src.seed for key in listed for src in shipped.sources[key]} == {"000", "002", "003", "004", REQUIREMENT}
    assert reason_problems(seeds_dir()) == []
    assert not [p for p in check() if p.startswith("return reason")]


def reasons(code: str, text: str, *sources: Source) -> ReturnReasons:
    if code == GENERAL:
        return ReturnReasons({}, (text,), {(code, text): sources})
    return ReturnReasons({code: (text,)}, (), {(code, text): sources})


@needs_seeds
@pytest.mark.parametrize("broken, problem", [
    (reasons("labor_contract", "缺少合同有效期页"), "no source"),
    (reasons("labor_contract", "缺少合同有效期页", Source(PUBLIC)), "rests on public knowledge"),
    (reasons("labor_contract", "缺少合同有效期页", seed("009", SECTION, "合同有效期页")), "seed 009 not found"),
    (reasons("labor_contract", "缺少合同有效期页", seed("000", "八、不存在的章节", "合同有效期页")), "not found in seed 000"),
    (reasons("labor_contract", "缺少合同首页", seed("000", SECTION, "合同首页")), "fact '合同首页' not found in seed 000"),
    (reasons("labor_contract", "请补充材料", seed("000", SECTION, "合同有效期页")), "is not in the reason"),
    (reasons("labor_contract", "缺少合同有效期页", seed("000", SECTION)), "without a key fact"),
    (reasons("marriage_certificate", "缺少结婚证公证书", Source(REQUIREMENT, "", ("公证书",))),
     "fact '公证书' not found in the requirement of marriage_certificate"),
    (reasons(GENERAL, "缺少登记页", Source(REQUIREMENT, "", ("登记页",))), "a general reason has no material"),
])
def test_each_kind_of_unsupported_reason_is_named(broken, problem):
    good = reasons("marriage_certificate", "缺少结婚证登记页", Source(REQUIREMENT, "", ("登记页",)))
    assert reason_problems(seeds_dir(), good) == []
    problems = reason_problems(seeds_dir(), broken)
    assert any(problem in p for p in problems), problems
