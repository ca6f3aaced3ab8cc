"""A finding: one problem at one place, rendered in the reader's language."""

from __future__ import annotations

from typing import Any

from .layout import Field
from .rules import REASONS, RULES


def show_bytes(raw: bytes | None) -> str:
    """Bytes as a quoted ASCII string, everything else escaped as \\xNN."""
    if raw is None:
        return ""
    out = []
    for b in raw:
        out.append(chr(b) if 0x20 <= b < 0x7F and b != 0x27 else f"\\x{b:02X}")
    return "'" + "".join(out) + "'"


class Finding:
    """One problem: a rule code, where it is, the bytes found and the message's values."""

    __slots__ = ("code", "row", "start", "end", "field", "found", "params")

    def __init__(self, code: str, row: int | None = None, field: Field | None = None,
                 found: bytes | None = None, start: int | None = None,
                 end: int | None = None, **params: Any) -> None:
        self.code = code
        self.row = row
        self.field = field
        self.found = found
        self.start = start if start is not None or field is None else field.start
        self.end = end if end is not None or field is None else field.end
        self.params = params

    @property
    def severity(self) -> str:
        return RULES[self.code].severity

    @property
    def category(self) -> str:
        return RULES[self.code].category

    @property
    def field_name(self) -> str | None:
        return (self.field.name or None) if self.field is not None else None

    def label(self, lang: str = "en") -> str:
        if self.field is None:
            return ""
        return self.field.label_zh if lang == "zh-TW" else self.field.label_en

    def _context(self, lang: str) -> dict[str, Any]:
        ctx: dict[str, Any] = {"why": "", "why_zh": ""}
        ctx.update(self.params)
        reason = self.params.get("reason")
        if reason in REASONS:
            ctx["why"] = REASONS[reason][lang]
        ctx.update(row=self.row, start=self.start, end=self.end,
                   found=show_bytes(self.found), label=self.label(lang),
                   field=self.field.display if self.field is not None else "",
                   width=(self.end - self.start + 1) if self.start and self.end else 0)
        return ctx

    def text(self, lang: str = "en") -> str:
        """The message without the field: what follows ``FIELD(label)`` in text output."""
        return RULES[self.code].message[lang].format(**self._context(lang))

    def message(self, lang: str = "en") -> str:
        """The whole message, naming the field and its label where there is one."""
        text = self.text(lang)
        if self.field is None:
            return text
        return f"{self.field.display} ({self.label(lang)}): {text}"

    def hint(self, lang: str = "en") -> str:
        return RULES[self.code].hint[lang].format(**self._context(lang))

    def as_json(self, lang: str = "en") -> dict[str, Any]:
        return {"code": self.code, "severity": self.severity, "category": self.category,
                "row": self.row, "start": self.start, "end": self.end,
                "field": self.field_name, "message": self.message(lang),
                "hint": self.hint(lang)}

    def sort_key(self) -> tuple[int, int, str]:
        return (self.row or 0, self.start or 0, self.code)

    def __repr__(self) -> str:
        where = f"{self.row}:{self.start}-{self.end}" if self.row else "file"
        return f"<Finding {self.code} {where} {self.field_name or ''}>"
