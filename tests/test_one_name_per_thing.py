"""One name per thing (issue 16 item 2): no two classes of fxreport share a name, so a
reader never takes the server's JSON shape of a finding for the library's ``Finding``,
nor the server's upload for the page's."""

from __future__ import annotations

import ast
from collections import defaultdict

from reports import ROOT


def test_no_two_classes_share_a_name() -> None:
    where: dict[str, list[str]] = defaultdict(list)
    for path in sorted((ROOT / "fxreport").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                where[node.name].append(path.relative_to(ROOT).as_posix())
    assert len(where) > 40  # the walk found the package's classes
    assert {name: paths for name, paths in where.items() if len(paths) > 1} == {}
