"""Every human word that is not a rule's: input problems and the commands' own lines.

The rule catalogue (``fxreport.rules``) holds the words of findings; this
module holds the rest, in English and Traditional Chinese, so that no
reader, writer or command builds a sentence of its own.  Chinese follows
FORMAT.md 6.9: ROC dates, full-width punctuation, no English words.
"""

from __future__ import annotations

import json
from typing import Any

LANGS = ("en", "zh-TW")

# Short words and places.
WORDS: dict[str, tuple[str, str]] = {
    "input": ("input", "輸入"),
    "line": ("line {line}", "第 {line} 行"),
    "line_column": ("line {line} column {column}", "第 {line} 行第 {column} 字"),
    "xlsx_derived": (
        "{source} has no calculated results (no spreadsheet program has saved it): "
        "{names} were computed from the identities, as --derive does",
        "{source} 沒有公式計算結果（尚未以試算表程式存檔）：{names} 已依勾稽關係自動計算，"
        "同 --derive"),
}

# Problems in build input (JSON, CSV, workbook), by key: (English, Chinese).
INPUT: dict[str, tuple[str, str]] = {
    "empty": ("the input is empty", "輸入內容是空的"),
    "not_text": ("the input is neither UTF-8 nor Big5 text", "輸入內容不是 UTF-8 或 Big5 文字"),
    "json_syntax": ("not valid JSON: {detail}", "不是有效的 JSON：{detail}"),
    "json_not_object": (
        'the JSON input must be an object like {{"bank": "ABCD", "date": "105/12/09", '
        '"row1": {{...}}, ...}}',
        '輸入的 JSON 須為物件，例如 {{"bank": "ABCD", "date": "105/12/09", "row1": {{...}}, ...}}'),
    # CSV (as `show --format csv` prints it, or as a spreadsheet exports it)
    "csv_header": (
        "the CSV header must be {header} (as `fxreport show --format csv` prints it)",
        "CSV 第一行須為 {header}（即 `fxreport show --format csv` 輸出的格式）"),
    "csv_cells": (
        "expected {expected} cells, found {found}; each line is {header}",
        "應有 {expected} 欄，實有 {found} 欄；每行依序為 {header}"),
    "csv_twice": (
        "{name} is given twice (also line {other}); keep one of the two lines",
        "{name} 重複出現（另見第 {other} 行）；請只保留一行"),
    "csv_unknown": (
        "unknown field {name}; the names are the annex's (BAL, AB, ..., ABAL_SW2), "
        "as `fxreport show --format csv` prints them",
        "未知的欄名 {name}；欄名須為附件所列（BAL、AB、…、ABAL_SW2），"
        "即 `fxreport show --format csv` 輸出的欄名"),
    "csv_empty": (
        "the value is empty; fill in a whole number in thousands of USD (0 if there is none)",
        "金額未填；請填入以千美元計的整數（無金額請填 0）"),
    "csv_fraction": (
        "{value} is not a whole number; amounts are whole thousands of USD, so round it",
        "{value} 不是整數；金額以千美元計，須為整數，請四捨五入"),
    "csv_not_number": (
        "{value} is not a whole number; write e.g. 1800, -1800, 1,800, "
        "(1,800) for a negative, or - for zero",
        "{value} 不是整數；請寫成如 1800、-1800、1,800，負數可寫成 (1,800)，零可寫成 -"),
    # Workbooks (.xlsx): the whole file
    "xlsx_not_workbook": (
        "this file is not an Excel workbook (.xlsx); use the workbook that "
        "`fxreport roll PREV --format xlsx` makes, or save yours in Excel as "
        "\"Excel Workbook (*.xlsx)\"",
        "此檔案不是 Excel 活頁簿（.xlsx）；請使用 `fxreport roll PREV --format xlsx` "
        "產生的活頁簿，或在 Excel 以「Excel 活頁簿（*.xlsx）」格式另存"),
    "xlsx_old_format": (
        "this is an old-format Excel file (.xls); open it in Excel and save it as "
        "\"Excel Workbook (*.xlsx)\"",
        "此為舊版 Excel 檔（.xls）；請在 Excel 開啟後另存為「Excel 活頁簿（*.xlsx）」"),
    "xlsx_encrypted": (
        "the workbook is encrypted with a password and cannot be read; remove the password "
        "in Excel (File > Info > Protect Workbook > Encrypt with Password: clear it) and "
        "save it again",
        "此活頁簿以密碼加密，無法讀取；請在 Excel 移除密碼（檔案 > 資訊 > 保護活頁簿 > "
        "以密碼加密：清除密碼）後重新存檔"),
    "xlsx_corrupt": (
        "the workbook is damaged and cannot be read; open it in Excel and save it again, "
        "or start again from `fxreport roll PREV --format xlsx`",
        "此活頁簿已損壞，無法讀取；請在 Excel 開啟後重新存檔，"
        "或以 `fxreport roll PREV --format xlsx` 重新產生"),
    "xlsx_too_large": (
        "the workbook unpacks to more than {limit:,} bytes, far more than a day's report "
        "form; use the workbook that `fxreport roll PREV --format xlsx` makes",
        "此活頁簿解壓後超過 {limit:,} 位元組，遠大於一日的報表；"
        "請使用 `fxreport roll PREV --format xlsx` 產生的活頁簿"),
    # Workbooks: named cells
    "xlsx_name_missing": (
        "the workbook has no cell named {name}; use the workbook that "
        "`fxreport roll PREV --format xlsx` makes, or give the field's cell the name {name} "
        "(Formulas > Name Manager)",
        "活頁簿中沒有名為 {name} 的儲存格；請使用 `fxreport roll PREV --format xlsx` "
        "產生的活頁簿，或將該欄位的儲存格命名為 {name}（公式 > 名稱管理員）"),
    "xlsx_name_not_cell": (
        "the name {name} refers to {target}, not to one cell of a sheet; make it refer to "
        "the field's cell (Formulas > Name Manager)",
        "名稱 {name} 指向 {target}，不是工作表中的單一儲存格；"
        "請在「公式 > 名稱管理員」中改為指向該欄位的儲存格"),
    "xlsx_name_shared": (
        "{name} and {other} name the same cell; each field needs a cell of its own "
        "(Formulas > Name Manager)",
        "{name} 與 {other} 指向同一儲存格；每個欄位須有自己的儲存格（公式 > 名稱管理員）"),
    # Workbooks: amounts
    "xlsx_empty": (
        "the cell is empty; type a whole number in thousands of USD (0 if there is none)",
        "儲存格未填；請填入以千美元計的整數（無金額請填 0）"),
    "xlsx_fraction": (
        "{value} is not a whole number; amounts are whole thousands of USD, so round it",
        "{value} 不是整數；金額以千美元計，須為整數，請四捨五入"),
    "xlsx_text": (
        "the cell holds the text {value}, not a number; type the amount as a whole number "
        "(no quotes, letters or spaces)",
        "儲存格內容為文字 {value}，不是數字；請以整數輸入金額（不可有引號、字母或空白）"),
    "xlsx_bool": (
        "the cell holds the logical value {value}, not a number; type the amount as a "
        "whole number",
        "儲存格內容為邏輯值 {value}，不是數字；請以整數輸入金額"),
    "xlsx_date_in_amount": (
        "the cell holds a date or time ({iso}), not an amount; type the amount as a "
        "whole number and format the cell as a number",
        "儲存格內容為日期或時間（{roc}），不是金額；請以整數輸入金額，並將儲存格格式設為數值"),
    "xlsx_range": (
        "{value:,} is out of range; an amount in thousands of USD lies between "
        "-999,999,999 and 999,999,999",
        "{value:,} 超出範圍；以千美元計的金額須介於 -999,999,999 與 999,999,999 之間"),
    "xlsx_derived_range": (
        "{formula} gives {value:,}, out of range (between -999,999,999 and 999,999,999); "
        "check the amounts it uses",
        "{formula} 算得 {value:,}，超出範圍（須介於 -999,999,999 與 999,999,999 之間）；"
        "請檢查其計算來源欄位"),
    "xlsx_formula_error": (
        "the formula gives the error {value}; correct the cells it uses, or type the "
        "number",
        "公式結果為錯誤值 {value}；請更正公式所用的儲存格，或直接輸入數字"),
    "xlsx_formula_uncalculated": (
        "the cell holds the formula {formula} but no calculated result; type the number "
        "instead, or open and save the workbook in a spreadsheet program",
        "儲存格為公式 {formula}，但沒有計算結果；請直接輸入數字，或以試算表程式開啟後存檔"),
    # Workbooks: firm code and date
    "xlsx_bank_empty": (
        "the firm code is empty; type the 4 letters or digits the central bank assigned, "
        "e.g. ABCD",
        "證券商英文字軌未填；請填入中央銀行核定的 4 碼英文字母或數字，例如 ABCD"),
    "xlsx_bank": (
        "{value} is not a firm code; type the 4 uppercase letters or digits the central "
        "bank assigned, e.g. ABCD",
        "{value} 不是證券商英文字軌；請填入中央銀行核定的 4 碼大寫英文字母或數字，例如 ABCD"),
    "xlsx_date_empty": (
        "the report date is empty; type the ROC date as 105/12/12 (year/month/day), or "
        "enter a date",
        "部位資料日期未填；請以民國年/月/日填入，例如 105/12/12，或輸入日期"),
    "xlsx_date": (
        "{value} is not a date; type the ROC date as 105/12/12 (year/month/day; 105/1/2 "
        "and 2016-12-12 are read too), or enter a date",
        "{value} 不是日期；請以民國年/月/日填入，例如 105/12/12（亦接受 105/1/2 或 "
        "2016-12-12），或輸入日期"),
    "xlsx_date_range": (
        "{value} is outside ROC years 001 to 999 (1912 to 2910); type the report date as "
        "105/12/12",
        "西元 {value} 不在民國 001 年至 999 年之間；請以民國年/月/日填入部位資料日期，例如 105/12/12"),
}

# The workbook's own words (``fxreport.xlsx``): (English, Chinese); the sheet shows both.
SHEET: dict[str, tuple[str, str]] = {
    "title": ("FX position daily report of securities firms", "外匯證券商外匯部位日報表"),
    "date_form": ("ROC year/month/day, e.g. 105/12/12", "民國年/月/日，例如 105/12/12"),
    "unit": ("amounts in thousands of USD", "金額單位：千美元"),
    "col_section": ("position", "部位"),
    "col_detail": ("detail", "細項"),
    "col_item_zh": ("", "項目"),
    "col_item_en": ("item", ""),
    "col_amount": ("USD thousand", "金額（千美元）"),
    "col_field": ("field", "欄名"),
    "col_place": ("row:cols", "列:欄"),
    "note_inputs": (
        "Type whole numbers into the orange input cells; the grey cells compute themselves "
        "from the identities. The sheet is protected without a password.",
        "請於橘色輸入格填入整數；灰色儲存格依勾稽關係自動計算。工作表已保護（未設密碼）。"),
    "note_build": (
        "Then make the submission file: fxreport build BOOK.xlsx -o DIR",
        "填妥後產生申報檔：fxreport build 本活頁簿.xlsx -o 資料夾"),
    "prompt_title": ("whole number", "整數（千美元）"),
    "prompt": (
        "Whole number in thousands of USD, -999,999,999 to 999,999,999.",
        "請輸入以千美元計的整數，介於 -999,999,999 與 999,999,999 之間。"),
    "error_title": ("not a whole number", "請輸入整數"),
    "error": (
        "Whole numbers only, in thousands of USD, from -999,999,999 to 999,999,999: "
        "no fractions, no text.",
        "只能輸入整數（千美元），介於 -999,999,999 與 999,999,999 之間，不可有小數或文字。"),
    "bank_prompt": (
        "The 4 uppercase letters or digits the central bank assigned, e.g. ABCD.",
        "中央銀行核定的 4 碼大寫英文字母或數字，例如 ABCD。"),
    "bank_error": ("Exactly 4 letters or digits, e.g. ABCD.", "須為 4 碼英文字母或數字，例如 ABCD。"),
    "date_prompt": (
        "ROC year/month/day as text, e.g. 105/12/12; a date is read too.",
        "以民國年/月/日填入，例如 105/12/12；亦可輸入日期。"),
    "kept_value": (
        "The report's value, kept as filed: {formula} gives {computed:,} ({code}, {severity}). "
        "To compute it instead, enter ={expression} in this cell.",
        "本欄為報表申報值，照原樣保留：{formula} 算得 {computed:,}（{code}，{severity}）。"
        "如要改為自動計算，請於本欄輸入 ={expression}。"),
    "severity_error": ("error", "錯誤"),
    "severity_warning": ("warning", "警告"),
}


def word(key: str, lang: str = "en") -> str:
    return WORDS[key][1 if lang == "zh-TW" else 0]


def value_text(value: Any) -> str:
    """A value as the user typed it: JSON spellings (``true``, ``null``), not Python's."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    try:
        return json.dumps(value, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError):
        return str(value)


def input_message(key: str, lang: str, params: dict[str, Any]) -> str:
    text = INPUT[key][1 if lang == "zh-TW" else 0]
    return text.format(**params)
