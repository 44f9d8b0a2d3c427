"""What the API tests share: the operations an app serves under /api, and a review decision that
returns two materials."""
from __future__ import annotations

import re

IGNORED_METHODS = {"HEAD", "OPTIONS"}


def served_operations(app) -> set[tuple[str, str]]:
    """(path in OpenAPI's {param} form, method) of every /api rule of the app."""
    operations = set()
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/api/"):
            continue
        path = re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", r"{\1}", rule.rule)
        operations |= {(path, method.lower()) for method in rule.methods - IGNORED_METHODS}
    return operations


# A decision returning two materials (and approving a third), each with its reason.
RETURN_TWO = {
    "materials": {"commission_form": {"status": "returned", "reason": "委托单盖章日期超过两个月，请重新申请委托单"},
                  "labor_contract": {"status": "returned", "reason": "缺少单位盖章本人签字页"},
                  "id_card": {"status": "approved"}},
    "decision": "returned", "reason": "请按各项材料的退回原因补充",
}
