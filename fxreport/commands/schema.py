"""``fxreport schema``: the JSON Schema of ``build``'s input."""

from __future__ import annotations

import click



@click.command()
def schema() -> None:
    """Print the JSON Schema of `build`'s input (labels and byte widths in the descriptions).

    Left sides of the identities are optional (build --derive computes them); the
    date is ROC (105/12/09) or ISO (2016-12-09) text.  `roll` writes input it accepts.
    """
    import json

    from ..core.input_schema import build_input_schema

    click.echo(json.dumps(build_input_schema(), ensure_ascii=False, indent=2))
