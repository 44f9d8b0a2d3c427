"""Understanding an applicant's message: ``interpret(point, text, kb=…)`` returns ranked
interpretations (kind, value, fields, command, item, confidence). Pure: no transport, no storage.

    from dialogs.understanding import interpret
    interpret("marital_status", "已婚，配偶要交什么？")[0]   # kind answer_and_question, value married
"""
from __future__ import annotations

from dialogs.understanding.interpret import Interpretation, interpret
from dialogs.understanding.points import field_at

__all__ = ["Interpretation", "field_at", "interpret"]
