"""Issue 16: no function of fxreport above cyclomatic complexity 12, as radon counts it.

A function over the limit is split into plain, named helpers; this test names each one
that is not, with its module, line and complexity.
"""

from __future__ import annotations

from pathlib import Path

from radon.complexity import cc_visit
from radon.visitors import Class

import fxreport

LIMIT = 12
PACKAGE = Path(fxreport.__file__).parent


def _blocks(path: Path) -> list[tuple[str, int, int]]:
    """(name, line, complexity) of every function, method and closure in a module, once
    each (``cc_visit`` lists a method both alone and in its class); a class's own figure
    (the sum of its methods) is not a function's."""
    out: set[tuple[str, int, int]] = set()
    todo = list(cc_visit(path.read_text(encoding="utf-8")))
    while todo:
        block = todo.pop()
        if isinstance(block, Class):
            todo += block.methods + block.inner_classes
        else:
            out.add((block.fullname, block.lineno, block.complexity))
            todo += block.closures
    return sorted(out, key=lambda b: b[1])


def test_every_module_is_measured() -> None:
    modules = sorted(PACKAGE.rglob("*.py"))
    assert len(modules) > 50  # the whole package, not a folder of it
    assert any(c > 1 for m in modules for _, _, c in _blocks(m))  # radon counts branches


def test_no_function_above_the_limit() -> None:
    over = [f"{path.relative_to(PACKAGE.parent)}:{line} {name} ({c})"
            for path in sorted(PACKAGE.rglob("*.py"))
            for name, line, c in _blocks(path) if c > LIMIT]
    assert not over, f"above cyclomatic complexity {LIMIT}:\n" + "\n".join(over)


def test_the_measure_sees_a_complex_function() -> None:
    """The limit could fail: a function of 13 branches is over it."""
    source = "def f(x):\n" + "".join(f"    if x == {i}:\n        return {i}\n" for i in range(13))
    (block,) = cc_visit(source)
    assert block.complexity == 14 > LIMIT
