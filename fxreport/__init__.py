"""fxreport: the FX-position daily report of Taiwan's securities firms (外匯部位日報表).

Read, write and check the central bank's fixed-width submission file.  The
package imports lazily, so ``fxreport check`` starts fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .api import ReportDecodeError, dump, dumps, load, loads
    from .policy.refused import ReportInvalidError
    from .core.model import Report

__all__ = ["Report", "ReportDecodeError", "ReportInvalidError", "__version__", "dump", "dumps",
           "load", "loads"]


def __getattr__(name: str) -> Any:
    if name in ("load", "loads", "dump", "dumps", "ReportDecodeError", "ReportInvalidError"):
        from . import api  # lazy, the library's edge: `import fxreport` loads no API until used

        return getattr(api, name)
    if name == "Report":
        from .core.model import Report  # lazy, heavy: pydantic, only when Report is asked for

        return Report
    raise AttributeError(f"module 'fxreport' has no attribute {name!r}")
