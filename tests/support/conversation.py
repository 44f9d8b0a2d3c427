"""The application conversation the end-to-end tests walk: each message with the words its reply
must contain, and ``walk`` to say them one by one."""
from __future__ import annotations

from dataclasses import dataclass

from bot.dev.simulator import SimulatedUser
from dialogs.privacy import mask_text

CONVERSATION = [
    ("你好", "请选择您要办理的业务类型"),
    ("积分新办", "居住证有效期"),
    ("２０２７年８月２５日", "真实性承诺"),
    ("同意", "姓名"),
    ("張三", "身份证号码"),
    ("110105194912310021", "校验位不正确"),
    ("11010519491231002x", "所在单位"),
    ("上海某某科技有限公司", "子女"),
    ("0", "婚姻状况"),
    ("已婚", "手机号码"),
    ("13800138000", "邮箱"),
    ("无", "配偶"),
    ("0", "加分"),
    ("学历 社保", "全日制"),
    ("是", "国（境）外"),
    ("否", "学历层次"),
    ("本科", "院校"),
    ("复旦大学", "社保"),
    ("6", "请核对您填写的信息"),
    ("确认", "材料清单"),
]


@dataclass(frozen=True)
class Turn:
    """One message: a text, or a photo (``media_id`` already known to the WeChat stub)."""

    expected: str
    text: str = ""
    media_id: str = ""

    def send(self, user: SimulatedUser, msg_id: int | None = None) -> str:
        """The passive reply; the same ``msg_id`` again is how WeChat retries a message."""
        return user.send_image(self.media_id, msg_id) if self.media_id else user.say(self.text, msg_id)

    @property
    def logged_as(self) -> str:
        """The ``in`` of this turn's transcript entry."""
        return "[照片]" if self.media_id else mask_text(self.text)


TO_CHECKLIST = [Turn(expected, text=text) for text, expected in CONVERSATION]


def walk(user: SimulatedUser, turns: list[Turn] = TO_CHECKLIST) -> None:
    """Say each turn; each reply must hold its expected words."""
    assert turns, "no turns to walk"
    for turn in turns:
        reply = turn.send(user)
        assert turn.expected in reply, f"{turn.logged_as!r} → {reply!r}"
