"""The report's field names as people misspell them (``Adj_1``, ``acust``, ``ACUTS``):
today's annex's (``layout.FX_POSITION``), the names build input uses."""

from __future__ import annotations

import difflib

from ..core.fields import AMOUNT
from ..core.layout import LAYOUT

FIELD_NAMES: tuple[str, ...] = ("BANK", "DATE", *(f.name for f in LAYOUT
                                                 if f.type == AMOUNT and f.name))


def norm_name(name: str) -> str:
    """A name without case, ``-``, ``_`` or spaces: how two spellings are the same."""
    return "".join(c for c in name.lower() if c not in "-_ ")


def near_name(key: str, names: tuple[str, ...] = FIELD_NAMES) -> str | None:
    """The real name a misspelt one stands for (``Adj_1`` -> ``Adj-1``, ``acust`` ->
    ``ACUST``, a close match such as ``ACUTS`` -> ``ACUST``), or None.  ``names``
    defaults to every amount's name with ``BANK`` and ``DATE`` (a CSV's names)."""
    same = {norm_name(n): n for n in names}.get(norm_name(key))
    if same is not None:
        return same
    close = difflib.get_close_matches(key, names, n=1, cutoff=0.8)
    return close[0] if close else None
