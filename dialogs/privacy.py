"""Masking personal data (PIPL): ID numbers and mobile numbers never appear in full in logs,
transcripts shown to support, or staff lists. The full values live only in the application's answers."""
from __future__ import annotations

import re

# The separators and prefixes the validators accept ("110105 19491231 002X", "+86 138-0013-8000").
# Every reply and transcript line goes through mask_text, so the patterns are written for speed:
# the ID number's "no digit before" check comes after its first six digits (a pattern that starts
# with digits is searched for quickly; one that starts with a look-behind is tried at every
# character), and the mobile pattern, slow for its optional prefixes, runs only on texts holding
# a mobile number's eleven digits (searched for from their leading "1", which is quick).
_ID_NUMBER = re.compile(r"(\d{6})(?<!\d{7})[\s-]?\d{8}[\s-]?(\d{3}[\dXx])(?!\d)")
_MOBILE = re.compile(r"(?<![\d])((?:\+?86|0086)?[\s-]?1[3-9]\d)[\s-]?\d{4}[\s-]?(\d{4})(?!\d)")
_MOBILE_DIGITS = re.compile(r"1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}")


def mask_id_number(number: str) -> str:
    """110105********002X: region and last four kept, so a person can still tell two apart."""
    return number[:6] + "*" * 8 + number[-4:] if len(number) == 18 else "*" * len(number)


def mask_mobile(number: str) -> str:
    """138****8000."""
    return number[:3] + "****" + number[-4:] if len(number) == 11 else "*" * len(number)


def mask_text(text: str) -> str:
    """Any ID number or mainland mobile number inside free text, masked."""
    text = _ID_NUMBER.sub(lambda m: m.group(1) + "*" * 8 + m.group(2), text)
    if _MOBILE_DIGITS.search(text) is None:
        return text
    return _MOBILE.sub(lambda m: m.group(1) + "****" + m.group(2), text)
