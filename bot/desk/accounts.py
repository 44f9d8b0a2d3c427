"""Staff, support and admin accounts: roles, console passwords, API tokens, and the audit log.

Accounts are Store documents of kind ``account`` keyed by name and indexed on ``name`` and
``token_hash``. Secrets never reach the Store in clear: a password is kept as a salted scrypt hash,
an API token only as its sha256 (a 256-bit random token needs no slow hash, and an exact hash lets
``token_hash`` be looked up through the index). A copied database therefore opens no door.

An API token expires (``TOKEN_LIFETIME`` after it was issued, unless issued for fewer days): a
token copied into a script or a ticket and forgotten stops working on its own.

Nothing here imports Flask: the CLI, the web app and the tests share these functions.
"""
from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import cache
from typing import Any

from bot.config import password_hash_log2n
from dialogs import clock
from storage import Store
from storage.base import Doc

KIND = "account"
AUDIT_LOG = ("audit", "all")

ROLES = ("staff", "support", "admin")
ROLE_LABELS = {"staff": "预审人员", "support": "客服", "admin": "管理员"}

NAME_PATTERN = re.compile(r"[a-z0-9][a-z0-9._-]{1,31}")
MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 256

# scrypt at N=2**15 (PASSWORD_HASH_LOG2N=15), r=8 costs ~32 MB and ~65 ms per check here: slow for a
# guesser, fine for a login. The parameters are stored with each hash, so changing the cost later keeps
# old passwords working (the test suite lowers it: it makes hundreds of accounts).
SCRYPT_R, SCRYPT_P = 8, 1
SCRYPT_MAXMEM = 64 * 1024 * 1024
SALT_BYTES = 16
KEY_BYTES = 32

TOKEN_LIFETIME = timedelta(days=90)
MAX_TOKEN_DAYS = 365


class AccountError(ValueError):
    """An account operation that cannot be done as asked; the message says why."""


@dataclass(frozen=True)
class Account:
    """Who is acting: what the web layer puts on ``flask.g.account`` and the audit log records."""

    name: str
    role: str
    disabled: bool
    has_password: bool
    created_at: str
    token_expires_at: str
    # Raised by a password change and by disabling: console sessions started under an older one end.
    session_epoch: int = 0

    @property
    def token_expired(self) -> bool:
        return datetime.fromisoformat(self.token_expires_at) <= datetime.now(timezone.utc)

    @property
    def role_label(self) -> str:
        return ROLE_LABELS[self.role]

    def may_act_as(self, roles: tuple[str, ...]) -> bool:
        """True when this account holds one of ``roles`` (any role when empty); admin may do everything."""
        return not roles or self.role == "admin" or self.role in roles

    @classmethod
    def from_doc(cls, doc: Doc) -> "Account":
        # Accounts from before tokens expired count their token's life from the account's creation.
        expires = doc.get("token_expires_at") or _later(doc["created_at"], TOKEN_LIFETIME)
        return cls(name=doc["name"], role=doc["role"], disabled=doc.get("disabled", False),
                   has_password=doc.get("password") is not None, created_at=doc["created_at"],
                   token_expires_at=expires, session_epoch=doc.get("session_epoch", 0))


# -- reading -----------------------------------------------------------------------
def normalize_name(name: str) -> str:
    """The canonical form of a login name (names are case-insensitive)."""
    return name.strip().lower()


def get_account(store: Store, name: str) -> Account | None:
    """The account called ``name``, or None."""
    doc = store.get(KIND, normalize_name(name))
    return Account.from_doc(doc) if doc else None


def list_accounts(store: Store) -> list[Account]:
    """Every account, by name."""
    return [Account.from_doc(doc) for doc in store.find(KIND)]


def account_for_token(store: Store, token: str) -> Account | None:
    """The account an API token belongs to (disabled ones and expired tokens included: the caller
    says why it refuses)."""
    presented = token_hash(token)
    for doc in store.find(KIND, token_hash=presented):
        # The index already matched the hash; comparing again in constant time keeps the
        # decision itself independent of how a backend compares strings.
        if hmac.compare_digest(doc["token_hash"], presented):
            return Account.from_doc(doc)
    return None


def account_for_password(store: Store, name: str, password: str) -> Account | None:
    """The account when ``password`` is its console password, else None.

    Takes as long for an unknown name, or an account without a password, as for a wrong
    password, so response times do not tell which names exist.
    """
    doc = store.get(KIND, normalize_name(name))
    stored = doc.get("password") if doc else None
    matches = _password_matches(stored or _decoy_password_hash(), password)
    return Account.from_doc(doc) if doc and stored and matches else None


# -- changing ----------------------------------------------------------------------
def create_account(store: Store, name: str, role: str, password: str | None = None, *,
                   token_days: int | None = None) -> tuple[Account, str]:
    """A new account and its API token (shown this once; only its hash is kept), valid for
    ``token_days`` (default: ``TOKEN_LIFETIME``).

    Without a password the account can use the API but not log in to the console.
    """
    name = normalize_name(name)
    if not NAME_PATTERN.fullmatch(name):
        raise AccountError(f"invalid name {name!r}: 2-32 characters, a-z 0-9 . _ -, starting with a letter or digit")
    if role not in ROLES:
        raise AccountError(f"unknown role {role!r}: expected one of {', '.join(ROLES)}")
    token, token_fields = _issue_token(token_days)
    doc = {"name": name, "role": role, "disabled": False, **token_fields,
           "password": _hash_password(password) if password is not None else None, "created_at": _now()}
    # Decided inside the atomic update, so two concurrent adds of one name cannot both succeed.
    created = store.update_with_result(KIND, name, lambda current: (current, False) if current else (doc, True))
    if not created:
        raise AccountError(f"an account named {name!r} already exists")
    return Account.from_doc(doc), token


def rotate_token(store: Store, name: str, *, token_days: int | None = None) -> tuple[Account, str]:
    """A new API token for the account, valid for ``token_days`` (default: ``TOKEN_LIFETIME``);
    the previous one stops working at once."""
    token, token_fields = _issue_token(token_days)
    return _change(store, name, **token_fields), token


def set_password(store: Store, name: str, password: str) -> Account:
    """Set or replace the account's console password; every console session of the account ends
    (whoever knew the old password may be logged in with it)."""
    return _change(store, name, end_sessions=True, password=_hash_password(password))


def set_disabled(store: Store, name: str, disabled: bool) -> Account:
    """Disable (or re-enable) an account: its token and password stop (or start) working, and its
    console sessions end for good (re-enabling does not bring them back)."""
    return _change(store, name, end_sessions=True, disabled=disabled)


def _change(store: Store, name: str, *, end_sessions: bool = False, **fields: Any) -> Account:
    name = normalize_name(name)

    def change(current: Doc | None) -> Doc | None:
        if current is None:
            return None
        epoch = current.get("session_epoch", 0) + (1 if end_sessions else 0)
        return {**current, **fields, "session_epoch": epoch}

    doc = store.update(KIND, name, change)
    if doc is None:
        raise AccountError(f"no account named {name!r}")
    return Account.from_doc(doc)


# -- secrets -----------------------------------------------------------------------
def _issue_token(days: int | None) -> tuple[str, Doc]:
    """A fresh token and the fields the account keeps of it: its hash and its expiry."""
    if days is not None and not 1 <= days <= MAX_TOKEN_DAYS:
        raise AccountError(f"a token lasts 1-{MAX_TOKEN_DAYS} days")
    token = new_token()
    lifetime = TOKEN_LIFETIME if days is None else timedelta(days=days)
    return token, {"token_hash": token_hash(token), "token_expires_at": _later(_now(), lifetime)}


def new_token() -> str:
    """A fresh random API token."""
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    """What the Store keeps of a token."""
    return hashlib.sha256(token.encode()).hexdigest()


def _hash_password(password: str) -> Doc:
    if not MIN_PASSWORD_LENGTH <= len(password) <= MAX_PASSWORD_LENGTH:
        raise AccountError(f"a password needs {MIN_PASSWORD_LENGTH}-{MAX_PASSWORD_LENGTH} characters")
    salt = secrets.token_bytes(SALT_BYTES)
    params = {"n": 2 ** password_hash_log2n(), "r": SCRYPT_R, "p": SCRYPT_P}
    return {"scheme": "scrypt", **params, "salt": salt.hex(), "hash": _scrypt(password, salt, params).hex()}


def _password_matches(stored: Mapping[str, Any], password: str) -> bool:
    params = {"n": stored["n"], "r": stored["r"], "p": stored["p"]}
    candidate = _scrypt(password, bytes.fromhex(stored["salt"]), params)
    return hmac.compare_digest(candidate, bytes.fromhex(stored["hash"]))


def _scrypt(password: str, salt: bytes, params: Mapping[str, int]) -> bytes:
    return hashlib.scrypt(password.encode(), salt=salt, maxmem=SCRYPT_MAXMEM, dklen=KEY_BYTES, **params)


@cache
def _decoy_password_hash() -> Doc:
    """A hash no password is known for, checked against when there is no real one."""
    return _hash_password(secrets.token_urlsafe(32))


# -- audit -------------------------------------------------------------------------
def audit(store: Store, account: Account | str, action: str, target: str, detail: Mapping[str, Any] | None = None) -> Doc:
    """Record that ``account`` did ``action`` to ``target`` (e.g. "review.return", "application:42").

    ``account`` is an Account, or the name of a non-human actor such as "system" (scheduled jobs)
    or "cli". ``detail`` is any JSON-able mapping (reasons, previous status). Returns the entry.
    """
    actor, role = (account.name, account.role) if isinstance(account, Account) else (account, None)
    entry = {"at": _now(), "actor": actor, "role": role, "action": action, "target": target, "detail": dict(detail or {})}
    store.append(*AUDIT_LOG, entry)
    return entry


def audit_trail(store: Store, last: int | None = None) -> list[Doc]:
    """The audit log, oldest first; only the newest ``last`` entries when given."""
    return store.read_log(*AUDIT_LOG, last=last)


def _now() -> str:
    return clock.stamp(clock.now())


def _later(moment: str, by: timedelta) -> str:
    return (datetime.fromisoformat(moment) + by).isoformat(timespec="seconds")
