"""Input problems: what is wrong with build input, and where, in either language.

Every reader (JSON, CSV, workbook) reports problems as ``InputProblem``: a
``Where`` (a JSON key path, a CSV line and field, a workbook cell) and a
message key whose English and Chinese words live in ``fxreport.core.words.INPUT``.
The CLI, the server and API callers render them the same way.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from .words import input_message, word


class Where(NamedTuple):
    """A place in build input.  Only the parts that apply are set."""

    key: str | None = None  # a JSON key path ("row1.AB") or a field name ("AB")
    line: int | None = None  # a line of CSV or JSON text
    column: int | None = None  # a character column of JSON text
    cell: str | None = None  # a workbook cell ("日報表!D7")

    def text(self, lang: str = "en") -> str:
        if self.cell:
            return word("place_key", lang, place=self.key, key=self.cell) if self.key else self.cell
        if self.line is not None:
            place = word("line_column" if self.column else "line", lang).format(
                line=self.line, column=self.column)
            return word("place_key", lang, place=place, key=self.key) if self.key else place
        return self.key or word("input", lang)


class InputProblem:
    """One problem in build input: where, and a message from the catalogue."""

    __slots__ = ("where", "key", "params")

    def __init__(self, where: Where, key: str, **params: Any) -> None:
        self.where = where
        self.key = key
        self.params = params

    def message(self, lang: str = "en") -> str:
        return input_message(self.key, lang, self.params)

    def text(self, lang: str = "en") -> str:
        """``where: message``, as the CLI prints it after the input's name."""
        return word("where_message", lang, where=self.where.text(lang), message=self.message(lang))

    def as_json(self, lang: str = "en") -> dict[str, Any]:
        return {"where": self.where.text(lang), **{k: v for k, v in self.where._asdict().items()},
                "problem": self.key, "message": self.message(lang)}

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, InputProblem) and (self.where, self.key, self.params)
                == (other.where, other.key, other.params))

    def __hash__(self) -> int:
        return hash((self.where, self.key))

    def __repr__(self) -> str:
        return f"<InputProblem {self.where.text()}: {self.key}>"


class InputError(ValueError):
    """Build input that cannot make a report; ``problems`` lists every one, once each."""

    def __init__(self, problems: list[InputProblem]) -> None:
        self.problems = problems
        super().__init__("; ".join(p.text() for p in problems))

    def lines(self, lang: str = "en") -> list[str]:
        return [p.text(lang) for p in self.problems]
