"""The rule catalogue: every check's stable code, category, severity and words.

Logic lives in ``fxreport.check``; this module holds only what a person reads,
in English and Traditional Chinese, so messages can change language without
touching a check.  ``specs/rules.md`` is generated from this catalogue.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any, Literal, NamedTuple, get_args

from .fields import AMOUNT_MAX, RocAlso, roc_text
from .identities import IDENTITIES
from .words import LANGS

ERROR = "error"
WARNING = "warning"
Category = Literal["encoding", "structure", "field", "reserved", "consistency",
                   "arithmetic", "continuity", "naming", "quality", "limit"]
CATEGORIES: tuple[Category, ...] = get_args(Category)
# FORMAT.md 7.6: only these categories' findings can be verified with a note
VERIFIABLE = ("quality", "limit")


class Rule(NamedTuple):
    code: str
    category: str
    severity: str
    title: dict[str, str]
    # where the rule comes from: a note of the annex quoted by number, an annex passage,
    # a FORMAT.md decision, or an inference from the labels; by language, like the words
    source: dict[str, str]
    message: dict[str, str]  # str.format template
    hint: dict[str, str]  # how to fix: str.format template


def _r(code: str, category: str, severity: str, title: tuple[str, str],
       source: tuple[str, str], message: tuple[str, str], hint: tuple[str, str]) -> Rule:
    return Rule(code, category, severity, dict(zip(LANGS, title)), dict(zip(LANGS, source)),
                dict(zip(LANGS, message)), dict(zip(LANGS, hint)))


# The annex's notes (貳、說明 1-6), word for word, with an English gloss.  Sources quote
# them by number; ``specs/format.md`` lists them.
ANNEX_NOTES: dict[int, tuple[str, str]] = {
    1: ("證券商應以自身的買賣方向填報；填報資料各欄位間之相關性，請參考部位日報表之"
        "「填報項目內容與欄位名稱對照表」說明。",
        "Each firm reports from its own side of the trade. For how the fields relate, the "
        "annex refers to the report's table of items and field names "
        "(「填報項目內容與欄位名稱對照表」), which it does not include."),
    2: ("每一項金額單位：以千美元計。",
        "Every amount is in thousands of US dollars."),
    3: ("數值資料，在所屬位置內，靠右放置。正/負符號可緊接在數字之前；或固定放在最左側，"
        "不足位數時，則正/負號與數值之間補0；正符號可以不表示。",
        "Numbers are right-aligned in their field. The sign stands right before the digits, "
        "or in the leftmost position with zeros between it and the digits; a plus sign may "
        "be left out."),
    4: ("所有填報資料之前日部位、前日餘額等項目，其金額必需與前一營業日申報的「本日」餘額相符；"
        "若需調整前一營業日之買賣、訂約交割等金額，只能調在各買賣、訂約交割金額欄內，"
        "不可調整在前日或本日餘額欄中。",
        "Every prior-day position and prior-day balance must equal the \"today\" balance "
        "reported on the previous business day. A correction to the previous business day's "
        "bought, sold, contracted or settled amounts goes only in those amount fields, never "
        "in a prior-day or today balance."),
    5: ("為與銀行申報資料格式一致，及預留將來擴展需要，請依格式說明，於保留欄位中填列空白。",
        "To match the banks' reporting format and leave room for later use, reserved fields "
        "are filled with spaces."),
    6: ("媒體申報檔案名稱之命名規則為總行英文字軌前2碼+英文字母P+資料日期MMDD，副檔名為txt。",
        "The file name is the first 2 characters of the head office's code, the letter P and "
        "the data date as MMDD, with the extension txt. (The note goes on to say where the "
        "file is sent; fxreport does not check that.)"),
}


def annex_quote(text: str) -> str:
    """A quotation in 「」; quotation marks inside it become 『』."""
    return "「" + text.replace("「", "『").replace("」", "』") + "」"


def _note(n: int, upto: str | None = None) -> tuple[str, str]:
    """A source that is note ``n`` of the annex, quoted (up to and including ``upto``)."""
    text = ANNEX_NOTES[n][0]
    if upto is not None:
        text = text[:text.index(upto) + len(upto)]
    return (f"annex, note {n} (貳、說明 {n}): {annex_quote(text)}",
            f"附件「貳、說明」第 {n} 點：{annex_quote(text)}")


def _s6(n: int) -> tuple[str, str]:
    return (f"`FORMAT.md` section 6.{n}, a decision of this project",
            f"`FORMAT.md` 第 6.{n} 節（本專案的決定）")


_LAYOUT_TEXT = ("annex, file layout: 「英數字: ASCII CODE; 中文: BIG-5」 (letters and digits in ASCII, "
                "Chinese in Big5)", "附件「檔案格式」規定英數字用 ASCII、中文用 Big5")
_THREE = ("annex, file layout: 「資料共分成三列表示」 (the data is in three rows)",
          "附件「檔案格式」：「資料共分成三列表示」")

_RULES: list[Rule] = [
    # --- encoding -------------------------------------------------------------
    _r("ENC001", "encoding", ERROR,
       ("File is UTF-16 or UTF-32", "檔案為 UTF-16 或 UTF-32 編碼"),
       (_LAYOUT_TEXT[0] + "; `FORMAT.md` section 1 rejects a UTF-16 or UTF-32 file as a whole",
        _LAYOUT_TEXT[1] + "；`FORMAT.md` 第 1 節（本專案的決定）：UTF-16 或 UTF-32 檔案整份判為錯誤，不做其他檢查"),
       ("the file is {encoding} {why}, not ASCII/Big5; no other check was made",
        "檔案為 {encoding} 編碼{why}，不是 ASCII／Big5；未進行其他檢查"),
       ("re-save it as ANSI/Big5 (Notepad: Save As, Encoding 'ANSI'; Excel: 'Text (MS-DOS)' "
        "or 'Formatted Text'), or make the file again from its figures",
        "請以記事本開啟後「另存新檔」，編碼選「ANSI」（即 Big5），或依原始數字重新產生檔案")),
    _r("ENC002", "encoding", ERROR,
       ("File starts with a UTF-8 byte order mark", "檔案開頭有 UTF-8 位元組順序標記（BOM）"),
       (_LAYOUT_TEXT[0] + "; `FORMAT.md` section 1 rejects a file that starts with a UTF-8 BOM "
        "as a whole",
        _LAYOUT_TEXT[1] + "；`FORMAT.md` 第 1 節（本專案的決定）：以 UTF-8 位元組順序標記開頭的檔案"
        "整份判為錯誤，不做其他檢查"),
       ("the file starts with a UTF-8 byte order mark (BOM, bytes EF BB BF); no other check was made",
        "檔案開頭為 UTF-8 位元組順序標記（BOM，位元組 EF BB BF）；未進行其他檢查"),
       ("re-save it as ANSI/Big5 without a BOM (Notepad: Save As, Encoding 'ANSI'), "
        "or make the file again from its figures",
        "請以記事本開啟後「另存新檔」，編碼選「ANSI」（即 Big5，不含位元組順序標記），"
        "或依原始數字重新產生檔案")),
    _r("ENC003", "encoding", ERROR,
       ("File is not a text file", "檔案不是文字檔"),
       ("a decision of this project (`FORMAT.md` section 4: a file-level encoding finding stops "
        "the file's other checks), since the annex's file is text: 「英數字: ASCII CODE; 中文: BIG-5」, "
        "and note 6 gives it the extension txt",
        "本專案的決定（`FORMAT.md` 第 4 節：檔案層級的編碼問題即停止其他檢查）；附件規定資料為文字"
        "（英數字用 ASCII、中文用 Big5），且「貳、說明」第 6 點規定副檔名為 txt"),
       ("the file is binary ({why}), not a text report; no other check was made",
        "檔案為二進位資料（{why}），不是文字格式的日報表；未進行其他檢查"),
       ("check that you picked the right file; the report is a plain text file of three 213-byte lines",
        "請確認選擇了正確的檔案；日報表為三列、每列 213 位元組的純文字檔")),
    _r("ENC004", "encoding", ERROR,
       ("Control byte in a record", "資料列中有控制字元"),
       ("`FORMAT.md` section 4 (encoding: NUL or control bytes), a decision of this project: the "
        "annex's fields hold letters, digits, signs, slashes and spaces only",
        "`FORMAT.md` 第 4 節（本專案的決定）：附件各欄位只容納英數字、正負號、斜線與空白，"
        "不含控制字元"),
       ("control byte {byte} at column {column}: found {found}",
        "第 {column} 位元組為控制字元 {byte}：實際內容{found}"),
       ("replace it with the field's proper content (spaces for blank positions); "
        "tabs and NULs are not spaces",
        "請改為此欄位應有的內容（空白位置請填半形空白）；定位字元（Tab）與空字元（NUL）都不算空白")),
    _r("ENC005", "encoding", ERROR,
       ("Non-ASCII byte in a field", "欄位中有非 ASCII 字元"),
       ("`FORMAT.md` section 1, inferred from the annex's layout: the annex writes Chinese in Big5 "
        "(「中文: BIG-5」) but none of its fields holds Chinese, so any byte 0x80 or above in a "
        "record is a finding",
        "由附件欄位推得（`FORMAT.md` 第 1 節）：附件雖規定中文用 Big5，但沒有任何欄位可填中文，"
        "故資料列中 0x80 以上的位元組都列為錯誤"),
       ("at column {column}, {why}{split}; this field takes ASCII only: found {found}",
        "第 {column} 位元組{why}{split}；此欄位只能填 ASCII 字元：實際內容{found}"),
       ("type it with half-width ASCII characters only (full-width digits and Chinese are not allowed here)",
        "請只用半形英數字與符號（ASCII）填寫，不可使用全形數字或中文")),
    # --- structure --------------------------------------------------------------
    _r("STR001", "structure", ERROR,
       ("File holds no data", "檔案沒有資料"), _THREE,
       ("the file is empty or holds only blank lines",
        "檔案是空的，或只有空白列"),
       ("write the three records of the day's report, or make the file again from its figures",
        "請填入當日三列資料，或依原始數字重新產生檔案")),
    _r("STR002", "structure", ERROR,
       ("Not exactly 3 records", "資料列數不是 3"), _THREE,
       ("{why}", "{why}"),
       ("{advice}", "{advice}")),
    _r("STR003", "structure", ERROR,
       ("Record is not 213 bytes", "資料列長度不是 213 位元組"),
       ("annex, file layout: each row's fields run from column 1 to column 213; `FORMAT.md` "
        "section 4: a record of another length is not checked field by field",
        "附件「檔案格式」：每列欄位自第 1 位元組排到第 213 位元組；`FORMAT.md` 第 4 節："
        "長度不符的資料列不逐欄檢查"),
       ("row {row} is {length} bytes long; every record is exactly {record_width} bytes, "
        "so its columns are shifted and its fields were not checked",
        "第 {row} 列長度為 {length} 位元組；每列須剛好 {record_width} 位元組，長度不符則欄位錯位，"
        "故未檢查此列各欄位"),
       ("{why}", "{why}")),
    _r("STR004", "structure", WARNING,
       ("Trailing empty lines", "檔尾有空白列"),
       ("`FORMAT.md` section 4, a decision of this project: trailing empty lines are a warning",
        "`FORMAT.md` 第 4 節（本專案的決定）：檔尾空白列列為警告"),
       ("{count} empty line(s) after the last record",
        "最後一列資料之後有 {count} 個空白列"),
       ("delete the empty lines at the end of the file", "請刪除檔尾的空白列")),
    _r("STR005", "structure", WARNING,
       ("Mixed line terminators", "換行字元不一致"),
       ("`FORMAT.md` sections 1 and 4, a decision of this project: the writer ends every record "
        "with CRLF, the reader accepts CRLF or LF, and a mix of both is a warning",
        "`FORMAT.md` 第 1、4 節（本專案的決定）：產生的檔案每列以 CRLF 結尾，讀取時接受 CRLF 或 LF，"
        "兩者混用列為警告"),
       ("records end with both CRLF and LF ({crlf} CRLF, {lf} LF)",
        "資料列的換行字元 CRLF 與 LF 混用（CRLF {crlf} 列，LF {lf} 列）"),
       ("end every record with CRLF (rewriting the file in the standard form does it)",
        "每列請以 CRLF 結尾（將檔案改寫為標準格式即可）")),
    _r("STR006", "structure", ERROR,
       ("File too large", "檔案過大"),
       ("a decision of this project: a day's report is 3 × (213 + 2) = 645 bytes "
        "(`FORMAT.md` section 1), so a far larger file is not read",
        "本專案的決定：一份日報表為 3 × (213 + 2) = 645 位元組（`FORMAT.md` 第 1 節），"
        "遠大於此的檔案不予讀取"),
       ("the file is larger than {limit:,} bytes (a daily report is 645); it was not read",
        "檔案大於 {limit:,} 位元組（一份日報表只有 645 位元組）；未讀取此檔"),
       ("check that you picked the right file", "請確認選擇了正確的檔案")),
    _r("STR007", "structure", WARNING,
       ("End-of-file mark (Ctrl-Z) at the end", "檔尾有檔案結束符號（Ctrl-Z）"), _s6(5),
       ("the file ends with a DOS end-of-file mark (byte 0x1A, Ctrl-Z) after the last record",
        "檔案最後一列之後有 DOS 檔案結束符號（位元組 0x1A，即 Ctrl-Z）"),
       ("it is only a warning; rewriting the file in the standard form removes it",
        "僅為警告；將檔案改寫為標準格式即可移除")),
    # --- field ------------------------------------------------------------------
    _r("FLD001", "field", ERROR,
       ("Malformed firm code", "證券商英文字軌格式錯誤"),
       ("annex, BANK (XXXX): 「依中央銀行核定之外匯證券商英文字軌編列」 (the code the central bank "
        "assigned); `FORMAT.md` section 2: 4 uppercase ASCII letters or digits",
        "附件 BANK 欄（XXXX）：「依中央銀行核定之外匯證券商英文字軌編列」；`FORMAT.md` 第 2 節："
        "4 碼大寫英文字母或數字"),
       ("must be 4 uppercase ASCII letters or digits: found {found}{why}",
        "須為 4 碼大寫英文字母或數字：實際內容{found}{why}"),
       ("write the 4-character code the central bank assigned to the firm, e.g. ABCD",
        "請填入中央銀行核定之 4 碼證券商英文字軌，例如 ABCD")),
    _r("FLD002", "field", ERROR,
       ("Malformed or impossible date", "部位資料日期格式錯誤或日期不存在"),
       ("annex, DATE (YYY/MM/DD): 「部位資料日期，中式年/月/日，例如：105/12/09」 (the data date, "
        "ROC year/month/day); `FORMAT.md` section 2: a real calendar date, ROC year 000 invalid",
        "附件 DATE 欄（YYY/MM/DD）：「部位資料日期，中式年/月/日，例如：105/12/09」；"
        "`FORMAT.md` 第 2 節：須為實際存在的日期，民國 000 年無效"),
       ("must be a real ROC date YYY/MM/DD: found {found} ({why})",
        "須為有效的民國日期（YYY/MM/DD）：實際內容{found}（{why}）"),
       ("write the report date as a 3-digit ROC year, month and day, e.g. 105/12/09 for 2016-12-09",
        "請以 3 位數民國年、2 位數月、2 位數日填寫，以「/」分隔，例如 105/12/09")),
    _r("FLD003", "field", ERROR,
       ("Malformed S9(9) amount", "S9(9) 金額格式錯誤"), _note(3),
       ("not an amount as the report writes one (a whole number of up to 9 digits, right-aligned, with an optional sign): found {found} ({why})",
        "不是報表規定的金額寫法（最多 9 位數的整數，靠右對齊，可加正負號）：實際內容{found}（{why}）"),
       ("right-align a whole number in thousands of USD: spaces, an optional sign, then digits, "
        "e.g. '      -123' or '-000000123'; write 0 as '         0'",
        "數字靠右、左補空白；負數在數字前加「-」，正號可省略；或將符號置於最左並補 0。"
        "例如「      -123」或「-000000123」；零請填「         0」")),
    _r("FLD004", "field", ERROR,
       ("Amount out of range", "金額超出範圍"),
       ("annex, format S9(9), total length 10: a signed whole number of at most 9 digits; "
        f"`FORMAT.md` section 2: magnitude at most {AMOUNT_MAX:,}",
        "附件格式 S9(9)、總長度 10：含正負號、最多 9 位數的整數；`FORMAT.md` 第 2 節："
        f"絕對值最多 {AMOUNT_MAX:,}"),
       ("{value:,} is out of range; an amount is at most {amount_max:,} in magnitude: found {found}",
        "數值 {value:,} 超出範圍；金額的絕對值上限為 {amount_max:,}：實際內容{found}"),
       ("amounts are in thousands of US dollars; check the unit and the digits",
        "金額以千美元計；請檢查單位與位數")),
    _r("FLD005", "field", WARNING,
       ("Report dated on a day that is not a business day", "部位資料日期不是營業日"),
       ("`FORMAT.md` section 6.2, a decision of this project: a report is due on each business "
        "day (annex note 4 compares each report with the previous business day's, 前一營業日)",
        "`FORMAT.md` 第 6.2 節（本專案的決定）：日報表於每一營業日申報（附件「貳、說明」第 4 點"
        "以前一營業日銜接）"),
       ("{date} is not a business day {why}",
        "{date} 不是營業日（{why}）"),
       ("check the date; if the banks were open that day (a make-up working day), "
        "declare it an open day, or choose another business calendar",
        "請確認日期；若當天銀行有營業（例如補行上班日），請將該日列為上班日，或改用其他營業日曆")),
    # --- reserved -----------------------------------------------------------------
    _r("RSV001", "reserved", ERROR,
       ("Reserved field not blank", "保留欄位未填空白"),
       ("annex, each reserved field: 「保留欄位，請填列空白」; " + _note(5)[0],
        "附件各保留欄位：「保留欄位，請填列空白」；" + _note(5)[1]),
       ("columns {start}-{end} must be all spaces: found {found}",
        "第 {start}-{end} 位元組須全部填空白：實際內容{found}"),
       ("replace its {width} bytes with spaces (not zeros, not NULs)",
        "請將這 {width} 個位元組全部改為半形空白（不可填 0 或空字元）")),
    # --- consistency ----------------------------------------------------------------
    _r("CON001", "consistency", ERROR,
       ("Firm code differs from row 1", "證券商英文字軌與第 1 列不同"),
       ("inferred from the layout: the annex gives each of the three rows a BANK field at "
        "columns 1-4 (the firm's code); `FORMAT.md` section 4 requires the three to agree",
        "由附件欄位推得：三列第 1-4 位元組各有 BANK 欄（證券商英文字軌）；`FORMAT.md` 第 4 節"
        "規定三列須一致"),
       ("row {row} has firm code {found} but row 1 has '{expected}'",
        "第 {row} 列為{found}，與第 1 列的「{expected}」不同"),
       ("use the same firm code in all three records", "請於三列填入相同的證券商英文字軌")),
    _r("CON002", "consistency", ERROR,
       ("Date differs from row 1", "部位資料日期與第 1 列不同"),
       ("inferred from the layout: the annex gives each of the three rows a DATE field at "
        "columns 5-13 (「部位資料日期」); `FORMAT.md` section 4 requires the three to agree",
        "由附件欄位推得：三列第 5-13 位元組各有 DATE 欄（部位資料日期）；`FORMAT.md` 第 4 節"
        "規定三列須一致"),
       ("row {row} has date {found} but row 1 has '{expected}'",
        "第 {row} 列為{found}，與第 1 列的「{expected}」不同"),
       ("use the same report date in all three records", "請於三列填入相同的部位資料日期")),
]

_ARI_SOURCE = {
    False: ("`FORMAT.md` section 4, from the annex's labels: the annex states no arithmetic; its "
            "note 1 refers to a table of how the fields relate (「填報項目內容與欄位名稱對照表」) "
            "that it does not include",
            "`FORMAT.md` 第 4 節（本專案的決定），由附件欄位名稱推得：附件本身未列任何計算式；"
            "「貳、說明」第 1 點所指的「填報項目內容與欄位名稱對照表」並未附於附件"),
    True: ("inferred from the annex's labels only, so a warning (`FORMAT.md` section 4); "
           "the annex states no arithmetic",
           "僅由附件欄位名稱推得，故列為警告（`FORMAT.md` 第 4 節）；附件本身未列任何計算式"),
}
for _i in IDENTITIES:
    _RULES.append(_r(
        _i.code, "arithmetic", WARNING if _i.inferred else ERROR,
        (f"{_i.formula()}", f"{_i.formula()}"), _ARI_SOURCE[_i.inferred],
        # the formula is the finding's (its layout's identity), so another layout's reads true
        ("is {actual:,} but {formula} gives {expected:,} (off by {diff:+,})",
         "為 {actual:,}，但依 {formula} 應為 {expected:,}（差額 {diff:+,}）"),
        ("correct {field} or one of the amounts it is computed from (when the file is "
         "made, it can be computed from them)",
         "請更正 {field} 或其計算來源欄位；產生檔案時可由來源欄位自動計算")))

_RULES += [
    # --- continuity -------------------------------------------------------------------
    _r("CNT001", "continuity", ERROR,
       ("Prior-day amount differs from the previous report", "前日部位或前日餘額與前一營業日申報不符"),
       _note(4),
       ("is {actual:,} but the previous report ({previous}) has {today} = {expected:,}{why}",
        "為 {actual:,}，但前一份申報（{previous}）的 {today} 為 {expected:,}{why}"),
       ("{advice}", "{advice}")),
    _r("CNT002", "continuity", ERROR,
       ("Previous report does not fit", "前一份申報檔無法比對"),
       (_note(4, "相符")[0] + "; `FORMAT.md` section 4: the previous report must be of the same "
        "firm and an earlier date",
        _note(4, "相符")[1] + "；`FORMAT.md` 第 4 節（本專案的決定）：前一份申報須為同一證券商、日期較早"),
       ("{why}; the prior-day amounts were not compared",
        "{why}，故未比對前日部位與前日餘額"),
       ("give the report of the same firm for the business day before",
        "請提供同一證券商前一營業日的申報檔")),
    _r("CNT003", "continuity", WARNING,
       ("Reports may be missing before this one", "與前一份申報之間可能漏報"), _s6(3),
       ("the report before is dated {previous_date}; the business day(s) {missing} have no report",
        "前一份申報日期為 {previous_date}；其後的營業日 {missing} 沒有申報"),
       ("add the missing days' reports; if the banks were closed (e.g. a typhoon day), "
        "declare those days closed",
        "請補上漏報日期的申報；若當日銀行停止營業（例如颱風停止上班），請將這些日期列為停止上班日")),
    _r("CNT004", "continuity", ERROR,
       ("More than one report for a date", "同一日期有兩份以上申報"),
       ("`FORMAT.md` sections 4 and 6.4, a decision of this project",
        "`FORMAT.md` 第 4 節及第 6.4 節（本專案的決定）"),
       ("{bank} has {count} reports dated {date} in this series; the other(s): {paths}{more}",
        "證券商 {bank} 於 {date} 有 {count} 份申報；另見 {paths}{more}"),
       ("keep one report per firm and day, named by the rule ({expected_name})",
        "同一證券商每日只保留一份申報，並依命名規則命名為 {expected_name}")),
    # --- naming ------------------------------------------------------------------------
    _r("NAM001", "naming", ERROR,
       ("File name breaks the naming rule", "檔名不符命名規則"), _note(6),
       ("the file is named {name} but its content (firm {bank}, date {date}) needs {expected}",
        "檔名為 {name}，但依內容（證券商 {bank}、日期 {date}）應為 {expected}"),
       ("rename the file to {expected}", "請將檔案改名為 {expected}")),
    _r("NAM002", "naming", WARNING,
       ("File name differs only in letter case", "檔名僅大小寫不符"),
       (_note(6)[0] + "; `FORMAT.md` section 4, a decision of this project: a name that differs "
        "only in letter case is a warning",
        _note(6)[1] + "；`FORMAT.md` 第 4 節（本專案的決定）：僅大小寫不同者列為警告"),
       ("the file is named {name}; the rule gives {expected}",
        "檔名為 {name}；依命名規則應為 {expected}"),
       ("rename the file to {expected}", "請將檔案改名為 {expected}")),
]

# --- quality and limit (FORMAT.md 7.4, 7.5): plausibility checks, warnings a person verifies ---
_PLAUSIBLE = ("a plausibility check of this project (`FORMAT.md` section 7.{n}), not a rule of the "
              "annex: a warning that asks a person to verify a value that is well formed but "
              "likely wrong; ",
              "本專案的合理性檢查（`FORMAT.md` 第 7.{n} 節），並非附件規定：數值格式正確但可能有誤，"
              "列為警告，請人工確認；")
_VERIFY_HINT = ("if the value is right, mark the finding as verified with a note saying why",
                "若數值正確，請將此項登錄為已確認，並註明理由")


def _plausible(n: int, en: str, zh: str) -> tuple[str, str]:
    return _PLAUSIBLE[0].format(n=n) + en, _PLAUSIBLE[1].format(n=n) + zh


_RULES += [
    _r("QUA001", "quality", WARNING,
       ("Balance of unsettled gross amounts below zero", "未交割買入或賣出金額餘額為負數"),
       _plausible(4, "from the annex's labels, each of ABAL_UNB, ABAL_UNS, ABAL_FB1, ABAL_FB3, "
                  "ABAL_SW1, ABAL_SW2 is a today balance (「本日餘額」) of amounts bought or sold, "
                  "contracted and not yet settled, which cannot be below zero; annex note 4 allows "
                  "corrections only in the flow fields, and net positions may be negative",
                  "依附件欄位名稱，ABAL_UNB、ABAL_UNS、ABAL_FB1、ABAL_FB3、ABAL_SW1、ABAL_SW2 "
                  "為已訂約尚未交割之買入或賣出金額的「本日餘額」，不應小於零；附件「貳、說明」第 4 點"
                  "只允許在買賣、訂約交割金額欄內調整，部位淨額則可為負數"),
       ("is {value:,}, below zero; a balance of amounts bought or sold and not yet settled "
        "cannot be negative",
        "為 {value:,}，小於零；已訂約尚未交割之買入或賣出金額餘額不應為負數"),
       ("check the prior-day balance and today's contracted and settled amounts (a settlement "
        "larger than what was open, or a sign slip); " + _VERIFY_HINT[0],
        "請檢查前日餘額及本日訂約、本日交割金額（交割金額是否大於未交割餘額，或正負號是否有誤）；"
        + _VERIFY_HINT[1])),
    _r("QUA002", "quality", WARNING,
       ("Activity copied from the previous report", "交易金額與前一營業日完全相同"),
       _plausible(4, "annex note 4 says each report's prior-day fields carry the previous business "
                  "day's balances, so the day's own activity is new each day; fifteen equal "
                  "activity amounts, three or more of them not zero, suggest yesterday's "
                  "figures were copied",
                  "附件「貳、說明」第 4 點規定前日欄位沿用前一營業日之本日餘額，當日交易金額則每日"
                  "不同；15 個交易金額欄位全部相同且至少 3 個不為零，可能是誤將前一日資料複製"),
       ("all fifteen activity amounts ({count} of them not zero) equal those of the previous "
        "report ({previous}, {previous_path}); yesterday's figures may have been copied",
        "15 個交易金額欄位（其中 {count} 個不為零）與前一份申報（{previous}，{previous_path}）"
        "完全相同；可能誤將前一營業日的資料複製為本日資料"),
       ("check that the bought, sold, contracted and settled amounts are today's; "
        + _VERIFY_HINT[0],
        "請確認買入、賣出、訂約及交割金額均為本日資料；" + _VERIFY_HINT[1])),
    _r("QUA003", "quality", WARNING,
       ("Amount out of scale with the firm's history", "金額與本證券商歷史規模差距過大"),
       _plausible(4, "annex note 2: 「每一項金額單位：以千美元計。」 (every amount is in thousands of "
                  "US dollars); a value at least 1,000 and at least 100 times the median of the "
                  "same field in the firm's earlier reports suggests an amount typed in US "
                  "dollars",
                  "附件「貳、說明」第 2 點：「每一項金額單位：以千美元計。」；數值至少 1,000，且為"
                  "本證券商先前申報同一欄位中位數的 100 倍以上，可能誤以美元填報"),
       ("is {value:,}, {ratio:,} times the median {median:,} of this field's non-zero values "
        "in the firm's {count} earlier reports of this series",
        "為 {value:,}，是本證券商在此批先前 {count} 份申報中此欄位非零值中位數 {median:,} 的 "
        "{ratio:,} 倍"),
       ("amounts are in thousands of US dollars: check the unit and the digits; "
        + _VERIFY_HINT[0],
        "金額以千美元計，請檢查單位與位數；" + _VERIFY_HINT[1])),
    _r("LIM001", "limit", WARNING,
       ("Position over the firm's limit", "部位超過本證券商限額"),
       _plausible(5, "the limits are the firm's own (as approved to it), given in a limits file "
                  "in thousands of US dollars; the annex states none",
                  "限額為本證券商自身（經核定）之限額，由限額檔提供，以千美元計；附件本身未規定限額"),
       ("is {value:,}; its size exceeds the firm's limit of {limit:,} by {excess:,}",
        "為 {value:,}，絕對值超過本證券商限額 {limit:,}，超出 {excess:,}"),
       ("check the amount and the firm's limit; if both are right, mark the finding as "
        "verified with a note explaining the excess",
        "請檢查金額與限額；若兩者皆正確，請將此項登錄為已確認，並說明超限原因")),
]

RULES: dict[str, Rule] = {r.code: r for r in _RULES}

# Words that messages fill in from a finding's values, by reason: (English, Chinese).
REASONS: dict[str, tuple[str, str]] = {
    # S9(9)
    "blank": ("blank; write 0 as '         0'", "全為空白；零請填「         0」"),
    "left_aligned": ("left-aligned; amounts are right-aligned", "數字靠左；數值須靠右放置"),
    "inner_space": ("space between the digits", "數字中間有空白"),
    "trailing_sign": ("sign after the digits", "正負號在數字之後"),
    "separator": ("thousands separator or decimal point; whole thousands only",
                  "含千分位符號或小數點；只能填整數"),
    "not_a_number": ("only spaces, one sign and digits are allowed", "只能包含空白、一個正負號及數字"),
    # ROC date
    "date_form": ("not of the form YYY/MM/DD", "格式不是 YYY/MM/DD"),
    "date_year0": ("ROC year 000 does not exist", "民國年不可為 000"),
    "date_calendar": ("no such day in the calendar", "日期不存在"),
    # firm code
    "code_case": ("; letters must be uppercase", "；英文字母須大寫"),
    "code_form": ("", ""),
    # reserved (the message says it all)
    "zeros": ("", ""),
    "not_blank": ("", ""),
    # non-ASCII characters (ENC005): Chinese follows 「第 N 位元組」
    "utf8_char": ("UTF-8 character '{char}' (bytes {bytes}); this file is UTF-8: re-save it as Big5/ANSI",
                  "起為 UTF-8 字元「{char}」（位元組 {bytes}）；此檔為 UTF-8 編碼，請另存為 ANSI（即 Big5）"),
    "big5_char": ("Big5 character '{char}' (bytes {bytes})", "起為 Big5 字元「{char}」（位元組 {bytes}）"),
    "big5_orphan": ("byte 0x{bytes}, a Big5 lead byte with no second byte at the record's end",
                    "為 0x{bytes}，是 Big5 中文字的第一個位元組，但位於列尾，缺少第二個位元組"),
    "big5_user_defined": ("bytes {bytes}, a Big5 user-defined character that cp950 cannot decode",
                          "起為 Big5 造字區字元（位元組 {bytes}），cp950 無法解碼"),
    "not_big5": ("byte 0x{bytes}, which is not valid Big5", "為 0x{bytes}，不是有效的 Big5 字元"),
    "not_big5_guess": ("byte 0x{bytes}, which is not valid Big5; the file is neither Big5 nor UTF-8 "
                       "(chardet guesses {guess}, confidence {confidence})",
                       "為 0x{bytes}，不是有效的 Big5 字元；此檔既非 Big5 也非 UTF-8 編碼"
                       "（chardet 判斷可能為 {guess}，可信度 {confidence}）"),
    "more": (" and {rest} more", " 及其他 {rest} 個檔案"),
    "split": (", split by the edge between {left} and {right}", "，跨越 {left} 與 {right} 兩欄的邊界"),
    "big5_text": ("byte 0x{bytes}, which cp950 cannot decode here (a character cut by the "
                  "field's edge, or a user-defined one)",
                  "為 0x{bytes}，cp950 無法在此解碼（字元被欄位邊界切開，或為造字區字元）"),
    # UTF-16/32 (ENC001)
    "with_bom": ("(with a byte order mark)", "（含位元組順序標記）"),
    "no_bom": ("(without a byte order mark)", "（無位元組順序標記）"),
    # binary files (ENC003)
    "zip": ("a zip archive, e.g. an .xlsx workbook", "ZIP 壓縮檔，例如 .xlsx 活頁簿"),
    "zip_empty": ("an empty zip archive", "空的 ZIP 壓縮檔"),
    "ole": ("an OLE compound file, e.g. an .xls workbook", "OLE 複合文件，例如 .xls 活頁簿"),
    "pdf": ("a PDF document", "PDF 文件"),
    "png": ("a PNG image", "PNG 圖檔"),
    "jpeg": ("a JPEG image", "JPEG 圖檔"),
    "gif": ("a GIF image", "GIF 圖檔"),
    "gzip": ("a gzip archive", "gzip 壓縮檔"),
    "rar": ("a RAR archive", "RAR 壓縮檔"),
    "7z": ("a 7-Zip archive", "7-Zip 壓縮檔"),
    "elf": ("an ELF executable", "ELF 執行檔"),
    "exe": ("a Windows executable", "Windows 執行檔"),
    "controls": ("{count:,} control bytes in the first {size:,} bytes",
                 "前 {size:,} 個位元組中有 {count:,} 個控制字元"),
    # a record of the wrong length (STR003)
    "too_long": ("remove {n} byte(s): look for a stray character or a value wider than its "
                 "field (compare it with the layout's ruler)",
                 "請刪除多出的 {n} 個位元組：檢查是否有多餘字元或超過欄寬的數值"
                 "（可對照欄位配置尺規）"),
    "too_short": ("add the missing {n} byte(s): editors often trim the trailing blank reserved "
                  "columns; pad the line with spaces to {record_width} bytes",
                  "請補上缺少的 {n} 個位元組：編輯器常刪除行尾保留欄位的空白，請以空白補足至 {record_width} 位元組"),
    "tab_short": ("a tab at column {column} ({tabs} tab(s) in the line) replaced spaces, so "
                  "every field after it is shifted left; put back the spaces each tab stands "
                  "for (an editor set to keep tabs saved it), {record_width} bytes in all",
                  "第 {column} 位元組有定位字元（此列共 {tabs} 個），取代了原本的空白，使其後各欄位"
                  "向左錯位；請將每個定位字元換回原本的空白（編輯器設定保留定位字元所致），補足至 {record_width} 位元組"),
    # not 3 records (STR002): counted, or named when the text is of another kind
    "records_count": ("the file has {count} records; a report has exactly 3 (spot; SWAP/CCS "
                      "forward; option, net position and swaps)",
                      "檔案有 {count} 列資料；日報表須剛好 3 列（即期部位；遠期部位；選擇權、外匯部位淨額與換匯交易）"),
    "one_record": ("the file has 1 record; a report has exactly 3 (spot; SWAP/CCS forward; "
                   "option, net position and swaps)",
                   "檔案只有 1 列資料；日報表須剛好 3 列（即期部位；遠期部位；選擇權、外匯部位淨額與換匯交易）"),
    "looks_json": ("this is JSON text (such as the input a report is built from), not a "
                   "submission file of {record_count} records of {record_width} bytes",
                   "這是 JSON 文字（例如產生申報檔所用的輸入），不是由 {record_count} 列、每列 {record_width} 位元組組成的申報檔"),
    "looks_csv": ("this is comma- or tab-separated text (such as a spreadsheet's CSV), not a "
                  "submission file of {record_count} records of {record_width} bytes",
                  "這是以逗號或定位字元分隔的文字（例如試算表匯出的 CSV），不是由 {record_count} 列、每列 {record_width} 位元組組成的申報檔"),
    "looks_text": ("none of its {count} lines is {record_width} bytes long: this is not a "
                   "submission file ({record_count} records of {record_width} bytes)",
                   "全部 {count} 行都不是 {record_width} 位元組：這不是申報檔（{record_count} 列、每列 {record_width} 位元組）"),
    "records_count_hint": ("keep exactly one line for each of rows 1, 2 and 3, in that order; "
                           "line breaks must be CRLF or LF",
                           "請確認檔案恰有 3 列資料，依第 1、2、3 列順序排列；換行字元須為 CRLF 或 LF"),
    "looks_json_hint": ("check the submission file made from this input (named like "
                        "ABP1209.txt), not the input itself",
                        "請檢核由此輸入產生的申報檔（檔名如 ABP1209.txt），而非輸入本身"),
    "looks_text_hint": ("check the submission file itself ({record_count} lines of "
                        "{record_width} bytes, named like ABP1209.txt)",
                        "請檢核申報檔本身（{record_count} 列、每列 {record_width} 位元組，檔名如 ABP1209.txt）"),
    # two rows in each other's place (a clause added to the first finding's hint)
    "swapped": (" (rows {a} and {b} look swapped: each fits the other's layout; put the "
                "records in the order 1, 2, 3)",
                "（第 {a} 列與第 {b} 列似乎對調了：兩列各自符合對方的欄位配置；請依第 1、2、3 列的順序排列）"),
    # a previous report that cannot be compared (CNT002)
    "prev_unreadable": ("the previous report's firm code or date cannot be read",
                        "無法讀取前一份申報的證券商英文字軌或部位資料日期"),
    "prev_other_firm": ("the previous report is of firm {previous_bank}, not {bank}",
                        "前一份申報屬證券商 {previous_bank}，不是 {bank}"),
    "prev_not_before": ("the previous report is dated {previous_date}, not before {date}",
                        "前一份申報日期為 {previous_date}，並未早於 {date}"),
    # a mismatch across a gap (CNT001, FORMAT.md 7.1: then a warning)
    "gap": ("; the business day(s) {missing} between the two have no report, so the previous "
            "business day's amounts are unknown and this is only a warning",
            "；兩者之間的營業日 {missing} 沒有申報，無法得知前一營業日的金額，故僅列為警告"),
    "no_gap": ("", ""),
    # what to do about a CNT001 mismatch (its hint): set the amount, or, across a gap, never
    "set_amount": ("set {field} to {expected:,}; corrections to earlier days go in today's "
                   "bought/sold/contracted/settled amounts, never in a balance",
                   "請將 {field} 改為 {expected:,}；若需調整前一營業日之買賣、訂約交割等金額，"
                   "只能調在各買賣、訂約交割金額欄內，不可調整在前日或本日餘額欄中"),
    "file_missing": ("file the missing report(s) of {missing}, then compare again; if those days "
                     "were not business days, declare them closed; the amount of a report that is "
                     "not the previous business day's is no reason to change {field}",
                     "請補上 {missing} 的申報後再比對；若這些日期不是營業日，請將其登錄為停止營業日；"
                     "不可依非前一營業日的申報金額修改 {field}"),
    # calendars (FLD005): why the day is not a business day
    "bank": ("in the bank calendar", "依銀行營業日行事曆"),
    "exchange": ("in the exchange calendar", "依證券交易所交易日行事曆"),
    "government": ("in the government office calendar", "依政府機關辦公日行事曆"),
    "closed_day": ("(it is listed among the closed days)", "已列為停止營業日"),
}

# How to do what a hint says, by rule code: the hint says what to do in words that fit
# every door (FORMAT.md 7.9); the CLI's text adds the option or command (``HOW_CLI``
# in ``words``), the page its control (page.js), both by these keys.
HOW: dict[str, str] = {
    "ENC001": "rebuild", "ENC002": "rebuild", "STR001": "rebuild",
    "STR003": "ruler", "STR005": "rewrite", "STR007": "rewrite", "FLD005": "open_days",
    "CNT002": "previous", "CNT003": "closed_days",
    "QUA001": "verify", "QUA002": "verify", "QUA003": "verify", "LIM001": "verify",
    **{i.code: "derive" for i in IDENTITIES},
}


def render_value(value: Any, lang: str) -> Any:
    """A finding's value as the message shows it: dates ISO in English and ROC in Chinese
    (FORMAT.md 6.9), lists joined, a calendar by its name."""
    if isinstance(value, _dt.date):
        if lang == "zh-TW":
            return roc_text(value)
        if isinstance(value, RocAlso):
            return f"{value.isoformat()} ({roc_text(value)})"
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return ("、" if lang == "zh-TW" else ", ").join(str(render_value(v, lang)) for v in value)
    return value


def render_reason(reason: Any, params: Any, lang: str) -> str:
    if reason not in REASONS:
        return ""
    text = REASONS[reason][1 if lang == "zh-TW" else 0]
    return text.format(**params) if params and "{" in text else text


# Categories and severities as people read them (FORMAT.md 6.9: no English in Chinese output).
CATEGORY_WORDS: dict[str, tuple[str, str]] = {
    "encoding": ("encoding", "編碼"), "structure": ("structure", "結構"),
    "field": ("field", "欄位格式"), "reserved": ("reserved", "保留欄位"),
    "consistency": ("consistency", "三列一致性"), "arithmetic": ("arithmetic", "金額勾稽"),
    "continuity": ("continuity", "前後日銜接"), "naming": ("naming", "檔案命名"),
    "quality": ("quality", "數值合理性"), "limit": ("limit", "部位限額"),
}
SEVERITY_WORDS: dict[str, tuple[str, str]] = {ERROR: ("error", "錯誤"), WARNING: ("warning", "警告")}


def category_word(category: str, lang: str = "en") -> str:
    return CATEGORY_WORDS[category][1 if lang == "zh-TW" else 0]


def severity_word(severity: str, lang: str = "en") -> str:
    return SEVERITY_WORDS[severity][1 if lang == "zh-TW" else 0]


def matching(prefix: str) -> list[str]:
    """The rule codes that start with ``prefix`` (case-insensitive)."""
    return [c for c in RULES if c.startswith(prefix.upper())]


def unknown(prefixes: tuple[str, ...]) -> list[str]:
    """The prefixes of ``--select``/``--ignore`` that match no rule (FORMAT.md 6.8)."""
    return [p for p in prefixes if not matching(p)]


def select(codes: list[str] | tuple[str, ...], selected: tuple[str, ...] = (),
           ignored: tuple[str, ...] = ()) -> list[str]:
    """Codes kept by ``--select``/``--ignore`` prefixes (ruff-style)."""
    def hit(code: str, prefixes: tuple[str, ...]) -> bool:
        return any(code.upper().startswith(p.upper()) for p in prefixes)
    return [c for c in codes if (not selected or hit(c, selected)) and not hit(c, ignored)]

