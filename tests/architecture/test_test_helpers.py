"""Test helpers live in tests/support/: no test module imports from another test module or from a
conftest (a conftest's fixtures reach its own folder by pytest's lookup; what several folders share
is a helper, and helpers have one home)."""
from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]


def imports_of_test_modules(path: Path) -> list[str]:
    """The test modules and conftests ``path`` imports from, anywhere in it (inside functions too)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = [node.module] if isinstance(node, ast.ImportFrom) and node.module else \
            [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
        for name in names:
            last = name.rpartition(".")[2]
            if name.startswith("tests.") and (last.startswith("test_") or last == "conftest"):
                found.append(name)
    return found


def test_no_test_module_imports_from_another_or_from_a_conftest():
    modules = sorted(TESTS.rglob("*.py"))
    assert len(modules) > 100
    offending = {str(path.relative_to(TESTS)): found for path in modules if (found := imports_of_test_modules(path))}
    assert offending == {}


def test_an_import_from_a_conftest_or_a_test_module_is_found(tmp_path):
    module = tmp_path / "test_example.py"
    module.write_text("from tests.api.conftest import make_application\nimport tests.e2e.test_wechat_e2e\n"
                      "def f():\n    from tests.conftest import Stub\n\nfrom tests.support.chat import Chat\n")
    assert sorted(imports_of_test_modules(module)) == ["tests.api.conftest", "tests.conftest", "tests.e2e.test_wechat_e2e"]
