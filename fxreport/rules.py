"""The rule catalogue: every check's stable code, category, severity and words.

Logic lives in ``fxreport.check``; this module holds only what a person reads,
in English and Traditional Chinese, so messages can change language without
touching a check.  ``specs/rules.md`` is generated from this catalogue.
"""

from __future__ import annotations

from typing import NamedTuple

from .identities import IDENTITIES

ERROR = "error"
WARNING = "warning"
LANGS = ("en", "zh-TW")
CATEGORIES = ("encoding", "structure", "field", "reserved", "consistency",
              "arithmetic", "continuity", "naming")


class Rule(NamedTuple):
    code: str
    category: str
    severity: str
    title: dict[str, str]
    annex: str  # what the annex (or FORMAT.md) says, quoted
    message: dict[str, str]  # str.format template
    hint: dict[str, str]  # how to fix: str.format template


def _r(code: str, category: str, severity: str, title: tuple[str, str], annex: str,
       message: tuple[str, str], hint: tuple[str, str]) -> Rule:
    return Rule(code, category, severity, dict(zip(LANGS, title)), annex,
                dict(zip(LANGS, message)), dict(zip(LANGS, hint)))


_ASCII_BIG5 = "(英數字: ASCII CODE; 中文: BIG-5)"
_THREE = "資料共分成三列表示; 每列 213 位元組 (FORMAT.md §1)"
_NUMBER = ("數值資料，在所屬位置內，靠右放置。正/負符號可緊接在數字之前；或固定放在最左側，"
           "不足位數時，則正/負號與數值之間補0；正符號可以不表示。")
_RESERVED = "為與銀行申報資料格式一致，及預留將來擴展需要，請依格式說明，於保留欄位中填列空白。"
_CARRY = "所有填報資料之前日部位、前日餘額等項目，其金額必需與前一營業日申報的「本日」餘額相符"
_NAME = "媒體申報檔案名稱之命名規則為總行英文字軌前2碼+英文字母P+資料日期MMDD，副檔名為txt。"

_RULES: list[Rule] = [
    # --- encoding -------------------------------------------------------------
    _r("ENC001", "encoding", ERROR,
       ("File is UTF-16 or UTF-32", "檔案為 UTF-16 或 UTF-32 編碼"), _ASCII_BIG5,
       ("the file is {encoding}, not ASCII/Big5; no other check was made",
        "檔案為 {encoding} 編碼，不是 ASCII/Big5；未進行其他檢查"),
       ("re-save it as ANSI/Big5 (Notepad: Save As, Encoding 'ANSI'; Excel: 'Text (MS-DOS)' "
        "or 'Formatted Text'), or rebuild it with `fxreport build`",
        "請另存為 ANSI/Big5 編碼 (記事本: 另存新檔, 編碼選 ANSI)，或以 `fxreport build` 重新產生")),
    _r("ENC002", "encoding", ERROR,
       ("File starts with a UTF-8 byte order mark", "檔案開頭有 UTF-8 BOM"), _ASCII_BIG5,
       ("the file starts with a UTF-8 byte order mark (EF BB BF); no other check was made",
        "檔案開頭為 UTF-8 BOM (EF BB BF)；未進行其他檢查"),
       ("re-save it as ANSI/Big5 without a BOM (Notepad: Save As, Encoding 'ANSI'), "
        "or rebuild it with `fxreport build`",
        "請另存為不含 BOM 的 ANSI/Big5 編碼，或以 `fxreport build` 重新產生")),
    _r("ENC003", "encoding", ERROR,
       ("File is not a text file", "檔案不是文字檔"), _ASCII_BIG5,
       ("the file is binary ({kind}), not a text report; no other check was made",
        "檔案為二進位資料 ({kind})，不是文字報表；未進行其他檢查"),
       ("check that you picked the right file; the report is a plain text file of three 213-byte lines",
        "請確認選擇了正確的檔案；日報表為三列、每列 213 位元組的純文字檔")),
    _r("ENC004", "encoding", ERROR,
       ("Control byte in a record", "資料列中有控制字元"), _ASCII_BIG5,
       ("control byte {byte} at column {column}: found {found}",
        "第 {column} 位元組為控制字元 {byte}：內容 {found}"),
       ("replace it with the field's proper content (spaces for blank positions); "
        "tabs and NULs are not spaces",
        "請以正確內容取代 (空白位置請填半形空白)；Tab 與 NUL 不是空白")),
    _r("ENC005", "encoding", ERROR,
       ("Non-ASCII byte in a field", "欄位中有非 ASCII 字元"), _ASCII_BIG5,
       ("{what} at column {column}; this field takes ASCII only: found {found}",
        "第 {column} 位元組為 {what_zh}；此欄位只能填 ASCII 字元：內容 {found}"),
       ("type it with half-width ASCII characters only (full-width digits and Chinese are not allowed here)",
        "請只用半形 ASCII 字元填寫 (不可使用全形數字或中文)")),
    # --- structure --------------------------------------------------------------
    _r("STR001", "structure", ERROR,
       ("File holds no data", "檔案沒有資料"), _THREE,
       ("the file is empty or holds only blank lines",
        "檔案為空，或只有空白列"),
       ("write the three records of the day's report, e.g. with `fxreport build` or `fxreport roll`",
        "請填入當日三列資料，例如以 `fxreport build` 或 `fxreport roll` 產生")),
    _r("STR002", "structure", ERROR,
       ("Not exactly 3 records", "資料列數不是 3"), _THREE,
       ("the file has {count} records; the report has exactly 3 (spot; forward; option/total/swaps)",
        "檔案有 {count} 列；日報表必須剛好 3 列 (即期；遠期；選擇權/淨額/換匯)"),
       ("keep exactly one line for each of rows 1, 2 and 3, in that order; "
        "line breaks must be CRLF or LF",
        "請保留第 1、2、3 列各一列並依序排列；換行須為 CRLF 或 LF")),
    _r("STR003", "structure", ERROR,
       ("Record is not 213 bytes", "資料列長度不是 213 位元組"), _THREE,
       ("row {row} is {length} bytes long; every record is exactly 213 bytes, "
        "so its columns are shifted and its fields were not checked",
        "第 {row} 列長度為 {length} 位元組；每列須剛好 213 位元組，欄位已錯位，未檢查其欄位"),
       ("{fix}", "{fix_zh}")),
    _r("STR004", "structure", WARNING,
       ("Trailing empty lines", "檔尾有空白列"), _THREE,
       ("{count} empty line(s) after the last record",
        "最後一列之後有 {count} 個空白列"),
       ("delete the empty lines at the end of the file", "請刪除檔尾的空白列")),
    _r("STR005", "structure", WARNING,
       ("Mixed line terminators", "換行字元不一致"), "FORMAT.md §1: CRLF after every record",
       ("records end with both CRLF and LF ({crlf} CRLF, {lf} LF)",
        "資料列同時以 CRLF 與 LF 結尾 ({crlf} 個 CRLF，{lf} 個 LF)"),
       ("end every record with CRLF (`fxreport fmt FILE` rewrites it)",
        "每列請以 CRLF 結尾 (`fxreport fmt FILE` 可自動改寫)")),
    _r("STR006", "structure", ERROR,
       ("File too large", "檔案過大"), "一日報表為 3 × (213 + 2) = 645 位元組",
       ("the file is larger than {limit:,} bytes (a daily report is 645); it was not read",
        "檔案大於 {limit:,} 位元組 (一份日報表為 645 位元組)；未讀取"),
       ("check that you picked the right file", "請確認選擇了正確的檔案")),
    # --- field ------------------------------------------------------------------
    _r("FLD001", "field", ERROR,
       ("Malformed firm code", "證券商代號格式錯誤"), "BANK XXXX: 依中央銀行核定之外匯證券商英文字軌編列",
       ("must be 4 uppercase ASCII letters or digits: found {found}{why}",
        "須為 4 位大寫英文字母或數字：內容 {found}{why}"),
       ("write the 4-character code the central bank assigned to the firm, e.g. ABCD",
        "請填入中央銀行核定之 4 碼英文字軌，例如 ABCD")),
    _r("FLD002", "field", ERROR,
       ("Malformed or impossible date", "日期格式錯誤或不存在"),
       "DATE YYY/MM/DD: 部位資料日期，中式年/月/日，例如：105/12/09",
       ("must be a real ROC date YYY/MM/DD: found {found} ({why})",
        "須為存在的民國日期 YYY/MM/DD：內容 {found} ({why})"),
       ("write the report date as a 3-digit ROC year, month and day, e.g. 105/12/09 for 2016-12-09",
        "請以 3 位民國年/月/日填寫，例如 2016-12-09 填 105/12/09")),
    _r("FLD003", "field", ERROR,
       ("Malformed S9(9) amount", "S9(9) 金額格式錯誤"), _NUMBER,
       ("not an S9(9) number: found {found} ({why})",
        "不是 S9(9) 數值：內容 {found} ({why})"),
       ("right-align a whole number in thousands of USD: spaces, an optional sign, then digits, "
        "e.g. '      -123' or '-000000123'; write 0 as '         0'",
        "請以千美元為單位、靠右填入整數：前補空白、可選的正負號、數字，例如 '      -123' 或 "
        "'-000000123'；零請填 '         0'")),
    _r("FLD004", "field", ERROR,
       ("Amount out of range", "金額超出範圍"), "S9(9): 最多 9 位數",
       ("{value:,} is out of range; S9(9) holds at most 999,999,999 in magnitude: found {found}",
        "{value:,} 超出範圍；S9(9) 的絕對值最多為 999,999,999：內容 {found}"),
       ("amounts are in thousands of US dollars; check the unit and the digits",
        "金額單位為千美元；請檢查單位與位數")),
    # --- reserved -----------------------------------------------------------------
    _r("RSV001", "reserved", ERROR,
       ("Reserved field not blank", "保留欄位未填空白"), _RESERVED,
       ("columns {start}-{end} are reserved and must be all spaces: found {found}",
        "第 {start}-{end} 位元組為保留欄位，須全部填空白：內容 {found}"),
       ("replace its {width} bytes with spaces (not zeros, not NULs)",
        "請將這 {width} 個位元組全部改為半形空白 (不可填 0 或 NUL)")),
    # --- consistency ----------------------------------------------------------------
    _r("CON001", "consistency", ERROR,
       ("Firm code differs from row 1", "證券商代號與第 1 列不同"), "三列之 BANK 皆為同一證券商",
       ("row {row} has firm code {found} but row 1 has '{expected}'",
        "第 {row} 列證券商代號為 {found}，第 1 列為 '{expected}'"),
       ("use the same firm code in all three records", "三列請填同一證券商代號")),
    _r("CON002", "consistency", ERROR,
       ("Date differs from row 1", "日期與第 1 列不同"), "三列之 DATE 皆為同一部位資料日期",
       ("row {row} has date {found} but row 1 has '{expected}'",
        "第 {row} 列日期為 {found}，第 1 列為 '{expected}'"),
       ("use the same report date in all three records", "三列請填同一部位資料日期")),
]

for _i in IDENTITIES:
    _sev = WARNING if _i.inferred else ERROR
    _why = ("inferred from the annex's labels, not stated by it" if _i.inferred
            else "stated in FORMAT.md section 4 from the annex's table")
    _RULES.append(_r(
        _i.code, "arithmetic", _sev,
        (f"{_i.formula()}", f"{_i.formula()}"),
        f"填報資料各欄位間之相關性 ({_why}): {_i.formula()}",
        (f"is {{actual:,}} but {_i.formula()} gives {{expected:,}} (off by {{diff:+,}})",
         f"為 {{actual:,}}，但依 {_i.formula()} 應為 {{expected:,}} (差 {{diff:+,}})"),
        ("correct {field} or one of the amounts it is computed from; "
         "`fxreport build --derive` computes it",
         "請更正 {field} 或其計算來源欄位；`fxreport build --derive` 可自動計算")))

_RULES += [
    # --- continuity -------------------------------------------------------------------
    _r("CNT001", "continuity", ERROR,
       ("Prior-day amount differs from the previous report", "前日餘額與前一營業日申報不符"), _CARRY,
       ("is {actual:,} but the previous report ({previous}) has {today} = {expected:,}",
        "為 {actual:,}，但前一份申報 ({previous}) 的 {today} 為 {expected:,}"),
       ("set {field} to {expected:,}; corrections to earlier days go in today's "
        "bought/sold/contracted/settled amounts, never in a balance",
        "請將 {field} 改為 {expected:,}；調整前一營業日金額只能調在各買賣、訂約交割金額欄內，"
        "不可調整在前日或本日餘額欄中")),
    _r("CNT002", "continuity", ERROR,
       ("Previous report does not fit", "前一份申報不符"), _CARRY,
       ("{why}; the prior-day amounts were not compared",
        "{why_zh}；未比對前日餘額"),
       ("give the report of the same firm for the business day before", "請提供同一證券商前一營業日的申報檔")),
    _r("CNT003", "continuity", WARNING,
       ("Previous report is not the business day before", "前一份申報不是前一營業日"), _CARRY,
       ("the previous report is dated {previous_date} but the business day before {date} is {expected_date}",
        "前一份申報日期為 {previous_date}，但 {date} 的前一營業日為 {expected_date}"),
       ("check for a missing day's report; if the office was closed (e.g. a typhoon day), "
        "list it with --closed-days",
        "請確認是否漏報；若當日停止上班 (例如颱風假)，請以 --closed-days 列出")),
    _r("CNT004", "continuity", ERROR,
       ("Two reports for one date", "同一日期有兩份申報"), "每一營業日申報一份",
       ("{bank} has {count} reports dated {date} in this series: {paths}",
        "{bank} 於 {date} 有 {count} 份申報：{paths}"),
       ("keep one report per firm and day", "每一證券商每日只保留一份申報")),
    # --- naming ------------------------------------------------------------------------
    _r("NAM001", "naming", ERROR,
       ("Wrong file name", "檔名錯誤"), _NAME,
       ("the file is named {name} but its content (firm {bank}, date {date}) needs {expected}",
        "檔名為 {name}，但內容 (證券商 {bank}，日期 {date}) 應命名為 {expected}"),
       ("rename the file to {expected}", "請將檔案改名為 {expected}")),
    _r("NAM002", "naming", WARNING,
       ("File name differs only in letter case", "檔名大小寫不同"), _NAME,
       ("the file is named {name}; the rule gives {expected}",
        "檔名為 {name}；依命名規則應為 {expected}"),
       ("rename the file to {expected}", "請將檔案改名為 {expected}")),
]

RULES: dict[str, Rule] = {r.code: r for r in _RULES}

# The "why" texts that field messages fill in, by reason.
REASONS: dict[str, dict[str, str]] = {
    "blank": {"en": "blank; write 0 as '         0'", "zh-TW": "空白；零請填 '         0'"},
    "left_aligned": {"en": "left-aligned; amounts are right-aligned", "zh-TW": "靠左；數值須靠右"},
    "inner_space": {"en": "space between the digits", "zh-TW": "數字中間有空白"},
    "trailing_sign": {"en": "sign after the digits", "zh-TW": "正負號在數字後面"},
    "separator": {"en": "thousands separator or decimal point; whole thousands only",
                  "zh-TW": "含千分位或小數點；只能填整數"},
    "not_a_number": {"en": "only spaces, one sign and digits are allowed",
                     "zh-TW": "只能有空白、一個正負號與數字"},
    "date_form": {"en": "not of the form YYY/MM/DD", "zh-TW": "不是 YYY/MM/DD 格式"},
    "date_year0": {"en": "ROC year 000 does not exist", "zh-TW": "民國 000 年不存在"},
    "date_calendar": {"en": "no such day in the calendar", "zh-TW": "日曆上沒有這一天"},
    "code_case": {"en": "; letters must be uppercase", "zh-TW": "；英文字母須大寫"},
    "code_form": {"en": "", "zh-TW": ""},
}


def select(codes: list[str] | tuple[str, ...], selected: tuple[str, ...] = (),
           ignored: tuple[str, ...] = ()) -> list[str]:
    """Codes kept by ``--select``/``--ignore`` prefixes (ruff-style)."""
    def hit(code: str, prefixes: tuple[str, ...]) -> bool:
        return any(code.upper().startswith(p.upper()) for p in prefixes)
    return [c for c in codes if (not selected or hit(c, selected)) and not hit(c, ignored)]


def unknown_prefixes(prefixes: tuple[str, ...]) -> list[str]:
    """The ``--select``/``--ignore`` codes or prefixes that match no rule (FORMAT.md 6.8)."""
    return [p for p in prefixes if not any(c.startswith(p.upper()) for c in RULES)]


def split_codes(values: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """``--select``/``--ignore`` values: comma-separated, repeatable, blanks dropped."""
    return tuple(p.strip() for v in values for p in v.split(",") if p.strip())
