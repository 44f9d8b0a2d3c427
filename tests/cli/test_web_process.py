"""The web process runs without docstrings (``-OO``: a few MB less in every gunicorn worker), started the
same way by the Procfile, ``python -m bot serve`` and the end-to-end tests, and the app works so."""
from __future__ import annotations

import shlex
import subprocess
import sys
import textwrap
from pathlib import Path

from bot.server.serve import INTERPRETER_FLAGS, gunicorn_command

ROOT = Path(__file__).resolve().parents[2]


def test_the_procfile_and_serve_start_the_web_process_without_docstrings():
    web = next(line.partition(":")[2] for line in (ROOT / "Procfile").read_text().splitlines() if line.startswith("web:"))
    procfile = shlex.split(web)
    served = gunicorn_command(Path("bot/server/gunicorn_conf.py"))
    assert "-OO" in INTERPRETER_FLAGS
    assert procfile[0] == "python" and procfile[1:] == served[1:]


def test_the_app_loads_and_answers_a_walk_without_docstrings():
    # what gunicorn's master does before it forks (the app built and warmed), then a walk through the
    # dialogue up to the checklist and a question to the knowledge base, under the web process's flags
    script = textwrap.dedent("""
        import sys
        from bot.app import create_app
        from knowledge import load_default
        from tests.support.chat import play
        print("optimize", sys.flags.optimize, create_app.__doc__ is None)
        create_app().extensions["runtime"].warm_up()
        walk = ("你好", "积分新办", "2027-08-25", "同意", "李四", "11010519491231002X", "上海某某贸易有限公司", "0",
                "未婚", "13800138000", "无", "学历", "是", "否", "硕士", "同济大学", "确认", "徐汇的材料交到哪里")
        for end in (16, 17, 18):
            print(*play(load_default(), *walk[:end]).replies)
    """)
    done = subprocess.run([sys.executable, *INTERPRETER_FLAGS, "-c", script], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "optimize 2 True" in done.stdout
    assert "请核对您填写的信息" in done.stdout and "材料清单" in done.stdout and "徐汇" in done.stdout
