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
