"""``fxreport rules``: the rule catalogue."""

from __future__ import annotations

import click

from . import command, LANG_CHOICE, _LANG_HELP, UsageProblem, _lang


@command("rules")
@click.argument("code", metavar="[CODE_OR_PREFIX]", required=False)
@click.option("--lang", type=LANG_CHOICE, help=_LANG_HELP)
def rules(code: str | None, lang: str | None) -> None:
    from ..core.rules import RULES, category_word, matching, severity_word

    lang = _lang(lang)
    codes = list(RULES) if code is None else matching(code)
    if not codes:
        raise UsageProblem("no_rule", code=code)
    if code is not None and codes == [code.upper()]:
        from ..specs import explain

        click.echo(explain(RULES[codes[0]], lang))
        return
    rows = [(RULES[c].code, severity_word(RULES[c].severity, lang),
             category_word(RULES[c].category, lang), RULES[c].title[lang]) for c in codes]
    widths = [max(_width(row[i]) for row in rows) for i in range(3)]
    for row in rows:  # columns line up, also where Chinese characters take two cells
        click.echo("  ".join([*(text + " " * (w - _width(text)) for text, w in zip(row, widths)),
                              row[3]]))


def _width(text: str) -> int:
    """Terminal cells ``text`` takes: two for a wide (CJK) character."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
