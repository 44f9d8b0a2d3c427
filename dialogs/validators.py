"""Parsers for every answer: canonical text in, a clean value out, or a ValidationError
whose message tells the applicant exactly what to fix."""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

import cn2an
import phonenumbers
from email_validator import EmailNotValidError, validate_email
from stdnum import numdb
from stdnum.cn import ric
from stdnum.exceptions import InvalidComponent, ValidationError as _StdnumError

from dialogs import clock
from dialogs.asking import asks
from dialogs.intents import REPLY_WORDS
from dialogs.privacy import quoted
from dialogs.text import groups_kept, to_halfwidth, to_simplified, written_in_traditional


class ValidationError(ValueError):
    """An answer that cannot be accepted; ``message`` is shown to the applicant as is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Offered(ValidationError):
    """An answer not taken, with the one option it most likely meant offered for a yes ("…可能是：2.配偶为本市户籍"):
    ``value`` is what that yes records."""

    def __init__(self, message: str, value: Any) -> None:
        super().__init__(message)
        self.value = value


class Refused(ValidationError):
    """A message understood as not this answer ("硕士在读" is no 硕士 had): no guess may fill the
    value from its words."""


# -- dates -------------------------------------------------------------------
# "居住证到期是…", "证到…", "我的证明年…到期", "到期二零二七年…" (voice input: its numerals are read only once the lead-in is cut)
DATE_LEAD_IN = r"(?:(?:卡|证|证件|居住证)?上面?(?:写的|印的|写着|印着))?(?:我的)?(?:居住证|证件|证)?(?:的)?(?:有效期|到期(?:日期|时间|日)?)?(?:其实|实际上?|应该|确实)?(?:是|为)?(?:到|至|截止到?|截至)?[:：]?"
# The day pointed at ("明年5月20号那天到期") or its end said after the date ("下个月20号就到了", "…号截止"): the date alone is read.
# A sentence particle after the date is no part of it ("28年1月20日嘞", Shanxi's 了; "…号到期的").
_DATE_TAIL = re.compile(r"(?:那一?天|当天)?(?:(?:就|才|快要?)?(?:到期|到|过期|截止)|为止|止)?的?(?:了|嘞|咧|哩|啦|呢|哦|噢)*$")
_DATE_PATTERNS = (
    re.compile(r"^(\d{4})\s*[-/.\s年]\s*(\d{1,2})\s*[-/.\s月]\s*(\d{1,2})\s*[日号]?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
    # "27年8月25日": a two-digit year only with 年 after it ("27-8-25" could be read either way).
    # The one date asked for is a permit's end, so it is this century.
    re.compile(r"^(\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$"),
)
_CN_NUMERALS = re.compile(r"[零〇一二两三四五六七八九十廿卅]+")
# A two-digit year without 年 ("27.11.8", "27-11-08"): the permit's end is this century's, read as 2027-11-08 and
# said back (as "27年11月8号" is); the other reading (8 November 2027 written day first) is no date a permit shows.
_SHORT_YEAR = re.compile(r"^(\d{2})[-/.](\d{1,2})[-/.](\d{1,2})$")


# The year written last, as in English ("8/25/2027" or "25/8/2027").
_YEAR_LAST = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")


# Dates said from today ("明年8月1号", "下个月底", "明年的今天"): a year or a month counted from now,
# then a day, the month's or the year's end. Vaguer words ("明年年初", "下个月中") stay unread.
_YEARS_FROM_NOW = {"今年": 0, "明年": 1, "后年": 2, "大后年": 3}
_MONTHS_FROM_NOW = {"这个月": 0, "本月": 0, "下个月": 1, "下月": 1, "下下个月": 2, "下下月": 2}
_IN_A_YEAR = re.compile(r"^(大后年|后年|明年|今年)(?:的)?(?:(\d{1,2})(?:月份?(?:的)?|[./\-](?=\d))(?:(\d{1,2})[日号]?|(底|末))|"  # "明年12.31"
                        r"(?:年)?(底|末)|(今天))$")
# Holidays on a fixed day, said for the date ("明年五一", "后年国庆"); the year is still needed.
_HOLIDAYS = {"元旦": "1月1号", "五一": "5月1号", "劳动节": "5月1号", "国庆节": "10月1号", "国庆": "10月1号"}
_HOLIDAY = re.compile("|".join(sorted(_HOLIDAYS, key=len, reverse=True)) + r"(?=节|$|到期|过期|前后)")
_HEDGES = re.compile(r"^(?:大概|应该|好像|差不多|估计)(?:是|在)?|(?:吧|左右|的样子)$")


def hedged(text: str) -> bool:
    """Whether an answer is said with a hedge ("应该是吧", "好像不是"): what is saved from it is said back."""
    return bool(_HEDGES.search(text.strip(" 。.!！~～")))


# A date said in part: the month without the day ("2027年5月", "明年3月份"), the day without the year.
# A year and month without the day, alone or as where a sentence says the permit runs to ("上月刚签过 到2027年11月").
_NO_DAY = re.compile(r"^(?:.*?(?:到|至))?(?:\d{2}|\d{4}|今年|明年|后年|大后年)年?[-/.]?\d{1,2}月份?(?:左右|前后|中旬|上旬|下旬|初|中)?"
                     r"(?:到期|为止)?$")
# The year alone, as where the permit runs to ("到2029年", "2029年到期"): the day is asked for as above.
_NO_MONTH = re.compile(r"^(?:.*?(?:到|至))?(?:\d{4}|\d{2}年|今年|明年|后年|大后年)年?(?:到期|为止)?$")
_NO_YEAR = re.compile(r"^\d{1,2}月\d{1,2}[日号]?$")
# The year's end with its year written ("2027年底", "到27年年底"): which day of December is asked, the year said back.
_YEAR_END = re.compile(r"^(?:.*?(?:到|至))?(\d{4}|\d{2})年(?:年|的)?(?:底|末)$")
# The letter O (or o) typed for the digit 0 beside a digit, a phone keyboard's slip ("2O27-O8-15").
_LETTER_FOR_ZERO = re.compile(r"[Oo](?=\d|[Oo]\d)|(?<=\d)[Oo]")
_IN_A_MONTH = re.compile(r"^(下下个月|下下月|下个月|下月|这个月|本月)(?:的)?(?:(\d{1,2})[日号]|(底|末))$")
# A month's end with its year written ("2027年6月底", "27年6月底": a two-digit year only with 年): its last day.
_MONTH_END = re.compile(r"^(\d{4}年?|\d{2}年)[-/.]?(\d{1,2})月份?(?:的)?(?:底|末)$")


def parse_date(text: str, *, today: date | None = None) -> date:
    """2027-08-25, 2027/8/25, 2027.8.25, 2027年8月25日, 20270825 (full-width digits already folded),
    27年8月25日, 二〇二七年八月二十五日, also as the permit card words it ("有效期至2027-08-25",
    "2027年8月25日到期"), and counted from ``today`` (Shanghai's by default): "明年8月1号",
    "下个月底", "明年的今天"."""
    cleaned = _DATE_TAIL.sub("", answer_only(text, DATE_LEAD_IN))
    cleaned = re.sub(r"(?<=年)的", "", cleaned)  # "二七年的10月20号": the year's 的 is no part of the date
    cleaned = _HOLIDAY.sub(lambda holiday: _HOLIDAYS[holiday.group()], cleaned)  # "明年五一" before 五一 becomes 51
    cleaned = _CN_NUMERALS.sub(_as_digits, cleaned)  # 二〇二七年八月廿五日 → 2027年8月25日
    for pattern in _DATE_PATTERNS:
        m = pattern.match(cleaned)
        if m:
            year, month, day = (int(g) for g in m.groups())
            year += 2000 if year < 100 else 0
            return _valid_date(year, month, day)
    said = _HEDGES.sub("", cleaned.replace(" ", ""))
    relative = _from_today(said, today or clock.today())
    if relative is not None:
        return relative
    if month_end := _MONTH_END.match(said):
        year, month = int(month_end.group(1).rstrip("年")), int(month_end.group(2))
        year += 2000 if year < 100 else 0
        if 1 <= month <= 12:  # its last day ("9999年12月底" too: no day after it is computed)
            return _valid_date(year, month, calendar.monthrange(year, month)[1])
    if year_last := _YEAR_LAST.match(said):  # "8/25/2027", "25/8/2027": the day is the number a month cannot be
        first, second, year = (int(g) for g in year_last.groups())
        if (first > 12) != (second > 12):
            month, day = (second, first) if first > 12 else (first, second)
            return _valid_date(year, month, day)
        if first <= 12 and second <= 12 and first != second:  # "8/5/2027": 8月5日 or 5月8日, asked
            raise ValidationError(f"请按“年-月-日”填写：是 {year}年{first}月{second}日 还是 {year}年{second}月{first}日？"
                                  f"例如回复 {year}-{first:02d}-{second:02d}。")
        if first == second:
            return _valid_date(year, first, second)
    if short := _SHORT_YEAR.match(said):  # "27.11.8": 2027-11-08, said back by the reply that records it
        year, month, day = (int(g) for g in short.groups())
        return _valid_date(2000 + year, month, day)
    if year_end := _YEAR_END.match(said):
        year = int(year_end.group(1)) + (2000 if len(year_end.group(1)) == 2 else 0)
        raise ValidationError(f"{year}年底是哪一天？请写到具体的年、月、日（居住证上印有到期的日期），例如 {year}年12月31日。")
    if _NO_DAY.match(said) or _NO_MONTH.match(said):
        raise ValidationError("请写到具体哪一天（居住证上印有到期的年、月、日），例如 2027年8月25日。")
    if _NO_YEAR.match(said):
        raise ValidationError("请把年份也写上，例如 2027年8月25日。")
    if _LETTER_FOR_ZERO.search(cleaned):  # "2O27-O8-15": the letter O typed for 0, offered, never taken unasked nor
        # read from a part of it ("2027.6.3O" is no 2027-06-03): Refused
        try:
            meant = parse_date(_LETTER_FOR_ZERO.sub("0", cleaned), today=today)
        except ValidationError:
            pass
        else:
            raise Refused(f"日期里有字母 O，是数字 0 吧？如果是 {meant.year}年{meant.month}月{meant.day}日，"
                                  f"请回复 {meant:%Y-%m-%d}。")
    if (left := _time_left(said, today or clock.today())) is not None:
        raise ValidationError(left)
    raise ValidationError("没看懂这个日期。请按“年-月-日”填写，例如 2027-08-25 或 2027年8月25日。")


# How long the permit still runs, said instead of its date ("还有两年到期", "还剩3个月", "一年半左右"): what that comes to
# from today is said, and the date printed on the card asked for (try14 T19: it was "没看懂这个日期").
_TIME_LEFT = re.compile(r"^(?:还有|还剩下?|剩下?|还能用|差不多|大约|大概)*(\d{1,3}|半)(?:个)?(年|月|天|周|星期)(半)?(?:多|左右|不到)?"
                        r"(?:就|才|后|以后)?(?:到期|过期|有效|截止)?(?:了|吧|呢)*$")


def _time_left(said: str, today: date) -> str | None:
    """What a time left said instead of the date comes to (a month from years or months, a day from days or weeks),
    and the exact date asked for as the card prints it; None when ``said`` is no such time."""
    m = _TIME_LEFT.match(said.replace("居住证", "").replace("有效期", ""))
    if m is None:
        return None
    number, unit, half = m.groups()
    amount = 0.5 if number == "半" else int(number) + (0.5 if half else 0)
    if unit in ("年", "月"):
        months = round(amount * (12 if unit == "年" else 1))
        if not 0 < months <= 12 * 30:
            return None
        then = add_months(today, months)
        when = f"{then.year}年{then.month}月前后"
    else:
        days = round(amount * (7 if unit in ("周", "星期") else 1))
        if not 0 < days <= 3650:
            return None
        then = today + timedelta(days=days)
        when = f"{then.year}年{then.month}月{then.day}日前后"
    return (f"按今天算，大约是{when}到期。这里需要居住证上印的确切截止日期（年、月、日），麻烦看一下证件上的有效期，"
            "照着填就好，例如 2027年8月25日。")


# The part of a permit date a refused answer gave, for the day sent next without it: a year's end ("2027年底",
# "到27年年底": December of it), a year and month ("2028年3月"), a year alone ("2027年2月30日" refused); the year
# in four digits, or two before 年, or counted from today ("明年3月").
_PART_YEAR_END = re.compile(r"((?:19|20)\d{2}|(?<!\d)\d{2}(?=年))年?(?:年|的)?(?:底|末)")
_PART_YEAR_MONTH = re.compile(r"((?:19|20)\d{2}|(?<!\d)\d{2}(?=年))\s*[年\-/.]\s*(\d{1,2})\s*月?(?!\d)")
_PART_YEAR = re.compile(r"((?:19|20)\d{2})\s*[年\-/.]|(?<!\d)(\d{2})年")
_PART_FROM_NOW = re.compile(r"(大后年|后年|明年|今年)(?:的)?(?:年?(底|末)|(\d{1,2})月)?")


def _full_year(year: str) -> int:
    return int(year) + (2000 if len(year) == 2 else 0)


def date_part_said(text: str, *, today: date | None = None) -> tuple[int, int | None] | None:
    """(year, month or None) of a permit date given in part or refused, or None when no year is in it."""
    said = _CN_NUMERALS.sub(_as_digits, to_halfwidth(text))
    if end := _PART_YEAR_END.search(said):
        return _full_year(end.group(1)), 12
    if (part := _PART_YEAR_MONTH.search(said)) and 1 <= int(part.group(2)) <= 12:
        return _full_year(part.group(1)), int(part.group(2))
    if year := _PART_YEAR.search(said):
        return _full_year(year.group(1) or year.group(2)), None
    if relative := _PART_FROM_NOW.search(said):
        word, year_end, month = relative.groups()
        year = (today or clock.today()).year + _YEARS_FROM_NOW[word]
        return year, 12 if year_end else int(month) if month and 1 <= int(month) <= 12 else None
    return None


def _from_today(said: str, today: date) -> date | None:
    """A date said from today, or None when ``said`` is none."""
    in_year = _IN_A_YEAR.match(said)
    if in_year:
        word, month, day, month_end, year_end, same_day = in_year.groups()
        year = today.year + _YEARS_FROM_NOW[word]
        if same_day:
            return add_months(today, 12 * _YEARS_FROM_NOW[word])
        if year_end:
            return date(year, 12, 31)
        if month_end:
            return add_months(date(year, int(month), 1), 1) - timedelta(days=1)
        return _valid_date(year, int(month), int(day))
    in_month = _IN_A_MONTH.match(said)
    if in_month:
        word, day, month_end = in_month.groups()
        first = add_months(today.replace(day=1), _MONTHS_FROM_NOW[word])
        if month_end:
            return add_months(first, 1) - timedelta(days=1)
        return _valid_date(first.year, first.month, int(day))
    return None


def _valid_date(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise ValidationError(f"{year}年{month}月{day}日不是有效的日期，请检查月份和日期。") from None


def _as_digits(numerals: re.Match[str]) -> str:
    number = _number(numerals.group().replace("廿", "二十").replace("卅", "三十"))
    return numerals.group() if number is None else str(number)


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, clamped to the month's end (1月31日 + 1 → 2月28/29日)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


# -- identity ----------------------------------------------------------------
# A number asked for and none given: what is needed, and that the application waits meanwhile.
NO_NUMBER_YET = "这里需要您的{what}，直接发送号码即可；暂时不方便的话可以回复“暂停”，之后回来接着填。"
ID_AGE_RANGE = (16, 100)  # an applicant's age in full years: old enough to work, and alive
# Below it an accepted number is likely a child's or mistyped (16- and 17-year-olds rarely apply): said back to check.
ID_ADULT_AGE = 18
_ID_SEPARATORS = re.compile(r"[\s\-‐‑–—_.]")


# Digits in words about the number, not of it ("老的15位", "18位的").
_DIGITS_SAID = re.compile(r"\d(?=\d?位)")


# Words saying the number given is not all of it ("后3位忘了", "最后几位记不清", "少了两位", "不全").
_SAID_INCOMPLETE = re.compile(r"忘|不记得|记不(?:得|清|住|起)|想不起|不全|不完整|没记全|少了|缺了?\S{0,2}位|还差")


def _old_id_number(number: str) -> str:
    """The reason a 15-digit first-generation number is refused, with the 18-digit one it becomes: 19 put
    before the two-digit birth year and a check digit after, as the numbers were lengthened; the card decides."""
    longer = number[:6] + "19" + number[6:]
    return (f"这是15位的一代身份证号码，已停用，请填写18位的居民身份证号码。一般是在出生年份前加“19”、末尾加一位校验码，"
            f"按您的15位号码应为 {longer}{ric.calc_check_digit(longer + '0')}，请以身份证上的为准。")


_NUMBER_SHAPES = {"身份证号码": "18位（最后一位可能是 X）", "手机号码": "11位，以 1 开头"}


def not_the_number_named(named: str, number: str, shaped: str) -> str:
    """Why a number called ``named`` ("身份证13800138000") is not kept: its shape is ``shaped``'s, not the one named."""
    return (f"您说的是{named}，但 {number} 是{len(number)}位，看起来像{shaped}。{named}应为{_NUMBER_SHAPES[named]}，"
            f"请核对后重新发送；如果这就是您的{shaped}，请写明“{shaped[:-2]}”再发一次。")


_ID_SHAPE = re.compile(r"\d{17}[\dX]")  # compiled once, as parse_mobile's steps


def parse_id_number(text: str, *, today: date | None = None) -> str:
    """An 18-character resident ID number: a real birth date, a valid check digit (x or X), an age
    of 16 to 100 on ``today`` (Shanghai's today by default). Full-width digits, spaces and hyphens
    are accepted; the value is returned as 18 characters with X upper-case.

    The region code is never a reason to refuse: python-stdnum's history table refuses genuine
    numbers whose code changed after the holder's birth (Chongqing 50xxxx before 1997, Pudong
    310115 before 1992, Dongguan 441900 before 1988). :func:`id_number_notes` tells staff instead."""
    number = _ID_SEPARATORS.sub("", answer_only(to_halfwidth(text), ID_LEAD_IN)).upper()
    if not _ID_SHAPE.fullmatch(number):
        digits = len(re.sub(r"\D", "", _DIGITS_SAID.sub("", number)))
        if not digits:  # "身份证不在身边": no number at all, so nothing to correct
            raise ValidationError(NO_NUMBER_YET.format(what="18位身份证号码（数字和末位的 X）"))
        if _SAID_INCOMPLETE.search(to_simplified(number)):  # "110105194912310 后3位忘了": not a number to convert
            raise ValidationError(f"您说号码还不全（现在是{digits}位数字），请对照身份证发送完整的18位号码；"
                                  "暂时不方便的话可以回复“暂停”，之后回来接着填。")
        if (old := re.search(r"(?<![\dX])\d{15}(?![\dX])", number)) and len(old.group()) == digits:
            raise ValidationError(_old_id_number(old.group()))  # "老的15位 4105…": the 15 of 15位 is no digit of it
        if re.fullmatch(r"[\dX]+", number):
            raise ValidationError(f"身份证号码应为18位，您输入了{len(number)}位，请核对后重新输入。")
        raise ValidationError(f"身份证号码只能包含数字和末位的 X（您输入的内容含有其他字符，共{digits}位数字），请重新输入。")
    try:
        born = _birth_date(number)  # a bad birth date is named as such, before the check digit
    except _StdnumError:
        raise ValidationError(f"身份证号码第7到14位是出生日期，“{number[6:14]}”不是真实的日期，请对照身份证核对后重新输入。") from None
    if number[-1] != ric.calc_check_digit(number):
        raise ValidationError("身份证号码校验位不正确，可能有某一位输错了，请对照身份证逐位核对后重新输入。")
    today = today or clock.today()
    age = _age(born, today)
    if born > today:
        raise ValidationError(f"身份证号码中的出生日期（{born:%Y年%m月%d日}）晚于今天，请对照身份证核对后重新输入。")
    low, high = ID_AGE_RANGE
    if age < low:
        raise ValidationError(f"按这个身份证号码，申请人未满{low}周岁（出生于{born:%Y年%m月%d日}）。"
                              "请填写申请人本人的身份证号码；如果号码没错，请回复“人工”咨询。")
    if age > high:
        raise ValidationError(f"按这个身份证号码，申请人已超过{high}周岁（出生于{born:%Y年%m月%d日}），"
                              "可能出生年份输错了，请对照身份证核对后重新输入。")
    return number


def id_age(number: str, today: date | None = None) -> int:
    """The holder's age in full years on ``today`` by an 18-character number's birth date."""
    return _age(_birth_date(number) if _ID_SHAPE.fullmatch(number) else ric.get_birth_date(number), today or clock.today())


def _age(born: date, today: date) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def _birth_date(number: str) -> date:
    """The birth date in a number of ``_ID_SHAPE``, as python-stdnum's ``ric.get_birth_date`` reads it (and
    raising its error for a date that does not exist). Its ``compact`` first, three passes over the characters in
    Python (~25K instructions, twice for a number typed: issue 19), changes nothing in such a number that ``int``
    would read otherwise."""
    try:
        return date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise InvalidComponent() from None


def id_number_notes(number: str) -> tuple[str, ...]:
    """What staff should know about an accepted ID number (from :func:`parse_id_number`): a region
    code that is not in the national list, or was not in use in the birth year (renamed or newly
    created areas: such numbers are genuine and are accepted). Empty when there is nothing to say."""
    if not re.fullmatch(r"\d{17}[\dX]", number):  # saved before the validators said so: nothing to tell
        return ()
    code, year = number[:6], int(number[6:10])
    info = {key: value for _, props in numdb.get("cn/loc").info(code) for key, value in props.items()}
    if "county" not in info:
        return (f"身份证地区码 {code} 不在国家行政区划代码表中（可能是港澳台或新设区划），请与证件原件核对。",)
    for county in info["county"].split(","):
        period, _, name = county.lstrip("[").rpartition("]")
        start, _, end = period.partition("-")
        if not period or ((not start or year >= int(start)) and (not end or year <= int(end))):
            return ()
    places = "、".join(c.rpartition("]")[2] for c in info["county"].split(","))
    # Said as information, not as a mismatch: every holder born before such an area was created carries
    # its code (Chongqing's before 1997), and a "不符 … 核对" read as a fault invited needless returns.
    return (f"供参考：身份证地区码 {code}（{info.get('province', '')}{places}）在出生年份 {year} 年尚未启用，"
            "是出生后设立或更名的区划，换发的身份证用新代码，属正常，号码有效，不需要因此退回。",)


# parse_mobile's steps, compiled once (a pattern given to re.sub and the like as text is looked up in re's
# cache by Python code on every call: ~3K instructions, issue 19).
_MOBILE_SEPARATORS = re.compile(r"[\s\-()]")
_COUNTRY_CODE = re.compile(r"^(\+?86|0086)")
_A_DIGIT = re.compile(r"\d")
_MOBILE_A_DIGIT_OFF = re.compile(r"1\d{9}|1\d{11}")
_ELEVEN_DIGITS = re.compile(r"\d{11}")


def parse_mobile(text: str) -> str:
    """A mainland China mobile number, returned as its 11 digits."""
    raw = _MOBILE_SEPARATORS.sub("", answer_only(text, MOBILE_LEAD_IN))
    raw = _COUNTRY_CODE.sub("", raw)
    if not _A_DIGIT.search(raw):  # "换了新号还没记住": no number at all, so nothing to correct
        raise ValidationError(NO_NUMBER_YET.format(what="11位手机号码"))
    if _MOBILE_A_DIGIT_OFF.fullmatch(raw):  # "138123456789": a mobile a digit off, said which way
        off = "多了一位" if len(raw) == 12 else "少了一位"
        raise ValidationError(f"手机号码应为11位数字，您输入了{len(raw)}位（{off}），请核对后重新输入。")
    if not _ELEVEN_DIGITS.fullmatch(raw):
        raise ValidationError("手机号码应为11位数字（中国大陆手机号），例如 13800138000，请重新输入。")
    kind = _number_type(raw)
    if kind == phonenumbers.PhoneNumberType.FIXED_LINE:
        raise ValidationError("这是固定电话号码。请填写您本人的11位手机号码，后续办理进度会通知到这个号码。")
    if kind not in (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE):
        raise ValidationError("这不是有效的中国大陆手机号码（号段不存在），请核对后重新输入。")
    return raw


# One message's number is checked up to four times (the question's validator, the answers found in it by
# their shape, every mobile it holds), ~0.1 ms each in phonenumbers: the last 8 numbers' types are
# remembered. They stay in the worker's memory until 8 others push them out (a quiet worker keeps them): no
# more than the conversation store holds of them, never written anywhere, and never logged.
@lru_cache(maxsize=8)
def _number_type(digits: str) -> int | None:
    """phonenumbers' type (MOBILE, FIXED_LINE…) of 11 digits read as a number in China; None when unreadable."""
    try:
        return phonenumbers.number_type(phonenumbers.parse(digits, "CN"))
    except phonenumbers.NumberParseException:
        return None


SKIP_WORDS = frozenset({"无", "没有", "不填", "跳过", "空", "暂无", "none", "no", "-", "/"})


def parse_email(text: str) -> str:
    """An e-mail address, or "" when the applicant chooses to leave it blank (the manual allows it)."""
    value = answer_only(text, EMAIL_LEAD_IN)
    if value.lower() in SKIP_WORDS:
        return ""
    try:
        # ASCII only: notices go out through ordinary mail servers, and "我的邮箱是a@b.com" whole
        # would otherwise pass as an internationalised address.
        return validate_email(value, check_deliverability=False, allow_smtputf8=False).normalized
    except EmailNotValidError:
        if spoken := _DICTATED_IN_CHARACTERS.fullmatch(to_halfwidth(value).strip()):
            # "张伟 艾特 qq 点 com": voice input wrote the name before @ in characters, which no address holds; what to
            # type is said (a guess at its letters would be one spelling of many: zhangwei, zw, weizhang…)
            domain = re.sub(r"\s+", "", _SPOKEN_DOT.sub(".", spoken.group(2))).lower()
            raise ValidationError(f"邮箱“@”前面的部分成了汉字“{spoken.group(1)}”（语音输入常会这样写），邮箱地址里只能是字母、数字。"
                                  f"请打字发送完整的邮箱地址，例如 zhangsan@{domain}；不填写请回复“无”。") from None
        if not re.search(r"[@A-Za-z0-9]", to_halfwidth(value)):  # "邮箱回头补上": no address at all, nothing to correct
            raise ValidationError("这里需要您的邮箱地址，直接发送即可；没有或不想填请回复“无”，"
                                  "暂时不方便的话可以回复“暂停”，之后回来接着填。") from None
        raise ValidationError("邮箱地址格式不正确，例如 zhangsan@example.com；不填写请回复“无”。") from None


# The mail providers most applicants use: an address one slip away from one of these (".con", "qq,com",
# "@qq", "gmial.com") is almost certainly meant for it, and a notice sent to the slip would bounce.
WELL_KNOWN_MAIL_DOMAINS = ("qq.com", "163.com", "126.com", "foxmail.com", "sina.com", "sina.cn", "sohu.com",
                           "yeah.net", "139.com", "189.cn", "aliyun.com", "gmail.com", "outlook.com",
                           "hotmail.com", "live.com", "icloud.com", "yahoo.com", "vip.qq.com", "vip.163.com")
_MAILBOX_AT = re.compile(r"([A-Za-z0-9._%+\-]+)\s*@\s*([A-Za-z0-9.\-,;，。、\s]+?)[.。\s]*")


def _slips(a: str, b: str) -> int:
    """The typing slips between two short strings: letters added, dropped, changed or swapped (the
    optimal-string-alignment distance)."""
    rows = [list(range(len(b) + 1))]
    for i, x in enumerate(a, 1):
        row = [i]
        for j, y in enumerate(b, 1):
            row.append(min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + (x != y)))
            if i > 1 and j > 1 and x == b[j - 2] and a[i - 2] == y:
                row[j] = min(row[j], rows[-2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]


# An address said aloud or dictated: voice input writes @ as 艾特/at and the dots as 点/dot ("zhangwei艾特qq点com",
# "liuyang at gmail dot com"); a QQ number said to be the QQ mailbox ("QQ邮箱 123456789") is the number @qq.com.
_SPOKEN_AT = re.compile(r"(?<=[A-Za-z0-9])\s*(?:艾特|爱特|圈a|\bat\b)\s*(?=[A-Za-z0-9])", re.IGNORECASE)
_SPOKEN_DOT = re.compile(r"\s*(?:点|點|\bdot\b)\s*", re.IGNORECASE)
_MAILBOX_LOCAL = re.compile(r"[A-Za-z0-9._%+\-]+")
# …said after the mailbox too ("邮箱就是QQ号 12345678": 邮箱 is the lead-in, "就是QQ号" is left).
_QQ_MAILBOX = re.compile(r"^(?:就|也)?(?:是|用)?(?:我的)?qq(?:邮箱|郵箱|号|號)?(?:是|就是|[:：])?\s*([1-9]\d{4,10})$",
                         re.IGNORECASE)


# An address dictated with its name part heard as characters ("张伟 艾特 qq 点 com"): the name, the domain (one typed with
# an @ is refused as any malformed address). "at" right after a character ("张伟at qq点com") is the @ too: no \b there,
# both are word characters (review7 R7-7).
_DICTATED_IN_CHARACTERS = re.compile(r"([\u4e00-\u9fff]{1,6})\s*(?:艾特|爱特|圈a|(?<![A-Za-z])at(?![A-Za-z]))\s*([A-Za-z0-9]+(?:\s*(?:点|點|\bdot\b|\.)\s*[A-Za-z0-9]+)+)",
                                     re.IGNORECASE)


# Digits said in words inside a dictated address ("y t t 一九九六 at qq点com", "幺六三点com"): an address holds no
# Chinese characters, so these are its digits.
_AT_SAID = re.compile(r"艾特|爱特|圈a|(?<![A-Za-z])at(?![A-Za-z])", re.IGNORECASE)
_ADDRESS_DIGITS_SAID = str.maketrans("〇零一幺二两三四五六七八九", "0011223456789")


def _spoken_address(said: str) -> str | None:
    """The address ``said`` (half-width, lead-in gone) dictates, or None when it dictates none."""
    if "@" in said:
        return None
    if _AT_SAID.search(said):
        said = said.translate(_ADDRESS_DIGITS_SAID)
    if qq := _QQ_MAILBOX.match(said):
        return f"{qq.group(1)}@qq.com"
    parts = _SPOKEN_AT.split(said)
    # voice typing puts spaces between the words it heard ("zhang wei 123 艾特 qq 点 com"): an address has none
    local = re.sub(r"\s+", "", parts[0]) if len(parts) == 2 else ""
    if len(parts) != 2 or not _MAILBOX_LOCAL.fullmatch(local) or not _SPOKEN_DOT.search(parts[1]):
        return None
    domain = re.sub(r"\s+", "", _SPOKEN_DOT.sub(".", parts[1]))
    address = f"{local}@{domain}"
    try:
        return validate_email(address, check_deliverability=False, allow_smtputf8=False).normalized
    except EmailNotValidError:
        return None


def email_meant(text: str) -> tuple[str, str] | None:
    """(the address as typed, the one meant) when ``text`` is an address at a well-known provider
    typed with a slip in its domain ("zw@qq.con", "zw@qq,com", "zw@qq") or dictated ("zw艾特qq点com", "QQ邮箱
    123456789"); None for any other reply, an address already right included. Offered to confirm, never
    changed silently."""
    said = to_halfwidth(answer_only(text, EMAIL_LEAD_IN)).strip()
    if (dictated := _spoken_address(said)) is not None:
        return said, dictated
    found = _MAILBOX_AT.fullmatch(said)
    if not found:
        return None
    # "。" is the Chinese keyboard's full stop: read as the dot already (the parser takes it), not a slip.
    local, typed_domain = found.group(1), found.group(2).strip().lower().replace("。", ".")
    domain = re.sub(r"[\s,;，。、]+", ".", typed_domain).strip(".")
    typed = f"{local}@{typed_domain}"
    if domain in WELL_KNOWN_MAIL_DOMAINS:
        meant = domain if domain != typed_domain else None
    elif "." not in domain:  # "zw@qq": the provider's own name, its domain left off
        meant = next((d for d in WELL_KNOWN_MAIL_DOMAINS if d.partition(".")[0] == domain), None)
    else:
        near = [d for d in WELL_KNOWN_MAIL_DOMAINS if _slips(domain, d) == 1]
        meant = near[0] if len(near) == 1 else None
    return (typed, f"{local}@{meant}") if meant else None


_LATIN = re.compile(r"[A-Za-z]")
# The name as the (mainland) ID card prints it: in Chinese characters, a minority name with its middle dot.
_NAME_IN_CHARACTERS = "请输入身份证上的中文姓名（汉字），例如 张三；少数民族姓名连同间隔号“·”照身份证填写，例如 买买提·艾力。"
# The characters an ID card prints a name in: the common ideographs and the rare ones of the extension blocks
# and compatibility forms ("刘䶮", "王𬌗": names the 生僻字 keyboards type; refused, the applicant had no way on).
NAME_CHARACTERS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_NAME_DOT = re.compile(rf"(?<=[{NAME_CHARACTERS}])\s*[.．•・‧·]\s*(?=[{NAME_CHARACTERS}])")
_NAME = re.compile(rf"^[{NAME_CHARACTERS}·•A-Za-z .]{{2,30}}$")
# Five or more characters without the ID card's middle dot, with a pronoun or a particle: a sentence
# ("你们效率挺高的"), not a name (long names are transliterations, written with the dot).
# Read with the spaces between Chinese words taken out: "弄错了 是李秀兰" is a sentence too.
_A_SENTENCE_NOT_A_NAME = re.compile(r"^(?=[\u4e00-\u9fff]{5,}$).*[你我他她们的了吗呢吧啊呀哦嘛么]")
# …and, typed with spaces between its words, one that says what is wrong ("弄错了 是李秀兰"): 是/没/错/不
# are in long names too ("阿不都热合曼"), so only a sentence's spaces make them a sentence's.
_A_SPACED_SENTENCE = re.compile(r"^(?=[\u4e00-\u9fff]{5,}$).*[是没错不]")
# Where one is from, or one's status, said where the name is asked ("我是香港人 能办吗", "外籍"): none is a name (no
# surname starts these words), and what follows it is most often whether such a person may apply.
# One's ethnic group ("我是维吾尔族 名字长…", "回族"), one of the 56 or 少数民族, is who one is, never a name: no name
# on an ID card ends in 族, and what follows it is most often how a long name is typed (dev20).
_ETHNIC_GROUPS = ("汉|蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡|纳西|"
                  "景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|"
                  "裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺|少数民")
ORIGIN_NOT_A_NAME = re.compile(r"^(?:(?:香港|澳门|台湾|港澳台?|外国|外籍|大陆|内地|境外|海外)(?:人|居民|同胞|籍|人士|籍人士)?|"
                               rf"(?:{_ETHNIC_GROUPS})族(?:人|的)?)$")
# Abuse ("傻逼", "神经病", "关你屁事"): words no name on an ID card is made of, so a message holding one is never taken
# for a name. Words that are also names or their parts stay out: 尼玛 (Tibetan Nyima), 操 (曹操), 草, 狗 (nicknames);
# so do kin said of ("我是他妈妈", "孩子他妈的名字").
ABUSE = re.compile(r"傻[逼比屄叉bBxX]|煞笔|沙比|逼|神经病?|脑残|智障|白痴|弱智|有病|去死|滚|(?<![我俺咱他她])妈的|屁|混蛋|王八蛋"
                   r"|畜生|贱|垃圾|废物|蠢|猪|狗东西|二货|卧槽")
# "Same as above", said where a form has a field repeated: it points at another answer, it is no name.
SAME_AS_ABOVE = frozenset({"同上", "如上", "同前", "见上", "同上面", "跟上面一样", "和上面一样"})
# A title after a name ("王小明同学"), or after a surname alone ("王先生": the full name is still to come).
_HONORIFIC = re.compile(r"(?<=[\u4e00-\u9fff])(?:同学|先生|女士|小姐|老师|师傅)$")
# The surname alone, said politely ("免贵姓陈", "我姓陈"): the full name is still to come.
_SURNAME_ONLY = re.compile(r"^(?:免贵|我|本人|俺)?姓[\u4e00-\u9fff]{1,2}(?:[的啊呀哦]|[,，\s].*)?$")
# A surname spelled out by its parts, as it is said aloud ("木子李", "弓长张", "耳东陈", "木子李的李"): which
# surname, not the name. The common spellings, each ending in the surname it spells.
SPELLED_SURNAMES = frozenset({"木子李", "弓长张", "立早章", "耳东陈", "口天吴", "古月胡", "双木林", "草头黄", "言午许",
                              "三横王", "文刀刘", "禾口程", "人可何", "子小孙", "走肖赵", "关耳郑", "木易杨", "双人徐",
                              "四维罗", "宝盖宋"})
# The surname and the given name said apart, as people dictate a name ("姓张 名伟", "姓欧阳，名字叫娜娜"): one name.
_SURNAME_AND_GIVEN = re.compile(r"^(?:免贵|我|本人|俺)?姓\s*([\u4e00-\u9fff]{1,2})\s*[,，、;；\s]?\s*"
                                r"(?:单)?名(?:字)?(?:叫|是|为)?\s*[:：]?\s*([\u4e00-\u9fff]{1,3})$")
_SPELLED_SURNAME = re.compile(r"^(?:我|免贵)?(?:姓)?(?:是)?(\S{3})(?:的\S)?[的啊呀哦]?$")
# A name's last character three times or more: a key held down or stuck ("王建国国国"), never a name's own (a character
# doubled is one: "李娜娜" stays). Exact enough to be safe: no name on an ID card repeats a character thrice.
_STUCK_LAST_KEY = re.compile(r"([\u4e00-\u9fff])\1{2,}$")
_STUCK_LAST_KEY_KEPT = groups_kept(1)
# The whole name typed twice ("冉小雨冉小雨", "冉小雨 冉小雨": a paste doubled, or sent again in the same box): once. No name on
# an ID card is two to four characters said twice over (a doubled character, "娜娜", is a name's own and stays).
_TYPED_TWICE = re.compile(r"^([\u4e00-\u9fff]{2,4})[\s,，]*\1$")
_TYPED_TWICE_KEPT = groups_kept(1)
# Compound surnames, typed with a space before the given name ("欧阳 娜娜"): one name, not a surname and a word.
COMPOUND_SURNAMES = frozenset({"欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文",
                               "司徒", "夏侯", "令狐", "端木", "西门", "南宫", "独孤", "轩辕", "呼延", "万俟", "闻人",
                               "澹台", "公冶", "申屠", "太史", "钟离", "赫连", "东郭", "百里"})

# The most common single-character surnames (about a hundred, most of the population's): where two names typed apart
# ("王芳 李四") each begin with one, they are two people, never one name joined (``values.two_names``).
COMMON_SURNAMES = frozenset("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
                            "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
                            "龚邵万钱严覃武戴莫孔向汤")


# What people put before an answer in a sentence ("我叫张三", "单位：…", "毕业于…"), and after it
# ("…。", "…毕业的"): not part of the answer, so not kept in the application.
# Someone named for the applicant ("我儿子叫孙浩然", "员工叫李娜"): whoever it is, what follows 叫 is the
# name (叫 is in no name).
SOMEONE_CALLED = r"[\u4e00-\u9fff]{0,5}?叫做?"
NAME_LEAD_IN = rf"(?:我叫|我是|我的名字(?:是|叫)|名字(?:是|叫)|姓名(?:是|为|叫)?[:：]?|本人|{SOMEONE_CALLED})"
# A number or an address never starts with Chinese, so their labels may stand alone ("电话1380…").
ID_LEAD_IN = r"(?:我的)?(?:身份证(?:号码|号)?|证件号码?)(?:是|为|[:：])?"
MOBILE_LEAD_IN = r"(?:我的)?(?:手机(?:号码|号)?|电话(?:号码)?|联系方式)(?:是|为|[:：])?"
EMAIL_LEAD_IN = r"(?:我的?)?(?:邮箱(?:地址)?|电子邮箱|电子邮件|电邮|e-?mail)(?:是|为|[:：])?"
# A label ("单位", "学校") counts only with 是/为/a colon after it: a name may itself start with one.
EMPLOYER_LEAD_IN = r"(?:我在|我的(?:单位|公司)是|(?:工作|所在)?(?:单位|公司)(?:名称|全称)?(?:是|为|[:：])|(?:就|也|都|应该|好像|大概|一般)?叫做?|名叫|全称(?:是|叫))"
# Places a degree comes from that are outside the mainland (a 国（境）外 degree, as the form asks).
FOREIGN_PLACES = (r"国外|境外|海外|留学|留过学|海归|出国|出过国|英国|美国|澳洲|澳大利亚|加拿大|新西兰|日本|韩国|新加坡|德国|法国|"
                  r"荷兰|意大利|西班牙|瑞士|瑞典|爱尔兰|俄罗斯|马来西亚|香港|澳门|台湾|欧洲|北美")
# A school's name that says it is outside the mainland: a place above, a city most applicants' foreign degrees
# come from (a Chinese name says where: 悉尼大学, 墨尔本大学), or a name in Latin letters alone (mainland
# diplomas print the Chinese name). Asked about when the degree was said not to be foreign, never refused.
_FOREIGN_SCHOOL = re.compile(rf"{FOREIGN_PLACES}|悉尼|墨尔本|昆士兰|莫纳什|新南威尔士|阿德莱德|伦敦|曼彻斯特|伯明翰|利兹|"
                             r"谢菲尔德|诺丁汉|爱丁堡|格拉斯哥|布里斯托|南安普顿|华威|纽约|哥伦比亚|加州|波士顿|芝加哥|"
                             r"多伦多|温哥华|麦吉尔|奥克兰|东京|早稻田|首尔|延世|高丽大学|^[A-Za-z][A-Za-z\s.,&'()-]+$")


def sounds_foreign_school(name: str) -> bool:
    """Whether a school's ``name`` says it is outside the mainland ("University of Leeds", "悉尼大学")."""
    return _FOREIGN_SCHOOL.search(name.strip()) is not None


# A label, or the country said before a name in Latin letters ("英国 University of Manchester"): the
# diploma prints the name alone, so the place is no part of it (a Chinese name keeps its own: 英国曼彻斯特大学).
# (What the diploma prints is the school's name as the form wants it: "毕业证上写的是…", "证书上印的…".)
SCHOOL_LEAD_IN = (r"(?:毕业于|我(?:是|毕业于)|(?:毕业)?(?:院校|学校)(?:名称|全称)?(?:是|为|[:：])|"
                  r"(?:毕业证书?|学位证书?|证书)上?(?:面)?(?:(?:写的|印的|写着|印着)(?:是|为|[:：])?|是|为|[:：]|"
                  r"(?=[\u4e00-\u9fff]{2,12}(?:大学|学院)$))|"  # "毕业证书复旦大学": the school's name right after
                  rf"(?:在)?(?:{FOREIGN_PLACES})(?:读的|念的|的|毕业的?)?(?=\s*[A-Za-z]))")
# No name, employer or school ends in 毕业(的); a full stop after Latin letters is kept ("Co., Ltd.").
_TAIL = re.compile(r"(?:毕业的?)?(?:[\s。!！~～]|(?<![A-Za-z])\.)*$")


@lru_cache(maxsize=None)  # a few lead-ins, each a module's constant
def _lead_in(lead_in: str) -> re.Pattern[str]:
    return re.compile(rf"^{lead_in}\s*", flags=re.IGNORECASE)


def answer_only(text: str, lead_in: str) -> str:
    """``text`` without a leading phrase matching ``lead_in`` and without what trails an answer.
    Both are found on the simplified form ("我的單位是…" too), and cut from the text as typed (its
    widths and brackets kept; the parsers then give the characters in simplified form)."""
    typed = text.strip()
    simple = to_simplified(typed)
    if len(simple) != len(typed):  # a conversion that changed the length: positions would not map
        simple = typed
    start = _lead_in(lead_in).match(simple)
    begin = start.end() if start else 0
    end = _TAIL.search(simple, begin).start()
    return typed[begin:end]


# 於 is a surname of its own in simplified Chinese too (通用规范汉字表): kept at a name's start.
_SURNAME_KEPT = ("於",)


# Japan's own simplified forms (shinjitai), which neither simplified nor traditional Chinese writes, as a returnee
# types a Japanese school's name ("早稲田大学" is 早稻田大学 on a Chinese form; 慶應, 東北 are traditional, OpenCC's).
# 浜 is left out: a Chinese character too (沙家浜).
_SHINJITAI = str.maketrans("稲沢広恵桜県栄関徳黒辺応続経済総労児絵伝満検処戦売読円仏帰気亜悪圧歩歳渓滝鉄薬楽覚観斎図駅塩蔵単険験発権産",
                           "稻泽广惠樱县荣关德黑边应续经济总劳儿绘传满检处战卖读圆佛归气亚恶压步岁溪泷铁药乐觉观斋图驿盐藏单险验发权产")


def as_on_documents(value: str, *, person: bool = False) -> str:
    """A name, employer or school typed in traditional script (or Japan's forms) in simplified characters, as
    mainland ID cards, contracts and diplomas print them ("張偉" → "张伟", "臺灣積體電路製造" → "台湾积体电路制造",
    "早稲田大学" → "早稻田大学"); a person's surname 於 stays, and a value with no sure sign of traditional script
    stays as typed ("周乾", not 周干)."""
    value = value.translate(_SHINJITAI)
    if not written_in_traditional(value):
        return value
    simple = to_simplified(value)
    if person and value.startswith(_SURNAME_KEPT) and len(simple) == len(value):
        return value[0] + simple[1:]
    return simple


def surname_and_given(text: str) -> str | None:
    """The name of a surname and a given name said apart ("姓张 名伟" → 张伟), or None."""
    apart = _SURNAME_AND_GIVEN.match(text.strip())
    if apart is None:
        return None
    surname, given = apart.groups()
    # "姓陈 名字是陈静": the given name said with the surname already is the whole name (never 陈陈静)
    return given if len(given) > len(surname) and given.startswith(surname) else surname + given


def organisations_phone(number: str) -> str:
    """Why a number told as the employer's telephone is not saved as the applicant's mobile."""
    return f"“{number}”像是单位的联系电话；手机号码要填您本人的，问到手机号码时发给我即可。"


_SPACES = re.compile(r"\s+")
_SPACE_BETWEEN_CHARACTERS = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")


# Numerals alone ("一 二 三 四 五", "三三三"): counting or a test of the keyboard; no surname is one of them.
NUMERALS_ONLY = re.compile(r"[〇零一幺二两三四五六七八九十]{2,}")


# How a character of a name is written, said after it ("娜是女字旁", "纳是绞丝旁", "女字旁的娜", "草字头的芳"): never a name.
_HOW_WRITTEN = re.compile(r"(?:字|丝|人|刀|土|木|水|火|金|言|心|手|王|石|日|月|目|衣|示|玉|竹|米|足|车|马|鱼|鸟|口|山|女)旁|字头|字底|三点水"
                          r"|^.是.{1,4}的.$")


def parse_person_name(text: str) -> str:
    """A person's name as on the (mainland) ID card: Chinese characters, and a minority name's middle
    dot; in simplified characters (``as_on_documents``). Latin letters ("Li Na") are refused."""
    value = _SPACES.sub(" ", answer_only(text, NAME_LEAD_IN))
    # The ID card's middle dot, however the keyboard made it ("阿依古丽.买买提", "・", "•").
    value = _NAME_DOT.sub("·", value).replace("•", "·")
    value = surname_and_given(value) or value  # "姓张 名伟": 张伟, never 名伟
    if not value:
        raise ValidationError("姓名不能为空，请输入与身份证一致的姓名。")
    if ABUSE.search(to_simplified(value)):  # "傻逼", "滚": no name, and nothing to argue with; asked for again, calmly
        raise Refused("理解您可能有些着急。这一步要填与身份证上一致的姓名，填好我们马上继续。")
    if _A_DIGIT.search(value) or not _NAME.match(value):
        raise ValidationError("姓名只能包含汉字或间隔号“·”，长度2到30个字，请输入与身份证一致的姓名。")
    value = _HONORIFIC.sub("", value) if len(value) > 4 else value  # "王小明同学"; "王先生" stays, refused below
    value = _STUCK_LAST_KEY.sub(_STUCK_LAST_KEY_KEPT, value)  # "马占林林林": 马占林
    value = _TYPED_TWICE.sub(_TYPED_TWICE_KEPT, value)  # "冉小雨冉小雨": 冉小雨
    spelled = _SPELLED_SURNAME.match(to_simplified(value))
    if spelled and spelled.group(1) in SPELLED_SURNAMES:  # "木子李": the surname 李, spelled out
        surname = spelled.group(1)[-1]
        raise Refused(f"“{value}”说的是姓“{surname}”吧？请输入您的全名（姓和名，与身份证一致），例如 {surname}明。")
    if _SURNAME_ONLY.match(to_simplified(value)) or _HONORIFIC.search(value) or value.startswith(("我", "你", "您", "他", "她")):  # "我是他妈妈"
        raise ValidationError("请输入您的全名（姓和名，与身份证一致），例如 张三。")
    joined = _SPACE_BETWEEN_CHARACTERS.sub("", to_simplified(value))
    if value.lower() in REPLY_WORDS or joined in SAME_AS_ABOVE or _A_SENTENCE_NOT_A_NAME.search(joined) or \
            ORIGIN_NOT_A_NAME.match(joined) or NUMERALS_ONLY.fullmatch(joined) or \
            (" " in value and _A_SPACED_SENTENCE.search(joined)):
        raise ValidationError(f"“{value}”不像是姓名。请输入与身份证一致的姓名，例如 张三。")
    if _HOW_WRITTEN.search(joined):  # "娜是女字旁", "女字旁的娜": how a character is written, told after the name
        raise ValidationError(f"“{value}”像是在说字怎么写。请只发送与身份证一致的姓名，例如 李娜。")
    if _LATIN.search(value):  # "Li Na": a mainland ID card prints the name in Chinese characters
        raise ValidationError(f"“{value}”不是身份证上的写法。{_NAME_IN_CHARACTERS}")
    return as_on_documents(value, person=True)


# -- organisations (employer, school) ---------------------------------------------
@dataclass(frozen=True)
class OrganisationKind:
    """What an organisation's name is checked against: the words that end or make such a name
    (公司, 大学…), and how to ask again."""

    label: str
    ask: str  # how to ask again, after the reason
    when_none: str  # what to say to "没有单位" / "没上过学"
    heads: tuple[str, ...]  # words that make a name an organisation's, wherever they stand
    suffixes: str  # single characters that do so only at the end (…厂, …店)
    latin_heads: tuple[str, ...]


SCHOOL = OrganisationKind(
    label="院校全称",
    ask="请输入您最高学历毕业院校的全称（与毕业证书一致），例如 复旦大学、Harvard University。",
    when_none="请输入您最高学历毕业院校的全称；没有可填的学历加分，可以回复“返回”重新选择加分项。",
    heads=("大学", "学院", "学校", "中学", "党校", "研究院", "研究所", "科学院", "分校"),
    suffixes="院校",
    latin_heads=("university", "college", "institute", "school", "academy", "polytechnic", "universit"),
)
EMPLOYER = OrganisationKind(
    label="单位名称",
    ask="请输入您目前所在单位的全称（与劳动合同一致），例如 上海某某科技有限公司。",
    when_none="积分申请需要填写您目前所在单位的全称；如果暂时没有单位，可以回复“人工”咨询。",
    heads=(*SCHOOL.heads, "公司", "有限", "集团", "银行", "医院", "事务所", "中心", "委员会", "分行", "支行",
           "工作室", "合作社", "基金会", "协会", "商会", "办事处", "代表处", "控股", "实业", "股份", "幼儿园", "小学"),
    suffixes="局委厂店行社会院所部处站馆室园队台署办科",
    latin_heads=(*SCHOOL.latin_heads, "co", "co.", "ltd", "ltd.", "limited", "inc", "inc.", "llc", "llp", "lp", "corp",
                 "corp.", "corporation", "company", "group", "bank", "hospital", "gmbh", "plc", "pte", "ag", "sa",
                 "bv", "partners", "consulting", "technology", "technologies"),
)
ORGANISATION_MIN_LEN = 4  # 公司 or 大学 alone is no name; without such a word, 华为技术 can still be one
ORGANISATION_MAX_LEN = 60
# Matched on the simplified, lower-case form. What makes a message a sentence rather than a name: a
# name has no question word, no personal pronoun, no sentence-final particle, and does not start by
# denying ("没有单位", "不知道", "无") unless it has a word like 公司 ("无锡…有限公司", "未来科技有限公司").
_PRONOUN = re.compile(r"[我你您咱俺]|自己|他们|她们")
_PARTICLE_END = re.compile(r"[了的吧啊呀哦嘛啦哈呢么呗哇噢嗯]+$")
_DENIAL = re.compile(r"^(?:没|无|不|未|暂|还没|别)")
# A denial about having a workplace ("没有单位", "无工作", "没有固定公司"), said before the word.
_NO_WORKPLACE = re.compile(r"^(?:没|无|不|未|暂|还没)\S{0,3}?(?:单位|公司|工作|企业|上班|就业|学校|学历)")
# The same as a clause of a longer reply ("我现在是自由职业，社保自己交的，没有单位"), or being without
# one in its own words, where no organisation is named ("上海某某自由职业服务有限公司" is one).
_WITHOUT_WORK = re.compile(r"[，,；;。\s](?:我)?(?:目前|现在|暂时)?(?:没|无|还没|暂无)\S{0,3}?(?:单位|公司|工作|企业|上班|就业)|"
                           r"自由职业|无业|失业|灵活就业")
# Something said not to be had, the denial after it ("职称和社保都没有", "这个也没有"): no name ends so.
_DENIED_AFTER = re.compile(r"(?:没有|没|无|木有|莫得|(?:都|也)不是)(?:的|了|啊|呀|哦|呢|哈|吧)*[。.!！~～]*$")
# Words in a sentence that a name without 公司/大学 would not hold ("随便写写", "测试一下").
_FUNCTION_WORDS = re.compile(r"[是在了吗呢吧的说想要写填这那个]|一下|随便|可以|知道|清楚")
# A person's role rather than a workplace ("学生", "个体户", "自由职业者", "退休人员").
_PERSON_END = re.compile(r"(?:者|户|员|妇|人|族|师)$")


# A change to a name described ("后面少了个（集团）", "中间漏了个字", "前面要加上海", "多打了一个字"): where in the name, or
# what is missing, extra or mistyped. No registered name says so of itself.
_EDIT_DESCRIBED = re.compile(r"^(?:前面|后面|中间|末尾|结尾|最后|开头|加上|去掉|删掉)|(?<=[位司校名称字])(?:加上|去掉|删掉)|少了|多了|漏了|少打|多打|打错|写错|缺了|少个|多个|"
                             r"(?:要|再|得)(?:加上?|去掉|删掉)"
                             # the value said still wrong, none given ("名字没改对 其他全对": review7 R7-10, saved 没改对)
                             r"|^(?:还是|还)?(?:没|不)(?:有)?(?:改|弄|写|填|打|搞|输)?(?:对|正确)|^(?:错了|有误|不对)")


def describes_an_edit(text: str) -> bool:
    """Whether ``text`` says how a name shown is to be changed ("后面少了个（集团）") rather than giving one."""
    return bool(_EDIT_DESCRIBED.search(to_simplified(to_halfwidth(text)).lower()))


# The legal form a company's registered name ends with: said twice, the words hold two companies (try13 T20: "从A跳槽到B"
# kept as one name), whatever joins them; a branch's name holds it once ("…有限公司上海分公司").
_LEGAL_NAME_END = re.compile(r"有限(?:责任)?公司(?![\u4e00-\u9fff]{0,6}?(?:分公司|分行|支行|办事处|代表处))")


# Chinese and a Latin word in one name ("上海汇丰 HSBC Bank…"): a document has one or the other, with its head word.
_MIXED_SCRIPTS = re.compile(r"(?=.*[\u4e00-\u9fff]).*[a-z]{2,}")
_A_LETTER = re.compile(r"[^\W\d_]")


def parse_organisation(text: str, kind: OrganisationKind, *, lead_in: str) -> str:
    """An organisation's name as typed (employer, school), without ``lead_in`` before it, or a
    ValidationError saying why the text is not one.

    A name is recognised by what it is: it has a word such as 公司/大学 (``kind``), or is at least
    four characters and reads as a name; a question, a sentence, a greeting, a number or a denial
    ("没有单位", "不知道", "我又来了", "12345") is not one, however it is worded."""
    value = _SPACES.sub(" ", answer_only(text, lead_in)).strip()  # as typed: （上海） stays full-width
    label, ask, shown = kind.label, kind.ask, quoted(text)
    if not value:
        raise ValidationError(f"{label}不能为空。{ask}")
    simple = to_simplified(to_halfwidth(value)).lower()
    if not _A_LETTER.search(simple):
        raise ValidationError(f"“{shown}”不是{label}。{ask}")
    if asks(simple):
        raise ValidationError(f"“{shown}”像是一个问题，不是{label}。{ask}问题可以在填完后再问。")
    if _NO_WORKPLACE.search(simple) or ((_DENIAL.search(simple) or _WITHOUT_WORK.search(simple)) and not _has_head(simple, kind)) \
            or _DENIED_AFTER.search(simple):
        raise ValidationError(f"“{shown}”不是{label}。{kind.when_none}")
    if len(value) > ORGANISATION_MAX_LEN:
        raise ValidationError(f"{label}最多{ORGANISATION_MAX_LEN}个字，请精简后重新输入。")
    if _EDIT_DESCRIBED.search(simple):  # "后面少了个（集团）": how the name shown is to be changed, not a name
        raise ValidationError(f"“{shown}”是在说{label}要怎么改，不是完整的{label}。{ask}")
    if kind is EMPLOYER and len(_LEGAL_NAME_END.findall(simple)) > 1:  # "A有限公司到B有限公司": two employers, not one name
        raise Refused(f"“{shown}”里有两个单位名称。{label}只填一个：您现在签劳动合同、缴社保的单位的全称。")
    if _MIXED_SCRIPTS.search(simple) and not _has_head(simple, kind):  # "上海 字节跳动 ByteDance": no name on a document
        raise Refused(f"“{shown}”像是简称或中英文混写，不是完整的{label}。{ask}")
    if len(value) < ORGANISATION_MIN_LEN or not _is_organisation(simple, kind):
        if len(value) < ORGANISATION_MIN_LEN and not _sentence_like(simple):
            raise ValidationError(f"“{quoted(value) or shown}”太短了，请填写全称。{ask}")  # "毕业证上写的是复旦": “复旦”
        raise ValidationError(f"“{shown}”不像是{label}。{ask}")
    # brackets and Latin letters as typed: （上海） stays full-width; a space between Chinese characters is none of the
    # name's ("上海 腾飞 建筑工程有限公司", voice input): a contract prints it without (try19 V15)
    return as_on_documents(_SPACE_BETWEEN_CHARACTERS.sub("", value))


# An organisation described, not named ("上海的一个软件公司", "一家外企", "这家医院"): its full name is still to
# come. Only at the start: "上海统一家居有限公司" and "上海一家人餐饮管理有限公司" are names. A place and its
# kind of workplace ("西安的公司") and one 某 standing for a name left out ("杭州某网络公司") describe too; 某某
# is the placeholder a name is typed as in examples ("上海某某科技有限公司"), kept. 这个/那家 point at a place
# after a place's name too ("张江那个公司", "徐汇这家医院"). But 家 is a common character of a registered name's
# own words ("那家小馆", "一家人", "家居"): followed by more words and a legal form ("北京那家小馆餐饮管理有限公司",
# "那家伟业科技有限公司") it is a name as the licence prints it; "就那家公司" and "那家外企" still describe.
_DESCRIBED = re.compile(r"^(?:在)?(?:[\u4e00-\u9fff]{1,4}的)?(?:一|某|这|那)[个家所间]|"
                        r"^(?:在)?[\u4e00-\u9fff]{1,6}?(?:这|那)[个家所间]|"
                        r"^(?:在)?[\u4e00-\u9fff]{1,4}的(?:公司|单位|企业|工厂|厂|医院|学校)$|"
                        r"^(?:在)?[\u4e00-\u9fff]{2,4}(?<!某)某(?!某)|"
                        # a place, then 一家/一个 and the kind of workplace ("浦东张江一家软件公司", "张江一个小厂"), no legal
                        # form after it: the name is still to come (try19 V1: saved as the name, the name said after lost)
                        r"^(?:在)?[\u4e00-\u9fff]{2,6}?一[个家所间](?![\u4e00-\u9fff]*有限)(?!居|具|电|政|纺|装)"
                        r"[\u4e00-\u9fff]{0,4}(?:公司|单位|企业|工厂|厂|医院|学校|外企|国企|私企|机构|店)$")


def described_not_named(simple: str) -> bool:
    """Whether ``simple`` (a matching form) describes an organisation instead of naming it ("一家外企",
    "张江那个公司", "杭州某网络公司")."""
    described = _DESCRIBED.search(simple)
    if described and described.group().endswith("家") and "的" not in described.group() \
            and _REGISTERED_AFTER.match(simple, described.end()):
        return False
    return bool(described)


# What follows 一家/这家/那家 in a registered name: its own words, then a legal form the licence prints.
_REGISTERED_AFTER = re.compile(r"[\u4e00-\u9fff]{2,}(?:有限(?:责任)?公司|[(（](?:个体工商户|(?:特殊)?普通合伙|有限合伙)[)）])$")


# Going to university said, not a university named ("那时候能上大学的都是尖子": "能上大学"): the head word comes straight
# after a verb of getting in or attending, with no name before it. No school's name ends so.
_GOING_TO_SCHOOL = re.compile(r"(?:上|考|念|读)(?:上|了|过|完|进)?(?:大学|大专|中专|高中)$")


def _is_organisation(simple: str, kind: OrganisationKind) -> bool:
    if _PRONOUN.search(simple) or _PARTICLE_END.search(simple) or described_not_named(simple) \
            or kind is SCHOOL and _GOING_TO_SCHOOL.search(simple):
        return False
    if simple.isascii():
        return any(word.strip(".,()") in kind.latin_heads for word in re.split(r"[\s,()]+", simple))
    if _has_head(simple, kind):
        return True
    return len(set(simple)) > 2 and not _sentence_like(simple) and not _PERSON_END.search(simple)


def _has_head(simple: str, kind: OrganisationKind) -> bool:
    """The name has a word that makes it an organisation's (公司, 大学…, or 厂/店… at its end), the end
    read before a legal form in brackets ("…餐饮店（个体工商户）", "…咨询中心（普通合伙）")."""
    name = _LEGAL_FORM.sub("", simple) or simple
    return any(head in simple for head in kind.heads) or name[-1] in kind.suffixes


# A legal form printed in brackets after a name on the business licence (个体工商户, 有限合伙, 普通合伙,
# 特殊普通合伙): part of the name, never a sentence's words (its 个 is no measure word).
_LEGAL_FORM = re.compile(r"[(（](?:个体工商户|(?:特殊)?普通合伙|有限合伙)[)）]$")


def _sentence_like(simple: str) -> bool:
    return bool(_PRONOUN.search(simple) or _PARTICLE_END.search(simple) or _FUNCTION_WORDS.search(simple)
                or re.search(r"[,，。.!！~～]", simple))


def parse_employer(text: str) -> str:
    """The employer's full name as typed (see :func:`parse_organisation`), without the work said
    after it ("我在上海宝钢上班")."""
    return parse_organisation(_AT_WORK.sub(_AT_WORK_KEPT, current_employer_said(text)), EMPLOYER, lead_in=EMPLOYER_LEAD_IN)


_AT_WORK = re.compile(r"^(\s*(?:我)?在.+?)(?:上班|工作|打工|任职|就职)(?:的|呢|啊|呀)?\s*$")
_AT_WORK_KEPT = groups_kept(1)
# A clause about the employer left ("以前在…", "原单位…", "从…离职了"): its words come first, before any
# name, or it says the leaving; a name itself never starts with them.
_FORMER_EMPLOYER = re.compile(r"^(?:我)?(?:以前|之前|原来|原先|先前|曾经|过去|上一家|上家|前东家|原单位|原公司|原工作单位|"
                              r"前单位|前公司|老单位|老公司|旧单位|旧公司)|离职|辞职")
_CLAUSE = re.compile(r"[,，;；。]+")


# A remark in brackets: about the former employer ("（原单位上海某某公司）") it goes; a name's own
# brackets ("上海外服（集团）有限公司") stay.
_ASIDE = re.compile(r"[（(]([^（）()]*)[）)]")


def about_former_employer(clause: str) -> bool:
    """Whether a clause speaks of an employer left ("原来是上海某某公司", "从…离职了")."""
    return bool(_FORMER_EMPLOYER.search(clause.strip()))


# Where an organisation's name ends (its last character: 公司, 集团, 银行, 学院, …厂, or a bracket), in the text as typed.
_NAME_ENDS = r"(?<=[司团行院所心厂店局社会部处室站馆园校学）)])"
# Said right after a name, with no punctuation between (voice input): the turn to another employer, the former
# ("原来是…", "以前在…") or the present ("现在是…", "新单位是…"). A clause break is put there, so each is read alone.
_TURN_AFTER_A_NAME = re.compile(_NAME_ENDS + r"\s*(?=(?:原来|原先|以前|之前|先前|曾经|过去|上一家|原单位|原公司|前单位|前公司|"
                                r"老单位|老公司|旧单位|旧公司|现在|目前|如今|现单位|现公司|新单位|新公司|新的单位|新的公司)"
                                r"(?:的|是|在|叫|为|就|则|单位|公司|[:：])?[\u4e00-\u9fff])")
# A move from one employer to the next said in one breath ("从A跳槽到B了", "A换到B", "由A调入B", "A离职后去了B"): the
# employer is the one moved to (try13 T20: the whole sentence was saved as the employer's name).
_MOVED_TO = re.compile(_NAME_ENDS + r"\s*(?:(?:离职|辞职)(?:后|了|以后)?\s*(?:去了|到了|进了|去|到|进)|"
                       r"(?:跳槽|跳|换|调|转)(?:到|去|至|入|进)|跳槽(?:了)?)(?:了)?")
# A remark in brackets after the name ("（还在走入职流程）", "（刚入职）", "（试用期）"): the applicant's words, never the
# name's, whose brackets hold a place, a kind or a legal form ("（上海）", "（集团）", "（普通合伙）") (try13 T38). Where it
# is, said in a sentence ("（公司在嘉定）", "（注册地在嘉定区）", "（办公在张江）"), is a remark too: a place is the name's
# only alone (try19 V12: cut inside the bracket, or kept whole in the name).
_REMARK_AFTER = re.compile(r"\s*[（(]([^（）()]*(?:还|正在|刚|已经|快|没|未|不|吗|呢|吧|啊|我|了|要|想|流程|手续|入职|离职|试用|"
                           r"转正|社保|合同|办理|待定|大概|应该|可能|好像|在|注册|位于|地址|办公|总部|属于|简称)[^（）()]*)[）)]\s*$")


# The present said before the employer, in the clause left once the former is set aside ("原来在A 现在跳到B了",
# "以前在A，目前在B"): the time and the move or the being there, no part of the name.
_NOW_AT = re.compile(r"^\s*(?:现在|目前|如今)(?:又)?(?:(?:跳槽|跳|换|调|转)(?:到|去|至|入|进)|就职于|就职在|在|是|为|叫)?(?:了)?\s*")


def current_employer_said(text: str) -> str:
    """``text`` without its clauses about a former employer, when another clause is left: "新公司是
    上海新新科技有限公司，以前在上海旧旧公司" answers with the new one (单位信息变更 asks the current), as does a
    turn to the former said with no punctuation ("新单位是…有限公司原来是…"), or a move from one to the other
    ("从A跳槽到B了": B); a remark in brackets after the name set aside."""
    text = _ASIDE.sub(lambda aside: "" if _FORMER_EMPLOYER.search(aside.group(1).strip()) else aside.group(), text)
    text = _REMARK_AFTER.sub("", text) or text
    moved = _MOVED_TO.search(text)
    if moved and text[moved.end():].strip():
        return current_employer_said(text[moved.end():])
    text = _TURN_AFTER_A_NAME.sub("，", text)
    clauses = [c for c in _CLAUSE.split(text) if c.strip()]
    current = [c for c in clauses if not about_former_employer(c)]
    if not current or len(current) == len(clauses):
        return text
    return "，".join(_NOW_AT.sub("", c) or c for c in current)  # "现在跳到B了" beside the former: B


# A note in brackets on the school's former or present name ("（原上海第二医科大学）", "（现并入…）"): no part of
# the name; a campus's own brackets ("哈尔滨工业大学（威海）") stay.
_SCHOOL_RENAMED = re.compile(r"\s*[（(]\s*(?:原|前身|曾用名|旧称|旧名|以前叫|之前叫|以前是|原来是|现名|现为|现在叫|现已|已并入|"
                             r"并入|合并|已更名|更名)[^（）()]*[）)]")
# How the degree was studied, said before the school ("自考的北京大学", "函授 复旦大学"): no part of its name
# (是否全日制 is its own question; ``study_mode_beside_school`` reads it). 开放大学/电大 name schools, kept.
_STUDY_MODE_BEFORE = re.compile(r"^(?:我是|我)?(?:自考|自学考试|函授|成考|成人高考|夜大|网教|网络教育|远程教育|在职|非全日制|全日制|统招)"
                                r"(?:的|读的|考的|上的|念的|是)?\s*(?=\S)")
# The level said apart after the school ("华中科大 硕士", "某某学院，本科毕业"): no part of its name (学历层次 is
# its own question, read beside the school by ``dialogs.understanding.entities``).
_LEVEL_AFTER = re.compile(r"(?<=\S)[\s,，、;；]+(?:大专|专科|本科|学士|硕士|博士|研究生|硕士研究生|博士研究生)"
                          r"(?:毕业|学历|学位)?[。.!！]?$")


# …and the same said after the name without brackets ("…金融学院 以前叫…学院", "…大学，原名…"): the name typed first is
# today's; a note in brackets that says which one is meant ("（英国那个）", "（985的那所）") is no campus either; a college
# or department of the university typed apart after it ("同济大学 土木学院"): the university issues the degree (dev20).
_FORMER_NAME_AFTER = re.compile(r"(?<=\S)[\s,，;；。]+(?:(?:以前|之前|原来|原先|过去|早先|早年)(?:叫做?|名叫|名字叫|是|称)|原名|旧称|"
                                r"前身(?:是|为)?|曾用名)\S.*$")
_WHICH_ONE_NOTE = re.compile(r"\s*[（(][^（）()]*(?:那个|那所|这个|这所|的|不是)[^（）()]*[）)]\s*$")
_UNIT_AFTER_UNIVERSITY = re.compile(r"(?<=大学)[\s,，、]+[\u4e00-\u9fff]{1,10}?(?:学院|系|专业|研究生院)$")


def school_notes_dropped(text: str) -> str:
    """``text`` without what is said after the school's name of its former name, which one is meant, or the college
    inside the university (``_FORMER_NAME_AFTER``, ``_WHICH_ONE_NOTE``, ``_UNIT_AFTER_UNIVERSITY``)."""
    return _UNIT_AFTER_UNIVERSITY.sub("", _WHICH_ONE_NOTE.sub("", _FORMER_NAME_AFTER.sub("", text.strip())))


def parse_school(text: str) -> str:
    """The school's full name as typed (see :func:`parse_organisation`), without a note on its former
    name and how the degree was studied said before it."""
    text = _LEVEL_AFTER.sub("", _STUDY_MODE_BEFORE.sub("", _SCHOOL_RENAMED.sub("", school_notes_dropped(text)).strip()))
    return parse_organisation(text, SCHOOL, lead_in=SCHOOL_LEAD_IN)


# parse_count's steps, compiled once (as parse_mobile's).
_COUNT_PUT = re.compile(r"^(?:那就|那|就)?(?:填|写|算|按)")
_COUNT_NOW = re.compile(r"^(?:现在|目前|眼下|暂时)(?:就|只|才)?")
_COUNT_TAG = re.compile(r"(?<=\S)(?:吧|呗)$")
_COUNT_WORDS = re.compile(r"^(?:我)?(?:是|有|交了|缴了|共|一共)|(?:孩子|小孩|娃|子女|社保)$")
_COUNT_UNITS = re.compile(r"[个位名年岁\s。]|\.(?!\d)")
_FRACTION = re.compile(r"\d+\.\d+")
_NEGATIVE_COUNT = re.compile(r"^(?:-|－|−|负|minus)\s*(?:\d|[〇零一两二三四五六七八九十俩仨])")
_TWO_NUMERALS = re.compile(r"[一两二三四五六七八九][〇零一两二三四五六七八九]+")


def parse_count(text: str, *, label: str, low: int, high: int) -> int:
    """A small whole number given as digits or Chinese numerals ("两个", "十二年", "没有"), also
    in a short sentence ("有1个", "一个孩子", "没有孩子", "交了5年")."""
    value = _COUNT_PUT.sub("", text.strip())  # "那就填1吧": the number to put
    value = _COUNT_NOW.sub("", value)  # "(老二还没出生，)现在一个": the count today
    value = _COUNT_WORDS.sub("", _COUNT_TAG.sub("", value))
    value = _COUNT_UNITS.sub("", value)  # a full stop, never a decimal point: "0.5" is no 5
    if _FRACTION.fullmatch(value):  # "1.5个": no count of children or years is a fraction
        raise ValidationError(f"{label}请填写整数，例如 0、1、2。")
    if (given := numeral_range(value)) is not None:  # "两三个", "五六年": two counts, not 23 or 56
        raise ValidationError(f"您说的是{given[0]}到{given[1]}，{label}要填一个确切的数字，例如 {given[0]}。")
    if _TWO_NUMERALS.fullmatch(value):  # "二三" of "二三年才交": no count
        raise ValidationError(f"{label}请填写数字，例如 0、1、2。")
    if _NEGATIVE_COUNT.match(value):  # "-2", "负二": no count is below none
        raise ValidationError(f"{label}不能是负数，请回复 0 或正整数，例如 0、1、2。")
    number = 0 if value in {"无", "没有", "没"} else _number(value)
    if number is None:
        raise ValidationError(f"{label}请填写数字，例如 0、1、2。")
    if not low <= number <= high:
        raise ValidationError(f"{label}应在 {low} 到 {high} 之间，请重新输入。")
    return number


_MONTHS = re.compile(r"(?<!\d)(\d+|[零〇两一二三四五六七八九十百]+)\s*个?月")
# Less than a number of years ("一年不到", "不满3年", "快六年了", "半年"): the full years are one fewer.
_UNDER = re.compile(r"^(?:社保)?(?:我)?(?:交了|缴了|才|只有|就)?(?:还)?(?:不到|不满|没到|没满)(\w+?)年$|"
                    r"^(?:社保)?(?:我)?(?:交了|缴了|才|只有|就)?(\w+?)年(?:不到|没到|不满)$|"
                    # "快六年了", "将近5年": almost, so not yet
                    r"^(?:社保)?(?:我)?(?:交了|缴了|已经)?(?:差不多)?(?:快要?|将近|接近|马上)(?:满|到)?(\w+?)年(?:了|啦)?$")
_HALF_A_YEAR = re.compile(r"^(?:社保)?(?:我)?(?:交了|缴了|才|只有|就)?(?:半年|几个月)(?:吧|左右)?$")


# Numerals run together ("两三", "五六", "三五", "十五六"): a range people say for a count they are unsure of —
# read as one number they would be 23, 56, 35 or nothing. After 十 only neighbours are a range ("十五六").
_RUN_TOGETHER = r"(十?[一两二三四五六七八九])([二三四五六七八九])"


def numeral_range(value: str) -> tuple[int, int] | None:
    """The two counts of numerals run together ("两三" → (2, 3), "三五" → (3, 5), "十五六" → (15, 16)), or None."""
    match = re.fullmatch(_RUN_TOGETHER, value)
    return _run_together(match.group(1), match.group(2)) if match else None


def _run_together(first_said: str, second_said: str) -> tuple[int, int] | None:
    first, second = _number(first_said), _number(second_said)
    if first is None or second is None:
        return None
    if first >= 10:  # "十五六": the second is the first's last digit plus one
        return (first, first + 1) if second == first % 10 + 1 else None
    return (first, second) if first < second else None


# Two counts of years as a range: numerals run together ("五六年", "两三年", "十一二年"), or any two with a dash
# or 到 between ("5-6年", "三到五年"); never a year said in two digits ("一二年开始交的": since 2012).
_YEARS_RANGE = re.compile(r"(?<![\d零〇一二两三四五六七八九十])(?:" + _RUN_TOGETHER + r"|"
                          r"(\d{1,2}|[一二两三四五六七八九十]{1,3})\s*(?:-|~|～|—|到|至)\s*(\d{1,2}|[一二两三四五六七八九十]{1,3}))\s*年"
                          r"(?!\s*(?:才|就|又)?(?:开始|起(?!码)))")


def years_range(text: str) -> tuple[int, int] | None:
    """The range of years a reply gives instead of one count ("大概五六年吧" → (5, 6), "3到5年"), or None."""
    for match in _YEARS_RANGE.finditer(text):
        if match.group(1):  # numerals run together
            if (given := _run_together(match.group(1), match.group(2))) is not None:
                return given
            continue
        first, second = _number(match.group(3)), _number(match.group(4))
        if first is not None and second is not None and first < second:
            return first, second
    return None


def parse_years(text: str, *, label: str, low: int, high: int) -> int:
    """Full years as :func:`parse_count` reads them, also given in months ("72个月", "社保交了12个月"
    → 6, 1), with a part year ("6年半", "五年多" → 6, 5) or as less than some ("一年不到", "半年" → 0):
    a count of years paid is of full years. A range ("五六年") is asked again: the review checks the
    years paid, so neither end is taken for the applicant."""
    said = text.strip().rstrip("。.")
    if (given := years_range(said)) is not None:
        raise ValidationError(f"您说的是{given[0]}到{given[1]}年，{label}要填一个确切的整年数（人才中心审核时会核实"
                              f"在本市缴纳社保的年限，可以查一下社保缴费记录）。请回复一个数字，例如 {given[0]}。")
    months = _MONTHS.search(said) if "年" not in said else None  # "社保交了12个月"
    if months and (number := _number(months.group(1))) is not None:
        return parse_count(str(number // 12), label=label, low=low, high=high)
    if _HALF_A_YEAR.match(said):
        return 0
    under = _UNDER.match(said)
    if under and (number := _number(next(g for g in under.groups() if g))) is not None:
        return parse_count(str(max(number - 1, 0)), label=label, low=low, high=high)
    said = re.sub(r"年零?(?:\d{1,2}|[一二两三四五六七八九十]{1,3})个?月$", "年", said)  # "5年零3个月"
    # (the part year's measure is no numeral: "三年多一点" is 3, never 31; "五年出头" 5)
    return parse_count(re.sub(r"年(?:半|多)(?:一点儿?|一些|点儿?|些)?|年出头|多年", "年", said), label=label, low=low, high=high)


# (幺 is 1 as digits are read aloud: "第幺项", "第幺幺项" for 11.)
_ORDINAL = re.compile(r"第?(\d{1,2}|[零〇一幺二两三四五六七八九十]{1,3})[项个号条份]?")


def parse_ordinal(text: str) -> int | None:
    """The number of an item in a list as people write it ("3", "第3项", "第三项", "三号"), or None."""
    match = _ORDINAL.fullmatch(text.strip().rstrip(".、。"))
    return _number(match.group(1)) if match else None


def _number(value: str) -> int | None:
    """Digits or Chinese numerals ("12", "十二", "一二", "两", "幺幺") as a whole number; None for anything else."""
    if value.isdecimal():
        return int(value)
    try:
        number = cn2an.cn2an(value.replace("俩", "两").replace("仨", "三").replace("幺", "一"), "normal")
    except ValueError:
        return None
    return int(number) if number == int(number) and number >= 0 else None


YES = frozenset({"是", "是的", "对", "对的", "有", "y", "yes", "1", "好", "嗯", "全日制", "确认", "同意"})
NO = frozenset({"否", "不是", "不", "没有", "没", "无", "n", "no", "2", "非全日制", "不对"})


def parse_yes_no(text: str) -> bool:
    """是/否 and their everyday variants; numbers 1 (是) and 2 (否) as the prompt offers them."""
    value = text.strip().lower().rstrip("。.!！")
    # "是的，全日制": the first clause answers; "全日制的" is "全日制".
    for candidate in (value, (first := re.split(r"[，,、\s]", value, maxsplit=1)[0]), first.removesuffix("的")):
        if candidate in YES:
            return True
        if candidate in NO:
            return False
    raise ValidationError("请回复“是”或“否”（也可以回复 1 或 2）。")
