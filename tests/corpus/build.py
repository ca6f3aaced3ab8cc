"""Writes the check corpus: one folder per case, its files and ``expected.json``.

The expectations below are written by hand from FORMAT.md, not taken from
fxreport's output.  Run ``python tests/corpus/build.py`` after editing; a test
fails when the committed folders differ from what this script writes.

expected.json: {"paths": [...], "args": [...], "exit": N,
                "files": {path: {"valid": bool, "findings": [[code, row, start], ...],
                                 "details": [{"code", "row", "start", "end", "found",
                                              "expected", "placeholders"}, ...]}}}

``findings`` are written by hand.  ``details`` are recorded from the checker when the
corpus is built, and only after its (code, row, start) agree with the hand-written
ones (``main`` refuses to write otherwise): they hold every finding's end column, its
``found`` and ``expected`` and the values its message was filled with, so a change to
any of them shows as a change of this folder, which a test compares with this script.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))  # the repository, for fxreport
sys.path.insert(0, str(HERE.parent))  # tests/, for reports

import fxreport  # noqa: E402
from fxreport.core.identities import CARRIED, IDENTITIES  # noqa: E402
from fxreport.core.model import Report  # noqa: E402
from reports import BYTES1 as DAY1, BYTES2 as DAY2, derive, join, put, records  # noqa: E402

A2 = fxreport.loads(DAY2).amounts()
BIG5_TAI = "台".encode("cp950")  # A5 78

CASES: list[dict[str, Any]] = []


def case(name: str, files: dict[str, bytes], findings: dict[str, list[tuple[Any, ...]]],
         paths: list[str] | None = None, args: list[str] | None = None,
         exit: int | None = None, valid: dict[str, bool] | None = None,
         verified: dict[str, list[tuple[Any, ...]]] | None = None,
         stale: list[tuple[Any, ...]] | None = None) -> None:
    """``findings``: per file, the expected (code, row, start) of every finding;
    ``verified``: per file, (code, row, start, note) of each verified one (FORMAT.md 7.6);
    ``stale``: (line, bank, ISO date, code, field) of each stale verified line."""
    errors = {f: any(not c[0].startswith(("STR004", "STR005", "NAM002", "CNT003", "ARI011", "ARI012",
                                                         "STR007", "FLD005", "QUA", "LIM"))
                     for c in fs) for f, fs in findings.items()}
    valid = valid or {f: not errors[f] for f in findings}
    CASES.append({"name": name, "files": files, "paths": paths or sorted(files),
                  "args": args or [], "findings": findings, "valid": valid,
                  "verified": verified, "stale": stale,
                  "exit": exit if exit is not None else (0 if all(valid.values()) else 1)})


def one(name: str, data: bytes, *found: tuple[Any, ...], filename: str = "ABP1209.txt") -> None:
    case(name, {filename: data}, {filename: list(found)})


def report_bytes(amounts: dict[str, int], date: str, bank: str = "ABCD", **kw: Any) -> bytes:
    return fxreport.dumps(Report.from_amounts(bank, date, amounts), **kw)


# --- valid files in every accepted style --------------------------------------------
one("valid-canonical", DAY2)
one("valid-lf", DAY2.replace(b"\r\n", b"\n"))
one("valid-no-final-newline", DAY2[:-2])
one("valid-lf-no-final-newline", DAY2.replace(b"\r\n", b"\n")[:-1])
one("valid-zero-fill", report_bytes(A2, "105/12/09", sign_style="zero-fill"))
one("valid-plus-signs", put(put(DAY2, 1, 14, b"+000012508"), 2, 14, b"     +5500"))
one("valid-sign-next-to-digits", put(DAY2, 1, 44, b"    -00750"))
one("valid-big-amounts", report_bytes(derive({**{k: v for k, v in A2.items() if k not in {i.target for i in IDENTITIES}},
                                              "AB": 999_000_000, "AS": 1_000_000}), "105/12/09"))

# --- encoding ---------------------------------------------------------------------
one("enc-utf16-le-bom", DAY2.decode("ascii").encode("utf-16"), ("ENC001", None, None))
one("enc-utf16-be-no-bom", DAY2.decode("ascii").encode("utf-16-be"), ("ENC001", None, None))
one("enc-utf32-bom", DAY2.decode("ascii").encode("utf-32"), ("ENC001", None, None))
one("enc-utf8-bom", b"\xef\xbb\xbf" + DAY2, ("ENC002", None, None))
one("enc-zip-renamed", b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)) * 4, ("ENC003", None, None))
one("enc-nul-in-amount", put(DAY2, 1, 24, b"      \x002900"[:10]), ("ENC004", 1, 24))
one("enc-tab-in-amount", put(DAY2, 1, 34, b"\t     3650"), ("ENC004", 1, 34))
one("enc-big5-in-reserved", put(DAY2, 2, 190, "台灣".encode("cp950")), ("ENC005", 2, 184))
one("enc-fullwidth-digits", put(DAY2, 1, 24, b"    " + "２９".encode("cp950") + b"00"), ("ENC005", 1, 24))
one("enc-utf8-chinese", put(DAY2, 3, 20, "台".encode("utf-8")), ("ENC005", 3, 14))
one("enc-big5-user-defined", put(DAY2, 1, 66, b"\x81\x40"), ("ENC005", 1, 64))
one("enc-big5-straddles-edge", put(DAY2, 1, 23, BIG5_TAI),
    ("ENC005", 1, 14), ("FLD003", 1, 24))  # lead byte ends BAL; its ASCII trail byte starts AB
one("enc-orphan-lead-byte-at-end", put(DAY2, 1, 213, b"\xa5"), ("ENC005", 1, 204))
one("enc-latin1", put(DAY2, 1, 64, "café".encode("latin-1")), ("ENC005", 1, 64))

# --- structure --------------------------------------------------------------------
one("str-empty", b"", ("STR001", None, None))
one("str-only-blank-lines", b"\r\n\r\n  \r\n", ("STR001", None, None))
one("str-two-records", join(records(DAY2)[:2]), ("STR002", None, None))
one("str-four-records", DAY2 + DAY2.split(b"\r\n")[0] + b"\r\n", ("STR002", None, None))
one("str-blank-line-between-records", DAY2.replace(b"\r\n", b"\r\n\r\n", 1), ("STR002", None, None))
one("str-short-record", DAY2.replace(b"      -925" + b" " * 30 + b"\r\n", b"      -925\r\n"),
    ("STR003", 2, None))
one("str-long-record", DAY2.replace(b"\r\n", b" \r\n", 1), ("STR003", 1, None))
one("str-cr-only-line-ends", DAY2.replace(b"\r\n", b"\r"), ("STR002", None, None))
one("str-trailing-empty-lines", DAY2 + b"\r\n\r\n", ("STR004", None, None))
one("str-mixed-line-ends", DAY2.replace(b"\r\n", b"\n", 1), ("STR005", None, None))
one("str-too-large", DAY2 * 200, ("STR006", None, None))

# --- field ------------------------------------------------------------------------
one("fld-bank-lowercase", put(DAY2, 1, 1, b"abcd"), ("FLD001", 1, 1))
one("fld-bank-row3-punctuation", put(DAY2, 3, 1, b"AB-D"), ("FLD001", 3, 1))
one("fld-date-form", put(put(put(DAY2, 1, 5, b"105-12-09"), 2, 5, b"105-12-09"), 3, 5, b"105-12-09"),
    ("FLD002", 1, 5), ("FLD002", 2, 5), ("FLD002", 3, 5))
one("fld-date-impossible", put(DAY2, 1, 5, b"105/02/30"), ("FLD002", 1, 5))
one("fld-date-year-000", put(DAY2, 2, 5, b"000/12/09"), ("FLD002", 2, 5))
one("fld-date-gregorian", put(DAY2, 3, 5, b"2016/1209"), ("FLD002", 3, 5))
one("fld-amount-left-aligned", put(DAY2, 1, 24, b"2900      "), ("FLD003", 1, 24))
one("fld-amount-blank", put(DAY2, 2, 54, b" " * 10), ("FLD003", 2, 54))
one("fld-amount-thousands-separator", put(DAY2, 1, 14, b"    12,508"), ("FLD003", 1, 14))
one("fld-amount-decimal", put(DAY2, 3, 104, b"      95.0"), ("FLD003", 3, 104))
one("fld-amount-trailing-minus", put(DAY2, 1, 44, b"      750-"), ("FLD003", 1, 44))
one("fld-amount-inner-space", put(DAY2, 1, 44, b"     - 750"), ("FLD003", 1, 44))
one("fld-amount-out-of-range", put(DAY2, 3, 134, b"1000002100"), ("FLD004", 3, 134))

# --- reserved ---------------------------------------------------------------------
one("rsv-afs-zeros", put(DAY2, 1, 64, b"0" * 10), ("RSV001", 1, 64))
one("rsv-adj3-text", put(DAY2, 1, 204, b"N/A"), ("RSV001", 1, 204))
one("rsv-row2-bal-fb2", put(DAY2, 2, 24, b"         0"), ("RSV001", 2, 24))
one("rsv-row2-tail-nul-padded", put(DAY2, 2, 184, b"\x00" * 30), ("RSV001", 2, 184))
one("rsv-row3-unnamed", put(DAY2, 3, 50, b"0"), ("RSV001", 3, 14))
one("rsv-row3-between", put(DAY2, 3, 114, b"         0"), ("RSV001", 3, 114))
one("rsv-two-fields", put(put(DAY2, 2, 64, b"x"), 2, 164, b"x"), ("RSV001", 2, 64), ("RSV001", 2, 164))

# --- consistency --------------------------------------------------------------------
one("con-bank-row2", put(DAY2, 2, 1, b"ABCE"), ("CON001", 2, 1))
one("con-date-row3", put(DAY2, 3, 5, b"105/12/08"), ("CON002", 3, 5))
one("con-bank-row1", put(DAY2, 1, 1, b"ABXY"), ("CON001", 2, 1), ("CON001", 3, 1))

# --- arithmetic: each left side off by one, with the warnings that follow from it --------
_POS = {"ACUST": (1, 44), "ABAL_UNB": (1, 144), "ABAL_UNS": (1, 154), "AUNST": (1, 164),
        "SPOT": (1, 174), "ABAL_FB1": (2, 134), "ABAL_FB3": (2, 154), "FORWARD": (2, 174),
        "ABAL_SW1": (3, 194), "ABAL_SW2": (3, 204), "ABAL": (1, 74), "POS": (3, 124)}
_ALSO = {  # identities that use the changed amount as an input
    "ACUST": [("ARI011", 1, 74)], "ABAL_UNB": [("ARI004", 1, 164)],
    "ABAL_UNS": [("ARI004", 1, 164)], "AUNST": [("ARI005", 1, 174)],
    "SPOT": [("ARI012", 3, 124)], "ABAL_FB1": [("ARI008", 2, 174)],
    "ABAL_FB3": [("ARI008", 2, 174)], "FORWARD": [("ARI012", 3, 124)],
    "ABAL_SW1": [("ARI012", 3, 124)], "ABAL_SW2": [("ARI012", 3, 124)],
    "ABAL": [("ARI005", 1, 174)], "POS": [],
}
for ident in IDENTITIES:
    row, start = _POS[ident.target]
    raw = b"%10d" % (A2[ident.target] + 1)
    one(f"ari-{ident.code.lower()}-{ident.target.lower().replace('_', '-')}",
        put(DAY2, row, start, raw), (ident.code, row, start), *_ALSO[ident.target])
one("ari-skipped-when-input-malformed", put(DAY2, 1, 34, b"3650      "), ("FLD003", 1, 34))

# --- naming -------------------------------------------------------------------------
one("nam-wrong-date", DAY2, ("NAM001", None, None), filename="ABP1210.txt")
one("nam-wrong-firm", DAY2, ("NAM001", None, None), filename="XYP1209.txt")
one("nam-extension", DAY2, ("NAM001", None, None), filename="ABP1209.txt.txt")
one("nam-letter-case", DAY2, ("NAM002", None, None), filename="abp1209.txt")
one("nam-skipped-when-bank-malformed", put(DAY2, 1, 1, b"ab?d"), ("FLD001", 1, 1), filename="ZZP1209.txt")

# --- continuity and series ------------------------------------------------------------
_INPUT_NAMES = [k for k in A2 if k not in {i.target for i in IDENTITIES}]


def next_day(prev: bytes, date: str, **changes: int) -> bytes:
    """A report continuing ``prev`` with no activity, then ``changes`` applied to inputs."""
    p = fxreport.loads(prev).amounts()
    inputs = {k: 0 for k in _INPUT_NAMES}
    for prior, today in CARRIED:
        inputs[prior] = p[today]
    inputs.update(changes)
    return report_bytes(derive(inputs), date)


DAY3 = next_day(DAY2, "105/12/12", AB=100)  # Monday after Friday 12/09
case("series-valid", {"ABP1208.txt": DAY1, "ABP1209.txt": DAY2, "ABP1212.txt": DAY3},
     {"ABP1208.txt": [], "ABP1209.txt": [], "ABP1212.txt": []}, paths=["."])
case("series-unordered-paths", {"ABP1208.txt": DAY1, "ABP1209.txt": DAY2},
     {"ABP1208.txt": [], "ABP1209.txt": []}, paths=["ABP1209.txt", "ABP1208.txt"])
BROKEN = next_day(DAY2, "105/12/12", BAL=A2["ABAL"] + 7, BAL_SW2=A2["ABAL_SW2"] - 1)
case("series-prior-day-mismatch", {"ABP1209.txt": DAY2, "ABP1212.txt": BROKEN},
     {"ABP1209.txt": [], "ABP1212.txt": [("CNT001", 1, 14), ("CNT001", 3, 144)]}, paths=["."])
case("series-missing-day", {"ABP1208.txt": DAY1, "ABP1212.txt": next_day(DAY1, "105/12/12")},
     {"ABP1208.txt": [], "ABP1212.txt": [("CNT003", None, None)]}, paths=["."])
case("series-duplicate-date", {"a/ABP1209.txt": DAY2, "b/ABP1209.txt": DAY2, "ABP1208.txt": DAY1},
     {"a/ABP1209.txt": [("CNT004", None, None)], "b/ABP1209.txt": [("CNT004", None, None)],
      "ABP1208.txt": []}, paths=["ABP1208.txt", "a/ABP1209.txt", "b/ABP1209.txt"])
OTHER = fxreport.dumps(Report.from_amounts("XYZW", "105/12/08", A2))
case("series-two-firms", {"ABP1208.txt": DAY1, "ABP1209.txt": DAY2, "XYP1208.txt": OTHER},
     {"ABP1208.txt": [], "ABP1209.txt": [], "XYP1208.txt": []}, paths=["."])
case("previous-valid", {"ABP1209.txt": DAY2, "prev/ABP1208.txt": DAY1},
     {"ABP1209.txt": []}, paths=["ABP1209.txt"], args=["--previous", "prev/ABP1208.txt"])
case("previous-other-firm", {"ABP1209.txt": DAY2, "prev/XYP1208.txt": OTHER},
     {"ABP1209.txt": [("CNT002", None, None)]}, paths=["ABP1209.txt"],
     args=["--previous", "prev/XYP1208.txt"])
case("previous-not-earlier", {"ABP1208.txt": DAY1, "prev/ABP1209.txt": DAY2},
     {"ABP1208.txt": [("CNT002", None, None)]}, paths=["ABP1208.txt"],
     args=["--previous", "prev/ABP1209.txt"])
case("previous-mismatch", {"ABP1212.txt": BROKEN, "prev/ABP1209.txt": DAY2},
     {"ABP1212.txt": [("CNT001", 1, 14), ("CNT001", 3, 144)]}, paths=["ABP1212.txt"],
     args=["--previous", "prev/ABP1209.txt"])
# 2016-06-04 was a make-up working Saturday (調整上班日) before the Dragon Boat holiday
SAT = report_bytes(A2, "105/06/04")
case("previous-make-up-saturday", {"ABP0606.txt": next_day(SAT, "105/06/06"),
                                   "prev/ABP0603.txt": report_bytes(A2, "105/06/03")},
     {"ABP0606.txt": [("CNT003", None, None)]}, paths=["ABP0606.txt"],
     args=["--previous", "prev/ABP0603.txt"])
case("previous-is-make-up-saturday", {"ABP0606.txt": next_day(SAT, "105/06/06"), "prev/ABP0604.txt": SAT},
     {"ABP0606.txt": []}, paths=["ABP0606.txt"], args=["--previous", "prev/ABP0604.txt"])
# FORMAT.md 6.4: the one file with the rule's exact name is the date's report
case("series-duplicate-backup-copy",
     {"ABP1208.txt": DAY1, "ABP1209.txt": DAY2, "ABP1209 - Copy.txt": DAY2},
     {"ABP1208.txt": [], "ABP1209.txt": [],
      "ABP1209 - Copy.txt": [("CNT004", None, None), ("NAM001", None, None)]}, paths=["."])
# FORMAT.md 6.5: one Ctrl-Z at the very end, with or without the last terminator
one("str-eof-mark", DAY2 + b"\x1a", ("STR007", None, None))
one("str-eof-mark-no-final-newline", DAY2[:-2] + b"\x1a", ("STR007", None, None))
one("str-eof-mark-not-at-end", DAY2 + b"\x1a\r\n", ("STR002", None, None))
# FORMAT.md 6.2: 2016-05-02 was the adjusted Labor Day holiday, a Monday (banks closed)
one("fld-date-not-business-day", report_bytes(A2, "105/05/02"), ("FLD005", 1, 5),
    filename="ABP0502.txt")
# FORMAT.md 6.3: Friday 2016-04-29 to Tuesday 2016-05-03 is no gap for the banks
case("series-no-gap-across-labor-day",
     {"ABP0429.txt": report_bytes(A2, "105/04/29"),
      "ABP0503.txt": next_day(report_bytes(A2, "105/04/29"), "105/05/03")},
     {"ABP0429.txt": [], "ABP0503.txt": []}, paths=["."])
case("series-gap-across-labor-day-government",
     {"ABP0429.txt": report_bytes(A2, "105/04/29"),
      "ABP0503.txt": next_day(report_bytes(A2, "105/04/29"), "105/05/03")},
     {"ABP0429.txt": [], "ABP0503.txt": [("CNT003", None, None)]}, paths=["."],
     args=["--calendar", "government"])
# a gap and a mismatch: FORMAT.md 7.1, the mismatch is only a warning (same code, same place)
case("series-gap-and-mismatch",
     {"ABP1207.txt": report_bytes(A2, "105/12/07"),
      "ABP1209.txt": next_day(report_bytes(A2, "105/12/07"), "105/12/09", BAL=1)},
     {"ABP1207.txt": [], "ABP1209.txt": [("CNT003", None, None), ("CNT001", 1, 14)]}, paths=["."],
     valid={"ABP1207.txt": True, "ABP1209.txt": True})
case("unreadable-path", {"ABP1209.txt": DAY2}, {"ABP1209.txt": []},
     paths=["ABP1209.txt", "missing.txt"], exit=2)
case("strict-fails-on-warnings", {"abp1209.txt": DAY2}, {"abp1209.txt": [("NAM002", None, None)]},
     args=["--strict"], exit=1)


# --- FORMAT.md section 7: quality edits (7.4), limits (7.5), verified findings (7.6) -----------
# a settlement larger than what was open: ABAL_UNB = 1,420 + 540 - 1,965 = -5
NEGATIVE = next_day(DAY1, "105/12/09", A_UNC1=540, A_UNS1=1_965)
one("qua001-negative-balance", NEGATIVE, ("QUA001", 1, 144))
case("qua001-strict-fails", {"ABP1209.txt": NEGATIVE}, {"ABP1209.txt": [("QUA001", 1, 144)]},
     args=["--strict"], exit=1)
_ACTIVITY = ("AB", "AS", "ABT", "A_UNC1", "A_UNC2", "A_UNS1", "A_UNS2", "A_FC1", "A_FC3",
             "A_FS1", "A_FS3", "A_SWC1", "A_SWC2", "A_SWS1", "A_SWS2")
A1 = fxreport.loads(DAY1).amounts()
COPIED = next_day(DAY1, "105/12/09", **{k: A1[k] for k in _ACTIVITY})
case("qua002-copied-activity", {"ABP1208.txt": DAY1, "ABP1209.txt": COPIED},
     {"ABP1208.txt": [], "ABP1209.txt": [("QUA002", None, None)]}, paths=["."])
case("qua002-copied-activity-previous", {"ABP1209.txt": COPIED, "prev/ABP1208.txt": DAY1},
     {"ABP1209.txt": [("QUA002", None, None)]}, paths=["ABP1209.txt"],
     args=["--previous", "prev/ABP1208.txt"])
# across a gap the previous report is not the previous business day's: no QUA002
case("qua002-not-across-a-gap",
     {"ABP1207.txt": DAY1.replace(b"105/12/08", b"105/12/07"),
      "ABP1209.txt": COPIED},
     {"ABP1207.txt": [], "ABP1209.txt": [("CNT003", None, None)]}, paths=["."])
# typed in US dollars: AB of about 2,900 on six days, then 2,900,000
_SCALE_DAYS = ["105/12/01", "105/12/02", "105/12/05", "105/12/06", "105/12/07", "105/12/08",
               "105/12/09"]
_scale: dict[str, bytes] = {}
_day = report_bytes(derive({**{k: 0 for k in _INPUT_NAMES}, "AB": 2_900}), _SCALE_DAYS[0])
for _n, _date in enumerate(_SCALE_DAYS):
    if _n:
        _day = next_day(_day, _date, AB=2_900 + 10 * _n if _n < 6 else 2_900_000)
    _scale["ABP" + _date[4:6] + _date[7:] + ".txt"] = _day
case("qua003-out-of-scale", _scale,
     {**{k: [] for k in _scale}, "ABP1209.txt": [("QUA003", 1, 24)]}, paths=["."])
# a duplicate that is not the date's report gets no quality edit (FORMAT.md 7.9)
case("qua001-not-on-a-duplicate-not-chosen",
     {"ABP1209.txt": NEGATIVE, "ABP1209 - Copy.txt": NEGATIVE},
     {"ABP1209.txt": [("QUA001", 1, 144)],
      "ABP1209 - Copy.txt": [("CNT004", None, None), ("NAM001", None, None)]}, paths=["."])

# position limits (FORMAT.md 7.5): POS of DAY2 is 10,401, SPOT 12,381, FORWARD -925
LIMITS = b'BANK,POS,SPOT,FORWARD\r\nABCD,"10,000",,900\r\nXYZW,1,1,1\r\n'
case("lim001-over-limit", {"ABP1209.txt": DAY2, "limits.csv": LIMITS},
     {"ABP1209.txt": [("LIM001", 3, 124), ("LIM001", 2, 174)]}, paths=["ABP1209.txt"],
     args=["--limits", "limits.csv"])
case("lim001-big5-with-bom-and-strict", {"ABP1209.txt": DAY2,
                                         "limits.csv": "\ufeffBANK,POS\nABCD,10400\n".encode("utf-8")},
     {"ABP1209.txt": [("LIM001", 3, 124)]}, paths=["ABP1209.txt"],
     args=["--limits", "limits.csv", "--strict"], exit=1)
case("lim001-firm-not-listed", {"ABP1209.txt": DAY2, "limits.csv": b"BANK,POS\nXYZW,1\n"},
     {"ABP1209.txt": []}, paths=["ABP1209.txt"], args=["--limits", "limits.csv"])
case("lim-malformed-limits-file", {"ABP1209.txt": DAY2, "limits.csv": b"BANK,POS\nABCD,-5\n"},
     {}, paths=["ABP1209.txt"], args=["--limits", "limits.csv"], exit=2)
# verified findings (FORMAT.md 7.6, 7.9): the note travels; --strict ignores verified ones
VERIFIED = ("BANK,DATE,CODE,FIELD,NOTE\r\n"
            "ABCD,105/12/09,QUA001,ABAL_UNB,交割提前入帳，已與交易對手確認\r\n"
            "ABCD,2016-12-09,QUA002,,stale: nothing copied\r\n"
            "XYZW,105/12/09,QUA001,ABAL_UNB,another firm: out of scope\r\n").encode("cp950")
case("verified-quality-strict-passes", {"ABP1209.txt": NEGATIVE, "verified.csv": VERIFIED},
     {"ABP1209.txt": [("QUA001", 1, 144)]}, paths=["ABP1209.txt"],
     args=["--verified", "verified.csv", "--strict"], exit=0,
     verified={"ABP1209.txt": [("QUA001", 1, 144, "交割提前入帳，已與交易對手確認")]},
     stale=[(3, "ABCD", "2016-12-09", "QUA002", None)])
case("verified-limit-and-unverified-quality-strict-fails",
     {"ABP1209.txt": NEGATIVE, "limits.csv": b"BANK,POS\nABCD,100\n",
      "verified.csv": "BANK,DATE,CODE,FIELD,NOTE\nABCD,105/12/09,LIM001,POS,超限已經核准\n".encode()},
     {"ABP1209.txt": [("QUA001", 1, 144), ("LIM001", 3, 124)]}, paths=["ABP1209.txt"],
     args=["--limits", "limits.csv", "--verified", "verified.csv", "--strict"], exit=1,
     verified={"ABP1209.txt": [("LIM001", 3, 124, "超限已經核准")]})
case("verified-format-rule-is-a-usage-error",
     {"ABP1209.txt": DAY2, "verified.csv": b"BANK,DATE,CODE,FIELD,NOTE\nABCD,105/12/09,ARI001,ACUST,x\n"},
     {}, paths=["ABP1209.txt"], args=["--verified", "verified.csv"], exit=2)


def _options(args: list[str]) -> Any:
    """The ``CheckOptions`` of a case's command-line arguments (run in the case's folder:
    the limits and verified files are read as ``fxreport check`` reads them);
    ``sidecar.SidecarError`` when one of them is a usage error."""
    from fxreport.checking.pipeline import CheckOptions
    from fxreport.checking.sidecar import read_limits, read_verified

    given: dict[str, Any] = {}
    words = iter(args)
    for word in words:
        if word == "--strict":
            given["strict"] = True
        elif word == "--limits":
            name = next(words)
            given["limits"] = read_limits(Path(name).read_bytes(), name)
        elif word == "--verified":
            name = next(words)
            given["verified"] = tuple(read_verified(Path(name).read_bytes(), name))
        else:
            given[{"--previous": "previous", "--calendar": "calendar"}[word]] = next(words)
    return CheckOptions(**given)


def details(folder: Path, c: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Every file's findings as the checker reports them, by path; SystemExit when their
    (code, row, start) are not the hand-written ones."""
    import os
    from collections import Counter

    from fxreport.checking.pipeline import check_paths
    from fxreport.checking.sidecar import SidecarError

    cwd = os.getcwd()
    os.chdir(folder)
    try:
        outcome = check_paths(c["paths"], _options(c["args"]))
    except SidecarError:  # a usage error: no file is checked
        if c["findings"]:
            raise
        return {}
    finally:
        os.chdir(cwd)
    got = {os.path.normpath(str(r.path)).replace(os.sep, "/"): [
        {"code": f.code, "row": f.row, "start": f.start, "end": f.end, "found": f.found_text(),
         "expected": f.expected_text(), "placeholders": f.placeholders()}
        for f in r.findings] for r in outcome.reports}
    for path, want in c["findings"].items():
        have = Counter((d["code"], d["row"], d["start"]) for d in got.get(path, []))
        if have != Counter(want):
            raise SystemExit(f"{c['name']}/{path}: the checker finds {sorted(have)}, "
                             f"not the hand-written {sorted(want)}")
    return got


def main(out: Path = HERE) -> None:
    for old in out.iterdir():
        if old.is_dir() and old.name != "__pycache__":
            shutil.rmtree(old)
    for c in CASES:
        folder = out / c["name"]
        for name, data in c["files"].items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_bytes(data)
        recorded = details(folder, c)
        expected = {"paths": c["paths"], "args": c["args"], "exit": c["exit"],
                    "files": {f: {"valid": c["valid"].get(f, True),
                                  "findings": [list(x) for x in c["findings"].get(f, [])],
                                  "details": recorded.get(f, [])}
                              for f in c["findings"]}}
        if c["verified"] is not None:
            expected["verified"] = {f: [list(x) for x in v] for f, v in c["verified"].items()}
        if c["stale"] is not None:
            expected["stale_verified"] = [list(x) for x in c["stale"]]
        (folder / "expected.json").write_text(json.dumps(expected, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(CASES)} cases")


if __name__ == "__main__":
    main()
