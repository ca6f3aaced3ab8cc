"""Issue 16 leftovers: the static site's worker (``site/bridge.py``) refused a form in
English only, in words of its own.  It now reads the form with the server's reader
(``checking.form``) and words each refusal from the catalogue (``core.words.SERVER``,
``SITE``, ``CALENDAR`` and the limits and verified files' ``SIDECAR``) in the page's
language.

This walks every refusal of the bridge, asked in zh-TW, and holds each to FORMAT.md 6.9
with the checker of the zh-TW regression test: no English sentence, no ISO date,
full-width punctuation.  A last test proves the walk reached every word the form can be
refused with.  (A `lang` that is not one we speak is the one refusal said in English: the
page always sends its own, and the worker knows no other.)
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from fxreport.core.words import CALENDAR, SERVER, SIDECAR, SITE
from fxreport.site.bridge import check_form
from reports import BYTES1, BYTES2
from test_zh_tw_reads_as_written_not_translated import CJK, problems

DAY1 = ("files", "ABP1208.txt", BYTES1, len(BYTES1))
DAY2 = ("files", "ABP1209.txt", BYTES2, len(BYTES2))
ZH = ("lang", "zh-TW")


def _file(field: str, data: bytes) -> tuple[str, str, bytes, int]:
    return (field, f"{field}.csv", data, len(data))


HEAD = b"BANK,DATE,CODE,FIELD,NOTE\r\n"
CASES: list[tuple[list[tuple[Any, ...]], int, str]] = [  # (form, status, catalogue key)
    ([ZH], 400, "no_files"),
    ([DAY1, DAY2, ("previous", "p.txt", BYTES1, len(BYTES1)), ZH], 400, "previous_single"),
    ([DAY2, ZH, ("strict", "maybe")], 422, "not_boolean"),
    ([DAY2, ZH, ("select", "ARI,XYZ")], 422, "unknown_codes"),
    ([DAY2, ZH, ("ignore", "QQQ")], 422, "unknown_codes"),
    ([DAY2, ZH, ("calendar", "stock")], 422, "unknown_calendar"),
    ([DAY2, ZH, ("closed_days", "2016-02-30")], 422, "days_not_a_date"),
    ([DAY2, ZH, ("closed_days", "105/12/08"), ("open_days", "2016-12-08")], 422, "closed_and_open"),
    ([DAY2, ZH, _file("limits", b"FIRM,POS\r\nABPS,1\r\n")], 422, "limits_header"),
    ([DAY2, ZH, _file("limits", b"BANK,NOPE\r\n")], 422, "limits_field"),
    ([DAY2, ZH, _file("limits", b"BANK,POS\r\nABPS,0\r\n")], 422, "limit_value"),
    ([DAY2, ZH, _file("limits", "BANK,POS\r\n".encode("utf-16"))], 422, "utf16"),
    ([DAY2, ZH, _file("verified", b"x\r\n")], 422, "verified_header"),
    ([DAY2, ZH, _file("verified", HEAD + b"ABPS,105/12/09,QUA001,POS,\r\n")], 422, "note_missing"),
    ([DAY2, ZH, _file("verified", HEAD + b"ABPS,2016-13-09,QUA001,POS,n\r\n")], 422, "date_form"),
    ([DAY2, ZH, _file("verified", HEAD + b"ABPS,105/12/09,ARI001,,n\r\n")], 422, "code_format"),
]


def _refusal(n: int) -> str:
    form, status, _ = CASES[n]
    answer = check_form(form, 0)
    assert answer["status"] == status, answer
    assert "json" not in answer and "html" not in answer
    detail = str(answer["detail"])
    assert re.search(f"[{CJK}]", detail), detail
    quoted = re.sub("「[^」]*」", "「」", detail)  # what the sender typed, quoted as typed
    assert problems(quoted, values=("stock", "maybe", "XYZ", "QQQ", "2016-02-30", "closed_days",
                                    "limits", "verified", "FIRM", "NOPE", "ARI001")) == [], detail
    return detail


@pytest.mark.parametrize("n", range(len(CASES)))
def test_each_refusal_of_the_page_is_in_chinese(n: int) -> None:
    _refusal(n)


def test_a_language_we_do_not_speak_is_refused_in_english() -> None:
    answer = check_form([DAY2, ("lang", "fr")], 0)
    assert answer["status"] == 422 and answer["detail"] == "`lang` must be en or zh-TW, not 'fr'"


def test_the_walk_reaches_every_word_of_the_form() -> None:
    """Each catalogue word a form can be refused with appears in an answer above: the
    longest fixed piece of its Chinese (the page's own where ``SITE`` has one)."""
    seen = [_refusal(n) for n in range(len(CASES))]
    form_keys = {"no_files", "previous_single", "not_boolean", "unknown_codes"}
    words = {k: SITE.get(k, SERVER[k]) for k in form_keys}
    words.update({k: v for k, v in CALENDAR.items() if not k.startswith("days_") or k == "days_not_a_date"})
    words.update({k: SIDECAR[k] for _, _, k in CASES if k in SIDECAR})
    missing = []
    for key, (_, zh) in words.items():
        piece = max(re.split(r"\{[^}]*\}", zh), key=len)
        if not any(piece in s for s in seen):
            missing.append((key, piece))
    assert missing == []
    assert {k for _, _, k in CASES} >= form_keys | set(CALENDAR) - {"days_utf16", "days_not_text"}
