"""``python -m bot chat``: the application dialogue in a terminal, state kept between runs."""
from __future__ import annotations

import argparse
import getpass
import sys

from bot.config import from_env
from bot.runtime import Runtime
from dialogs.events import Text


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot chat", description="Chat with the assistant in a terminal.")
    parser.add_argument("--user", default=f"terminal:{getpass.getuser()}",
                        help="who you are; the conversation is kept under this name between runs")
    args = parser.parse_args(argv)
    runtime = Runtime(from_env())  # the same wiring as the web app: store, knowledge base, effects
    conversations = runtime.conversations
    interactive = sys.stdin.isatty()
    if interactive:
        print("积分助手（终端版）。输入内容后回车；Ctrl-D 退出。")
    first = True
    try:
        while True:
            try:
                line = input("你：" if interactive else "")
            except EOFError:
                break
            if first and not line.strip():
                line = "你好"
            first = False
            for reply in conversations.handle(args.user, Text(line)):
                print(f"助手：{reply}\n", flush=True)
    finally:
        runtime.close()
    return 0
