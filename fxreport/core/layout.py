"""The one declarative table of the report's byte layout.

Everything positional in fxreport comes from ``LAYOUT``: the decoder's cuts,
the construct structures, the writer, ``specs/format.md``, the ``--ruler``
view and every finding's column range.  Columns are bytes, 1-based and
inclusive, exactly as in the central bank's annex.  ``FX_POSITION`` is the
same table as a value (``Layout``), with the identities, the carries and the
naming rule: the decoder, the checker, the model factory, the writer and the
specs take whatever layout they are given.
"""

# No `from __future__ import annotations` here: the NamedTuple below is typed with real
# types, which typing checks cheaply; as strings each would be compiled at start-up.

import datetime as _dt
from collections.abc import Callable
from typing import NamedTuple

from .fields import AMOUNT, CODE, RESERVED, ROC_DATE, FieldType, expected_filename
from .identities import CARRIES, IDENTITIES, Carry, Identity

RECORD_WIDTH = 213
RECORD_COUNT = 3


class Field(NamedTuple):
    row: int
    start: int
    end: int
    name: str  # the annex's spelling; "" for an unnamed reserved range
    attr: str  # snake_case attribute name
    type: FieldType
    label_zh: str
    label_en: str

    @property
    def width(self) -> int:
        return self.end - self.start + 1

    def cut(self, record: bytes) -> bytes:
        """This field's bytes of a record."""
        return record[self.start - 1:self.end]


_ZH_RESERVED = "保留欄位"
_EN_RESERVED = "reserved"

# (start, end, name, attr, type, Chinese label, English label); row given per block.
_HEAD = (
    (1, 4, "BANK", "bank", CODE, "證券商英文字軌", "firm code"),
    (5, 13, "DATE", "date", ROC_DATE, "部位資料日期", "report date"),
)

_ROW1 = (
    (14, 23, "BAL", "bal", AMOUNT, "[即期已交割部位] 前日部位",
     "spot settled: prior-day position"),
    (24, 33, "AB", "ab", AMOUNT, "[即期已交割部位][與顧客交易] 買入金額",
     "spot settled, with customers: bought"),
    (34, 43, "AS", "as_", AMOUNT, "[即期已交割部位][與顧客交易] 賣出金額",
     "spot settled, with customers: sold"),
    (44, 53, "ACUST", "acust", AMOUNT, "[即期已交割部位][與顧客交易] 買賣淨額",
     "spot settled, with customers: net"),
    (54, 63, "ABT", "abt", AMOUNT, "[即期已交割部位] 銀行間市場即期交易淨額",
     "spot settled: interbank spot net"),
    (64, 73, "AFS", "afs", RESERVED, _ZH_RESERVED, _EN_RESERVED),
    (74, 83, "ABAL", "abal", AMOUNT, "本日即期外匯已交割部位",
     "today's spot settled position"),
    (84, 93, "BAL_UNB", "bal_unb", AMOUNT, "[即期未交割部位][前日餘額] 買入金額",
     "spot unsettled, prior-day balance: bought"),
    (94, 103, "BAL_UNS", "bal_uns", AMOUNT, "[即期未交割部位][前日餘額] 賣出金額",
     "spot unsettled, prior-day balance: sold"),
    (104, 113, "A_UNC1", "a_unc1", AMOUNT, "[即期未交割部位][本日訂約] 買入金額",
     "spot unsettled, contracted today: bought"),
    (114, 123, "A_UNC2", "a_unc2", AMOUNT, "[即期未交割部位][本日訂約] 賣出金額",
     "spot unsettled, contracted today: sold"),
    (124, 133, "A_UNS1", "a_uns1", AMOUNT, "[即期未交割部位][本日交割] 買入金額",
     "spot unsettled, settled today: bought"),
    (134, 143, "A_UNS2", "a_uns2", AMOUNT, "[即期未交割部位][本日交割] 賣出金額",
     "spot unsettled, settled today: sold"),
    (144, 153, "ABAL_UNB", "abal_unb", AMOUNT, "[即期未交割部位][本日餘額] 買入金額",
     "spot unsettled, today's balance: bought"),
    (154, 163, "ABAL_UNS", "abal_uns", AMOUNT, "[即期未交割部位][本日餘額] 賣出金額",
     "spot unsettled, today's balance: sold"),
    (164, 173, "AUNST", "aunst", AMOUNT, "本日即期外匯未交割部位",
     "today's spot unsettled position"),
    (174, 183, "SPOT", "spot", AMOUNT, "本日即期外匯部位淨額",
     "today's net spot position"),
    (184, 193, "Adj-1", "adj_1", AMOUNT, "調整項1 (影響即期部位之自有資金)",
     "adjustment 1 (own funds affecting the spot position)"),
    (194, 203, "Adj-2", "adj_2", AMOUNT, "調整項2 (匯差及其他)",
     "adjustment 2 (exchange differences and other)"),
    (204, 213, "Adj-3", "adj_3", RESERVED, _ZH_RESERVED, _EN_RESERVED),
)

_ROW2 = (
    (14, 23, "BAL_FB1", "bal_fb1", AMOUNT, "[SWAP、CCS遠期部位][與顧客交易][前日餘額] 買入",
     "SWAP/CCS forward with customers, prior-day balance: bought"),
    (24, 33, "BAL_FB2", "bal_fb2", RESERVED, _ZH_RESERVED, _EN_RESERVED),
    (34, 43, "BAL_FB3", "bal_fb3", AMOUNT, "[SWAP、CCS遠期部位][與顧客交易][前日餘額] 賣出",
     "SWAP/CCS forward with customers, prior-day balance: sold"),
    (44, 53, "BAL_FB4", "bal_fb4", RESERVED, _ZH_RESERVED, _EN_RESERVED),
    (54, 63, "A_FC1", "a_fc1", AMOUNT, "[SWAP、CCS遠期部位][與顧客交易][本日訂約] 買入",
     "SWAP/CCS forward with customers, contracted today: bought"),
    (64, 73, "A_FC2", "a_fc2", RESERVED, _ZH_RESERVED, _EN_RESERVED),
    (74, 83, "A_FC3", "a_fc3", AMOUNT, "[SWAP、CCS遠期部位][與顧客交易][本日訂約] 賣出",
     "SWAP/CCS forward with customers, contracted today: sold"),
    (84, 93, "A_FC4", "a_fc4", RESERVED, _ZH_RESERVED, _EN_RESERVED),
    (94, 103, "A_FS1", "a_fs1", AMOUNT, "[SWAP、CCS遠期部位][與顧客交易][本日交割] 買入",
     "SWAP/CCS forward with customers, settled today: bought"),
    (104, 113, "A_FS2", "a_fs2", RESERVED, _ZH_RESERVED, _EN_RESERVED),
    (114, 123, "A_FS3", "a_fs3", AMOUNT, "[SWAP、CCS遠期部位][與顧客交易][本日交割] 賣出",
     "SWAP/CCS forward with customers, settled today: sold"),
    (124, 133, "A_FS4", "a_fs4", RESERVED, _ZH_RESERVED, _EN_RESERVED),
    (134, 143, "ABAL_FB1", "abal_fb1", AMOUNT, "[SWAP、CCS遠期部位][與顧客交易][本日餘額] 買入",
     "SWAP/CCS forward with customers, today's balance: bought"),
    (144, 153, "ABAL_FB2", "abal_fb2", RESERVED, _ZH_RESERVED, _EN_RESERVED),
    (154, 163, "ABAL_FB3", "abal_fb3", AMOUNT, "[SWAP、CCS遠期部位][與顧客交易][本日餘額] 賣出",
     "SWAP/CCS forward with customers, today's balance: sold"),
    (164, 173, "ABAL_FB4", "abal_fb4", RESERVED, _ZH_RESERVED, _EN_RESERVED),
    (174, 183, "FORWARD", "forward", AMOUNT, "本日SWAP、CCS遠期交易部位",
     "today's SWAP/CCS forward position"),
    (184, 213, "", "reserved_2_184", RESERVED, _ZH_RESERVED, _EN_RESERVED),
)

_ROW3 = (
    (14, 103, "", "reserved_3_14", RESERVED, _ZH_RESERVED, _EN_RESERVED),
    (104, 113, "A_OPTION", "a_option", AMOUNT, "本日新臺幣匯率選擇權Delta部位",
     "today's NTD FX option delta position"),
    (114, 123, "", "reserved_3_114", RESERVED, _ZH_RESERVED, _EN_RESERVED),
    (124, 133, "POS", "pos", AMOUNT, "本日外匯部位淨額", "today's net FX position"),
    (134, 143, "BAL_SW1", "bal_sw1", AMOUNT, "[銀行間換匯交易][前日餘額] 賣即期買遠期金額",
     "interbank swaps, prior-day balance: sell spot / buy forward"),
    (144, 153, "BAL_SW2", "bal_sw2", AMOUNT, "[銀行間換匯交易][前日餘額] 買即期賣遠期金額",
     "interbank swaps, prior-day balance: buy spot / sell forward"),
    (154, 163, "A_SWC1", "a_swc1", AMOUNT, "[銀行間換匯交易][本日訂約] 賣即期買遠期金額",
     "interbank swaps, contracted today: sell spot / buy forward"),
    (164, 173, "A_SWC2", "a_swc2", AMOUNT, "[銀行間換匯交易][本日訂約] 買即期賣遠期金額",
     "interbank swaps, contracted today: buy spot / sell forward"),
    (174, 183, "A_SWS1", "a_sws1", AMOUNT, "[銀行間換匯交易][本日交割] 賣即期買遠期金額",
     "interbank swaps, settled today: sell spot / buy forward"),
    (184, 193, "A_SWS2", "a_sws2", AMOUNT, "[銀行間換匯交易][本日交割] 買即期賣遠期金額",
     "interbank swaps, settled today: buy spot / sell forward"),
    (194, 203, "ABAL_SW1", "abal_sw1", AMOUNT, "[銀行間換匯交易][本日餘額] 賣即期買遠期金額",
     "interbank swaps, today's balance: sell spot / buy forward"),
    (204, 213, "ABAL_SW2", "abal_sw2", AMOUNT, "[銀行間換匯交易][本日餘額] 買即期賣遠期金額",
     "interbank swaps, today's balance: buy spot / sell forward"),
)

ROW_TITLES = {
    1: ("即期部位", "spot position"),
    2: ("SWAP、CCS遠期部位 與顧客交易", "SWAP and CCS forward position with customers"),
    3: ("選擇權Delta、外匯部位淨額、銀行間換匯交易",
        "option delta, net FX position, interbank swaps"),
}

LAYOUT: tuple[Field, ...] = tuple(
    Field(row, *spec)
    for row, body in ((1, _ROW1), (2, _ROW2), (3, _ROW3))
    for spec in _HEAD + body
)

ROWS: dict[int, tuple[Field, ...]] = {
    r: tuple(f for f in LAYOUT if f.row == r) for r in range(1, RECORD_COUNT + 1)
}

# Amount fields by the annex's name; each amount name is unique across rows.
AMOUNTS: dict[str, Field] = {f.name: f for f in LAYOUT if f.type == AMOUNT and f.name}

# Columns 1-13 of every row: BANK and DATE, which the three records must share.
BANK_FIELD, DATE_FIELD = ROWS[1][0], ROWS[1][1]


class Layout(NamedTuple):
    """A fixed-width file as a value: its records (row ``i + 1``'s fields are
    ``records[i]``), the width of every record, and its heads: the fields of row 1
    that every record repeats (a record has no type field; its position is its
    identity, and these say which file it belongs to; the model calls a firm code
    ``bank`` and a date ``date``).  Then what relates its amounts: the arithmetic
    ``identities`` (each with its rule code), the ``carries`` (a field of the next day's
    report that starts from one of today's; the checked ones are continuity), the
    ``naming`` rule (firm code and date to the file's name, or None), and each
    record's ``titles`` (Chinese, English)."""

    name: str
    records: tuple[tuple[Field, ...], ...]
    width: int
    heads: tuple[Field, ...]
    identities: tuple[Identity, ...] = ()
    carries: tuple[Carry, ...] = ()
    naming: Callable[[str, _dt.date], str] | None = None
    titles: tuple[tuple[str, str], ...] = ()

    def amount_fields(self) -> tuple[Field, ...]:
        """The amount fields, record after record (the order of the decoder's amounts)."""
        return tuple(f for fields in self.records for f in fields if f.type is AMOUNT)

    def title(self, row: int) -> tuple[str, str]:
        """Row ``row``'s title (Chinese, English); ``第 n 列``/``row n`` when it has none."""
        if row <= len(self.titles):
            return self.titles[row - 1]
        return f"第 {row} 列", f"row {row}"

    def carried(self) -> tuple[tuple[str, str], ...]:
        """The checked carries: (prior-day field, the previous report's today field)."""
        return tuple((c.field, c.source) for c in self.carries if c.checked)


FX_POSITION = Layout("fx_position", tuple(ROWS[r] for r in range(1, RECORD_COUNT + 1)),
                     RECORD_WIDTH, (BANK_FIELD, DATE_FIELD), IDENTITIES, CARRIES,
                     expected_filename, tuple(ROW_TITLES[r] for r in range(1, RECORD_COUNT + 1)))
