"""Build input as a document: validating any reader's document.

``validate`` turns a document (from JSON, CSV or a workbook: the readers are in
``fxreport.formats``) into a ``Report``, reporting every problem once, at its
key path, in words of ``fxreport.core.words.INPUT``; it never shows pydantic's
own text.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from ..core.identities import IDENTITIES, derive_all
from ..core.model import Report, row_names
from ..core.problems import InputError, InputProblem, Where
from ..core.words import value_text
from ..formats.json_input import JsonLiteral, key_text
from ..formats.names import norm_name as _norm

ROW_NAMES: dict[str, tuple[str, ...]] = row_names()  # today's annex's rows
ROW_KEYS = tuple(ROW_NAMES)
TOP_KEYS = ("bank", "date", *ROW_KEYS)
ROW_OF: dict[str, str] = {name: key for key, names in ROW_NAMES.items() for name in names}
FORMULA: dict[str, str] = {i.target: i.formula() for i in IDENTITIES}
TARGETS = frozenset(FORMULA)

# --- validating ------------------------------------------------------------------------

def validate(doc: Mapping[str, Any], *, derived: bool = False,
             where: Mapping[str, Where] | None = None) -> Report:
    """A ``Report`` from a document, deriving the left sides first when asked.

    Every problem is reported at once (``InputError``), once, at its key path
    (or where ``where`` says the key came from: a CSV line, a workbook cell):
    unknown keys with the right spelling or row where there is one, values
    that are not what the field takes, missing values.  With ``derived``, a
    missing left side is computed; without it, the missing left sides are one
    problem that says ``--derive`` computes them.
    """
    from pydantic import ValidationError  # lazy, heavy: pydantic

    where = where or {}
    problems: list[InputProblem] = []
    computed: dict[str, int] = {}
    if derived:
        doc, computed, conflicts = _derive(doc)
        for name, given, value, formula in conflicts:
            key = f"{ROW_OF[name]}.{name}"
            problems.append(InputProblem(_at(key, where), "derive_conflict", given=given,
                                         derived=value, formula=formula))
    try:
        report = Report.model_validate(doc)
    except ValidationError as exc:
        problems.extend(_translate(exc.errors(), doc, derived, computed, where))
    else:
        if not problems:
            return report
    raise InputError(_once(problems))


def _derive(doc: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, int], list[Any]]:
    """The document with every derivable missing left side filled in (only in rows
    that are objects, only from the row's own fields), what was computed, and the
    conflicts between given and computed left sides."""
    rows = {key: doc[key] for key in ROW_KEYS if isinstance(doc.get(key), Mapping)}
    flat: dict[str, Any] = {}
    for key, part in rows.items():
        flat.update({k: v for k, v in part.items() if ROW_OF.get(k) == key})
    full, conflicts = derive_all(flat)
    computed = {name: value for name, value in full.items() if name not in flat}
    out = dict(doc)
    for key, part in rows.items():
        extra = {name: value for name, value in computed.items() if ROW_OF[name] == key}
        if extra:
            out[key] = {**part, **extra}
    return out, computed, conflicts


def _at(key: str, where: Mapping[str, Where]) -> Where:
    return where.get(key) or Where(key=key)


Words = tuple[str, dict[str, Any]]  # an INPUT key and its parameters


def _problem(where: Where, words: Words) -> InputProblem:
    return InputProblem(where, words[0], **words[1])


def _translate(errors: list[Any], doc: Mapping[str, Any], derived: bool,
               computed: Mapping[str, int], where: Mapping[str, Where]) -> list[InputProblem]:
    problems: list[InputProblem] = []
    missing_sides: list[str] = []
    # a misspelt or misplaced key already says what is missing: don't say it twice
    meant = {_meant(err["loc"]) for err in errors if err["type"] == "extra_forbidden"}
    for err in errors:
        loc = tuple(err["loc"])
        key = ".".join(key_text(p) for p in loc)
        if err["type"] != "missing":
            problems.append(_refused(err, loc, _at(key, where), computed))
        elif key in meant:
            continue
        elif len(loc) == 2 and loc[1] in TARGETS:
            if not derived:
                missing_sides.append(key)
            # with --derive, a left side that cannot be computed has a reason reported
        else:
            problems.append(_problem(_at(key, where), _missing(loc)))
    problems.extend(_missing_sides(missing_sides, where))
    return problems


def _refused(err: Mapping[str, Any], loc: tuple[Any, ...], at: Where,
             computed: Mapping[str, int]) -> InputProblem:
    """A key or value pydantic refused, in our words (a field's own check has its key)."""
    kind = err["type"]
    if kind == "extra_forbidden":
        return _problem(at, _unknown(loc))
    if kind.startswith("fx_"):
        return InputProblem(at, kind[3:], **(err.get("ctx") or {}))
    if not loc:
        return InputProblem(Where(), "json_not_object")
    return _problem(at, _bad_value(kind, loc, err.get("input"), computed))


def _bad_value(kind: str, loc: tuple[Any, ...], value: Any, computed: Mapping[str, int]) -> Words:
    """Why a value was refused, by what it was given for: a row, an amount, anything else."""
    if len(loc) == 1 and loc[0] in ROW_KEYS:
        return ("row_type", {"value": _shown(value), "first": ROW_NAMES[loc[0]][0]})
    if len(loc) == 2 and loc[0] in ROW_KEYS:
        if loc[1] in computed:  # the user wrote no value: show the one computed
            return ("derived_range", {"value": f"{computed[loc[1]]:,}", "formula": FORMULA[loc[1]]})
        return _amount(kind, value)
    return ("invalid_value", {"value": _shown(value)})


def _missing_sides(keys: list[str], where: Mapping[str, Where]) -> list[InputProblem]:
    """Missing left sides as one problem: its formula for one, a count for many."""
    if len(keys) == 1:
        return [InputProblem(_at(keys[0], where), "missing_left_side",
                             formula=FORMULA[keys[0].split(".")[1]])]
    if keys:
        return [InputProblem(Where(), "missing_left_sides", count=len(keys), names=keys)]
    return []


def _shown(value: Any) -> str:
    return value_text(value)


def _missing(loc: tuple[Any, ...]) -> Words:
    if loc == ("bank",):
        return ("missing_bank", {})
    if loc == ("date",):
        return ("missing_date", {})
    if len(loc) == 1:
        return ("missing_row", {"first": ROW_NAMES[loc[0]][0]})
    return ("missing_amount", {})


def _amount(kind: str, value: Any) -> Words:
    """Why an amount's value was refused (the value as the user wrote it)."""
    shown = _shown(value)
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return ("amount_range", {"value": shown})
    if isinstance(value, JsonLiteral):
        if value.kind == "int":
            return ("amount_range", {"value": shown})
        whole = _whole(value.json_text)
        if whole is not None:
            return ("decimal_whole", {"value": shown, "whole": whole})
    elif isinstance(value, float) and value.is_integer():
        return ("decimal_whole", {"value": shown, "whole": str(int(value))})
    elif isinstance(value, str):
        number = value.strip().replace(",", "")
        if number.lstrip("+-").isdigit() and number.isascii():
            return ("number_as_text", {"value": shown, "number": str(int(number))})
    return ("not_whole_number", {"value": shown})


def _whole(text: str) -> str | None:
    """``1800.0`` or ``1.8e3`` as the whole number it is, or None."""
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    if not number.is_finite() or number != number.to_integral_value() or abs(number) > 10**18:
        return None
    return str(int(number))


# --- unknown keys ------------------------------------------------------------------------

_NORMS: dict[str, str] = {_norm(n): n for n in (*ROW_OF, *TOP_KEYS)}


def _meant(loc: tuple[Any, ...]) -> str | None:
    """The key path a misspelt or misplaced key stands for, if it can be told."""
    key = loc[-1]
    if not isinstance(key, str):
        return None
    name = key if key in ROW_OF or key in TOP_KEYS else _NORMS.get(_norm(key))
    if name is None:
        return None
    return f"{ROW_OF[name]}.{name}" if name in ROW_OF else name


def _unknown(loc: tuple[Any, ...]) -> Words:
    """Words for a key the format does not have: where it belongs, or what was meant."""
    key = loc[-1]
    row = loc[0] if len(loc) == 2 else None
    if isinstance(key, str) and key in ROW_OF:  # a real field in the wrong place
        if row is None:
            return ("field_at_top", {"name": key, "other": ROW_OF[key]})
        return ("wrong_row", {"name": key, "other": ROW_OF[key], "row": row})
    return _near_miss(_near(key, row), row)


def _near(key: Any, row: str | None) -> str | None:
    """The name a misspelt key stands for: the same name but for case and separators,
    else a close one, first among the names of where it was given."""
    candidates = list(ROW_NAMES[row]) if row else list(TOP_KEYS)
    if not isinstance(key, str):
        return None
    name = _NORMS.get(_norm(key))
    if name is None:
        others = [n for n in ROW_OF if n not in candidates]
        close = difflib.get_close_matches(key, candidates, n=1, cutoff=0.75) or \
            difflib.get_close_matches(key, others, n=1, cutoff=0.8)
        name = close[0] if close else None
    return name


def _near_miss(name: str | None, row: str | None) -> Words:
    """What was meant, with its row when the key was given at the top or in another row."""
    if name is not None and name in ROW_OF:
        if row is None:
            return ("near_miss", {"name": f"{ROW_OF[name]}.{name}"})
        if ROW_OF[name] != row:
            return ("near_miss_row", {"name": name, "other": ROW_OF[name], "row": row})
    if name is not None and (row is None or name in ROW_NAMES[row]):
        return ("near_miss", {"name": name})
    if row is None:
        return ("unknown_key", {})
    return ("unknown_field", {"row": row})


# --- once, in order -------------------------------------------------------------------------

_FIELD_ORDER = {name: i for i, name in enumerate(ROW_OF)}
_TOP_ORDER = {key: i for i, key in enumerate(TOP_KEYS)}


def _order(p: InputProblem) -> tuple[int, int, int]:
    w = p.where
    parts = (w.key or "").split(".")
    return (w.line or 0, _TOP_ORDER.get(parts[0], len(TOP_KEYS) if w.key else -1),
            _FIELD_ORDER.get(parts[-1], len(_FIELD_ORDER)) if len(parts) > 1 else -1)


def _once(problems: list[InputProblem]) -> list[InputProblem]:
    seen: list[InputProblem] = []
    for p in problems:
        if p not in seen:
            seen.append(p)
    return sorted(seen, key=_order)
