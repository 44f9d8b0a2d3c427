"""The secret keys a deployment runs with when its environment names none: made at first start,
kept under ``DATA_DIR``, reused at every start after.

``SECRET_KEY`` (signs upload links and console cookies) and ``DATA_KEY`` (encrypts personal data)
once defaulted to a development value written in this repository, so anyone could forge an upload
link or read a copied store. Now an unset key is a random one from ``DATA_DIR/secret-keys.json``:
written once, with owner-only permissions (0600), by whichever process starts first (the file is
linked into place whole, so a process starting at the same moment reads the same keys, never half
a file). The environment still wins, key by key.

A store that existed before this file (it may hold data written under the old development key)
keeps that key in the file's ``old_data_keys``: it decrypts, it never encrypts, and ``python -m bot
data rekey`` moves everything to the new key, after which the entry can be deleted.
"""
from __future__ import annotations

import base64
import json
import logging
import os
import secrets
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from cryptography.fernet import Fernet

log = logging.getLogger(__name__)

KEYS_FILE = "secret-keys.json"
OWNER_ONLY = 0o600


@dataclass(frozen=True)
class StoredKeys:
    secret_key: str
    data_key: str
    old_data_keys: tuple[str, ...]

    @property
    def decryption_keys(self) -> str:
        """DATA_KEY's form: the key that encrypts first, then the ones that only decrypt."""
        return ",".join((self.data_key, *self.old_data_keys))


class KeysFileError(ValueError):
    """The keys file exists but cannot be used; the message names it."""


def stored_keys(data_dir: Path, *, old_data_keys: tuple[str, ...] = ()) -> StoredKeys:
    """The keys kept under ``data_dir``, made now if there are none (with ``old_data_keys`` to
    decrypt what an earlier key wrote)."""
    path = data_dir / KEYS_FILE
    if not path.exists():
        _create(path, old_data_keys)
    elif path.stat().st_mode & 0o077:
        log.warning("%s can be read by other users of this machine: chmod 600 it (it holds SECRET_KEY and DATA_KEY)",
                    path)
    try:
        saved = json.loads(path.read_text(encoding="utf-8"))
        return StoredKeys(saved["secret_key"], saved["data_key"], tuple(saved.get("old_data_keys") or ()))
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise KeysFileError(f"{path}: cannot read the generated SECRET_KEY and DATA_KEY ({err}); restore it from "
                            f"its backup, or set SECRET_KEY and DATA_KEY in the environment") from None


def _create(path: Path, old_data_keys: tuple[str, ...]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    keys = {"secret_key": secrets.token_urlsafe(48), "data_key": Fernet.generate_key().decode(),
            "old_data_keys": list(old_data_keys), "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds")}
    draft = path.with_name(f".{path.name}.{os.getpid()}.{base64.b32encode(os.urandom(5)).decode()}")
    fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_ONLY)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(keys, out, indent=2)
            out.flush()
            os.fsync(out.fileno())
        os.link(draft, path)  # fails if another process was first: then its keys are the ones
    except FileExistsError:
        return
    finally:
        draft.unlink(missing_ok=True)
    log.warning("generated a random SECRET_KEY and DATA_KEY and saved them in %s (mode 0600): back this file up, "
                "apart from the data; without it the stored personal data cannot be read", path)
