"""``python -m bot <command>``: the assistant's command line."""
from __future__ import annotations

import sys
from collections.abc import Callable
from importlib import import_module
from importlib.metadata import version

from bot.config import ConfigError

# command -> "module:function" taking argv and returning an exit code; imported on use so one
# command's dependencies never slow down another.
COMMANDS: dict[str, tuple[str, str]] = {
    "serve": ("bot.server.serve:main", "run the web app (WeChat callback, API, console) on $PORT"),
    "prepare": ("bot.cli.prepare:main", "build and keep what a start would otherwise build (run once per release)"),
    "chat": ("bot.cli.chat:main", "chat with the assistant in this terminal"),
    "kb": ("knowledge.check:main", "knowledge base tools: `kb check` validates the entries"),
    "wechat-sim": ("bot.dev.simulator:main", "chat with a running bot as a simulated WeChat user (signed XML)"),
    "wechat-stub": ("bot.dev.wechat_stub:main", "run the local stand-in of WeChat's HTTP API on 127.0.0.1"),
    "user": ("bot.cli.users:main", "staff/support/admin accounts: `user add NAME --role staff` prints its API token"),
    "worker": ("bot.background.worker:main", "run background jobs and scheduled tasks (the Procfile's worker)"),
    "menu": ("bot.wechat.menu:main", "create the official account's menu through WeChat's API"),
    "data": ("bot.cli.data:main", "an applicant's data rights: `data export|delete --user OPENID`, `data key`"),
}


def _resolve(target: str) -> Callable[[list[str]], int]:
    module, _, func = target.partition(":")
    return getattr(import_module(module), func)


def usage() -> str:
    lines = ["usage: jifen <command> [options]   (or: python -m bot <command>)", "", "commands:"]
    lines += [f"  {name:<14}{summary}" for name, (_, summary) in COMMANDS.items()]
    lines += ["", "options:", "  -h, --help    this help; `jifen <command> --help` for a command's own",
              "  --version     the installed version"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run one command; the exit code follows the usual conventions (0 ok, 2 a usage error)."""
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] in ("-h", "--help"):
        print(usage())
        return 0
    if argv[0] == "--version":
        print(f"jifen {version('jifen-zhushou')}")
        return 0
    if argv[0] not in COMMANDS:
        print(f"jifen: unknown command {argv[0]!r}\n\n{usage()}", file=sys.stderr)
        return 2
    try:
        return _resolve(COMMANDS[argv[0]][0])(argv[1:])
    except ConfigError as err:
        print(f"configuration error: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
