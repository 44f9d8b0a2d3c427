"""Masking personal data (PIPL): ID numbers and mobile numbers never appear in full in logs,
transcripts shown to support, or staff lists. The full values live only in the application's answers.

A number is masked in every form the validators accept it in (:mod:`dialogs.validators`): after the
same normalisation (full-width folded to half-width, as :func:`dialogs.text.canonical` does, and the
separators they drop: white space, hyphens, brackets; a mobile's +86/0086 prefix), whatever the
grouping — "1101 0519 4912 3100 2X", "(139)1234-5678", "１３８ ００１３ ８０００". Within a run of
digits and separators, neighbouring groups are joined until they make an ID number's 18 characters
or a mobile number's 11 digits; a group is never split, so two numbers written side by side are
each found, and a longer number (an order number, a bank card) is not mistaken for either.
"""
from __future__ import annotations

import re

from dialogs.text import TIMES_SIGNS, to_halfwidth

# What the validators drop before checking a number (parse_id_number: [\s-]; parse_mobile: [\s\-()]),
# and "+" of a mobile's +86 prefix; each also in the full-width form that dialogs.text.to_halfwidth folds
# (Python's \d and \s already take full-width digits and the ideographic space).
SEPARATORS = r"\s\-()+－（）＋"
# (with the multiplication sign and its look-alikes a phone keyboard offers for the X: read as X by dialogs.text)
ID_CHARS = rf"\dXxＸｘ{TIMES_SIGNS}"
MOBILE_PREFIXES = ("0086", "86")  # parse_mobile strips these
ID_LENGTH, MOBILE_LENGTH = 18, 11

# A run: groups of digits (an ID number's X among them), joined by separators; a bracket before
# the first belongs to it ("(139)1234-5678").
_RUN = re.compile(rf"[(（]?\d[{ID_CHARS}]*(?:[{SEPARATORS}]+[{ID_CHARS}]+)*")
_GROUP = re.compile(rf"[{ID_CHARS}]+")
_ID_NUMBER = re.compile(rf"\d{{17}}[\dXx{TIMES_SIGNS}]")
_MOBILE = re.compile(r"1[3-9]\d{9}")
_ENOUGH_DIGITS = re.compile(rf"\d(?:[{SEPARATORS}]*\d){{{MOBILE_LENGTH - 1}}}")  # quick: most texts have none


def mask_id_number(number: str) -> str:
    """110105********002X: region and last four kept, so a person can still tell two apart."""
    return number[:6] + "*" * 8 + number[-4:] if len(number) == ID_LENGTH else "*" * len(number)


def mask_mobile(number: str) -> str:
    """138****8000."""
    return number[:3] + "****" + number[-4:] if len(number) == MOBILE_LENGTH else "*" * len(number)


def _masked_number(digits: str) -> str | None:
    """The masked form of a normalised number that is an ID or mobile number, else None."""
    if _ID_NUMBER.fullmatch(digits):
        return mask_id_number(digits)
    for prefix in ("", *MOBILE_PREFIXES):
        if digits.startswith(prefix) and _MOBILE.fullmatch(digits[len(prefix):]):
            return prefix + mask_mobile(digits[len(prefix):])
    return None


def mask_email(address: str) -> str:
    """wa***@example.com: the first two characters of the name and the whole domain, enough for its owner to
    recognise it in a message that waits in the outbox, not enough for anyone else to write to it."""
    name, at, domain = address.partition("@")
    return f"{name[:2]}***{at}{domain}" if at else mask_text(address)


QUOTE_CHARS = 20


def quoted(text: str) -> str:
    """The start of what the applicant typed, to quote back in a reply (which the transcript keeps):
    masked before it is cut, since a number cut short is no longer recognised as one. A cut is shown
    with "…", and never falls inside a word in Latin letters ("University of Man" reads as a misquote)."""
    whole = mask_text(text.strip())
    if len(whole) <= QUOTE_CHARS:
        return whole
    cut = whole[:QUOTE_CHARS]
    if re.match(r"[A-Za-z]{2}", whole[QUOTE_CHARS - 1:QUOTE_CHARS + 1]):
        cut = re.sub(r"\s*[A-Za-z]+$", "", cut) or cut
    return cut + "…"


def mask_text(text: str) -> str:
    """Any ID number or mainland mobile number inside free text, masked."""
    if _ENOUGH_DIGITS.search(text) is None:
        return text
    pieces, done = [], 0
    for run in _RUN.finditer(text):
        for start, end, masked in _numbers_in(run):
            pieces += [text[done:start], masked]
            done = end
    return "".join(pieces) + text[done:] if pieces else text


def _numbers_in(run: re.Match[str]) -> list[tuple[int, int, str]]:
    """(start, end, masked) of each number in a run of digit groups, left to right; at each group
    the longest join of whole groups that is a number wins."""
    groups = list(_GROUP.finditer(run.group()))
    found, i = [], 0
    while i < len(groups):
        joined, best = "", None
        for j in range(i, len(groups)):
            joined += to_halfwidth(groups[j].group())
            if len(joined) > ID_LENGTH:
                break
            masked = _masked_number(joined)
            if masked is not None:
                best = (j, masked)
        if best is None:
            i += 1
            continue
        j, masked = best
        start = run.start() + (0 if i == 0 else groups[i].start())
        found.append((start, run.start() + groups[j].end(), masked))
        i = j + 1
    return found
