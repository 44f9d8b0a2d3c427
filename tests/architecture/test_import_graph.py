"""The import graph of our own code has no circle, and every module imports on its own.

The graph is read from the source: every import a module makes (at its top or inside a function),
except those under ``if TYPE_CHECKING:``, which only type checkers follow. An import inside a
function still counts, so hiding a circle there does not hide it from this test."""
from __future__ import annotations

import ast
import functools
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("bot", "dialogs", "knowledge", "materials", "storage")


def modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def _is_type_checking(node: ast.If) -> bool:
    return isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING" or (
        isinstance(node.test, ast.Attribute) and node.test.attr == "TYPE_CHECKING")


def imported(path: Path, name: str, known: dict[str, Path]) -> set[str]:
    """The project modules ``name`` (at ``path``) imports."""
    targets: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                for other in child.orelse:
                    visit(other)
                continue
            if isinstance(child, ast.Import):
                targets.update(alias.name for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
                    for _ in range(child.level - 1):
                        package = package.rpartition(".")[0]
                    base = f"{package}.{base}".rstrip(".")
                for alias in child.names:
                    targets.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base)
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return {target for target in targets if target in known and target != name}


@functools.cache  # parsing every module takes ~0.5 s of CPU; two tests read the graph, neither changes it
def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imported(path, name, known) for name, path in known.items()}


def circles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in edges[node]:
            if nxt not in index:
                connect(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    sys.setrecursionlimit(10_000)
    for node in edges:
        if node not in index:
            connect(node)
    return found


def test_the_graph_is_read_from_every_package():
    edges = graph()
    assert {name.partition(".")[0] for name in edges} == set(PACKAGES)
    assert "bot.applicant.conversation" in edges["bot.runtime"]  # the reader sees a known import


def test_our_modules_import_each_other_without_a_circle():
    assert circles(graph()) == []


def test_the_desk_takes_its_parts_not_the_runtime_nor_the_request():
    """Review, support and the rest of the desk are handed the store, applications, outbox or files by
    their routes (as the background services are by ``tasks.py``): no ``Runtime``, no Flask."""
    desk = {name: path for name, path in modules().items() if name.startswith("bot.desk.")}
    assert len(desk) >= 8
    forbidden = {name: sorted(module for module in _every_import(path)
                              if module == "bot.runtime" or module.partition(".")[0] == "flask")
                 for name, path in desk.items()}
    assert {name: found for name, found in forbidden.items() if found} == {}


def _every_import(path: Path) -> set[str]:
    """Every module ``path`` names in an import, ours or not (type-checking imports included: the
    desk should not even mention the Runtime)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


def test_a_circle_is_found_when_there_is_one():
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


FRESH_IMPORT_SHARES = 4  # the modules are shared among this many processes, which the test workers run side by side


@pytest.mark.slow  # a fresh interpreter for each of our modules: about 25 s of CPU in all
@pytest.mark.parametrize("share", range(FRESH_IMPORT_SHARES))
def test_every_module_imports_fresh_on_its_own(share):
    """Each module first, in a process with none of ours loaded yet (one process per share of the
    modules, ours dropped from sys.modules between imports): a circle or an order dependency shows
    as an ImportError."""
    names = [name for name in modules() if not name.endswith("__main__")][share::FRESH_IMPORT_SHARES]
    script = (
        "import importlib, sys\n"
        "from prometheus_client import REGISTRY\n"
        f"names = {names!r}\n"
        f"ours = {PACKAGES!r}\n"
        "for name in names:\n"
        "    for loaded in [m for m in sys.modules if m.partition('.')[0] in ours]:\n"
        "        del sys.modules[loaded]\n"
        "    for collector in list(REGISTRY._collector_to_names):  # our metrics register again\n"
        "        REGISTRY.unregister(collector)\n"
        "    importlib.import_module(name)\n"
        "print(len(names))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=90)
    assert result.returncode == 0, result.stderr[-2000:]
    assert int(result.stdout.split()[-1]) == len(names) > 50 // FRESH_IMPORT_SHARES
