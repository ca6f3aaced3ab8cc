"""Computing every left side of the identities from its inputs (``build --derive``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .identities import derivation_order


class DeriveConflict(ValueError):
    def __init__(self, problems: list[tuple[str, Any, int, str]]) -> None:
        self.problems = problems  # (name, given, derived, formula)
        super().__init__("; ".join(
            f"{n} is given as {g:,} but {f} gives {d:,}" for n, g, d, f in problems))


def derive(amounts: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of ``amounts`` with every derivable left side filled in.

    A left side that is given must equal the derived value (DeriveConflict
    names both numbers).  Inputs that are not whole numbers are left for the
    model's validation to report.
    """
    out, problems = derive_all(amounts)
    if problems:
        raise DeriveConflict(problems)
    return out


def derive_all(amounts: Mapping[str, Any]) -> tuple[dict[str, Any], list[tuple[str, Any, int, str]]]:
    """``derive`` without raising: the filled-in copy and the conflicts
    (name, given, derived, formula), so that a caller can report them with
    every other problem of its input."""
    out = dict(amounts)
    problems = []
    for ident in derivation_order():
        terms = [out.get(name) for _, name in ident.terms]
        numbers = [t for t in terms if isinstance(t, int) and not isinstance(t, bool)]
        if len(numbers) != len(terms):
            continue
        value = sum(sign * t for (sign, _), t in zip(ident.terms, numbers))
        if ident.target not in out:
            out[ident.target] = value
            continue
        given = out[ident.target]
        if given is None:
            continue  # null is not a number: the model's validation says so
        elif isinstance(given, int) and not isinstance(given, bool) and given != value:
            problems.append((ident.target, given, value, ident.formula()))
    return out, problems
