"""JSON build input, read strictly, and written as ``show --format json`` prints it.

``read_json`` refuses what Python's json lets through silently: a key given
twice (the last would win), ``NaN``/``Infinity``, integers too long for
Python, nesting deep enough to exhaust the stack.
"""

from __future__ import annotations

import json
from typing import Any

from ..core.problems import InputError, InputProblem, Where
from ..core.words import value_text
from . import Input
from .text import decode_text

# A document key that is not a number (JSON) is shown as JSON text when it is not a plain name.
_PLAIN = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")


class JsonLiteral:
    """A JSON number or constant that is not a whole number Python holds exactly,
    kept as written: ``NaN``, ``Infinity``, ``1800.0``, ``1e3``, a 30-digit integer.
    Validation refuses it (it is not an ``int``) and messages show its text."""

    __slots__ = ("json_text", "kind")

    def __init__(self, text: str, kind: str) -> None:
        self.json_text = text
        self.kind = kind  # "int", "float" or "constant"

    def __repr__(self) -> str:
        return self.json_text


_INT_DIGITS = 18  # longer integers are out of range anyway; kept as text, never converted


def _parse_int(text: str) -> Any:
    return int(text) if len(text) <= _INT_DIGITS else JsonLiteral(text, "int")


class _Object(dict[str, Any]):
    """A JSON object that remembers the keys it was given more than once."""

    __slots__ = ("repeated",)
    repeated: dict[str, int]


def _object(pairs: list[tuple[str, Any]]) -> _Object:
    obj = _Object()
    repeated: dict[str, int] = {}
    for key, value in pairs:
        if key in obj:
            repeated[key] = repeated.get(key, 1) + 1
        obj[key] = value
    obj.repeated = repeated
    return obj


def read_json(text: str) -> dict[str, Any]:
    """A JSON object, every key given once, numbers as ``int`` or ``JsonLiteral``."""
    try:
        doc = json.loads(text, object_pairs_hook=_object, parse_int=_parse_int,
                         parse_float=lambda s: JsonLiteral(s, "float"),
                         parse_constant=lambda s: JsonLiteral(s, "constant"))
    except json.JSONDecodeError as exc:
        raise InputError([InputProblem(Where(line=exc.lineno, column=exc.colno), "json_syntax",
                                       detail=exc.msg)]) from None
    except RecursionError:
        raise InputError([InputProblem(Where(), "json_too_deep")]) from None
    if not isinstance(doc, dict):
        raise InputError([InputProblem(Where(), "json_not_object")])
    problems = _repeated_keys(doc)
    if problems:
        raise InputError(problems)
    return _plain(doc)


def _repeated_keys(doc: dict[str, Any]) -> list[InputProblem]:
    """A ``duplicate_key`` problem for each key given more than once, at any depth."""
    problems = []
    stack: list[tuple[str, Any]] = [("", doc)]
    while stack:  # not recursive: the document may be nested as deep as json allows
        path, node = stack.pop()
        if isinstance(node, dict):
            for key, count in getattr(node, "repeated", {}).items():
                problems.append(InputProblem(Where(key=_join(path, key)), "duplicate_key",
                                             count=count))
            stack.extend((_join(path, k), v) for k, v in reversed(node.items())
                         if isinstance(v, (dict, list)))
        elif isinstance(node, list):
            stack.extend((f"{path}[{i}]", v) for i, v in reversed(list(enumerate(node)))
                         if isinstance(v, (dict, list)))
    return problems


def _plain(doc: dict[str, Any]) -> dict[str, Any]:
    """Plain dicts again (the duplicate bookkeeping is done), only two levels deep:
    deeper values are refused by validation as they are."""
    return {k: (dict(v) if isinstance(v, dict) else v) for k, v in doc.items()}


def key_text(key: Any) -> str:
    """A document key as shown in a key path: a plain name as is, anything else as JSON."""
    if isinstance(key, str) and key and set(key) <= _PLAIN and len(key) <= 40:
        return key
    return value_text(key)


def _join(path: str, key: Any) -> str:
    return f"{path}.{key_text(key)}" if path else key_text(key)


def read(data: bytes) -> Input:
    """The format registry's reader: bytes to the document (keys are their own places)."""
    text = decode_text(data)
    stripped = text.lstrip()
    if not stripped:
        raise InputError([InputProblem(Where(), "empty")])
    if stripped.startswith(("[", '"')):  # not parsed: an array may nest past any stack
        raise InputError([InputProblem(Where(), "json_not_object")])
    return Input(read_json(text), {})


def write(report: Any, lang: str = "en") -> bytes:
    return (json.dumps(report.to_json_dict(), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
