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
    "line_column": ("line {line} column {column}", "第 {line} 行第 {column} 個字元"),
    # check's text output
    "valid": ("valid", "通過"),
    "invalid": ("INVALID", "不通過"),
    "unknown": ("firm and date unreadable", "無法讀取證券商英文字軌與日期"),
    "counts": (", {errors} error(s), {warnings} warning(s)", "，錯誤 {errors} 個、警告 {warnings} 個"),
    "summary": ("{files} file(s): {valid} valid, {invalid} INVALID; {errors} error(s), {warnings} warning(s)",
                "共 {files} 個檔案：{valid} 個通過、{invalid} 個不通過；錯誤 {errors} 個、警告 {warnings} 個"),
    "hint": ("hint: ", "建議："),
    "found": ("found '{value}'", "實際內容「{value}」"),
    "expected": ("expected '{value}'", "應為「{value}」"),
    "and": ("; ", "；"),
    "cannot_read": ("cannot read", "無法讀取"),
    "show_note": ("fxreport: note: {path} has errors ({codes}); `fxreport check {path}` explains them",
                  "fxreport：注意，{path} 有錯誤（{codes}）；執行 `fxreport check {path}` 可查看說明與修正建議"),
    # show's table
    "row_title": ("Row {row}: {zh} / {en}", "第 {row} 列：{zh}"),
    # why a path cannot be read
    "not_found": ("no such file or directory", "找不到此檔案或資料夾"),
    "permission": ("permission denied", "沒有讀取權限"),
    "is_dir": ("is a directory", "這是資料夾"),
    "not_regular": ("not a regular file (a device, a pipe or a socket); it was not read",
                    "不是一般檔案（裝置、管線或通訊端），未讀取"),
    "no_txt": ("no *.txt files in this directory", "此資料夾中沒有 *.txt 檔案"),
    "no_stdin": ("there is no standard input", "沒有標準輸入"),
    "loop": ("too many levels of symbolic links", "符號連結層數過多（可能形成迴圈）"),
    "os_error": ("{detail}", "系統訊息：{detail}"),
}

# Problems in build input (JSON, CSV, workbook), by key: (English, Chinese).
INPUT: dict[str, tuple[str, str]] = {
    "empty": ("the input is empty", "輸入內容是空的"),
    "not_text": ("the input is neither UTF-8 nor Big5 text", "輸入內容不是 UTF-8 或 Big5 文字"),
    "json_syntax": ("not valid JSON: {detail}", "不是有效的 JSON：{detail}"),
    "json_not_object": (
        'the JSON input must be an object like `{{"bank": "ABCD", "date": "105/12/09", '
        '"row1": {{...}}, ...}}`',
        '輸入的 JSON 須為物件，例如 `{{"bank": "ABCD", "date": "105/12/09", "row1": {{...}}, ...}}`'),
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
