"""``fxreport schema``: the JSON Schema of ``build``'s input."""

from __future__ import annotations

import click



@click.command()
def schema() -> None:
    """Print the JSON Schema of `build`'s input (labels and byte widths in the descriptions)."""
    import json

    from ..core.model import Report

    click.echo(json.dumps(Report.model_json_schema(by_alias=True), ensure_ascii=False, indent=2))
