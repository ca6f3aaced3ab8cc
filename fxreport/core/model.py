"""The typed report (pydantic v2), made from a layout value by ``report_model``.

Attributes are snake_case (``report.row1.acust``, ``report.row1.adj_1``);
aliases are the annex's names (``ACUST``, ``Adj-1``), which JSON input and
output use.  Every amount is a strict int with |v| <= 999,999,999.  ``Report``
is today's annex's (``layout.FX_POSITION``); type checkers read its rows from the
generated stub ``_rows.pyi`` (``python -m fxreport.specs`` writes it; a test fails
when it is stale), so ``report.row1.acust`` is an ``int`` to them.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, create_model, field_validator

from . import fields as fc
from .fields import AMOUNT, CODE, ROC_DATE
from .layout import FX_POSITION, Layout
from .words import input_message, value_text

if TYPE_CHECKING:
    from typing_extensions import Self

AmountInt = AMOUNT.pydantic()
FirmCode = CODE.pydantic()

_ROW_CONFIG = ConfigDict(populate_by_name=True, extra="forbid", frozen=True)


def _describe(f: Any) -> str:
    return (f"{f.label_zh} / {f.label_en}. S9(9) in thousands of USD, row {f.row} "
            f"columns {f.start}-{f.end} ({f.width} bytes).")


def _row_model(layout: Layout, row: int) -> type[BaseModel]:
    spec: dict[str, Any] = {
        f.attr: (AmountInt, Field(alias=f.name, description=_describe(f)))
        for f in layout.records[row - 1] if f.type == AMOUNT
    }
    zh, en = layout.title(row)
    model: type[BaseModel] = create_model(
        f"Row{row}", __config__=_ROW_CONFIG, __doc__=f"Row {row}: {zh} / {en}.", **spec)
    return model


def _head(f: Any) -> tuple[Any, Any]:
    """A head field of the layout as the model's field: a firm code (``bank``) or a date
    (``date``), the validators of ``ReportBase`` judging it."""
    where = f"columns {f.start}-{f.end} of every row."
    if f.type is CODE:
        return FirmCode, Field(description=(
            f"{f.label_zh} / {f.label_en}: 4 uppercase ASCII letters or digits, {where}"))
    if f.type is ROC_DATE:
        return _dt.date, Field(description=(
            f"{f.label_zh} / {f.label_en}: ISO 2016-12-09 or ROC 105/12/09; written as "
            f"ROC YYY/MM/DD in {where}"))
    raise ValueError(f"a head field is a firm code or a date, not {f.type.doc}")


_MODELS: dict[int, type[ReportBase]] = {}  # by id() of the layout


def report_model(layout: Layout, doc: str = "A day's report of one firm.") -> type[ReportBase]:
    """The model of ``layout``'s report: its head fields (``bank``, ``date``), then one
    row model per record (``row1``, ``row2``, ...) with the record's amounts; made once
    per layout."""
    found = _MODELS.get(id(layout))
    if found is not None and found.layout is layout:
        return found
    spec: dict[str, Any] = {f.attr: _head(f) for f in layout.heads}
    for row in range(1, len(layout.records) + 1):
        spec[f"row{row}"] = (_row_model(layout, row), Field(
            description=f"Row {row}: " + " / ".join(layout.title(row))))
    model = create_model("Report", __base__=ReportBase, __doc__=doc, **spec)
    model.layout = layout
    _MODELS[id(layout)] = model
    return model


class ReportBase(BaseModel):
    """What every layout's report has: the validators of its firm code and date, its
    amounts by name, its file name; ``report_model`` adds the fields."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    layout: ClassVar[Layout]
    if TYPE_CHECKING:  # the fields each layout's model has (made by ``report_model``)
        bank: str
        date: _dt.date

    @field_validator("bank", mode="before", check_fields=False)
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

    @field_validator("date", mode="before", check_fields=False)
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

    @field_validator("date", check_fields=False)
    @classmethod
    def _date_fits(cls, v: _dt.date) -> _dt.date:
        if not fc.roc_year_fits(v):
            raise refusal("date_range", value=v.isoformat())
        return v

    def amounts(self) -> dict[str, int]:
        """Every amount by the annex's name (``{"BAL": ..., "Adj-1": ...}``)."""
        out: dict[str, int] = {}
        for row in range(1, len(self.layout.records) + 1):
            out.update(getattr(self, f"row{row}").model_dump(by_alias=True))
        return out

    def __getitem__(self, name: str) -> int:
        return self.amounts()[name]

    @property
    def filename(self) -> str:
        """The name the layout's naming rule gives: ``ABP1209.txt``."""
        naming = self.layout.naming
        if naming is None:
            raise ValueError(f"the layout {self.layout.name!r} has no naming rule")
        return naming(self.bank, self.date)

    @classmethod
    def from_amounts(cls, bank: str, date: _dt.date | str,
                     amounts: Mapping[str, int]) -> Self:
        """Build and validate from a flat mapping of annex names to amounts."""
        return cls.model_validate({"bank": bank, "date": date,
                                   **split_rows(amounts, cls.layout)})

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
    from pydantic_core import PydanticCustomError  # lazy, heavy: pydantic_core

    if "value" in params:
        params = {**params, "value": value_text(params["value"])}
    return PydanticCustomError("fx_" + key, input_message(key, "en", params), params)


if TYPE_CHECKING:  # the stub generated from today's layout: its rows' fields typed
    from ._rows import Report as Report, Row1 as Row1, Row2 as Row2, Row3 as Row3
else:
    Report = report_model(FX_POSITION, "One day's FX-position report of one firm.")
    Row1, Row2, Row3 = (Report.model_fields[f"row{r}"].annotation for r in (1, 2, 3))


def row_names(layout: Layout = FX_POSITION) -> dict[str, tuple[str, ...]]:
    """The amount names of each row's model, by its key (``{"row1": ("BAL", ...), ...}``)."""
    if layout is FX_POSITION and _ROW_NAMES:
        return _ROW_NAMES
    return {f"row{row}": tuple(f.name for f in fields if f.type is AMOUNT)
            for row, fields in enumerate(layout.records, 1)}


_ROW_NAMES: dict[str, tuple[str, ...]] = {}
_ROW_NAMES.update(row_names(FX_POSITION))


def split_rows(amounts: Mapping[str, Any], layout: Layout = FX_POSITION,
               ) -> dict[str, dict[str, Any]]:
    """A flat ``{name: value}`` mapping as ``{"row1": {...}, "row2": ..., "row3": ...}``."""
    names = row_names(layout)
    return {key: {n: amounts[n] for n in ns if n in amounts} for key, ns in names.items()}


def trusted(bank: str, date: _dt.date, amounts: Mapping[str, int]) -> Report:
    """A Report from values the decoder has already checked: one validation of the
    nested mapping (pydantic's fastest path, faster than constructing each row)."""
    return Report.model_validate({"bank": bank, "date": date, **split_rows(amounts)})


# The decoder's fast path gives every amount, in the layout's order: each row's are a slice.
_ROW_SLICES: list[tuple[str, tuple[str, ...], int, int]] = []
for _row, _fields in enumerate(FX_POSITION.records, 1):
    _attrs = tuple(f.attr for f in _fields if f.type is AMOUNT)
    _start = _ROW_SLICES[-1][3] if _ROW_SLICES else 0
    _ROW_SLICES.append((f"row{_row}", _attrs, _start, _start + len(_attrs)))


def trusted_amounts(bank: str, date: _dt.date, amounts: Sequence[int]) -> Report:
    """A Report from the decoder's fast path: a firm code, a date and every amount in the
    layout's order (``model_validate`` of the nested mapping, as ``trusted``)."""
    values: dict[str, Any] = {"bank": bank, "date": date}
    for key, attrs, a, b in _ROW_SLICES:
        values[key] = dict(zip(attrs, amounts[a:b]))
    return Report.model_validate(values)
