"""The relations between amounts: arithmetic identities and prior-day carries.

Both the checker and ``build --derive`` read these tables, and the rule
catalogue and ``specs/rules.md`` are written from them.
"""

from __future__ import annotations

from typing import NamedTuple


class Identity(NamedTuple):
    code: str
    target: str  # the left side, where a finding points
    terms: tuple[tuple[int, str], ...]  # (+1 or -1, amount name)
    inferred: bool  # inferred from the labels, not stated by the annex: a warning

    def formula(self) -> str:
        out = []
        for i, (sign, name) in enumerate(self.terms):
            out.append(name if i == 0 and sign > 0 else f"{'+' if sign > 0 else '-'} {name}")
        return f"{self.target} = {' '.join(out)}"

    def evaluate(self, values: dict[str, int]) -> int | None:
        """The right side, or None when an input is missing or malformed."""
        total = 0
        for sign, name in self.terms:
            v = values.get(name)
            if v is None:
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

# Prior-day fields and the previous report's today field they must equal.
CARRIED: tuple[tuple[str, str], ...] = (
    ("BAL", "ABAL"),
    ("BAL_UNB", "ABAL_UNB"),
    ("BAL_UNS", "ABAL_UNS"),
    ("BAL_FB1", "ABAL_FB1"),
    ("BAL_FB3", "ABAL_FB3"),
    ("BAL_SW1", "ABAL_SW1"),
    ("BAL_SW2", "ABAL_SW2"),
)
PRIOR_DAY_FIELDS = tuple(p for p, _ in CARRIED)
TODAY_FIELDS = tuple(t for _, t in CARRIED)


def derivation_order() -> tuple[Identity, ...]:
    """Identities ordered so that each one's inputs are derived before it."""
    targets = {i.target: i for i in IDENTITIES}
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

    for ident in IDENTITIES:
        visit(ident)
    return tuple(done)
