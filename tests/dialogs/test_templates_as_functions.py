"""A ``sub`` template (r"\1") given as a function (dialogs.text.groups_kept: re parses a template again on
every call, issue 19) replaces as the template did, over every corpus text and texts each pattern matches."""
from __future__ import annotations

import pytest

from dialogs import asking, validators
from dialogs.text import groups_kept
from dialogs.understanding import entities, values
from dialogs.understanding.corpus import load_examples

CORPUS = sorted({example.text for example in load_examples()})
# (pattern, its function, the template it stands for, texts it matches)
SITES = [
    (asking._STILL_NOT, asking._STILL_NOT_SAID, r"\1", ["还没收到短信呢", "材料没有传呢~"]),
    (validators._AT_WORK, validators._AT_WORK_KEPT, r"\1", ["我在上海某某科技有限公司上班", "在华为工作的"]),
    (validators._STUCK_LAST_KEY, validators._STUCK_LAST_KEY_KEPT, r"\1", ["马占林林林", "王芳芳芳芳"]),
    (values._CHARACTER_SPELLED, values._FIRST_GROUP, r"\1", ["张 弓长张", "李 木子李"]),
    (values._NEARLY_THE_NEXT, values._FIRST_GROUP, r"\1", ["七年多快八年了", "5年半 差不多六年"]),
    (values._REPLACEMENT_SAID, values._REPLACED_BY, r"\1 换成", ["应届生不对，是社保", "学历错了 应该是职称"]),
    (entities._EMAIL_THEN_NONE, entities._FIRST_GROUP, r"\1", ["邮箱 没有", "EMAIL: 不填了"]),
    (entities._SPACED_COMPOUND, entities._FIRST_TWO_GROUPS, r"\1\2", ["欧阳 娜娜", "司马 光"]),
]


@pytest.mark.parametrize("pattern, function, template, matched", SITES, ids=[site[0].pattern[:24] for site in SITES])
def test_the_function_replaces_as_the_template_did(pattern, function, template, matched):
    assert len(CORPUS) > 1000
    texts = CORPUS + matched
    assert all(pattern.search(text) for text in matched)
    assert [pattern.sub(function, text) for text in texts] == [pattern.sub(template, text) for text in texts]


def test_a_group_that_took_no_part_is_kept_as_nothing_as_in_a_template():
    import re

    either = re.compile(r"(a)|(b)")
    assert either.sub(groups_kept(1, 2, then="!"), "xaybz") == either.sub(r"\1\2!", "xaybz") == "xa!yb!z"
    assert either.sub(groups_kept(2), "ab") == either.sub(r"\2", "ab") == "b"
