"""What an applicant reads in the chat is written in ``dialogs/render.py`` (one place to review the
wording): the WeChat edge and the applicant's services hand over codes and kinds, never sentences."""
from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHINESE = re.compile(r"[\u4e00-\u9fff]")
# The modules between WeChat and the dialogue. The menu's button names are WeChat's configuration,
# and the transcript's marks ("[照片]") are read by support, not by the applicant.
CHAT_EDGE = [*sorted((ROOT / "bot" / "wechat").glob("*.py")), *sorted((ROOT / "bot" / "applicant").glob("*.py")),
             ROOT / "bot" / "routes" / "wechat.py"]
NOT_CHAT = {ROOT / "bot" / "wechat" / "menu.py"}
TRANSCRIPT_MARKS = {"[语音] ", "[照片]"}


def sentences(path: Path) -> list[str]:
    """The Chinese string literals of a module, docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
            and CHINESE.search(node.value)]


def test_the_chat_edge_holds_no_sentence_of_its_own():
    checked = [path for path in CHAT_EDGE if path not in NOT_CHAT]
    assert len(checked) >= 10
    found = {str(path.relative_to(ROOT)): [s for s in sentences(path) if s not in TRANSCRIPT_MARKS] for path in checked}
    assert {path: texts for path, texts in found.items() if texts} == {}


def test_a_sentence_left_at_the_edge_is_found(tmp_path):
    module = tmp_path / "edge.py"
    module.write_text('"""文档。"""\nREPLY = "系统有点忙"\n\ndef f():\n    """说明。"""\n    return "好的"\n', encoding="utf-8")
    assert sentences(module) == ["系统有点忙", "好的"]
