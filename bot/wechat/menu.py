"""The official account's menu, and ``python -m bot menu`` to install it.

Each CLICK key is one of bot/inbound.py's MENU_KEYS, which turns the click into a command.
WeChat allows at most 3 top-level buttons (names up to 16 bytes) of at most 5 sub-buttons each,
so the two ways of asking for help share one sub-menu.
"""
from __future__ import annotations

import argparse
import json
import sys
from typing import Any

MENU: dict[str, Any] = {
    "button": [
        {"type": "click", "name": "办理", "key": "START"},
        {"type": "click", "name": "进度", "key": "PROGRESS"},
        {"name": "咨询", "sub_button": [
            {"type": "click", "name": "常见问题", "key": "FAQ"},
            {"type": "click", "name": "人工", "key": "HUMAN"},
        ]},
    ],
}


def click_keys(menu: dict[str, Any] = MENU) -> list[str]:
    """Every CLICK key of ``menu``, top level and sub-menus, in menu order."""
    buttons = [sub for button in menu["button"] for sub in button.get("sub_button") or [button]]
    return [b["key"] for b in buttons if b.get("type") == "click"]


def main(argv: list[str]) -> int:
    """``python -m bot menu [--dry-run]``: install the menu through the configured WeChat API."""
    parser = argparse.ArgumentParser(prog="python -m bot menu", description="Install the official account's menu.")
    parser.add_argument("--dry-run", action="store_true", help="print the menu JSON instead of installing it")
    args = parser.parse_args(argv)
    if args.dry_run:
        print(json.dumps(MENU, ensure_ascii=False, indent=2))
        return 0

    from bot.config import from_env
    from bot.runtime import Runtime
    from bot.wechat.client import WeChatAPIError

    runtime = Runtime(from_env())
    try:
        runtime.wechat.create_menu(MENU)
    except WeChatAPIError as err:
        print(f"菜单创建失败：errcode={err.errcode} {err.errmsg}", file=sys.stderr)
        return 1
    finally:
        runtime.close()
    print("菜单已创建：" + " / ".join(click_keys()))
    return 0
