"""``fxreport schema``: the JSON Schema of ``build``'s input, or (``schema check``) of
``check --format json``'s output."""

from __future__ import annotations

import click

from . import command



@command("schema", """\
    Left sides of the identities are optional (build --derive computes them); the
    date is ROC (105/12/09) or ISO (2016-12-09) text.  `roll` writes input it accepts.

    `fxreport schema check` prints the JSON Schema of `check --format json`'s output
    (FORMAT.md sections 5-7), the contract an intake system can rely on.
""")
@click.argument("what", required=False, default="build", type=click.Choice(["build", "check"]))
def schema(what: str) -> None:
    import json

    if what == "check":
        from ..server.models import check_output_schema  # pydantic only, not the server

        click.echo(json.dumps(check_output_schema(), ensure_ascii=False, indent=2))
        return
    from ..core.input_schema import build_input_schema

    click.echo(json.dumps(build_input_schema(), ensure_ascii=False, indent=2))
