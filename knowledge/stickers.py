"""WeChat's built-in stickers typed as text ("[捂脸]", "[OK]"), one table (``stickers.yaml``) for the knowledge base,
which drops them, and understanding, which reads the OK sticker alone as "ok" where ok chooses."""
from __future__ import annotations

from pathlib import Path

from knowledge.data_file import read_yaml

_DATA = read_yaml(Path(__file__).with_name("stickers.yaml"))

# Every sticker's name in lower case, as matched in the lowered text (knowledge/dialect.py).
WECHAT_STICKERS = frozenset(str(name).lower() for name in _DATA["names"])
# The OK sticker as it arrives: its name in brackets, in each casing seen, and its old code.
OKAY_CODES = (*(f"[{typed}]" for typed in _DATA["okay"]["typed"]), _DATA["okay"]["old_code"])
if not {str(typed).lower() for typed in _DATA["okay"]["typed"]} <= WECHAT_STICKERS:
    raise ValueError("stickers.yaml: the OK sticker's name is not among the names")
