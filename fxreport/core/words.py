"""Every human word that is not a rule's: input problems and the commands' own lines.

The rule catalogue (``fxreport.core.rules``) holds the words of findings; this
module holds the rest, in English and Traditional Chinese, so that no
reader, writer or command builds a sentence of its own.  Chinese follows
FORMAT.md 6.9: ROC dates, full-width punctuation, no English words (field
names, option names and the names of formats such as JSON stay as they are).

Templates are ``str.format`` strings; callers pass every parameter either
language needs (``iso`` and ``roc`` for a date, for instance).
"""

from __future__ import annotations

import errno
import os
import re
from typing import Any, Literal, get_args

from .fields import (AMOUNT_MAX, FIRST_DAY, LAST_DAY, ROC_YEAR_MAX, ROC_YEAR_MIN, roc_text,
                     roc_year_fits)

Lang = Literal["en", "zh-TW"]  # the languages of every word: the one statement of them
LANGS: tuple[Lang, ...] = get_args(Lang)
# The format's bounds, which messages name by placeholder (``{amount_max:,}``, ``{roc_min}``...)
# and every message function fills: each is stated once, in ``fields``.
BOUNDS: dict[str, Any] = {
    "amount_max": AMOUNT_MAX, "roc_min": f"{ROC_YEAR_MIN:03d}", "roc_max": f"{ROC_YEAR_MAX:03d}",
    "first_day": FIRST_DAY.isoformat(), "last_day": LAST_DAY.isoformat(),
    "first_year": FIRST_DAY.year, "last_year": LAST_DAY.year}

# Short words, places and the frames of the commands' lines.
WORDS: dict[str, tuple[str, str]] = {
    "input": ("input", "輸入"),
    "line": ("line {line}", "第 {line} 行"),
    "line_column": ("line {line} column {column}", "第 {line} 行第 {column} 個字元"),
    "place_key": ("{place} ({key})", "{place}（{key}）"),
    "where_message": ("{where}: {message}", "{where}：{message}"),
    "source_line": ("{source}: {text}", "{source}：{text}"),
    "program_line": ("fxreport: {text}", "fxreport：{text}"),
    # `fxreport site`
    "site_no_runtime": ("no Pyodide runtime in {path} (missing {missing}): run `npm ci` in the "
                        "fxreport checkout, or give --pyodide PATH (the folder of the npm "
                        "package `pyodide`)",
                        "{path} 中沒有 `Pyodide` 執行環境（缺少 {missing}）：請在 fxreport 原始碼目錄執行"
                        " `npm ci`，或以 --pyodide 指定 `npm` 套件 `pyodide` 的資料夾"),
    "site_exists": ("{path} exists: give --force to replace an earlier build",
                    "{path} 已存在：若要取代先前產生的檔案，請加上 --force"),
    "site_cannot_write": ("cannot write {path}: {reason}", "無法寫入 {path}：{reason}"),
    "site_wrote": ("wrote {count} files ({size} MB) to {path}; serve it with any web "
                   "server, e.g. python -m http.server -d {path} --bind 127.0.0.1",
                   "已將 {count} 個檔案（共 {size} 百萬位元組）寫入 {path}；可用任何網頁伺服器提供，"
                   "例如 `python -m http.server -d {path} --bind 127.0.0.1`"),
    "finding": ("{code} {text}", "{code} {text}"),
    # check's text output
    "valid": ("valid", "通過"),
    "invalid": ("INVALID", "不通過"),
    "unknown": ("firm and date unreadable", "無法讀取證券商英文字軌與日期"),
    "counts": (", {errors} error(s), {warnings} warning(s)", "，錯誤 {errors} 個、警告 {warnings} 個"),
    "summary": ("{files} file(s): {valid} valid, {invalid} INVALID; {errors} error(s), {warnings} warning(s)",
                "共 {files} 個檔案：{valid} 個通過、{invalid} 個不通過；錯誤 {errors} 個、警告 {warnings} 個"),
    # with --strict (FORMAT.md 7.9): the verdict that decides the exit status
    "summary_strict": ("{files} file(s): {passed} pass, {failed} FAIL with --strict (an error or an "
                       "unverified warning fails); {errors} error(s), {warnings} warning(s)",
                       "共 {files} 個檔案：依嚴格模式（有錯誤或未確認的警告即不通過）{passed} 個通過、"
                       "{failed} 個不通過；錯誤 {errors} 個、警告 {warnings} 個"),
    "summary_verified": ("; {verified} verified", "；已確認 {verified} 個"),
    "hint_label": ("hint: ", "建議："),
    "found": ("found '{value}'", "實際內容「{value}」"),
    "expected": ("expected '{value}'", "應為「{value}」"),
    "values_sep": ("; ", "；"),
    "slow_headers": ("the request's headers came too slowly; the connection is closed",
                     "請求標頭傳送過慢，連線已關閉"),
    "unreadable": ("cannot read", "無法讀取"),
    "show_note": ("fxreport: note: {path} has errors ({codes}); `fxreport check {path}` explains them",
                  "fxreport：注意，{path} 有錯誤（{codes}）；執行 `fxreport check {path}` 可查看說明與修正建議"),
    # show's table
    "row_title": ("Row {row}: {zh} / {en}", "第 {row} 列：{zh}"),
    # why a path cannot be checked
    "not_found": ("no such file or directory", "找不到此檔案或資料夾"),
    "permission": ("permission denied", "沒有讀取權限"),
    "is_dir": ("is a directory", "這是資料夾"),
    "not_regular": ("not a regular file (a device, a pipe or a socket); it was not read",
                    "不是一般檔案（裝置、管線或通訊端），未讀取"),
    "no_txt": ("no *.txt files in this directory", "此資料夾中沒有 *.txt 檔案"),
    "loop": ("too many levels of symbolic links", "符號連結層數過多（可能形成迴圈）"),
    "os_error": ("{detail}", "系統訊息：{detail}"),
    "hint": ("    hint: {text}", "    建議：{text}"),
    "and": (", ", "、"),
    "standard_input": ("<stdin>", "<標準輸入>"),
    # build, roll --write, dump
    "nothing_written": ("nothing was written", "未寫入任何檔案"),
    "report_has_errors": ("the report has errors; nothing was written", "報表有錯誤；未寫入任何檔案"),
    "wrote_report": ("wrote {path} ({bank} {iso})", "已寫入 {path}（{bank} {roc}）"),
    "wrote_file": ("wrote {path}", "已寫入 {path}"),
    "wrote_input": ("wrote {path} (input for {bank} {iso})", "已寫入 {path}（{bank} {roc} 的申報輸入）"),
    "name_warning": ("warning: {name} breaks the naming rule (the content needs {expected})",
                     "警告：{name} 不符合命名規則（依內容應為 {expected}）"),
    "cannot_read": ("cannot read {path}: {reason}", "無法讀取 {path}：{reason}"),
    "input_too_large": ("{path} is larger than {limit:,} bytes; build input is one day's JSON or CSV",
                        "{path} 大於 {limit:,} 位元組；申報輸入應為一日的 JSON 或 CSV"),
    "workbook_too_large": (
        "{path} is larger than {limit:,} bytes; a workbook to build from holds the report "
        "form (other sheets may be large, but not this large): copy the form into a new workbook",
        "{path} 大於 {limit:,} 位元組；用來產生申報檔的活頁簿應含報表（其他工作表可以較大，但不應"
        "如此大）：請將報表複製到新活頁簿"),
    "input_warning": ("{source}: warning: {text}", "{source}：警告：{text}"),
    "no_stdin": ("there is no standard input to read", "沒有可讀取的標準輸入"),
    "see_check": ("`fxreport check {path}` says how to fix it; `fxreport show --ruler {path}` "
                  "shows its bytes",
                  "`fxreport check {path}` 會說明如何修正；`fxreport show --ruler {path}` "
                  "會顯示其位元組"),
    # roll
    "roll_pick_one": ("-o writes the JSON input and --write the submission file; pick one",
                      "-o 寫出申報輸入（JSON），--write 寫出申報檔；請擇一"),
    "roll_bad_date": ("--date: {message}", "--date：{message}"),
    "roll_prev_errors": ("warning: {path} has errors ({codes}); what is carried from it may be "
                         "wrong (`fxreport check {path}` explains them)",
                         "警告：{path} 有錯誤（{codes}）；由其結轉的數值可能有誤"
                         "（執行 `fxreport check {path}` 可查看說明）"),
    "roll_not_business_day": ("warning: --date {iso} is not a business day {calendar}",
                              "警告：{calendar}，--date {roc} 不是營業日"),
    "roll_date_not_after": ("--date: {iso} is not after PREV's date {prev_iso}",
                            "--date：{roc} 不晚於前一份申報的日期 {prev_roc}"),
    # fmt
    "fmt_canonical": ("{path}: already canonical", "{path}：已是標準格式"),
    "fmt_reformatted": ("{path}: reformatted", "{path}：已改寫為標準格式"),
    "fmt_would": ("{path}: would be reformatted", "{path}：將會改寫為標準格式"),
    "fmt_has_errors": ("{path}: has errors, left untouched (see `fxreport check {path}`)",
                       "{path}：有錯誤，未更動（請見 `fxreport check {path}`）"),
    "fmt_value_changes": ("{path}: rewriting would change a value; left untouched",
                          "{path}：改寫會變更數值；未更動"),
    "fmt_cannot_read": ("{path}: cannot read: {reason}", "{path}：無法讀取：{reason}"),
    "fmt_cannot_write": ("{path}: cannot write: {reason}; left untouched",
                         "{path}：無法寫入：{reason}；未更動"),
    # the Python API's exceptions
    "report_unreadable": ("{source} is not a readable report ({count} problem(s)):",
                          "{source} 不是可讀取的申報檔（{count} 個問題）："),
    "report_invalid": ("the report has {count} error(s); nothing was written",
                       "報表有 {count} 個錯誤；未寫入任何檔案"),
    "finding_place": ("row {row} columns {start}-{end}", "第 {row} 列第 {start}-{end} 位元組"),
    "finding_row": ("row {row}", "第 {row} 列"),
    "finding_file": ("file", "檔案"),
    "xlsx_derived": (
        "{source} has no calculated results (no spreadsheet program has saved it): "
        "{names} were computed from the identities, as --derive does",
        "{source} 沒有公式計算結果（尚未以試算表程式存檔）：{names} 已依勾稽關係自動計算，"
        "同 --derive"),
    # `fxreport serve` (``fxreport.server.run``, ``fxreport.commands.serve``)
    "serve_not_loopback": (
        "warning: serving on {host}, which is not loopback: other machines can reach this "
        "page and its API, and they have no login. Put it behind the intranet's proxy (with "
        "its login), or serve on 127.0.0.1.",
        "警告：服務位址 {host} 不是本機位址：其他電腦都能連到此頁面及其程式介面，且不需登入。"
        "請放在內部網路有登入機制的代理伺服器之後，或改用 127.0.0.1。"),
    "serve_bad_host": ("cannot use host {host}: {reason}", "無法使用主機{host}：{reason}"),
    # why a host cannot be used, in Chinese (English gives the resolver's own words)
    "serve_unknown_host": ("no such host name or address", "找不到此名稱或位址"),
    "serve_cannot_listen": ("cannot listen on {host}:{port}: {reason}",
                            "無法在 `{host}:{port}` 接受連線：{reason}"),
    "serve_started": ("fxreport {version}: the checker is at {url} (API docs: {url}docs); "
                      "press Ctrl-C to stop",
                      "fxreport {version}：檢核頁面在 `{url}`（程式介面說明：`{url}docs`）；"
                      "按 `Ctrl-C` 停止"),
    "serve_stopped": ("the checker has stopped", "檢核服務已停止"),
    # show --ruler: the line above each record
    "ruler_record": ("row {row}, {length} bytes", "第 {row} 列，{length} 位元組"),
    "ruler_shifted": (" (a record is {width}: its columns are shifted)",
                      "（每列應為 {width} 位元組：其後各欄位置已偏移）"),
    # a finding's line (``core.findings.Finding.line``): FIELD(label) message, and an
    # unnamed reserved range's label before its message (the message says its columns)
    "field_message": ("{field}({label}) {text}", "{field}（{label}）{text}"),
    "label_message": ("{label} {text}", "{label} {text}"),
    # the command line stopped by Ctrl-C (click's "Aborted!")
    "aborted": ("Aborted!", "已中止。"),
}

# Usage errors of the command line: click's own, re-worded (``fxreport.cli``), and the
# commands' own (``fxreport.commands.UsageProblem``); calendar errors too.
USAGE: dict[str, tuple[str, str]] = {
    # the frame around an error
    "quoted": ("'{value}'", "`{value}`"),
    "usage": ("Usage: {usage}", "用法：`{usage}`"),
    "try_help": ("Try '{command} --help' for help.", "執行 `{command} --help` 可查看說明。"),
    "error": ("Error: {message}", "錯誤：{message}"),
    # click's own errors
    "no_such_option": ("No such option: {name}", "沒有 {name} 這個選項"),
    "did_you_mean": ("{text} (did you mean {names}?)", "{text}（是否應為 {names}？）"),
    "option_needs_value": ("Option '{name}' requires an argument.", "選項 {name} 後面須接一個值。"),
    "option_takes_no_value": ("Option '{name}' does not take a value.", "選項 {name} 不接受值。"),
    "missing_argument": ("Missing argument '{name}'.", "缺少參數 `{name}`。"),
    "missing_option": ("Missing option '{name}'.", "缺少選項 `{name}`。"),
    "bad_choice": ("Invalid value for '{name}': {value} is not one of {choices}.",
                   "{name} 的值 {value} 無效：須為 {choices} 其中之一。"),
    "bad_choice_unknown": ("Invalid value for '{name}': choose one of {choices}.",
                           "{name} 的值無效：須為 {choices} 其中之一。"),
    "bad_integer": ("Invalid value for '{name}': {value} is not a whole number.",
                    "{name} 的值 {value} 無效：須為整數。"),
    "bad_at_least": ("Invalid value for '{name}': give a whole number of at least {low}.",
                     "{name} 的值無效：須為不小於 {low} 的整數。"),
    "bad_between": ("Invalid value for '{name}': give a whole number from {low} to {high}.",
                    "{name} 的值無效：須為 {low} 到 {high} 之間的整數。"),
    "bad_value": ("Invalid value for '{name}'.", "{name} 的值無效。"),
    "no_such_command": ("No such command {name}; the commands are {commands}.",
                        "沒有 {name} 這個指令；可用的指令為 {commands}。"),
    "extra_arguments": ("Got unexpected extra argument(s): {args}.", "多了無法使用的參數：{args}。"),
    "other": ("The command line cannot be read: {message}", "命令列有誤，無法執行。"),
    "internal_error": ("internal error: {detail} (set FXREPORT_DEBUG=1 for details and please "
                       "report it)",
                       "內部錯誤：`{detail}`（設定 FXREPORT_DEBUG=1 可看詳細資訊，請回報此問題）"),
    # the commands' own
    "previous_single": ("--previous goes with a single file; to check a series, give all its "
                        "files", "--previous 只能搭配單一檔案；如要檢核一系列申報，請列出所有檔案"),
    "xlsx_needs_output": ("--format xlsx writes a workbook: give -o BOOK.xlsx (- for standard "
                          "output)", "--format xlsx 會寫出活頁簿：請以 -o 活頁簿.xlsx 指定檔名（- 為標準輸出）"),
    "output_goes_with_xlsx": ("-o goes with --format xlsx; redirect the other formats",
                              "-o 只能搭配 --format xlsx；其他格式請以重新導向寫入檔案"),
    "unknown_codes": ("{option}: {codes} matches no rule code; `fxreport rules` lists them "
                      "(`fxreport rules ARI` those starting with ARI)",
                      "{option}：`{codes}` 不符合任何規則代碼；`fxreport rules` 列出所有規則"
                      "（`fxreport rules ARI` 列出以 `ARI` 開頭者）"),
    "no_rule": ("no rule starts with '{code}'; `fxreport rules` lists them",
                "沒有以 `{code}` 開頭的規則；`fxreport rules` 列出所有規則"),
    # calendar options (--closed-days, --open-days)
    "option_message": ("{option}: {text}", "{option}：{text}"),
    "days_cannot_read": ("cannot read {path}: {reason}", "無法讀取 {path}：{reason}"),
}

# Refusals to write a report (``fxreport.policy.writing.WriteRefused``).
WRITE: dict[str, tuple[str, str]] = {
    "exists": ("{path} exists and was not replaced", "{path} 已存在，未取代"),
    "name_breaks_rule": (
        "{name} breaks the naming rule (the content needs {expected})",
        "{name} 不符合命名規則（依內容應為 {expected}）"),
    "cannot_write": ("cannot write {path}: {reason}; nothing was written",
                     "無法寫入 {path}：{reason}；未寫入任何檔案"),
}

# What the command line adds to a refusal: how to do it in its own terms (the library's
# words above name no option, so a Python caller never reads one).
CLI_ADVICE: dict[str, tuple[str, str]] = {
    "exists": ("{text}; use --force to replace it", "{text}；如要取代，請加 --force"),
    "name_breaks_rule": (
        "{text}; give a folder with -o (such as -o out/) to get the right name, or --force "
        "to keep yours",
        "{text}；請以 -o 指定資料夾（例如 -o out/）取得正確檔名，或加 --force 保留此檔名"),
}

# Why the operating system refused, by errno (its own text is used for the rest).
OS_REASONS: dict[int, tuple[str, str]] = {
    errno.ENAMETOOLONG: ("the name is longer than the file system allows",
                         "名稱超過檔案系統允許的長度"),
    errno.ENOENT: ("no such file or directory", "檔案或資料夾不存在"),
    errno.EACCES: ("permission denied", "權限不足"),
    errno.EPERM: ("permission denied", "權限不足"),
    errno.ENOSPC: ("no space left on the device", "磁碟空間不足"),
    errno.EROFS: ("the file system is read-only", "檔案系統為唯讀"),
    errno.EISDIR: ("it is a directory", "這是資料夾"),
    errno.ENOTDIR: ("a part of the path is not a directory", "路徑中有一部分不是資料夾"),
    errno.EINVAL: ("the name or file is not valid here", "名稱或檔案在此無效"),
    errno.EEXIST: ("it exists", "已存在"),
    errno.EADDRINUSE: ("address already in use", "此位址與連接埠已有其他程式使用"),
    errno.EADDRNOTAVAIL: ("cannot assign requested address", "此位址不屬於這台電腦"),
}
_WINDOWS_REASONS = {206: errno.ENAMETOOLONG, 123: errno.EINVAL, 3: errno.ENOENT}
# Windows sockets' own codes (an OSError's errno there), as the errno they stand for
_WINSOCK_REASONS = {10048: errno.EADDRINUSE, 10049: errno.EADDRNOTAVAIL, 10013: errno.EACCES}
_OWN_REASONS = {"not a regular file": ("not a regular file", "不是一般檔案"),
                "is a directory": ("it is a directory", "這是資料夾"),
                "no *.txt files in this directory": ("no *.txt files in this directory",
                                                     "此資料夾中沒有 *.txt 檔案")}

# Problems in build input (JSON, CSV, workbook), by key: (English, Chinese).
INPUT: dict[str, tuple[str, str]] = {
    # the text as a whole
    "empty": ("the input is empty", "輸入內容是空的"),
    "not_text": ("the input is neither UTF-8 nor Big5 text", "輸入內容不是 UTF-8 或 Big5 文字"),
    "json_syntax": ("not valid JSON: {detail}", "不是有效的 JSON：{detail}"),
    "json_not_object": (
        'the JSON input must be an object like `{{"bank": "ABCD", "date": "105/12/09", '
        '"row1": {{...}}, ...}}`',
        '輸入的 JSON 須為物件，例如 `{{"bank": "ABCD", "date": "105/12/09", "row1": {{...}}, ...}}`'),
    "json_too_deep": ("nested too deeply to read; build input is an object of three objects "
                      "of numbers",
                      "巢狀層次過深，無法讀取；申報輸入為一個物件，內含三個由數值組成的物件"),
    "duplicate_key": ("given {count} times; keep one", "出現 {count} 次；請只保留一個"),
    # CSV
    "text_utf16": (
        "the input is UTF-16 text (Excel's \"Unicode Text\"); save it as \"CSV UTF-8 "
        "(Comma delimited)\" instead",
        "輸入內容為 UTF-16 文字；請改存為「CSV UTF-8（逗號分隔）」"),
    "build_got_submission": (
        "this is a submission file (the central bank's {record_width}-byte records), not build input; "
        "build makes one from JSON, CSV or a workbook as `fxreport show FILE --format "
        "json|csv|xlsx` or `fxreport roll` writes them; to check a submission file use "
        "`fxreport check`, to rewrite it in canonical form `fxreport fmt`",
        "此為申報檔（中央銀行規定的每列 {record_width} 位元組），不是申報輸入；`fxreport build` 由 JSON、CSV 或活頁簿"
        "產生申報檔，即 `fxreport show 申報檔 --format json|csv|xlsx` 或 `fxreport roll` 所寫出的"
        "格式；檢查申報檔請用 `fxreport check`，改寫為標準格式請用 `fxreport fmt`"),
    "build_got_tsv": (
        "the cells are separated by tabs (tab-separated text); build reads comma-separated "
        "CSV as `fxreport show FILE --format csv` prints it: save it as \"CSV (Comma "
        "delimited)\"",
        "儲存格以定位字元分隔（定位字元分隔文字）；`fxreport build` 讀取逗號分隔的 CSV，即 "
        "`fxreport show 申報檔 --format csv` 的輸出：請另存為「CSV（逗號分隔）」"),
    "csv_cell_too_long": (
        "a cell is longer than {limit:,} characters; this is not the CSV that "
        "`fxreport show --format csv` prints",
        "有儲存格超過 {limit:,} 個字元；這不是 `fxreport show --format csv` 輸出的 CSV"),
    "csv_newline_in_cell": (
        "a line break inside a cell that is not quoted; save the file again as CSV",
        "未加引號的儲存格中有換行；請重新另存為 CSV"),
    "csv_nul": ("the text holds NUL bytes; this is not CSV text, save the file again as CSV",
                "內容含有 NUL 位元組，不是 CSV 文字；請重新另存為 CSV"),
    "csv_unreadable": (
        "the CSV cannot be read here (a quote is not closed, or a cell is malformed); save "
        "the file again as CSV",
        "此處的 CSV 無法讀取（引號未結束或儲存格格式有誤）；請重新另存為 CSV"),
    "csv_header": ("the CSV header must be {header} (as `fxreport show --format csv` prints)",
                   "CSV 標題列須為 {header}（與 `fxreport show --format csv` 的輸出相同）"),
    "csv_cells": ("expected {expected} cells, found {found}", "應有 {expected} 欄，實有 {found} 欄"),
    "csv_given_twice": ("{name} is given twice (also on line {other})",
                        "{name} 重複出現（另見第 {other} 行）"),
    # keys that are not the format's
    "unknown_key": ("not a key of build input, which has bank, date, row1, row2 and row3",
                    "不是申報輸入的鍵；申報輸入只有 `bank`、`date`、`row1`、`row2`、`row3`"),
    "csv_unknown_field": ("not a field of the report (`fxreport schema` lists the fields)",
                          "不是申報檔的欄位（`fxreport schema` 列出所有欄位）"),
    "unknown_field": ("not a field of {row} (`fxreport schema` lists the fields)",
                      "不是 {row} 的欄位（`fxreport schema` 列出所有欄位）"),
    "near_miss": ("not a known name; did you mean {name}?", "不是已知的名稱；是否應為 {name}？"),
    "near_miss_row": ("not a field of {row}; did you mean {name}, a field of {other}?",
                      "不是 {row} 的欄位；是否應為 {other} 的欄位 {name}？"),
    "wrong_row": ("{name} is a field of {other}, not of {row}: move it into {other}",
                  "{name} 是 {other} 的欄位，不是 {row} 的欄位：請移至 {other}"),
    "field_at_top": ("{name} is a field of {other}: put it inside {other}",
                     "{name} 是 {other} 的欄位：請放在 {other} 之內"),
    # missing values
    "missing_amount": ("missing: give a whole number in thousands of USD (0 when there is none)",
                       "缺少此欄：請填千美元為單位的整數（沒有請填 0）"),
    "missing_left_side": ("missing: give it, or use --derive to compute it ({formula})",
                          "缺少此欄：請填入，或加 --derive 自動計算（{formula}）"),
    "missing_left_sides": ("{count} left sides of the identities are missing ({names}): "
                           "give them, or use --derive to compute them",
                           "缺少 {count} 個勾稽等式左邊的欄位（{names}）：請填入，"
                           "或加 --derive 自動計算"),
    "missing_bank": ('missing: give the firm code, such as "ABCD"',
                     '缺少此欄：請填證券商英文字軌，例如 `"ABCD"`'),
    "missing_date": ('missing: give the report date, such as "105/12/09" or "2016-12-09"',
                     '缺少此欄：請填部位資料日期，例如民國 `"105/12/09"` 或西元 `"2016-12-09"`'),
    "missing_row": ('missing: give the row\'s amounts as an object, such as {{"{first}": 0, ...}}',
                    '缺少此列：請以物件填入此列金額，例如 `{{"{first}": 0, ...}}`'),
    # amounts
    "not_whole_number": ("{value} is not a whole number (amounts are whole thousands of USD)",
                         "{value} 不是整數（金額為千美元整數）"),
    "decimal_whole": ("{value} has a decimal point: write it as {whole}",
                      "{value} 含小數點：請寫成 {whole}"),
    "number_as_text": ("{value} is text: write the number without quotes, {number}",
                       "{value} 是文字：數值請不加引號，寫成 {number}"),
    "amount_range": ("{value} is out of range: an amount is at most {amount_max:,} in magnitude "
                     "(thousands of USD)",
                     "{value} 超出範圍：金額的絕對值最多為 {amount_max:,}（千美元）"),
    "derived_range": ("computed as {value} ({formula}), which is out of range: an amount is at "
                      "most {amount_max:,} in magnitude",
                      "計算結果為 {value}（{formula}），超出範圍：金額的絕對值最多為 {amount_max:,}"),
    "derive_conflict": ("given as {given:,} but {formula} gives {derived:,}; fix the value or "
                        "leave it out",
                        "填入 {given:,}，但依 {formula} 應為 {derived:,}；請更正或刪除此欄"),
    # the firm code
    "bank_type": ('{value} is not text: give the firm code in quotes, such as "ABCD"',
                  '{value} 不是文字：證券商英文字軌請加引號，例如 `"ABCD"`'),
    "bank_case": ('{value} must be uppercase: write "{upper}"', '{value} 須為大寫：請寫成 `"{upper}"`'),
    "bank_form": ('{value} is not a firm code: 4 ASCII capital letters or digits, such as "ABCD"',
                  '{value} 不是證券商英文字軌：須為 4 位半形大寫英文字母或數字，例如 `"ABCD"`'),
    # the date
    "date_type": ('{value} is not a date: write it in quotes, as ROC "105/12/09" or ISO '
                  '"2016-12-09"',
                  '{value} 不是日期：請加引號，寫成民國 `"105/12/09"` 或西元 `"2016-12-09"`'),
    "date_form": ("{value} is not a date: write it as ROC YYY/MM/DD or ISO YYYY-MM-DD, such as "
                  "105/12/09 or 2016-12-09",
                  "{value} 不是日期：請寫成民國 YYY/MM/DD 或西元 `YYYY-MM-DD`，例如 105/12/09 或 "
                  "`2016-12-09`"),
    "date_form_guess": ("{value} is not a date: write it as ROC {roc} or ISO {iso}",
                        "{value} 不是日期：請寫成民國 {roc} 或西元 {iso}"),
    "date_not_real": ("{value} is not a real date: the calendar has no such day",
                      "{value} 日期不存在：日曆上沒有這一天"),
    "date_range": ("{value} is outside the ROC years {roc_min} to {roc_max} that the file can "
                   "hold ({first_day} to {last_day})",
                   "{value} 超出申報檔可填的民國 {roc_min} 年至 {roc_max} 年"),
    "date_time": ("{value} is a date and time: give the date only",
                  "{value} 含日期與時間：請只填日期"),
    # rows and anything else
    "row_type": ('{value} is not an object: give the row\'s amounts as {{"{first}": 0, ...}}',
                 '{value} 不是物件：請以 `{{"{first}": 0, ...}}` 填入此列金額'),
    "invalid_value": ("{value} is not valid here", "{value} 在此無效"),
    "csv_empty": (
        "the value is empty; fill in a whole number in thousands of USD (0 if there is none)",
        "金額未填；請填入以千美元計的整數（無金額請填 0）"),
    "csv_fraction": (
        "{value} is not a whole number; amounts are whole thousands of USD, so round it",
        "{value} 不是整數；金額以千美元計，須為整數，請四捨五入"),
    "csv_not_number": (
        "{value} is not a whole number; write e.g. 1800, -1800, 1,800, "
        "(1,800) for a negative, or - for zero",
        "{value} 不是整數；請寫成如 `1800`、`-1800`、`1,800`，負數可寫成 `(1,800)`，零可寫成 `-`"),
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
    "xlsx_ods": (
        "this is an OpenDocument spreadsheet (.ods); open it in LibreOffice and save it as "
        "\"Excel 2007-365 (.xlsx)\" (File > Save As), then build from the .xlsx",
        "此為開放文件試算表（.ods）；請在 LibreOffice 以「檔案 > 另存新檔」存成 "
        "「Excel 2007-365（.xlsx）」後，再以該 .xlsx 產生申報檔"),
    "xlsx_part_too_large": (
        "the workbook's part {part} unpacks to more than {limit:,} bytes (at least {size:,}), "
        "far more than the report form needs; copy the form into a new workbook, or start "
        "again from `fxreport roll PREV --format xlsx`",
        "活頁簿的組件 {part} 解壓後超過 {limit:,} 位元組（至少 {size:,}），遠大於報表所需；"
        "請將報表複製到新活頁簿，或以 `fxreport roll PREV --format xlsx` 重新產生"),
    "xlsx_sheet_hidden": (
        "the form's sheet {sheet}, where the names point, is hidden; what would be filed is "
        "not what the clerk sees: unhide it (Format > Sheet > Unhide; a very hidden sheet "
        "in the macro editor's properties), or start again from "
        "`fxreport roll PREV --format xlsx`",
        "名稱所指的報表工作表 {sheet} 已隱藏，申報的數字將不是畫面上看到的數字；"
        "請取消隱藏（格式 > 工作表 > 取消隱藏；「極隱藏」的工作表須在巨集編輯器的屬性中改回），"
        "或以 `fxreport roll PREV --format xlsx` 重新產生"),
    "xlsx_name_astray": (
        "the name {name} points to {target}, off the form ({form}, where the other names "
        "point); what would be filed is not what the form shows: make {name} point to its "
        "line's cell in {form} (Formulas > Name Manager), or start again from "
        "`fxreport roll PREV --format xlsx`",
        "名稱 {name} 指向 {target}，不在報表上（其他名稱都指向 {form}）；申報的數字將不是報表上"
        "顯示的數字：請在「公式 > 名稱管理員」中將 {name} 改為指向 {form} 中該欄位那一列的儲存格，"
        "或以 `fxreport roll PREV --format xlsx` 重新產生"),
    "xlsx_name_wrong_row": (
        "the name {name} points to {target}, but that row of the form is not {field}'s line; "
        "what would be filed is not what the form shows: make {name} point to the cell of the "
        "line that shows {field} (Formulas > Name Manager), or start again from "
        "`fxreport roll PREV --format xlsx`",
        "名稱 {name} 指向 {target}，但報表的該列不是 {field} 欄位；申報的數字將不是報表上顯示的"
        "數字：請在「公式 > 名稱管理員」中將 {name} 改為指向標示 {field} 那一列的儲存格，"
        "或以 `fxreport roll PREV --format xlsx` 重新產生"),
    "xlsx_cell_hidden": (
        "the name {name} points to {target}, in a hidden row or column of the form; what "
        "would be filed is not what the clerk sees: unhide it (Format > Row or Column > "
        "Unhide), or start again from `fxreport roll PREV --format xlsx`",
        "名稱 {name} 指向 {target}，位於報表已隱藏的列或欄，申報的數字將不是畫面上看到的數字："
        "請取消隱藏（格式 > 列或欄 > 取消隱藏），或以 `fxreport roll PREV --format xlsx` 重新產生"),
    "xlsx_name_external": (
        "the name {name} points into another file ({target}); the value must be on this form: "
        "make {name} point to its line's cell (Formulas > Name Manager)",
        "名稱 {name} 指向其他檔案（{target}）；數值須在本報表上：請在「公式 > 名稱管理員」中"
        "將 {name} 改為指向該欄位的儲存格"),
    "xlsx_external": (
        "the value comes from another file ({source}) through the formula {formula}; "
        "its cached result may be stale and cannot be checked: type the number, or copy "
        "and paste it as a value (Paste Special > Values)",
        "數值經由公式 {formula} 取自其他檔案（{source}），其暫存結果可能已過時且無法核對：請直接輸入"
        "數字，或以「選擇性貼上 > 值」貼上"),
    "xlsx_other_sheet": (
        "the value comes from the sheet(s) {sheets} through the formula {formula}; make "
        "sure it is what the form should show",
        "數值經由公式 {formula} 取自工作表 {sheets}；請確認此數字正確"),
    "xlsx_formula_fraction": (
        "the formula {formula} gives {value}, not a whole number; restore the formula "
        "or correct the cells it uses",
        "公式 {formula} 算得 {value}，不是整數；請還原公式，或更正公式所用的儲存格"),
    "xlsx_formula_overwritten": (
        "this cell's formula was typed over with {given:,}; {formula} gives {computed:,}: "
        "restore the formula by typing {expression} into the cell (the sheet is protected "
        "without a password), or start again from `fxreport roll PREV --format xlsx`",
        "本儲存格的公式已被數字 {given:,} 覆蓋；依 {formula} 應為 {computed:,}：請在本儲存格輸入 "
        "{expression} 還原公式（工作表保護未設密碼），或以 `fxreport roll PREV --format xlsx` "
        "重新產生"),
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
        "-{amount_max:,} and {amount_max:,}",
        "{value:,} 超出範圍；以千美元計的金額須介於 -{amount_max:,} 與 {amount_max:,} 之間"),
    "xlsx_derived_range": (
        "{formula} gives {value:,}, out of range (between -{amount_max:,} and {amount_max:,}); "
        "check the amounts it uses",
        "{formula} 算得 {value:,}，超出範圍（須介於 -{amount_max:,} 與 {amount_max:,} 之間）；"
        "請檢查其計算來源欄位"),
    "xlsx_formula_error": (
        "the formula gives the error {value}; correct the cells it uses, or type the "
        "number",
        "公式結果為錯誤值 {value}；請更正公式所用的儲存格，或直接輸入數字"),
    "xlsx_formula_uncalculated": (
        "the cell holds the formula {formula} but no calculated result; type the number "
        "instead, or open and save the workbook in a spreadsheet program",
        "儲存格為公式 {formula}，但沒有計算結果；請直接輸入數字，或以試算表程式開啟後存檔"),
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
        "`2016-12-12`），或輸入日期"),
    "xlsx_date_range": (
        "{value} is outside ROC years {roc_min} to {roc_max} ({first_year} to {last_year}); "
        "type the report date as 105/12/12",
        "西元 {value} 不在民國 {roc_min} 年至 {roc_max} 年之間；請以民國年/月/日填入部位資料日期，"
        "例如 105/12/12"),
}

# The workbook's own words (``fxreport.formats.xlsx``): (English, Chinese); the sheet shows both.
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
        f"Whole number in thousands of USD, -{AMOUNT_MAX:,} to {AMOUNT_MAX:,}.",
        f"請輸入以千美元計的整數，介於 -{AMOUNT_MAX:,} 與 {AMOUNT_MAX:,} 之間。"),
    "error_title": ("not a whole number", "請輸入整數"),
    "error": (
        f"Whole numbers only, in thousands of USD, from -{AMOUNT_MAX:,} to {AMOUNT_MAX:,}: "
        "no fractions, no text.",
        f"只能輸入整數（千美元），介於 -{AMOUNT_MAX:,} 與 {AMOUNT_MAX:,} 之間，不可有小數或文字。"),
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
    "note_carried": (
        "The prior-day figures (grey, locked) are carried from yesterday's report: note 4 "
        "requires them to equal its today figures. Correct yesterday's activity in today's "
        "flow fields, never here.",
        "前日部位與前日餘額（灰色、已鎖定）取自前一營業日申報的本日餘額（說明第 4 點）；"
        "如需調整前一營業日的金額，請調在本日的買賣、訂約、交割金額欄，不可改在此處。"),
    "firm_name": ("firm", "證券商名稱"),
    "sign_role": ("sign-off", "簽核"),
    "sign_prepared": ("prepared by", "製表"),
    "sign_reviewed": ("reviewed by", "覆核"),
    "sign_approved": ("approved by", "主管"),
    "sign_name": ("name", "姓名"),
    "sign_date": ("date", "日期"),
    "contact_phone": ("contact telephone", "聯絡電話"),
    "footer_printed": ("printed", "列印日期"),
    "footer_page": ("page &P of &N", "第 &P 頁，共 &N 頁"),
    "instructions": ("instructions", "說明"),
    "instructions_title": ("How to fill in the FX position daily report",
                           "外匯部位日報表填報說明"),
    "help_units": (
        "Every amount is in thousands of US dollars (USD thousand), a whole number (annex, note 2).",
        "每一項金額單位以千美元計，須為整數（說明第 2 點）。"),
    "help_sign": (
        "Report in the firm's own direction: a purchase is what the firm bought, a sale what "
        "it sold (note 1). A net position may be negative.",
        "證券商應以自身的買賣方向填報：買入為本公司買入，賣出為本公司賣出（說明第 1 點）；"
        "淨額可為負數。"),
    "help_corrections": (
        "The prior-day position and balances must equal the previous business day's today "
        "balances. To correct an earlier day's amounts, adjust only the day's purchase, sale, "
        "contract and settlement fields, never the prior-day or today balances (note 4).",
        "前日部位、前日餘額須與前一營業日申報的本日餘額相符；若需調整前一營業日的買賣、訂約、"
        "交割金額，只能調在各買賣、訂約、交割金額欄內，不可調整在前日或本日餘額欄中（說明第 4 點）。"),
    "help_naming": (
        "The submission file is named with the first 2 letters of the firm code, P, the "
        "report date as MMDD and .txt: firm ABCD on 105/12/09 files ABP1209.txt (note 6).",
        "申報檔案名稱為總行英文字軌前 2 碼 + 英文字母 P + 資料日期 MMDD，副檔名為 txt："
        "例如 ABCD 於 105/12/09 的檔名為 ABP1209.txt（說明第 6 點）。"),
    "help_cells": (
        "On the sheet 日報表 type only into the orange input cells (Tab moves from one to the "
        "next); the grey cells compute themselves from the identities, and the sheet is "
        "protected without a password.",
        "在「日報表」工作表只須在橘色輸入格填寫（按 Tab 鍵依序移到下一格）；灰色儲存格依勾稽"
        "關係自動計算；工作表已保護（未設密碼）。"),
    "help_carried": (
        "In a form started from yesterday's report, the prior-day figures are carried and "
        "locked; the firm code and the date are filled in.",
        "由前一日申報產生的報表，前日部位與前日餘額已帶入並鎖定，證券商代號與日期亦已填妥。"),
    "help_build": (
        "Make the submission file with: fxreport build BOOK.xlsx -o DIR (add --previous "
        "yesterday's file to check continuity). It reads only the named cells of the form.",
        "以 `fxreport build 本活頁簿.xlsx -o 資料夾` 產生申報檔（加上 `--previous` 與前一日"
        "的申報檔可核對前後期是否相符）；只讀取報表中已命名的儲存格。"),
    "help_signoff": (
        "The sign-off block under the form (firm, prepared, reviewed, approved, dates, "
        "telephone) is for the printed copy; it is not part of the submission file.",
        "報表下方的簽核欄（證券商名稱、製表、覆核、主管、日期、聯絡電話）供列印留存，"
        "不寫入申報檔。"),
    "severity_error": ("error", "錯誤"),
    "severity_warning": ("warning", "警告"),
}

# Python's json messages (``JSONDecodeError.msg``), translated.
JSON_SYNTAX: dict[str, tuple[str, str]] = {
    "Expecting value": ("a value is expected here", "此處應為一個值"),
    "Expecting ',' delimiter": ("a comma is expected here", "此處應為逗號"),
    "Expecting ':' delimiter": ("a colon is expected here", "此處應為冒號"),
    "Expecting property name enclosed in double quotes": (
        "a key in double quotes is expected here (no comma after the last item)",
        "此處應為加雙引號的鍵（最後一項之後不可有逗號）"),
    "Unterminated string starting at": ("a string is not closed", "字串沒有結束引號"),
    "Invalid control character at": ("a control character inside a string",
                                     "字串中有控制字元"),
    "Invalid \\escape": ("an invalid backslash escape", "無效的反斜線跳脫字元"),
    "Invalid \\uXXXX escape": ("an invalid \\u escape", "無效的 \\u 跳脫字元"),
    "Extra data": ("more text after the end of the object", "物件結束之後還有其他內容"),
    "Illegal trailing comma before end of object": (
        "a comma before the closing brace", "右大括號之前多了逗號"),
    "Illegal trailing comma before end of array": (
        "a comma before the closing bracket", "右中括號之前多了逗號"),
}
_JSON_OTHER = ("the text cannot be read here", "此處的文字無法讀取")


def safe(text: str) -> str:
    """Text for a terminal (FORMAT.md 6.7): control and bidirectional-override characters
    escaped, so a file name cannot move the cursor, recolour, or forge an output line."""
    if text.isascii() and text.isprintable():  # the usual name: nothing to escape
        return text

    return re.sub("[\x00-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]",
                  lambda m: f"\\x{ord(m.group()):02X}" if ord(m.group()) < 0x100
                  else f"\\u{ord(m.group()):04X}", text)


def display_path(path: str) -> str:
    """A path safe to print and to put in JSON (undecodable bytes escaped)."""
    try:
        path.encode("utf-8")
        return path  # the same object: a long series keeps one copy of each path
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def shown_path(path: object) -> str:
    """A path as messages show it: undecodable bytes and control characters escaped."""
    return safe(display_path(str(path)))


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1 if lang == "zh-TW" else 0]


def word(key: str, lang: str = "en", /, **params: Any) -> str:
    text = _pick(WORDS[key], lang)
    return text.format(**params) if params else text


def line(key: str, lang: str = "en", /, **params: Any) -> str:
    """A command's own line, ``fxreport: ...``, in ``lang``."""
    return word("program_line", lang, text=word(key, lang, **params))


def usage(key: str, lang: str = "en", /, **params: Any) -> str:
    """A usage or calendar error's words (``USAGE``) in ``lang``."""
    return _pick(USAGE[key], lang).format(**params)


def write_message(key: str, lang: str, params: dict[str, Any]) -> str:
    return _pick(WRITE[key], lang).format(**params)


def cli_advice(key: str, text: str, lang: str = "en") -> str:
    """A library's refusal as the command line says it, with its option where it has one."""
    pair = CLI_ADVICE.get(key)
    return _pick(pair, lang).format(text=text) if pair else text


def os_reason(exc: BaseException, lang: str = "en") -> str:
    """Why an OSError happened: the system's own words in English, ours in Chinese
    where the errno is a common one."""
    if not isinstance(exc, OSError):
        return str(exc)
    own = _OWN_REASONS.get(exc.strerror or "")
    if own:
        return _pick(own, lang)
    if lang != "zh-TW" and exc.strerror:
        return exc.strerror
    code = _WINDOWS_REASONS.get(getattr(exc, "winerror", None) or 0,
                                _WINSOCK_REASONS.get(exc.errno or 0, exc.errno))
    if code in OS_REASONS:
        return _pick(OS_REASONS[code], lang)
    return exc.strerror or str(exc)


def reason_text(text: str, lang: str = "en") -> str:
    """A reason already written in English (``Unreadable.reason``), in ``lang``."""
    if lang != "zh-TW":
        return text
    own = _OWN_REASONS.get(text)
    if own:
        return own[1]

    for code, pair in OS_REASONS.items():
        if text == os.strerror(code):
            return pair[1]
    return text


def json_syntax(msg: str, lang: str = "en") -> str:
    return _pick(JSON_SYNTAX.get(msg, _JSON_OTHER), lang)


def join(items: list[str], lang: str = "en") -> str:
    return word("and", lang).join(items)


_VALUE_WIDTH = 40


def value_text(value: Any) -> str:
    """A value as the user typed it: JSON spellings (``true``, ``null``), not Python's.

    A number kept as written (``NaN``, ``1.800e3``, a 5,000-digit integer) shows
    its text; anything longer than 40 characters is cut with an ellipsis.
    """
    written = getattr(value, "json_text", None)
    if isinstance(written, str):
        text = written
    elif isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        text = "NaN" if value != value else "Infinity" if value > 0 else "-Infinity"
    else:
        text = _json_text(value)
    text = "".join(c if c.isprintable() else f"\\x{ord(c):02x}" if ord(c) < 0x100
                   else f"\\u{ord(c):04x}" for c in text)
    if len(text) > _VALUE_WIDTH:
        text = text[:_VALUE_WIDTH - 1] + "…"
    return text


def _json_text(value: Any) -> str:
    """A value in JSON, or as Python writes it when JSON cannot."""
    import json  # lazy, start-up: only when a value is shown; check FILE never loads json

    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    try:
        return json.dumps(value, ensure_ascii=False, allow_nan=False, default=str)
    except (TypeError, ValueError, RecursionError):
        try:
            return str(value)
        except (ValueError, RecursionError):  # an int too long to write out, a deep list
            return "9" * _VALUE_WIDTH if isinstance(value, int) else type(value).__name__


def input_message(key: str, lang: str, params: dict[str, Any]) -> str:
    """An input problem's message; a list parameter is joined, and json's own
    ``detail`` is translated, in ``lang``."""
    text = _pick(INPUT[key], lang)
    shown = {k: join([str(x) for x in v], lang) if isinstance(v, (list, tuple)) else v
             for k, v in params.items()}
    if key == "json_syntax":
        shown["detail"] = json_syntax(str(params.get("detail", "")), lang)
    if lang == "zh-TW":  # a JSON key such as row3 is code in a Chinese sentence (FORMAT.md 6.9)
        for k in ("row", "other"):
            v = shown.get(k)
            if isinstance(v, str) and v.startswith("row") and v[3:].isdigit():
                shown[k] = f"`{v}`"
    return text.format_map({**BOUNDS, **shown})


# --- the server's refusals and the calendar's (issue 16 item 4; fxreport.server) -----------
# Every answer of `fxreport serve` that refuses a request, by key: (English, Chinese).  The
# request's `lang` (form field or query), else its Accept-Language, picks the language.
SERVER: dict[str, tuple[str, str]] = {
    "not_multipart": (
        "the request must be a form upload (multipart/form-data) with the report files in the "
        "field `files`; this one is {kind}",
        "請求須為表單上傳（`multipart/form-data`），申報檔放在欄位 `files`；此請求的內容類型為 `{kind}`"),
    "no_content_type": (
        "the request must be a form upload (multipart/form-data) with the report files in the "
        "field `files`; this one has no Content-Type header",
        "請求須為表單上傳（`multipart/form-data`），申報檔放在欄位 `files`；此請求沒有 `Content-Type` 標頭"),
    "no_boundary": ("the multipart/form-data request has no boundary parameter",
                    "此表單上傳（`multipart/form-data`）請求沒有 `boundary` 參數"),
    "boundary_too_long": (
        "the multipart boundary is {length:,} characters long; at most {limit} are accepted "
        "(RFC 2046 allows 70)",
        "表單上傳的分隔字串（`boundary`）長 {length:,} 個字元；最多接受 {limit} 個（標準規定為 70 個）"),
    "malformed": ("the multipart body is malformed near byte {offset:,}; send it as a browser "
                  "or an HTTP library's form upload does",
                  "上傳的表單內容格式錯誤（約在第 {offset:,} 位元組）；請以瀏覽器或程式庫的表單上傳方式送出"),
    "unclosed": ("the multipart body ends before its closing boundary",
                 "上傳的表單內容在結束分隔字串之前就結束了"),
    "body_cut": ("the request body ended before it was complete (the client stopped sending)",
                 "請求內容尚未送完就中斷（用戶端停止傳送）"),
    "not_a_file": ("the field `{name}` must be a file upload (with a file name), not a text value",
                   "欄位 `{name}` 須為上傳的檔案（含檔名），不可為文字值"),
    "too_many_files": ("more than {limit:,} files in one request; check them in batches",
                       "一次請求超過 {limit:,} 個檔案；請分批檢核"),
    "previous_takes_one": ("`previous` takes one file", "`previous` 只能上傳一個檔案"),
    "too_many_fields": ("more than {limit:,} form fields in one request",
                        "一次請求的表單欄位超過 {limit:,} 個"),
    "field_too_long": ("the field `{name}` is longer than {limit:,} bytes",
                       "欄位 `{name}` 超過 {limit:,} 位元組"),
    "bad_content_length": ("the Content-Length header is not a number",
                           "`Content-Length` 標頭不是數字"),
    "too_large": ("the request is larger than {limit:,} bytes ({mib} MiB); check the files in smaller batches "
                  "(a daily report is 645 bytes)",
                  "請求大於 {limit:,} 位元組；請分批檢核（一份日報表為 645 位元組）"),
    "no_files": ("no files: send one or more report files in the multipart field `files`",
                 "沒有檔案：請在表單欄位 `files` 上傳一個或多個申報檔"),
    "previous_single": ("`previous` goes with a single file; to check a series, upload all its "
                        "files in `files`",
                        "`previous` 只能搭配單一檔案；如要檢核一系列申報，請將所有檔案放在 `files` 上傳"),
    "not_boolean": ("`{name}` must be true or false, not {value}",
                    "`{name}` 須為 `true` 或 `false`，不可為{value}"),
    "bad_lang": ("`lang` must be en or zh-TW, not {value}", "`lang` 須為 `en` 或 `zh-TW`，不可為{value}"),
    "unknown_codes": ("no rule code starts with {codes}; `GET /api/rules` lists them",
                      "沒有以{codes}開頭的規則代碼；`GET /api/rules` 列出所有規則"),
    "not_found": ("there is nothing at this address; the page is at / and the API is "
                  "described at /docs",
                  "此網址沒有內容；檢核頁面在 `/`，程式介面說明在 `/docs`"),
    "method": ("this address does not take {method}; /docs says what each address takes",
               "此網址不接受 `{method}` 請求；各網址接受的請求見 `/docs`"),
    "invalid_query": ("`{name}` is not valid here: {value}", "`{name}` 的值無效：{value}"),
    "internal": ("internal error while checking; please report it (nothing of the files was "
                 "kept)",
                 "檢核時發生內部錯誤，請回報此問題（上傳的檔案未被保留）"),
    "refused": ("the request was refused ({status})", "請求遭拒（{status}）"),
    "bad_option": ("`{name}` cannot be used: {detail}", "`{name}` 無法使用：{detail}"),
    "values_sep": ("; ", "；"),
    "slow_headers": ("the request's headers came too slowly; the connection is closed",
                     "請求標頭傳送過慢，連線已關閉"),
}

# The static site's words for the form refusals whose server words name what only the
# server has (its multipart field, `GET /api/rules`): by the server's key (``site/bridge.py``).
SITE: dict[str, tuple[str, str]] = {
    "no_files": ("no files: choose one or more report files",
                 "沒有檔案：請選擇一個或多個申報檔"),
    "previous_single": ("a previous business day's report goes with a single file; to check a "
                        "series, choose all its files",
                        "前一營業日申報檔只能搭配單一檔案；如要檢核一系列申報，請選擇所有檔案"),
    "unknown_codes": ("no rule code starts with {codes}",
                      "沒有以{codes}開頭的規則代碼"),
}

# Calendar and day-file problems (``fxreport.checking.calendar.CalendarError``).
CALENDAR: dict[str, tuple[str, str]] = {
    "unknown_calendar": ("unknown calendar {kind}; choose one of {kinds}",
                         "沒有{kind}這種行事曆；請從 {kinds} 擇一"),
    "closed_and_open": ("{days} listed both as closed and as open; a day can only be one of them",
                        "{days} 同時列為停止上班日與上班日；一天只能是其中一種"),
    "days_utf16": ("{path} looks like UTF-16 text; save it as UTF-8 (one date a line, ISO "
                   "2016-12-09 or ROC 105/12/09; # starts a comment)",
                   "{path} 似為 UTF-16 文字；請存成 UTF-8（每行一個日期，西元 `2016-12-09` 或民國 "
                   "105/12/09；# 之後為註解）"),
    "days_not_text": ("{path} is neither UTF-8 nor Big5 (cp950) text; save it as UTF-8 (one date "
                      "a line, ISO 2016-12-09 or ROC 105/12/09; # starts a comment)",
                      "{path} 不是 UTF-8 或 Big5（cp950）文字；請存成 UTF-8（每行一個日期，西元 "
                      "`2016-12-09` 或民國 105/12/09；# 之後為註解）"),
    "days_not_a_date": ("{path}, line {line}: {value} is not a date (one date a line, ISO "
                        "2016-12-09 or ROC 105/12/09; # starts a comment)",
                        "{path} 第 {line} 行：{value}不是日期（每行一個日期，西元 `2016-12-09` 或"
                        "民國 105/12/09；# 之後為註解）"),
}


def quoted(value: object, lang: str = "en") -> str:
    """A value the user typed, quoted in a sentence: cut to 40 characters, control
    characters escaped; 'x' in English, 「x」 in Chinese."""
    text = safe(str(value)[:40])
    return f"「{text}」" if lang == "zh-TW" else f"'{text}'"


def server_message(key: str, lang: str, params: dict[str, Any],
                   table: dict[str, tuple[str, str]] = SERVER) -> str:
    """A refusal of ``fxreport serve`` (or, from ``SITE``, of the static site) in
    ``lang``; ``value`` and each of ``codes`` are what the sender typed, quoted."""
    shown = dict(params)
    if "value" in shown:
        shown["value"] = quoted(shown["value"], lang)
    if "codes" in shown:
        shown["codes"] = join([quoted(c, lang) for c in shown["codes"]], lang)
    return _pick(table[key], lang).format(**shown)


def calendar_message(key: str, lang: str, params: dict[str, Any]) -> str:
    """A calendar problem in ``lang``: a list of days is cut after five and joined, dates
    ISO in English and ROC in Chinese, a list of words joined."""
    shown: dict[str, Any] = {}
    for k, v in params.items():
        if k == "days":
            shown[k] = _days_text(list(v), lang)
        elif isinstance(v, (list, tuple)):  # names of options: as typed, in backticks in Chinese
            shown[k] = join([f"`{x}`" if lang == "zh-TW" else str(x) for x in v], lang)
        elif k in ("value", "kind"):
            shown[k] = quoted(v, lang)  # a word typed by the user: shown, never obeyed
        else:
            shown[k] = v
    return _pick(CALENDAR[key], lang).format(**shown)


def _days_text(days: list[Any], lang: str) -> str:
    """The first five days, ISO in English and ROC in Chinese, and how many more."""
    if lang == "zh-TW":
        text = join([roc_text(d) if roc_year_fits(d) else d.isoformat() for d in days[:5]], lang)
        return text + (f"等 {len(days)} 天" if len(days) > 5 else "")
    text = join([d.isoformat() for d in days[:5]], lang)
    return text + (f" and {len(days) - 5} more" if len(days) > 5 else "")


# The HTML report's own words (``fxreport.outputs.html``), by language.
# How the CLI does what a finding's hint says (``rules.HOW``): added to the text output
# only, since the hint itself names no option or command (FORMAT.md 7.9).
HOW_CLI: dict[str, tuple[str, str]] = {
    "rebuild": ("with fxreport: `fxreport build` makes the file from its figures",
                "以 fxreport 處理：`fxreport build` 可由原始數字產生檔案"),
    "rewrite": ("with fxreport: `fxreport fmt FILE` rewrites it in the standard form",
                "以 fxreport 處理：`fxreport fmt 檔案` 可改寫為標準格式"),
    "open_days": ("with fxreport: `--open-days FILE` declares open days; `--calendar` "
                  "chooses another calendar",
                  "以 fxreport 處理：`--open-days 檔案` 列出上班日；`--calendar` 改用其他行事曆"),
    "closed_days": ("with fxreport: `--closed-days FILE` declares closed days",
                    "以 fxreport 處理：`--closed-days 檔案` 列出停止上班日"),
    "derive": ("with fxreport: `fxreport build --derive` computes it",
               "以 fxreport 處理：`fxreport build --derive` 可自動計算"),
    "previous": ("with fxreport: `--previous FILE` gives the previous business day's report",
                 "以 fxreport 處理：`--previous 檔案` 指定前一營業日的申報"),
    "ruler": ("with fxreport: `fxreport show --ruler FILE` shows the fields under a ruler",
              "以 fxreport 處理：`fxreport show --ruler 檔案` 可對照欄位"),
    "verify": ("with fxreport: `--verified FILE` lists verified findings with their notes",
               "以 fxreport 處理：`--verified 檔案` 列出已確認項目及其說明"),
}


REPORT: dict[str, dict[str, str]] = {
    "en": {
        "title": "FX-position daily report: check result",
        "made": "Made", "by": "Made with", "lang": "Language", "lang_name": "English",
        "zone": "(Taipei time, UTC+8)",
        "options": "Options", "select": "only rules", "ignore": "rules left out",
        "strict": "strict (warnings fail too)", "closed": "extra closed days",
        "open": "extra open days", "calendar": "business calendar",
        "previous": "previous report",
        "period": "Firm {firms}, {period}", "and_more": " and {n} more", "list_sep": ", ",
        "v_pass": "Valid: every file follows every rule checked.",
        "v_review": "Valid, with {warnings} warning(s) to review before filing.",
        "v_fail": "Not valid: {invalid} of {files} file(s) must be corrected.",
        "v_fail_strict": "Not valid in strict mode: {warnings} warning(s) not yet verified.",
        "v_nothing": "No file was checked.",
        "v_invalid_files": "To correct:", "v_unreadable_files": "Could not be read:",
        "c_title": "Continuity not checked.",
        "c_text": "One report was checked alone, so its prior-day balances were not compared "
                  "with the previous business day's report. Add that report to compare them.",
        "summary": "{files} file(s): {valid} valid, {invalid} not valid; "
                   "{errors} error(s), {warnings} warning(s).",
        "files": "Files checked",
        "results": "Findings, file by file (files to correct first)",
        "n": "#", "file": "File", "size": "Size (bytes)", "sha": "SHA-256 fingerprint",
        "firm": "Firm", "date": "Report date", "result": "Result",
        "role_prev": "previous report, for continuity",
        "not_read": "not read (over {limit:,} bytes)", "unknown": "unknown",
        "b_valid": "Valid", "b_review": "Valid, to review", "b_invalid": "Not valid",
        "folded": "{bank}: {n} file(s) with no findings, {period}",
        "firm_date": "Firm {bank}, report date {date}",
        "no_firm_date": "Firm and date cannot be read",
        "counts": "{errors} error(s), {warnings} warning(s)",
        "no_findings": "No findings: the file follows every rule checked.",
        "error": "Error", "warning": "Warning",
        "rule": "Rule", "file_level": "the whole file", "row": "row {row}",
        "cols": "positions {start}–{end}", "row_cols": "Row {row}, positions {start}–{end}",
        "field": "Field: ", "found": "In the file", "expected": "Expected",
        "found_name": "File name", "expected_name": "Expected name",
        "space_key": "\u2423 stands for a space.", "verified": "Verified:",
        "fix": "What to do:",
        "record": "Row {row}, positions {lo}–{hi} (\u00b7 marks a character that "
                  "cannot be shown)",
        "marked": "Positions {start}–{end} are highlighted.",
        "unreadable": "Paths that could not be read", "footer":
            "Made with fxreport {version}, a checking tool; it does not replace the "
            "reviewer's judgement.",
        "jump": "Go to the findings of this file", "sep": " \u00b7 ",
        "sign_off": "Sign-off", "reviewer": "Reviewed by", "approver": "Approved by",
        "sign_date": "Date",
        "s_part": "The series at a glance",
        "s_heading": "Firm {bank}",
        "s_chart_title": "Firm {bank}: POS, SPOT and FORWARD by business day, {first} to {last}",
        "s_desc": "Line chart of firm {bank} from {first} to {last}, in thousands of US "
                  "dollars. POS ranges from {low} to {high}. Days with an error: {invalid}; "
                  "with a warning to review: {review}; business days without a report "
                  "(gaps in the lines): {missing}. The table below gives every value.",
        "s_unit": "thousands of USD", "s_dot": "POS of a report",
        "s_legend_help": "POS solid, SPOT dashed, FORWARD dotted; large dark dots: days "
                         "with an error; lighter dots: days with a warning; a break in "
                         "the lines: a business day without a report.",
        "s_table_caption": "Firm {bank}, one line per business day, {first} to {last} "
                           "(thousands of USD)",
        "s_date": "Date", "s_roc": "ROC date", "s_verdict": "Result", "s_change": "Change of POS",
        "s_valid": "Valid", "s_review": "To review", "s_invalid": "Not valid",
        "s_missing": "No report", "s_not_business": "not a business day",
    },
    "zh-TW": {
        "title": "外匯部位日報表檢核結果",
        "made": "產生時間", "by": "檢核工具", "lang": "語言", "lang_name": "繁體中文",
        "zone": "（臺北時間）",
        "options": "檢核選項", "select": "只檢查規則", "ignore": "略過規則",
        "strict": "嚴格模式（警告也視為不通過）", "closed": "另列的停止上班日",
        "open": "另列的上班日", "calendar": "營業日曆",
        "previous": "前一營業日申報",
        "period": "證券商 {firms}，{period}", "and_more": "等，另有 {n} 個", "list_sep": "、",
        "v_pass": "通過：所有檔案皆符合各項檢核規則。",
        "v_review": "通過，但有 {warnings} 個警告，申報前請確認。",
        "v_fail": "不通過：{files} 個檔案中有 {invalid} 個須更正。",
        "v_fail_strict": "嚴格模式下不通過：有 {warnings} 個警告尚未確認。",
        "v_nothing": "沒有檢核任何檔案。",
        "v_invalid_files": "須更正：", "v_unreadable_files": "無法讀取：",
        "c_title": "未比對前日餘額。",
        "c_text": "本次只檢核一份申報，未與前一營業日的申報比對前日餘額；"
                  "請加入前一營業日的申報檔再檢核。",
        "summary": "共 {files} 個檔案：{valid} 個通過，{invalid} 個不通過；"
                   "{errors} 個錯誤，{warnings} 個警告。",
        "files": "受檢檔案", "results": "各檔檢核結果（須更正的檔案在前）",
        "n": "序號", "file": "檔名", "size": "大小（位元組）", "sha": "SHA-256 檔案指紋",
        "firm": "證券商", "date": "資料日期", "result": "結果",
        "role_prev": "前一營業日申報，供比對前日餘額",
        "not_read": "未讀取（大於 {limit:,} 位元組）", "unknown": "不明",
        "b_valid": "通過", "b_review": "通過，待確認", "b_invalid": "不通過",
        "folded": "{bank}：{n} 個檔案無任何問題，{period}",
        "firm_date": "證券商 {bank}，資料日期 {date}",
        "no_firm_date": "無法讀取證券商英文字軌與日期",
        "counts": "{errors} 個錯誤，{warnings} 個警告",
        "no_findings": "未發現任何問題，本檔符合所有檢核規則。",
        "error": "錯誤", "warning": "警告",
        "rule": "規則", "file_level": "整個檔案", "row": "第 {row} 列",
        "cols": "第 {start}–{end} 位", "row_cols": "第 {row} 列，第 {start}–{end} 位",
        "field": "欄位：", "found": "檔案內容", "expected": "應為",
        "found_name": "檔名", "expected_name": "應有檔名",
        "space_key": "\u2423 表示一個半形空白。", "verified": "已確認：",
        "fix": "處理方式：",
        "record": "第 {row} 列，第 {lo}–{hi} 位（\u00b7 表示無法顯示的字元）",
        "marked": "第 {start}–{end} 位以底色標示。",
        "unreadable": "無法讀取的路徑",
        "footer": "以 fxreport {version} 檢核工具產生；本工具不取代覆核人員的判斷。",
        "jump": "前往本檔的檢核結果", "sep": "；",
        "sign_off": "簽核", "reviewer": "覆核人員", "approver": "核准主管", "sign_date": "日期",
        "s_part": "序列一覽",
        "s_heading": "證券商 {bank}",
        "s_chart_title": "證券商 {bank}：各營業日 POS、SPOT、FORWARD（{first} 至 {last}）",
        "s_desc": "證券商 {bank} 自 {first} 至 {last} 的折線圖，單位為千美元。"
                  "POS 介於 {low} 與 {high} 之間。有錯誤的日期：{invalid} 天；"
                  "有待確認警告的日期：{review} 天；未申報的營業日（線段中斷處）：{missing} 天。"
                  "下表列出每一個數值。",
        "s_unit": "千美元", "s_dot": "各日 POS",
        "s_legend_help": "實線為 POS，虛線為 SPOT，點線為 FORWARD；深色大圓點為有錯誤的日期，"
                         "淺色圓點為有警告的日期；線段中斷處為未申報的營業日。",
        "s_table_caption": "證券商 {bank}，每一營業日一列，{first} 至 {last}（千美元）",
        "s_date": "日期", "s_roc": "民國日期", "s_verdict": "結果", "s_change": "POS 增減",
        "s_valid": "通過", "s_review": "待確認", "s_invalid": "不通過",
        "s_missing": "未申報", "s_not_business": "非營業日",
    },
}


# The limits and verified files (FORMAT.md 7.5, 7.6, 7.9): where a problem is, and what.
SIDECAR: dict[str, tuple[str, str]] = {
    "limits": ("limits file {name}", "限額檔 {name}"),
    "verified": ("verified file {name}", "已確認檔 {name}"),
    "line": ("line {line}", "第 {line} 行"),
    "cell": ("line {line}, column {column}", "第 {line} 行第 {column} 欄"),
    "where": ("{file}, {place}", "{file} {place}"),
    "problem": ("{where}: {text}", "{where}：{text}"),
    "utf16": ("is UTF-16 text; save it as CSV UTF-8 or Big5",
              "為 UTF-16 編碼；請另存為 CSV UTF-8 或 Big5 編碼"),
    "encoding": ("is neither UTF-8 nor Big5 text; save it as CSV UTF-8",
                 "不是 UTF-8 或 Big5 編碼的文字檔；請另存為 CSV UTF-8"),
    "empty": ("is empty; its first line is the header", "是空的；第一行須為標題列"),
    "csv": ("is not valid CSV ({detail})", "不是有效的 CSV 格式（{detail}）"),
    "limits_header": ("the header starts with {found!r}, not BANK",
                      "標題列第一欄為「{found}」，應為 BANK"),
    "limits_field": ("{found!r} is not the annex's name of an S9(9) field (POS, SPOT, FORWARD, "
                     "Adj-1, ...)",
                     "「{found}」不是附件中 S9(9) 金額欄位的名稱（例如 POS、SPOT、FORWARD、Adj-1）"),
    "field_twice": ("{found} is given twice", "「{found}」重複出現"),
    "limits_no_field": ("the header names no field after BANK", "標題列在 BANK 之後沒有任何欄位名稱"),
    "too_many_cells": ("the line has {count} cells; the header has {want}",
                       "此行有 {count} 欄，但標題列只有 {want} 欄"),
    "bank_form": ("{found!r} is not a firm code (4 uppercase letters or digits)",
                  "「{found}」不是證券商英文字軌（4 碼大寫英文字母或數字）"),
    "bank_twice": ("firm {found} is given twice (first on line {first})",
                   "證券商 {found} 重複出現（第一次在第 {first} 行）"),
    "limit_value": ("{found!r} is not a limit: a whole number from 1 to {amount_max:,} (thousands "
                    "of US dollars, e.g. 1800 or \"1,800\"), or empty for no limit",
                    "「{found}」不是有效的限額：須為 1 至 {amount_max:,} 的整數（千美元，例如 1800 或"
                    "「1,800」），不設限額請留空"),
    "verified_header": ("the header is {found!r}; it must be BANK,DATE,CODE,FIELD,NOTE",
                        "標題列為「{found}」；應為 `BANK,DATE,CODE,FIELD,NOTE`"),
    "date_form": ("{found!r} is not a date (ROC 105/12/09 or ISO 2016-12-09)",
                  "「{found}」不是日期（民國 105/12/09 或西元 `2016-12-09`）"),
    "code_unknown": ("{found!r} is not a rule code", "「{found}」不是檢查規則代碼"),
    "code_format": ("{found} is a rule of category {category_en}: such findings are fixed, not "
                    "verified; only quality and limit findings (QUA001-QUA003, LIM001) can be "
                    "verified",
                    "{found} 屬「{category_zh}」類規則：此類問題須更正，不能登錄為已確認；"
                    "只有數值合理性與部位限額（QUA001 至 QUA003、LIM001）可登錄為已確認"),
    "field_unknown": ("{found!r} is not a field name of the layout (leave it empty for a "
                      "finding about the whole file)",
                      "「{found}」不是欄位名稱（整份檔案的問題請留空）"),
    "note_missing": ("the note is empty; say why the value is right",
                     "說明欄是空的；請註明數值正確的理由"),
    "line_twice": ("names the same finding as line {first}", "與第 {first} 行登錄的是同一項"),
    "too_large": ("is larger than 16 MiB; it was not read", "大於 16 MiB，未讀取"),
    # the check's own words about them
    "stale": ("verified file, line {line}: {bank} {date} {code}{field} matches no finding; "
              "the note was not used",
              "已確認檔第 {line} 行：{bank} {date} {code}{field} 沒有對應的檢查結果；此說明未使用"),
    "verified_label": ("verified: ", "已確認："),
    "verified_title": ("Verified findings", "已確認項目"),
    "verified_none": ("No finding matches a line of the verified file.",
                      "已確認檔中的各行都沒有對應的檢查結果。"),
    "stale_title": ("Lines of the verified file that match no finding",
                    "已確認檔中沒有對應檢查結果的行"),
}


def sidecar_word(key: str, lang: str = "en", /, **params: Any) -> str:
    text = _pick(SIDECAR[key], lang)
    return text.format_map({**BOUNDS, **params}) if params else text
