"""Draw the 样张 (samples) the upload page links to: ``<code>.png`` to look at in the phone's
browser and ``<code>.pdf`` to print, for each material with ``sample: true`` in
dialogs/checklist_rules.yaml.

They show *layout* — where the signature, the stamp and the date go — not any official wording,
and every page says so. Run once after changing a drawing and commit the output:

    apt-get install -y fonts-wqy-microhei   # a CJK font for Pillow
    .venv/bin/python tools/make_samples.py
"""
from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import img2pdf
from PIL import Image, ImageDraw, ImageFont

OUT_DIR = Path(__file__).resolve().parents[1] / "bot" / "static" / "samples"
FONT_FILE = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
DPI = 150
WIDTH, HEIGHT = 1240, 1754  # A4 at 150 dpi
MARGIN = 110
INK, MUTED, RULE = (30, 30, 30), (110, 110, 110), (150, 150, 150)
STAMP_RED, NOTE_BLUE, MARK_RED = (200, 40, 40), (21, 101, 192), (215, 60, 60)

Drawing = Callable[[ImageDraw.ImageDraw], None]


def font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(FONT_FILE, size)


def sample_page(title: str, draw_body: Drawing) -> Image.Image:
    """An A4 page with the 样张 banner, a title and a faint diagonal 样张 across it."""
    page = Image.new("RGB", (WIDTH, HEIGHT), "white")
    draw = ImageDraw.Draw(page)
    draw.rectangle((0, 0, WIDTH, 86), fill=(253, 236, 234))
    draw.text((WIDTH // 2, 43), "样张 · 仅示意版式和填写、签名、盖章的位置，请以实际文件为准", font=font(30),
              fill=MARK_RED, anchor="mm")
    draw.text((WIDTH // 2, 190), title, font=font(58), fill=INK, anchor="mm")
    draw_body(draw)
    return _with_watermark(page)


def _with_watermark(page: Image.Image) -> Image.Image:
    mark = Image.new("L", (WIDTH, HEIGHT), 0)
    ImageDraw.Draw(mark).text((WIDTH // 2, HEIGHT // 2), "样  张", font=font(330), fill=38, anchor="mm")
    mark = mark.rotate(35, resample=Image.Resampling.BICUBIC)
    page.paste(Image.new("RGB", page.size, MARK_RED), mask=mark)
    return page


def field(draw: ImageDraw.ImageDraw, y: int, label: str, hint: str = "") -> None:
    """A label and the line it is filled in on."""
    draw.text((MARGIN, y), label, font=font(32), fill=INK)
    left = MARGIN + int(draw.textlength(label, font=font(32))) + 16
    draw.line((left, y + 44, WIDTH - MARGIN, y + 44), fill=RULE, width=2)
    if hint:
        draw.text((left + 10, y + 2), hint, font=font(26), fill=MUTED)


def paragraph(draw: ImageDraw.ImageDraw, y: int, lines: list[str], size: int = 32) -> int:
    for line in lines:
        draw.text((MARGIN, y), line, font=font(size), fill=INK)
        y += int(size * 1.75)
    return y


def note(draw: ImageDraw.ImageDraw, xy: tuple[int, int], number: int, text: str) -> None:
    """A numbered blue callout, as a reviewer would scribble on the form."""
    x, y = xy
    draw.ellipse((x, y, x + 40, y + 40), fill=NOTE_BLUE)
    draw.text((x + 20, y + 20), str(number), font=font(26), fill="white", anchor="mm")
    draw.text((x + 54, y + 2), text, font=font(28), fill=NOTE_BLUE)


def stamp_area(draw: ImageDraw.ImageDraw, centre: tuple[int, int]) -> None:
    """Where the employer's round stamp goes, drawn as a dashed red circle."""
    cx, cy = centre
    radius = 130
    for start in range(0, 360, 12):
        draw.arc((cx - radius, cy - radius, cx + radius, cy + radius), start, start + 7, fill=STAMP_RED, width=5)
    draw.text((cx, cy - 18), "单位公章", font=font(36), fill=STAMP_RED, anchor="mm")
    draw.text((cx, cy + 28), "盖在此处", font=font(28), fill=STAMP_RED, anchor="mm")


def highlight(draw: ImageDraw.ImageDraw, box: tuple[int, int, int, int]) -> None:
    draw.rounded_rectangle(box, radius=10, outline=NOTE_BLUE, width=4)


# -- the two samples -----------------------------------------------------------------------------------
def commission_form(draw: ImageDraw.ImageDraw) -> None:
    y = paragraph(draw, 300, ["委托单位（实际工作单位）将本单位员工的上海市居住证积分", "线上预审事宜，委托服务机构办理。"])
    field(draw, y + 30, "申请人姓名：")
    field(draw, y + 120, "身份证号码：")
    field(draw, y + 210, "实际工作单位：")
    draw.text((MARGIN, y + 300), "委托事项（每项业务单独一份）：", font=font(32), fill=INK)
    options = ["□ 积分新办", "□ 积分续办", "□ 单位信息变更", "□ 增加同住人"]
    for i, option in enumerate(options):
        draw.text((MARGIN + 40 + (i % 2) * 460, y + 370 + (i // 2) * 64), option, font=font(32), fill=INK)
    note(draw, (MARGIN, y + 520), 1, "每办理一项业务单独提供一份；每次续办须提供最新委托单")

    sign_y = 1180
    draw.text((660, sign_y), "委托单位（盖章）：", font=font(32), fill=INK)
    stamp_area(draw, (900, sign_y + 190))
    draw.text((660, sign_y + 360), "落款日期：    年    月    日", font=font(32), fill=INK)
    highlight(draw, (640, sign_y + 345, WIDTH - MARGIN + 10, sign_y + 410))
    note(draw, (MARGIN, sign_y + 40), 2, "由实际工作单位盖章")
    note(draw, (MARGIN, sign_y + 440), 3, "盖章处须写落款日期；上传时距落款日期不得超过两个月，")
    draw.text((MARGIN + 54, sign_y + 486), "超过请联系服务机构重新申请委托单", font=font(28), fill=NOTE_BLUE)


def commitment_letter(draw: ImageDraw.ImageDraw) -> None:
    y = paragraph(draw, 300, [
        "本人了解上海市居住证积分管理有关规定，承诺所填写的",
        "信息及所上传的材料真实、准确、完整。若有任何隐瞒或",
        "造假，本人愿承担一切后果及责任。",
    ])
    field(draw, y + 40, "身份证号码：")
    note(draw, (MARGIN, y + 150), 1, "打印后填写，再整页扫描或拍照上传，四角完整、字迹清晰")

    sign_y = 1150
    draw.text((560, sign_y), "承诺人（本人亲笔签名）：", font=font(32), fill=INK)
    draw.line((600, sign_y + 130, WIDTH - MARGIN, sign_y + 130), fill=RULE, width=2)
    highlight(draw, (560, sign_y + 55, WIDTH - MARGIN + 10, sign_y + 150))
    draw.text((560, sign_y + 200), "日期：    年    月    日", font=font(32), fill=INK)
    note(draw, (MARGIN, sign_y + 300), 2, "须本人手写签名，不能打印、盖章代替或由他人代签")


SAMPLES: dict[str, tuple[str, Drawing]] = {
    "commission_form": ("咨询服务委托单", commission_form),
    "commitment_letter": ("承诺书", commitment_letter),
}


def write(code: str, page: Image.Image) -> None:
    """The PNG, and the same PNG wrapped as an A4 PDF page (img2pdf embeds it without re-encoding)."""
    buffer = io.BytesIO()
    page.quantize(colors=32).save(buffer, "PNG", optimize=True)  # a flat drawing: a small palette is exact
    (OUT_DIR / f"{code}.png").write_bytes(buffer.getvalue())
    a4 = img2pdf.get_layout_fun((img2pdf.mm_to_pt(210), img2pdf.mm_to_pt(297)))
    (OUT_DIR / f"{code}.pdf").write_bytes(img2pdf.convert(buffer.getvalue(), layout_fun=a4))


def main() -> None:
    for code, (title, drawing) in SAMPLES.items():
        write(code, sample_page(title, drawing))
        print(f"wrote {code}.png and {code}.pdf")


if __name__ == "__main__":
    main()
