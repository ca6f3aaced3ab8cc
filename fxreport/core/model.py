"""The typed report (pydantic v2), generated from the layout table.

Attributes are snake_case (``report.row1.acust``, ``report.row1.adj_1``);
aliases are the annex's names (``ACUST``, ``Adj-1``), which JSON input and
output use.  Every amount is a strict int with |v| <= 999,999,999.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, create_model, field_validator

from . import fields as fc
from .fields import AMOUNT, CODE, expected_filename
from .layout import BANK_FIELD, DATE_FIELD, ROW_TITLES, ROWS

AmountInt = AMOUNT.pydantic()
FirmCode = CODE.pydantic()

_ROW_CONFIG = ConfigDict(populate_by_name=True, extra="forbid", frozen=True)


def _describe(f: Any) -> str:
    return (f"{f.label_zh} / {f.label_en}. S9(9) in thousands of USD, row {f.row} "
            f"columns {f.start}-{f.end} ({f.width} bytes).")


def _row_model(row: int) -> type[BaseModel]:
    spec: dict[str, Any] = {
        f.attr: (AmountInt, Field(alias=f.name, description=_describe(f)))
        for f in ROWS[row] if f.type == AMOUNT
    }
    zh, en = ROW_TITLES[row]
    model: type[BaseModel] = create_model(
        f"Row{row}", __config__=_ROW_CONFIG, __doc__=f"Row {row}: {zh} / {en}.", **spec)
    return model


Row1 = _row_model(1)
Row2 = _row_model(2)
Row3 = _row_model(3)
_ROW_MODELS = {1: Row1, 2: Row2, 3: Row3}
_BANK, _DATE = BANK_FIELD, DATE_FIELD


class Report(BaseModel):
    """One day's FX-position report of one firm."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    bank: FirmCode = Field(description=(  # type: ignore[valid-type]
        f"{_BANK.label_zh} / {_BANK.label_en}: 4 uppercase ASCII letters or digits, "
        f"columns {_BANK.start}-{_BANK.end} of every row."))
    date: _dt.date = Field(description=(
        f"{_DATE.label_zh} / {_DATE.label_en}: ISO 2016-12-09 or ROC 105/12/09; written as "
        f"ROC YYY/MM/DD in columns {_DATE.start}-{_DATE.end} of every row."))
    row1: Row1 = Field(description="Row 1: " + " / ".join(ROW_TITLES[1]))  # type: ignore[valid-type]
    row2: Row2 = Field(description="Row 2: " + " / ".join(ROW_TITLES[2]))  # type: ignore[valid-type]
    row3: Row3 = Field(description="Row 3: " + " / ".join(ROW_TITLES[3]))  # type: ignore[valid-type]

    @field_validator("bank", mode="before")
    @classmethod
    def _bank_is_a_code(cls, v: Any) -> Any:
        if not isinstance(v, str):
            raise refusal("bank_type", value=v)
        if not fc.is_code(v):
            upper = v.upper()
            if upper != v and fc.is_code(upper):
                raise refusal("bank_case", value=v, upper=upper)
            raise refusal("bank_form", value=v)
        return v

    @field_validator("date", mode="before")
    @classmethod
    def _date_forms(cls, v: Any) -> Any:
        if isinstance(v, _dt.datetime):
            raise refusal("date_time", value=v.isoformat())
        if isinstance(v, _dt.date):
            return v
        if not isinstance(v, str):
            raise refusal("date_type", value=v)
        try:
            return fc.parse_any_date(v)
        except fc.FieldFormatError as exc:
            key, params = date_refusal(v, exc.reason)
            raise refusal(key, **params) from None

    @field_validator("date")
    @classmethod
    def _date_fits(cls, v: _dt.date) -> _dt.date:
        if not fc.roc_year_fits(v):
            raise refusal("date_range", value=v.isoformat())
        return v

    def amounts(self) -> dict[str, int]:
        """Every amount by the annex's name (``{"BAL": ..., "Adj-1": ...}``)."""
        out: dict[str, int] = {}
        for row in (1, 2, 3):
            out.update(getattr(self, f"row{row}").model_dump(by_alias=True))
        return out

    def __getitem__(self, name: str) -> int:
        return self.amounts()[name]

    @property
    def filename(self) -> str:
        """The name the naming rule gives: ``ABP1209.txt``."""
        return expected_filename(self.bank, self.date)

    @classmethod
    def from_amounts(cls, bank: str, date: _dt.date | str,
                     amounts: Mapping[str, int]) -> Report:
        """Build and validate from a flat mapping of annex names to amounts."""
        return cls.model_validate({"bank": bank, "date": date, **split_rows(amounts)})

    def to_json_dict(self) -> dict[str, Any]:
        """The JSON shape ``fxreport show --format json`` prints and ``build`` reads."""
        return self.model_dump(mode="json", by_alias=True)


def date_refusal(text: str, reason: str) -> tuple[str, dict[str, Any]]:
    """Why a typed date was refused, as an input-problem key and its parameters:
    the forms accepted, with the user's own date in them where it can be told
    (``"2016/12/12" is not a date: write it as ROC 105/12/12 or ISO 2016-12-12``).
    ``value`` is the text as typed (``refusal`` and ``value_text`` quote it)."""
    value = text
    if reason == "date_calendar":
        return "date_not_real", {"value": value}
    if reason == "date_year0":
        return "date_range", {"value": value}
    meant = fc.guess_date(text)
    if meant is not None and fc.roc_year_fits(meant):
        return "date_form_guess", {"value": value, "roc": fc.roc_text(meant),
                                   "iso": meant.isoformat()}
    return "date_form", {"value": value}


def refusal(key: str, **params: Any) -> Exception:
    """A validation error whose type is ``fx_`` + an input-problem key of
    ``fxreport.core.words.INPUT`` (its words in both languages); ``value`` is shown
    as the user wrote it (JSON spelling)."""
    from pydantic_core import PydanticCustomError

    from .words import input_message, value_text

    if "value" in params:
        params = {**params, "value": value_text(params["value"])}
    return PydanticCustomError("fx_" + key, input_message(key, "en", params), params)


_ROW_NAMES = {f"row{row}": tuple(f.name for f in fields if f.type is AMOUNT)
              for row, fields in ROWS.items()}


def split_rows(amounts: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """A flat ``{name: value}`` mapping as ``{"row1": {...}, "row2": ..., "row3": ...}``."""
    return {key: {n: amounts[n] for n in names if n in amounts} for key, names in _ROW_NAMES.items()}


def trusted(bank: str, date: _dt.date, amounts: Mapping[str, int]) -> Report:
    """A Report from values the decoder has already checked: one validation of the
    nested mapping (pydantic's fastest path, faster than constructing each row)."""
    return Report.model_validate({"bank": bank, "date": date, **split_rows(amounts)})


# The decoder's fast path gives every amount, in the layout's order: each row's are a slice.
_ROW_SLICES: list[tuple[str, type[BaseModel], tuple[str, ...], int, int]] = []
for _row, _fields in ROWS.items():
    _attrs = tuple(f.attr for f in _fields if f.type is AMOUNT)
    _start = _ROW_SLICES[-1][4] if _ROW_SLICES else 0
    _ROW_SLICES.append((f"row{_row}", _ROW_MODELS[_row], _attrs, _start, _start + len(_attrs)))
_FIELD_NAMES = {cls: set(cls.model_fields) for cls in (Report, *_ROW_MODELS.values())}  # type: ignore[attr-defined]
_new = object.__new__
_set = object.__setattr__
_prebuilt: list[bool] = []  # [whether building agrees with validating], after the first call


def _built(cls: type[BaseModel], values: dict[str, Any]) -> Any:
    """The instance ``cls.model_validate`` makes of ``values`` (every field, in order) when
    it accepts them unchanged (strict fields given valid values), without validating
    them again."""
    model = _new(cls)
    _set(model, "__dict__", values)
    _set(model, "__pydantic_fields_set__", _FIELD_NAMES[cls].copy())
    _set(model, "__pydantic_extra__", None)
    _set(model, "__pydantic_private__", None)
    return model


def trusted_amounts(bank: str, date: _dt.date, amounts: Sequence[int]) -> Report:
    """A Report from the decoder's fast path: a firm code, a date and every amount in the
    layout's order, each already checked against its field type.  The rows and the
    report are built as ``model_validate`` would build them, without validating again;
    the first call checks that the two agree (else every call validates)."""
    values: dict[str, Any] = {"bank": bank, "date": date}
    for key, cls, attrs, a, b in _ROW_SLICES:
        values[key] = _built(cls, dict(zip(attrs, amounts[a:b])))
    report = _built(Report, values)
    if not _prebuilt:
        check = Report.model_validate({k: v.model_dump() if isinstance(v, BaseModel) else v
                                       for k, v in values.items()})
        _prebuilt.append(_same(report, check))
    return report if _prebuilt[0] else trusted(bank, date, report.amounts())


def _same(a: BaseModel, b: BaseModel) -> bool:
    """The same model in every attribute pydantic keeps (dict in order, fields set, extra,
    private), nested models too."""
    if type(a) is not type(b) or a != b or list(a.__dict__) != list(b.__dict__):
        return False
    if (a.model_fields_set != b.model_fields_set or a.__pydantic_extra__ != b.__pydantic_extra__
            or a.__pydantic_private__ != b.__pydantic_private__):
        return False
    return all(_same(x, y) if isinstance(x, BaseModel) else x is y or x == y
               for x, y in zip(a.__dict__.values(), b.__dict__.values()))
