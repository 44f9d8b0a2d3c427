"""Flask apps of one test process share werkzeug's compiled URL builders.

werkzeug compiles a Python function for every URL rule of every app it binds (to build that rule's URLs),
from the rule alone: its pattern, the converters it names and its defaults. A deployment binds its ~50
rules once per process; the tests build several hundred apps, and compiling their builders was most of
the ~30 ms of CPU each app cost. The builder made for a rule is handed to every later rule like it."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from werkzeug.routing.rules import Rule


def share_url_builders() -> None:
    """Make ``Rule._compile_builder`` reuse the function compiled for an identical rule."""
    compile_builder = Rule._compile_builder
    built: dict[tuple[Any, ...], Callable[..., tuple[str, str]]] = {}

    def shared(rule: Rule, append_unknown: bool = True) -> Callable[..., tuple[str, str]]:
        key = (rule.rule, tuple(rule._trace), append_unknown, repr(sorted((rule.defaults or {}).items())),
               tuple((name, type(converter)) for name, converter in rule._converters.items()))
        if key not in built:
            built[key] = compile_builder(rule, append_unknown)
        return built[key]

    Rule._compile_builder = shared
