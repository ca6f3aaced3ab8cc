"""``fxreport rules``: the rule catalogue."""

from __future__ import annotations

import click

from . import LANG_CHOICE, _LANG_HELP, UsageProblem, _lang


@click.command()
@click.argument("code", metavar="[CODE_OR_PREFIX]", required=False)
@click.option("--lang", type=LANG_CHOICE, help=_LANG_HELP)
def rules(code: str | None, lang: str | None) -> None:
    """List the rule catalogue, the rules starting with a prefix (fxreport rules ARI),
    or explain one rule (fxreport rules ARI001)."""
    from ..core.rules import RULES, category_word, matching, severity_word

    lang = _lang(lang)
    codes = list(RULES) if code is None else matching(code)
    if not codes:
        raise UsageProblem("no_rule", code=code)
    if code is not None and codes == [code.upper()]:
        from ..specs import explain

        click.echo(explain(RULES[codes[0]], lang))
        return
    for c in codes:
        r = RULES[c]
        click.echo(f"{r.code}  {severity_word(r.severity, lang)}  {category_word(r.category, lang)}  "
                   f"{r.title[lang]}")
