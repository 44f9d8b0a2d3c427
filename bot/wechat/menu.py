"""The official account's menu, and ``python -m bot menu`` to install it.

Each CLICK key is one of bot/wechat/inbound.py's MENU_KEYS, which turns the click into a command.
上传材料 is a VIEW button: it opens the upload page through WeChat's web authorisation
(bot/routes/upload_entry.py), so the applicant neither types a command nor waits for a link.
WeChat allows at most 3 top-level buttons (names up to 16 bytes) of at most 5 sub-buttons each,
so starting and following an application share one sub-menu, and so do the two ways of asking for help.
"""
from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from bot.config import from_env
from bot.runtime import Runtime
from bot.wechat.client import WeChatAPIError

UPLOAD_ENTRY_PATH = "/upload/wechat"


def menu(public_url: str) -> dict[str, Any]:
    """The menu of the deployment reached at ``public_url``."""
    return {
        "button": [
            {"name": "办理", "sub_button": [
                {"type": "click", "name": "开始办理", "key": "START"},
                {"type": "click", "name": "查看进度", "key": "PROGRESS"},
            ]},
            {"type": "view", "name": "上传材料", "url": f"{public_url.rstrip('/')}{UPLOAD_ENTRY_PATH}"},
            {"name": "咨询", "sub_button": [
                {"type": "click", "name": "常见问题", "key": "FAQ"},
                {"type": "click", "name": "人工", "key": "HUMAN"},
            ]},
        ],
    }


def click_keys(layout: dict[str, Any]) -> list[str]:
    """Every CLICK key of the menu ``layout``, top level and sub-menus, in menu order."""
    buttons = [sub for button in layout["button"] for sub in button.get("sub_button") or [button]]
    return [b["key"] for b in buttons if b.get("type") == "click"]


def main(argv: list[str]) -> int:
    """``python -m bot menu [--dry-run]``: install the menu through the configured WeChat API."""
    parser = argparse.ArgumentParser(prog="python -m bot menu", description="Install the official account's menu.")
    parser.add_argument("--dry-run", action="store_true", help="print the menu JSON instead of installing it")
    args = parser.parse_args(argv)
    if args.dry_run:
        print(json.dumps(menu(from_env().public_url), ensure_ascii=False, indent=2))
        return 0

    runtime = Runtime(from_env())
    installed = menu(runtime.config.public_url)
    try:
        runtime.wechat.create_menu(installed)
    except WeChatAPIError as err:
        print(f"菜单创建失败：errcode={err.errcode} {err.errmsg}", file=sys.stderr)
        return 1
    finally:
        runtime.close()
    print("菜单已创建：" + " / ".join(b["name"] for b in installed["button"]))
    return 0
