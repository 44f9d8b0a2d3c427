"""Test helpers live in tests/support/: no test module imports from another test module."""
from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]


def test_no_test_module_imports_from_another():
    modules = sorted(TESTS.rglob("*.py"))
    assert len(modules) > 100
    offending = []
    for path in modules:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("tests."):
                if node.module.rpartition(".")[2].startswith("test_"):
                    offending.append(f"{path.relative_to(TESTS)}: from {node.module}")
    assert offending == []
