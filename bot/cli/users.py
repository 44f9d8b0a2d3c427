"""``python -m bot user …``: manage staff, support and admin accounts.

    user add NAME --role staff|support|admin [--password-stdin] [--token-days N]
    user list
    user token NAME [--token-days N]   replace the API token (the old one stops working at once)
    user password NAME       set or replace the console password
    user disable NAME        token, password and console sessions stop working
    user enable NAME

``add`` and ``token`` print the API token as the last line of stdout, for scripts; it is shown only
then (the Store keeps its hash). A token lasts 90 days unless ``--token-days`` says fewer (or more,
up to 365); ``list`` shows when each one expires, and flags those within two weeks of it.
Passwords are read from stdin, never from the command line (which other users of the machine can
see). Every change is written to the audit log as actor "cli".
"""
from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from datetime import datetime, timedelta, timezone

from bot.desk.accounts import (MAX_TOKEN_DAYS, ROLES, TOKEN_LIFETIME, Account, AccountError, audit, create_account,
                          list_accounts, rotate_token, set_disabled, set_password)
from bot.config import from_env
from storage import Store, open_store

ACTOR = "cli"
EXPIRY_WARNING = timedelta(days=14)  # list flags tokens this close to expiring, so they are replaced in time


def main(argv: list[str]) -> int:
    """Run one ``user`` subcommand; 0 on success, 1 when the account operation was refused."""
    args = _parser().parse_args(argv)
    config = from_env()
    config.data_dir.mkdir(parents=True, exist_ok=True)
    store = open_store(config.store_url)
    try:
        args.run(store, args)
    except AccountError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    finally:
        store.close()
    return 0


def _add(store: Store, args: argparse.Namespace) -> None:
    password = _read_password() if args.password_stdin else None
    account, token = create_account(store, args.name, args.role, password, token_days=args.token_days)
    audit(store, ACTOR, "account.add", f"account:{account.name}", {"role": account.role})
    console = "with" if account.has_password else "without"
    print(f"created {account.role} account {account.name} ({console} console password); "
          f"API token, valid until {account.token_expires_at}, shown once:")
    print(token)


def _list(store: Store, _: argparse.Namespace) -> None:
    print(f"{'NAME':<24}{'ROLE':<10}{'STATUS':<10}{'CONSOLE':<10}{'CREATED':<27}TOKEN EXPIRES")
    for account in list_accounts(store):
        status = "disabled" if account.disabled else "active"
        console = "password" if account.has_password else "-"
        expires = account.token_expires_at + _token_warning(account)
        print(f"{account.name:<24}{account.role:<10}{status:<10}{console:<10}{account.created_at:<27}{expires}")


def _token_warning(account: Account) -> str:
    if account.token_expired:
        return " (expired)"
    left = datetime.fromisoformat(account.token_expires_at) - datetime.now(timezone.utc)
    return f" (expires in {left.days} days)" if left < EXPIRY_WARNING else ""


def _token(store: Store, args: argparse.Namespace) -> None:
    account, token = rotate_token(store, args.name, token_days=args.token_days)
    audit(store, ACTOR, "account.token", f"account:{account.name}")
    print(f"new API token for {account.name}, valid until {account.token_expires_at} "
          "(the previous one no longer works), shown once:")
    print(token)


def _password(store: Store, args: argparse.Namespace) -> None:
    account = set_password(store, args.name, _read_password())
    audit(store, ACTOR, "account.password", f"account:{account.name}")
    print(f"console password set for {account.name}")


def _switch(disabled: bool) -> Callable[[Store, argparse.Namespace], None]:
    def run(store: Store, args: argparse.Namespace) -> None:
        account = set_disabled(store, args.name, disabled)
        audit(store, ACTOR, "account.disable" if disabled else "account.enable", f"account:{account.name}")
        print(f"{account.name} is now {'disabled' if disabled else 'active'}")

    return run


def _read_password() -> str:
    """The password typed at a prompt, or piped in (one line; the trailing newline is not part of it)."""
    if sys.stdin.isatty():
        return getpass.getpass("console password: ")
    return sys.stdin.read().rstrip("\r\n")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot user", description="Manage staff, support and admin accounts.")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    add = commands.add_parser("add", help="create an account and print its API token as the last line")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--password-stdin", action="store_true",
                     help="read a console password from stdin (without it the account can use the API only)")
    _token_days_option(add)
    add.set_defaults(run=_add)

    commands.add_parser("list", help="list accounts (never their secrets)").set_defaults(run=_list)
    for name, run, summary in (
        ("token", _token, "replace the API token and print the new one as the last line"),
        ("password", _password, "set or replace the console password (read from stdin); ends its console sessions"),
        ("disable", _switch(True), "stop the account's token, password and console sessions"),
        ("enable", _switch(False), "let a disabled account work again (its old console sessions stay ended)"),
    ):
        command = commands.add_parser(name, help=summary)
        command.add_argument("name")
        if run is _token:
            _token_days_option(command)
        command.set_defaults(run=run)
    return parser


def _token_days_option(command: argparse.ArgumentParser) -> None:
    command.add_argument("--token-days", type=int, metavar="N",
                         help=f"days the API token works (1-{MAX_TOKEN_DAYS}; default {TOKEN_LIFETIME.days})")
