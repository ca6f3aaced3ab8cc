"""A finding: one problem at one place, rendered in the reader's language.

A finding holds a rule code, its place (row, columns, field), the bytes found
and the values its message needs.  Every word comes from the catalogue
(``fxreport.core.rules``) when the finding is shown, so checks never build a
sentence and a finding costs nothing to render until someone reads it.
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Any

from .fields import AMOUNT_MAX
from .layout import Field
from .words import safe, word

if TYPE_CHECKING:
    from .rules import Rule


def escape_bytes(raw: bytes) -> str:
    """Bytes as text, every control and non-ASCII byte escaped as ``\\xNN``."""
    return "".join(chr(b) if 0x20 <= b < 0x7F else f"\\x{b:02X}" for b in raw)


def show_bytes(raw: bytes | None, lang: str = "en") -> str:
    """Bytes quoted for a message: ``'  12'``, in Chinese ``「  12」`` (one quoting style per
    language); a quote is escaped too."""
    if raw is None:
        return ""
    shown = escape_bytes(raw).replace("'", "\\x27")
    return f"「{shown}」" if lang == "zh-TW" else f"'{shown}'"


def field_display(field: Field, lang: str = "en") -> str:
    """The name of a field shown to people, in ``lang``: the annex's name, or for an unnamed
    reserved range its label and columns (``reserved 184-213``, ``保留欄位 184-213``).  The
    one place a field's shown name is made."""
    if field.name:
        return field.name
    label = field.label_zh if lang == "zh-TW" else field.label_en
    return f"{label} {field.start}-{field.end}"


# reasons that share another's advice
_ADVICE = {"one_record": "records_count_hint", "looks_csv": "looks_json_hint"}


class Finding:
    """One problem: a rule code, where it is, the bytes found and the message's values."""

    __slots__ = ("code", "row", "start", "end", "field", "found", "params", "verified")

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
        # FORMAT.md 7.6: the note of a verified quality or limit finding, else None
        self.verified: str | None = None

    def replace(self, **changes: Any) -> Finding:
        """A copy with ``changes`` (``found``, ``verified``): a finding is not changed
        once it is made, a series makes a new one (``checking.pipeline``)."""
        new = Finding.__new__(Finding)
        for name in Finding.__slots__:
            setattr(new, name, changes[name] if name in changes else getattr(self, name))
        return new

    @property
    def rule(self) -> Rule:
        from .rules import RULES  # lazy, start-up: the catalogue, only when a finding is worded

        return RULES[self.code]

    @property
    def severity(self) -> str:
        """The rule's severity; a finding may be milder than its rule (FORMAT.md 7.1: a
        continuity mismatch across a gap is a warning), given as its ``severity`` value."""
        severity: str = self.params.get("severity") or self.rule.severity
        return severity

    @property
    def category(self) -> str:
        return self.rule.category

    @property
    def field_name(self) -> str | None:
        return (self.field.name or None) if self.field is not None else None

    def label(self, lang: str = "en") -> str:
        if self.field is None:
            return ""
        return self.field.label_zh if lang == "zh-TW" else self.field.label_en

    def display(self, lang: str = "en") -> str:
        return field_display(self.field, lang) if self.field is not None else ""

    # --- values -----------------------------------------------------------------------

    def found_text(self) -> str | None:
        """FORMAT.md 6.6 ``found``: the field's text as found (escaped), or what stands for it."""
        if self.found is not None:
            return escape_bytes(self.found)
        name = self.params.get("name")
        return name if isinstance(name, str) else None

    def expected_text(self) -> str | None:
        """FORMAT.md 6.6 ``expected``: what the rule wanted, as text, or None."""
        want = self.params.get("expected")
        if want is None:
            return None
        return want.isoformat() if isinstance(want, _dt.date) else str(want)

    # --- words ------------------------------------------------------------------------

    def _context(self, lang: str) -> dict[str, Any]:
        from .rules import render_value, render_reason  # lazy, start-up: the catalogue

        ctx = {k: render_value(v, lang) for k, v in self.params.items()}
        reason: str | None = self.params.get("reason")
        ctx["why"] = render_reason(reason, ctx, lang)
        # a reason's own advice, for a hint that depends on it (STR002)
        ctx["advice"] = render_reason(_ADVICE.get(reason or "", f"{reason}_hint"), ctx, lang)
        for key in ("split", "more"):  # optional clauses, each with values of its own
            values = self.params.get(key)
            if values:  # a field among them is shown by its name in ``lang``
                values = {k: field_display(v, lang) if isinstance(v, Field) else v
                          for k, v in values.items()}
            ctx[key] = render_reason(key, values, lang) if values else ""
        ctx.update(row=self.row, start=self.start, end=self.end, amount_max=AMOUNT_MAX,
                   found=show_bytes(self.found, lang), label=self.label(lang),
                   field=self.display(lang),
                   width=(self.end - self.start + 1) if self.start and self.end else 0)
        advice = self.params.get("advice")  # a hint chosen by the check, with every value
        if advice:
            ctx["advice"] = render_reason(advice, ctx, lang)
        return ctx

    def text(self, lang: str = "en") -> str:
        """The message without the field: what follows ``FIELD(label)`` in text output."""
        return self.rule.message[lang].format(**self._context(lang))

    def parts(self, lang: str = "en") -> tuple[str, str, str]:
        """The field's shown name, its label and the message without them, in ``lang``:
        what ``message`` composes, and what the HTML report shows apart ("" for a finding
        about no field)."""
        return self.display(lang), self.label(lang), self.text(lang)

    def message(self, lang: str = "en") -> str:
        """The whole message, ``FIELD(label) message``, composed from ``parts`` (text
        output, JSON, build's lines, the API's exceptions all show it, by ``line``).

        An unnamed reserved range shows its label, the message its columns
        (``reserved columns 184-213 must be all spaces``); Chinese puts full-width
        parentheses around the label and no colon, so the message reads on
        (``BAL（前日餘額）為 12,276，但…``)."""
        field, label, text = self.parts(lang)
        if self.field is None:
            return text
        if not self.field.name:  # an unnamed reserved range: its label; the columns are said
            return word("label_message", lang, label=label, text=text)
        return word("field_message", lang, field=field, label=label, text=text)

    def line(self, lang: str = "en", where: str = "", code: str | None = None,
             escaped: bool = False) -> str:
        """A finding's line in ``lang``, the one place it is composed: ``CODE FIELD(label)
        message``, after ``WHERE: `` (``WHERE：``) when a place is given.  ``code`` is the
        code as shown (coloured, say); ``escaped`` escapes control characters in the
        message for a terminal (FORMAT.md 6.7)."""
        message = self.message(lang)
        text = word("finding", lang, code=self.code if code is None else code,
                    text=safe(message) if escaped else message)
        return word("where_message", lang, where=where, message=text) if where else text

    def placeholders(self, lang: str = "en") -> dict[str, str]:
        """The message's placeholders as filled: what the words of ``text`` were given."""
        from string import Formatter  # lazy, start-up: check FILE never loads string

        ctx = self._context(lang)
        filled = {}
        for _, name, spec, conversion in Formatter().parse(self.rule.message[lang]):
            if name:
                value = ctx[name]
                value = repr(value) if conversion == "r" else str(value) if conversion else value
                filled[name] = format(value, spec or "")
        return filled

    def hint(self, lang: str = "en") -> str:
        """What to do; where two rows look swapped (``swapped``), a clause that says so."""
        text: str = self.rule.hint[lang].format(**self._context(lang))
        swapped = self.params.get("swapped")
        if swapped:
            from .rules import render_reason  # lazy, start-up: the catalogue

            text += render_reason("swapped", {"a": swapped[0], "b": swapped[1]}, lang)
        return text

    def as_json(self, lang: str = "en") -> dict[str, Any]:
        return {"code": self.code, "severity": self.severity, "category": self.category,
                "row": self.row, "start": self.start, "end": self.end,
                "field": self.field_name, "message": self.message(lang),
                "hint": self.hint(lang), "found": self.found_text(),
                "expected": self.expected_text(),
                "verified": None if self.verified is None else {"note": self.verified}}

    def sort_key(self) -> tuple[int, int, str]:
        return (self.row or 0, self.start or 0, self.code)

    def __repr__(self) -> str:
        where = f"{self.row}:{self.start}-{self.end}" if self.row else "file"
        return f"<Finding {self.code} {where} {self.field_name or ''}>"
