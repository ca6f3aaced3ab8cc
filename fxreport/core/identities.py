"""The relations between amounts: arithmetic identities and what carries to the next day.

One table each.  ``violations`` (the checker) and ``derive`` (``build --derive``,
the workbook reader) both evaluate the identities through ``Identity.rhs``;
the rule catalogue, ``specs/`` and the workbook's formulas are written from
the same tables.  These are today's annex's; ``layout.FX_POSITION`` carries them
(``identities``, ``carries``), and the functions here take another layout's.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any


class _Row:
    """A row of a table: its fields by name, equal when they are (a plain class: a
    NamedTuple costs a tenth of a millisecond to create at every start)."""

    __slots__: tuple[str, ...] = ()

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        fields = ", ".join(f"{n}={getattr(self, n)!r}" for n in self.__slots__)
        return f"{type(self).__name__}({fields})"


class Identity(_Row):
    """code; target: the left side, where a finding points; terms: (+1 or -1, amount name)
    each; inferred: from the labels, not stated by the annex (a warning)."""

    __slots__ = ("code", "target", "terms", "inferred")

    def __init__(self, code: str, target: str, terms: tuple[tuple[int, str], ...],
                 inferred: bool) -> None:
        self.code = code
        self.target = target
        self.terms = terms
        self.inferred = inferred

    def formula(self) -> str:
        out = []
        for i, (sign, name) in enumerate(self.terms):
            out.append(name if i == 0 and sign > 0 else f"{'+' if sign > 0 else '-'} {name}")
        return f"{self.target} = {' '.join(out)}"

    def rhs(self, values: Mapping[str, Any]) -> int | None:
        """The right side, or None when an input is missing or not a whole number."""
        total = 0
        for sign, name in self.terms:
            v = values.get(name)
            if type(v) is not int:
                return None
            total += sign * v
        return total


def _terms(*spec: str) -> tuple[tuple[int, str], ...]:
    return tuple((-1 if s.startswith("-") else 1, s.lstrip("+-")) for s in spec)


IDENTITIES: tuple[Identity, ...] = (
    Identity("ARI001", "ACUST", _terms("AB", "-AS"), False),
    Identity("ARI002", "ABAL_UNB", _terms("BAL_UNB", "A_UNC1", "-A_UNS1"), False),
    Identity("ARI003", "ABAL_UNS", _terms("BAL_UNS", "A_UNC2", "-A_UNS2"), False),
    Identity("ARI004", "AUNST", _terms("ABAL_UNB", "-ABAL_UNS"), False),
    Identity("ARI005", "SPOT", _terms("ABAL", "AUNST"), False),
    Identity("ARI006", "ABAL_FB1", _terms("BAL_FB1", "A_FC1", "-A_FS1"), False),
    Identity("ARI007", "ABAL_FB3", _terms("BAL_FB3", "A_FC3", "-A_FS3"), False),
    Identity("ARI008", "FORWARD", _terms("ABAL_FB1", "-ABAL_FB3"), False),
    Identity("ARI009", "ABAL_SW1", _terms("BAL_SW1", "A_SWC1", "-A_SWS1"), False),
    Identity("ARI010", "ABAL_SW2", _terms("BAL_SW2", "A_SWC2", "-A_SWS2"), False),
    Identity("ARI011", "ABAL", _terms("BAL", "ACUST", "ABT", "Adj-1", "Adj-2"), True),
    Identity("ARI012", "POS", _terms("SPOT", "FORWARD", "A_OPTION", "ABAL_SW1", "-ABAL_SW2"), True),
)
TARGETS = frozenset(i.target for i in IDENTITIES)


def violations(values: Mapping[str, int], identities: Sequence[Identity] = IDENTITIES,
               ) -> Iterator[tuple[Identity, int, int]]:
    """(identity, actual, expected) for each identity that fails; an identity with a
    missing or malformed input is skipped (FORMAT.md section 4)."""
    for ident in identities:
        actual = values.get(ident.target)
        if actual is None:
            continue
        expected = ident.rhs(values)
        if expected is not None and expected != actual:
            yield ident, actual, expected


# The same identities over a complete list of amounts in a layout's order (the decoder
# gives that list): index tables, so the usual file costs one pass.
HoldPlan = tuple[tuple[int, tuple[int, ...], tuple[int, ...]], ...]


def hold_plan(identities: Sequence[Identity], names: Sequence[str]) -> HoldPlan:
    """``identities`` as positions in a list of amounts named ``names`` (a layout's amount
    names in its order); made once per layout by whoever checks its files."""
    index = {name: i for i, name in enumerate(names)}
    return tuple((index[i.target], tuple(index[n] for s, n in i.terms if s > 0),
                  tuple(index[n] for s, n in i.terms if s < 0)) for i in identities)


def all_hold(amounts: Sequence[int], plan: HoldPlan) -> bool:
    """Whether every identity of ``plan`` (``hold_plan``'s, of the layout) holds, for
    every amount of a report in the layout's order."""
    get = amounts.__getitem__
    for target, plus, minus in plan:
        if amounts[target] != sum(map(get, plus)) - sum(map(get, minus)):
            return False
    return True


def derivation_order(identities: Sequence[Identity] = IDENTITIES) -> tuple[Identity, ...]:
    """Identities ordered so that each one's inputs are derived before it."""
    targets = {i.target: i for i in identities}
    done: list[Identity] = []
    seen: set[str] = set()

    def visit(ident: Identity) -> None:
        if ident.target in seen:
            return
        seen.add(ident.target)
        for _, name in ident.terms:
            if name in targets:
                visit(targets[name])
        done.append(ident)

    for ident in identities:
        visit(ident)
    return tuple(done)


def derive_all(amounts: Mapping[str, Any], identities: Sequence[Identity] = IDENTITIES,
               ) -> tuple[dict[str, Any], list[tuple[str, Any, int, str]]]:
    """A copy of ``amounts`` with every derivable left side filled in, and the conflicts
    (name, given, derived, formula): a left side given must equal the derived value,
    and a caller reports each conflict with every other problem of its input.  Inputs
    that are not whole numbers, and a left side given as null, are left for the model's
    validation to report."""
    out = dict(amounts)
    problems = []
    for ident in derivation_order(identities):
        value = ident.rhs(out)
        if value is None:
            continue
        if ident.target not in out:
            out[ident.target] = value
            continue
        given = out[ident.target]
        if type(given) is int and given != value:
            problems.append((ident.target, given, value, ident.formula()))
    return out, problems


class Carry(_Row):
    """A field of the next day's report that starts from a field of today's."""

    __slots__ = ("field", "source", "checked", "reason")

    def __init__(self, field: str, source: str, checked: bool, reason: str) -> None:
        self.field = field  # the next day's field
        self.source = source  # today's field it starts from
        self.checked = checked  # continuity compares them (FORMAT.md section 4)
        self.reason = reason


_NOTE4 = "annex note 4: prior-day balances equal the previous business day's today balances"
CARRIES: tuple[Carry, ...] = (
    Carry("BAL", "ABAL", True, _NOTE4),
    Carry("BAL_UNB", "ABAL_UNB", True, _NOTE4),
    Carry("BAL_UNS", "ABAL_UNS", True, _NOTE4),
    Carry("BAL_FB1", "ABAL_FB1", True, _NOTE4),
    Carry("BAL_FB3", "ABAL_FB3", True, _NOTE4),
    Carry("BAL_SW1", "ABAL_SW1", True, _NOTE4),
    Carry("BAL_SW2", "ABAL_SW2", True, _NOTE4),
    Carry("A_OPTION", "A_OPTION", False,
          "the option delta is a position held overnight, not the day's activity; the annex "
          "has no prior-day field for it, so `roll` starts from yesterday's and it is not checked"),
)
# Prior-day fields and the previous report's today field they must equal.
CARRIED: tuple[tuple[str, str], ...] = tuple((c.field, c.source) for c in CARRIES if c.checked)
PRIOR_DAY_FIELDS = tuple(p for p, _ in CARRIED)
