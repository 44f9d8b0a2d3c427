"""What a staff or support action can fail with, besides ``dialogs.lifecycle.LifecycleError`` (a
change the record's state does not allow): the API answers these 400 and 404, the console shows
their message. Messages are Chinese: they reach staff as they are."""
from __future__ import annotations


class InvalidInput(ValueError):
    """The request itself is malformed: a missing field, a value of the wrong kind."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFound(LookupError):
    """No application, material or escalation by that id."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class HeldByOther(RuntimeError):
    """A decision on an application another reviewer has claimed: the claim exists so that two people
    never decide one file, so it is refused until that reviewer is asked or the file is taken over
    (assigned to oneself) on purpose."""

    def __init__(self, by: str, until: str) -> None:
        self.by, self.until = by, until
        self.message = (f"这份申请正在由 {by} 审核（领取至 {until[11:16]}），本次审核没有保存。"
                        f"请先与 {by} 确认；确需接手，先把它指派给自己再审核。")
        super().__init__(self.message)
