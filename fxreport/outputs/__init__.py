"""Reporters: the text a person reads and the JSON of FORMAT.md section 5."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import IO, Any

from ..checking.pipeline import Outcome
from ..checking.results import CheckResult
from ..core.fields import roc_text
from ..core.findings import Finding
from ..core.words import HOW_CLI, safe, sidecar_word, word


def default_lang(environ: dict[str, str] | None = None) -> str:
    env = os.environ if environ is None else environ
    for key in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(key)
        if value:
            low = value.lower()
            return "zh-TW" if low.startswith(("zh_tw", "zh-tw", "zh_hant", "zh-hant", "zh_hk")) else "en"
    return "en"


def file_json(r: CheckResult, lang: str) -> dict[str, Any]:
    return {"path": r.path, "bank": r.bank,
            "date": r.date.isoformat() if r.date else None,
            "valid": r.valid, "findings": [f.as_json(lang) for f in r.findings]}


JSON_VERSION = 1


def unreadable_json(outcome: Outcome) -> list[dict[str, str]]:
    lang = outcome.options.lang
    return [{"path": u.path, "reason": u.why(lang)} for u in outcome.unreadable]


def outcome_json(outcome: Outcome) -> dict[str, Any]:
    """The object of FORMAT.md section 5, as ``write_json`` writes it."""
    lang = outcome.options.lang
    doc: dict[str, Any] = {"version": JSON_VERSION,
                           "files": [file_json(r, lang) for r in outcome.reports],
                           "summary": outcome.summary()}
    if outcome.unreadable:
        doc["unreadable"] = unreadable_json(outcome)
    if outcome.stale_verified:  # FORMAT.md 7.9: present only when not empty
        doc["stale_verified"] = [v.as_json() for v in outcome.stale_verified]
    return doc


def write_json(outcome: Outcome, out: IO[str]) -> None:
    """``outcome_json``, written file by file so a long archive is not held twice."""
    import json  # lazy, start-up: check FILE never loads json
    from json.encoder import encode_basestring  # lazy, start-up (json.dumps's ensure_ascii=False)

    def text(value: str | None) -> str:
        return "null" if value is None else encode_basestring(value)

    lang = outcome.options.lang
    out.write('{"version": %d, "files": [' % JSON_VERSION)
    lines: list[str] = []
    for i, r in enumerate(outcome.reports):
        if r.findings:
            line = json.dumps(file_json(r, lang), ensure_ascii=False)
        else:  # the usual file, as json.dumps writes it, without building the object
            line = (f'{{"path": {text(r.path)}, "bank": {text(r.bank)}, "date": '
                    f'{text(r.date.isoformat() if r.date else None)}, "valid": true, '
                    f'"findings": []}}')
        lines.append(("," if i else "") + "\n  " + line)
        if len(lines) == 256:
            out.write("".join(lines))
            lines.clear()
    out.write("".join(lines))
    out.write("\n ],\n \"summary\": " + json.dumps(outcome.summary()))
    if outcome.unreadable:
        out.write(',\n "unreadable": ' + json.dumps(unreadable_json(outcome), ensure_ascii=False))
    if outcome.stale_verified:
        out.write(',\n "stale_verified": ' + json.dumps([v.as_json() for v in outcome.stale_verified]))
    out.write("}\n")


class _Style:
    def __init__(self, colour: bool) -> None:
        self.colour = colour

    def __call__(self, text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.colour and text else text



def use_colour(stream: IO[str], choice: str = "auto") -> bool:
    """``--color``: always, never, or (auto) on a terminal unless ``NO_COLOR`` is set
    to anything but empty (no-color.org)."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())




def headline(r: CheckResult, lang: str) -> str:
    """Firm and date of a checked file: ``ABCD 2016-12-09 (105/12/09)``, ROC only in Chinese."""
    if not r.bank and not r.date:
        return word("unknown", lang)
    date = ("???/??/??" if lang == "zh-TW" else "????-??-??") if r.date is None else (
        roc_text(r.date) if lang == "zh-TW" else f"{r.date.isoformat()} ({roc_text(r.date)})")
    return f"{r.bank or '????'} {date}"


def write_text(outcome: Outcome, out: IO[str], colour: bool = False, quiet: bool = False) -> None:
    """Each file's verdict, its findings, the unreadable paths and the summary; ``quiet``
    leaves out the files without findings."""
    lang = outcome.options.lang
    st = _Style(colour)
    sep = "：" if lang == "zh-TW" else ": "
    for r in outcome.reports:
        if quiet and not r.findings:
            continue
        _write_file(out, r, lang, st, sep)
    for u in outcome.unreadable:
        out.write(f"{st(safe(u.path), '1')}: {st(word('unreadable', lang), '31;1')}{sep}"
                  f"{safe(u.why(lang))}\n")
    out.write(_summary_text(outcome, lang) + "\n")


def _write_file(out: IO[str], r: CheckResult, lang: str, st: _Style, sep: str) -> None:
    """A checked file's line (its firm, date, verdict and counts) and its findings."""
    errors, warnings = r.count("error"), r.count("warning")
    verdict = st(word("valid", lang), "32") if r.valid else st(word("invalid", lang), "31;1")
    findings = r.findings
    tail = word("counts", lang).format(errors=errors, warnings=warnings) if findings else ""
    out.write(f"{st(safe(str(r.path)), '1')}: {headline(r, lang)}{sep}{verdict}{tail}\n")
    for f in findings:
        _write_finding(out, r, f, lang, st)


def _summary_text(outcome: Outcome, lang: str) -> str:
    """The summary line: counts, and with ``strict`` the verdict that decides the exit
    status (FORMAT.md 7.9)."""
    s = outcome.summary()
    if outcome.options.strict:
        failed = sum(1 for r in outcome.reports if outcome.fails(r))
        text = word("summary_strict", lang).format(passed=s["files"] - failed, failed=failed, **s)
    else:
        text = word("summary", lang).format(invalid=s["files"] - s["valid"], **s)
    if s["verified"]:
        text += word("summary_verified", lang).format(verified=s["verified"])
    return text


def _write_finding(out: IO[str], r: CheckResult, f: Finding, lang: str, st: _Style) -> None:
    where = safe(str(r.path))
    if f.row:
        where += f":{f.row}" + (f":{f.start}-{f.end}" if f.start else "")
    sev = st(f.code, "31" if f.severity == "error" else "33")
    out.write(f"{where}: {f.line(lang, code=sev, escaped=True)}\n")
    shown = _record_excerpt(r, f)
    if shown:
        out.write(f"    {st(shown[0][:8], '2')}{shown[0][8:]}\n    {st(shown[1], '31')}\n")
    values = _values_line(f, lang)
    if values:
        out.write(f"    {values}\n")
    out.write(f"    {word('hint_label', lang)}{safe(f.hint(lang))}\n")
    how = how_cli(f.code, lang)
    if how:
        out.write(f"    {how}\n")
    if f.verified is not None:  # FORMAT.md 7.6: the note travels with the finding
        out.write(f"    {sidecar_word('verified_label', lang)}{safe(f.verified)}\n")


def how_cli(code: str, lang: str) -> str:
    """The option or command that does what a finding's hint says, for the text output."""
    from ..core.rules import HOW  # lazy, start-up: the catalogue, only for a finding

    key = HOW.get(code)
    return HOW_CLI[key][1 if lang == "zh-TW" else 0] if key in HOW_CLI else ""


def _record_excerpt(r: CheckResult, f: Finding) -> tuple[str, str] | None:
    """The record's bytes around the finding's columns, when the result kept them."""
    if not (r.records and f.row and f.start and f.row <= len(r.records)):
        return None
    rec = r.records[f.row - 1]
    return excerpt(rec, f.start, f.end or f.start) if len(rec) == r.layout.width else None


def _values_line(f: Finding, lang: str) -> str:
    """``found '...'; expected '...'`` (FORMAT.md 6.6), or nothing when neither is known."""
    parts = []
    found, expected = f.found_text(), f.expected_text()
    if found is not None:
        parts.append(word("found", lang).format(value=safe(found)))
    if expected is not None:
        parts.append(word("expected", lang).format(value=safe(expected)))
    return word("values_sep", lang).join(parts)


def excerpt(rec: bytes, start: int, end: int, margin: int = 12) -> tuple[str, str]:
    """The record's bytes around columns start-end, and a marker line under them.

    Bytes that are not printable ASCII show as a middle dot, one per byte, so
    the marker stays under the right columns.
    """
    lo = max(1, start - margin)
    hi = min(len(rec), end + margin)
    shown = "".join(chr(b) if 0x20 <= b < 0x7F else "\u00b7" for b in rec[lo - 1:hi])
    prefix = f"{lo:>5} | "
    marker = " " * (len(prefix) + start - lo) + "^" * (end - start + 1) + f" {start}-{end}"
    return prefix + shown + " |", marker


# --- the outputs of ``fxreport check --format``: add one by a writer and an entry below ---

class Look:
    """How the text output is shown (``--color``, ``--quiet``); other outputs ignore it.
    (A plain class, as ``CheckOutput``: a NamedTuple costs ``check FILE`` about 70 µs of
    start-up each.)"""

    __slots__ = ("color", "quiet")

    def __init__(self, color: str = "auto", quiet: bool = False) -> None:
        self.color = color
        self.quiet = quiet


class CheckOutput:
    """An output of ``fxreport check --format``: its writer (the outcome onto a text
    stream), the words of ``--help`` after its name, and whether it is a file's format,
    always UTF-8 whatever the console's code page, rather than text for the console."""

    __slots__ = ("write", "help", "utf8")

    def __init__(self, write: Callable[[Outcome, IO[str], Look], None], help: str,
                 utf8: bool = False) -> None:
        self.write = write
        self.help = help
        self.utf8 = utf8


def _text(outcome: Outcome, out: IO[str], look: Look) -> None:
    write_text(outcome, out, colour=use_colour(out, look.color), quiet=look.quiet)


def _json(outcome: Outcome, out: IO[str], look: Look) -> None:
    write_json(outcome, out)


def _html(outcome: Outcome, out: IO[str], look: Look) -> None:
    from .html import report_of_paths  # lazy, start-up: only when asked for

    out.write(report_of_paths(outcome))


def _csv(outcome: Outcome, out: IO[str], look: Look) -> None:
    from .series import write_series_csv  # lazy, start-up: only when asked for

    write_series_csv(outcome, out)


# name -> output: `check --format`'s choices, in the order its help lists them
CHECK_OUTPUTS: dict[str, CheckOutput] = {
    "text": CheckOutput(_text, "for people"),
    "json": CheckOutput(_json, "for pipelines"),
    "html": CheckOutput(_html, "for a sign-off folder", utf8=True),
    "csv": CheckOutput(_csv, "for each firm's month table (one line per business day)", utf8=True),
}
