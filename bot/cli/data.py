"""``python -m bot data …``: personal data, for the operator: an applicant's rights (PIPL), and the
key it is kept encrypted under.

    data export --user OPENID [--files-to DIR]   everything kept about the applicant, as JSON on stdout;
                                                 with --files-to, their material PDFs as DIR/<sha256>.pdf
    data delete --user OPENID                    delete it all (files too, unless another application
                                                 uses the same content); the audit log records the
                                                 user's hash and counts only
    data key                                     print a new DATA_KEY (a Fernet key) for the environment
    data rekey                                   after a new key was put first in DATA_KEY ("new,old"),
                                                 encrypt everything again under it; then the old key
                                                 can be dropped from DATA_KEY; without DATA_KEY, from the
                                                 old development key to the generated one (bot.keys)

Exit status: 0 done; 1 when an export found nothing for that openid (often a mistyped one).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bot.observe import logs
from bot.desk.accounts import audit
from bot.config import from_env
from bot.desk.data_rights import copy_files, delete_user, export_user, holds_data
from bot.observe.logs import user_hash
from bot.runtime import Runtime
from dialogs import clock

ACTOR = "cli"


def main(argv: list[str]) -> int:
    """Run one ``data`` subcommand."""
    args = _parser().parse_args(argv)
    if args.command == "key":
        from cryptography.fernet import Fernet

        print(Fernet.generate_key().decode())
        return 0
    runtime = Runtime(from_env())
    logs.configure(runtime.config.log_level)
    try:
        return {"export": _export, "delete": _delete, "rekey": _rekey}[args.command](runtime, args)
    finally:
        runtime.close()


def _export(runtime: Runtime, args: argparse.Namespace) -> int:
    export = export_user(runtime.store, runtime.files, args.user, clock.now())
    copied = 0
    if args.files_to is not None:
        copied = copy_files(runtime.files, export, args.files_to)
        print(f"{copied} files copied to {args.files_to}", file=sys.stderr)
    # Who took a copy of someone's personal data is itself worth keeping (without the data).
    audit(runtime.store, ACTOR, "data.export", f"user:{user_hash(args.user, runtime.config.secret_key)}",
          {"applications": len(export.get("applications") or []), "files_copied": copied})
    json.dump(export, sys.stdout, ensure_ascii=False, indent=2)
    print()
    if not holds_data(export):
        print("nothing is stored for this user (is the openid right?)", file=sys.stderr)
        return 1
    return 0


def _delete(runtime: Runtime, args: argparse.Namespace) -> int:
    deletion = delete_user(runtime.store, runtime.files, args.user, actor=ACTOR,
                           secret_key=runtime.config.secret_key)
    print(", ".join(f"{name.replace('_', ' ')}: {count}" for name, count in vars(deletion).items()))
    return 0


def _rekey(runtime: Runtime, _args: argparse.Namespace) -> int:
    done = runtime.store.rekey()
    audit(runtime.store, ACTOR, "data.rekey", "store", done)
    print(", ".join(f"{name}: {count}" for name, count in done.items()))
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot data", description="Personal data: an applicant's rights (PIPL), and its encryption key.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    export = commands.add_parser("export", help="everything kept about an applicant, as JSON on stdout")
    export.add_argument("--user", required=True, metavar="OPENID")
    export.add_argument("--files-to", type=Path, metavar="DIR", help="also copy their material files here")
    delete = commands.add_parser("delete", help="delete everything kept about an applicant")
    delete.add_argument("--user", required=True, metavar="OPENID")
    commands.add_parser("key", help="print a new DATA_KEY")
    commands.add_parser("rekey", help="encrypt everything again under DATA_KEY's first key")
    return parser
