"""Every module of fxreport imports on its own, in any order: no import cycle.

A cycle shows only when the import starts at one of its modules, so each module is
imported first, in one fresh interpreter that forgets fxreport between modules.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import fxreport

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


# --- the import graph as README's Architecture section tells it --------------------------------

PACKAGE = Path(fxreport.__file__).parent
LAYERS = ("core", "checking", "formats", "policy")  # each imports only those before it


def _imports() -> dict[str, set[str]]:
    """Module -> the fxreport modules it imports anywhere in it (``TYPE_CHECKING`` aside)."""
    modules = {}
    for path in PACKAGE.rglob("*.py"):
        parts = ["fxreport", *path.relative_to(PACKAGE).with_suffix("").parts]
        modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        tree = ast.parse(path.read_text(encoding="utf-8"))
        typing_only = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If)
                       and "TYPE_CHECKING" in ast.unparse(node.test) for n in ast.walk(node)}
        found = set()
        for node in ast.walk(tree):
            if id(node) in typing_only or not isinstance(node, (ast.Import, ast.ImportFrom)):
                continue
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            else:
                base = package.split(".")[:len(package.split(".")) - node.level + 1] \
                    if node.level else []
                target = ".".join(base + ([node.module] if node.module else []))
                targets = [target, *(f"{target}.{a.name}" for a in node.names)]
            found |= {t for t in targets if t in modules and t != name}
        graph[name] = found
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[set[str]]:
    """The strongly connected groups of more than one module."""
    reach = {m: set() for m in graph}
    for m in graph:
        todo = list(graph[m])
        while todo:
            n = todo.pop()
            if n not in reach[m]:
                reach[m].add(n)
                todo += graph[n]
    groups = {frozenset({m} | {n for n in reach[m] if m in reach[n]}) for m in graph}
    return [set(g) for g in groups if len(g) > 1]


def test_no_import_cycle() -> None:
    assert _cycles(_imports()) == []


def test_each_layer_imports_only_the_ones_below_it() -> None:
    upward = []
    for name, targets in _imports().items():
        layer = name.split(".")[1] if name.count(".") else ""
        if layer not in LAYERS:
            continue
        allowed = {f"fxreport.{low}" for low in LAYERS[:LAYERS.index(layer) + 1]}
        upward += [(name, t) for t in targets
                   if t != "fxreport" and not t.startswith(tuple(a + "." for a in allowed))
                   and t not in allowed]
    # README: the submission file as a format is the API's own loads/dumps
    assert upward == [("fxreport.formats.submission", "fxreport.api")]
