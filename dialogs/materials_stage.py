"""After the checklist: choosing a material, sending its photos, the upload page, submission,
and what follows the review (确认申办信息 / 申办信息有误), as the applicant does it in chat.

The application record (``dialogs.lifecycle``) is the truth about statuses; this stage only keeps
what the conversation itself needs: the material being photographed, its photos so far, and photos
that arrived before the applicant said which material they belong to (never guessed).
"""
from __future__ import annotations

from typing import Any

from dialogs import lifecycle, render
from dialogs.checklist import Material
from dialogs.events import (
    BuildMaterial, ConfirmApplication, DisputeApplication, Image, ListHistory, OfferUploadLink, SubmitApplication,
)

MAX_PHOTOS_PER_MATERIAL = 20  # materials.photos refuses more; say so before fetching them


class MaterialsStage:
    """Mixed into the engine's ``Turn``: ``conv``, ``ctx``, ``say``, ``effects`` and ``checklist``
    come from there."""

    conv: dict[str, Any]
    ctx: Any
    effects: list

    # -- what the record says -----------------------------------------------------------
    def record(self) -> dict[str, Any]:
        return self.ctx.application or self.draft_view()

    def in_stage(self) -> bool:
        return self.conv["state"] == "materials"

    def status_overview(self) -> str:
        record = self.record()
        materials = self.checklist()
        text = render.checklist_text(materials, record.get("materials"))
        open_codes = lifecycle.replaceable(record)
        following = next((m for m in materials if m.code in lifecycle.missing_materials(record)
                          and m.code in open_codes), None)
        if record.get("status") in ("draft", "returned"):
            hint = (f"下一项建议上传：{materials.index(following) + 1}. {following.name}。" if following
                    else "所有材料都已上传，回复“提交”提交审核。")
            return f"{text}\n\n{hint}\n{render.UPLOAD_HOW}"
        return text

    # -- choosing a material -------------------------------------------------------------
    def material_named(self, text: str) -> Material | None:
        materials = self.checklist()
        value = text.strip().rstrip(".、")
        if value.isdigit():
            number = int(value)
            return materials[number - 1] if 1 <= number <= len(materials) else None
        hits = [m for m in materials if value and (value in m.name or m.name in value)]
        return hits[0] if len(hits) == 1 else None

    def select_material(self, material: Material) -> None:
        record = self.record()
        try:
            lifecycle.check_replaceable(record, material.code)
        except lifecycle.LifecycleError as err:
            self.say(render.material_detail(material), err.message)
            return
        self.conv["material"] = material.code
        photos = (self.conv.pop("unassigned", None) or [])[:MAX_PHOTOS_PER_MATERIAL]
        self.conv["photos"] = photos
        lines = [render.material_detail(material)]
        if photos:
            lines.append(f"您之前发送的 {len(photos)} 张照片已归入这项材料。继续发送下一页，或回复“完成”生成 PDF。")
        else:
            lines.append("请拍照发送这项材料，可以发多张（每张一页）；发送完毕回复“完成”。也可以回复“网页上传”上传 PDF 文件。")
        self.say(*lines)

    # -- photos ---------------------------------------------------------------------------
    def keep_unassigned(self, media_id: str) -> None:
        # The most recent photos are the ones that will be asked about; older ones are dropped.
        self.conv["unassigned"] = [*(self.conv.get("unassigned") or []), media_id][-MAX_PHOTOS_PER_MATERIAL:]

    def on_photo(self, event: Image) -> None:
        code = self.conv.get("material")
        if not self.in_stage():
            self.keep_unassigned(event.media_id)
            self.say("已收到您的照片并先保存下来。现在还不需要上传材料，请先完成信息填写；"
                     "生成材料清单后告诉我这张照片属于哪一项即可。", self.prompt())
            return
        if code is None:
            self.keep_unassigned(event.media_id)
            self.say("收到照片。请问这是哪一项材料？回复序号：\n" + render.checklist_text(self.checklist()))
            return
        photos = self.conv.setdefault("photos", [])
        if len(photos) >= MAX_PHOTOS_PER_MATERIAL:
            self.say(f"一项材料最多 {MAX_PHOTOS_PER_MATERIAL} 页。请回复“完成”生成 PDF，或回复“取消”重新拍。")
            return
        photos.append(event.media_id)
        name = self.material_name(code)
        self.say(f"已收到“{name}”第 {len(photos)} 页。继续发送下一页，或回复“完成”生成 PDF。")

    def material_name(self, code: str) -> str:
        return next((m.name for m in self.checklist() if m.code == code), code)

    # -- commands of this stage -------------------------------------------------------------
    def outside_stage(self) -> bool:
        if self.in_stage():
            return False
        self.say("这一步还用不到。请先完成信息填写，生成材料清单后再上传和提交：", self.prompt())
        return True

    def intent_finish_photos(self, _: str) -> None:
        if self.outside_stage():
            return
        code, photos = self.conv.get("material"), self.conv.get("photos") or []
        if code is None or not photos:
            self.say("还没有收到这项材料的照片。请先回复材料序号，再拍照发送。")
            return
        self.effects.append(BuildMaterial(self.conv["application_id"], code, tuple(photos)))
        self.conv["material"], self.conv["photos"] = None, []
        self.say(f"正在把 {len(photos)} 张照片合成为“{self.material_name(code)}”的 PDF，完成后马上通知您。"
                 "这期间可以继续选择下一项材料。")

    def intent_cancel(self, _: str) -> None:
        if self.outside_stage():
            return
        dropped = len(self.conv.get("photos") or []) + len(self.conv.get("unassigned") or [])
        self.conv["material"], self.conv["photos"], self.conv["unassigned"] = None, [], []
        self.say((f"已放弃未完成的 {dropped} 张照片。" if dropped else "已取消。") + "回复材料序号重新选择。")

    def intent_upload_link(self, _: str) -> None:
        if self.outside_stage():
            return
        if not lifecycle.replaceable(self.record()):
            self.say("现在没有需要上传的材料。回复“进度”查看当前状态。")
            return
        self.effects.append(OfferUploadLink(self.conv["application_id"]))

    def intent_submit(self, _: str) -> None:
        if self.outside_stage():
            return
        if self.conv.get("photos"):
            self.say("“" + self.material_name(self.conv["material"]) + "”的照片还没有生成 PDF，请先回复“完成”。")
            return
        missing = lifecycle.missing_materials(self.record())
        if missing and self.record().get("status") in ("draft", "returned"):
            names = "、".join(self.material_name(c) for c in missing)
            self.say(f"还有 {len(missing)} 项材料没有上传：{names}。全部上传后才能提交审核。")
            return
        self.effects.append(SubmitApplication(self.conv["application_id"]))

    def intent_confirm_application(self, _: str) -> None:
        if self.outside_stage():
            return
        if self.record().get("status") != "approved":
            self.say("只有预审通过后才需要确认申办信息。回复“进度”查看当前状态。")
            return
        self.effects.append(ConfirmApplication(self.conv["application_id"]))

    def intent_dispute(self, text: str) -> None:
        if self.outside_stage():
            return
        if self.record().get("status") != "approved":
            self.say("只有预审通过、待确认时才可以反馈申办信息有误。其他问题请回复“人工”。")
            return
        if not text:
            self.say("请在“申办信息有误”后面写明哪里有误，例如“申办信息有误 单位名称不对”。")
            return
        self.effects.append(DisputeApplication(self.conv["application_id"], text))

    def intent_history(self, _: str) -> None:
        self.effects.append(ListHistory())

    # -- free text in this stage --------------------------------------------------------------
    def on_materials_text(self, text: str) -> None:
        material = self.material_named(text)
        if material is not None:
            self.select_material(material)
            return
        if self.try_faq(text):
            return
        self.say("回复材料序号选择要上传的材料；回复“进度”查看每项材料的状态。", render.UPLOAD_HOW)
