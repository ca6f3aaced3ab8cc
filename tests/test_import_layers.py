"""Every module of fxreport imports on its own, in any order: no import cycle.

A cycle shows only when the import starts at one of its modules, so each module is
imported first, in one fresh interpreter that forgets fxreport between modules.
"""

from __future__ import annotations

import subprocess
import sys

_SCRIPT = r"""
import importlib, pkgutil, sys, traceback
import fxreport
names = sorted(
    m.name for m in pkgutil.walk_packages(fxreport.__path__, "fxreport.")
    if not m.name.endswith("__main__")
)
names.insert(0, "fxreport")
failed = []
for name in names:
    for loaded in [k for k in sys.modules if k == "fxreport" or k.startswith("fxreport.")]:
        del sys.modules[loaded]
    try:
        importlib.import_module(name)
    except ImportError:
        failed.append(name + "\n" + traceback.format_exc())
print(len(names))
for f in failed:
    print("FAILED", f)
sys.exit(1 if failed else 0)
"""


def test_every_module_imports_first() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert int(done.stdout.split()[0]) > 40  # the walk found the package's modules
