"""Conversation points (where the applicant is, in the labels' words) and the answer each asks for."""
from __future__ import annotations

from dialogs.flows import application as flow


def field_at(point: str) -> str | None:
    """The answer a point asks for: the business type at the very start, the confirmation at the summary."""
    if point == "start":
        return "business_type"
    if point == "summary":
        return "confirmed"
    return point if point in flow.QUESTIONS else None
