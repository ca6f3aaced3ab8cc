"""The HTML report as a compliance officer reads it (issue 20): the verdict first in
three states, the files to correct first, continuity said when it was not checked,
values with their spaces visible, a sign-off block in Taipei time; the series at a
glance (chart and month table per firm, the same table as CSV); hints that name no
option or command, the CLI's text adding how."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from fxreport.checking.pipeline import CheckOptions, Content, check_contents, check_paths
from fxreport.core.rules import HOW, RULES
from fxreport.outputs.html import facts_of, render_html
from fxreport.outputs.series import amounts_of, chart_svg, firm_series, series_of_facts
from month import BROKEN, MISSING, WARNED, month_days, write_month
from reports import BYTES1, BYTES2, DAY1, DAY2, Run, SAMPLES


def report(items: list[tuple[str, bytes]], lang: str = "en", *,  # type: ignore[no-untyped-def]
           previous: tuple[str, bytes] | None = None, strict: bool = False, **kw) -> str:
    options = CheckOptions(lang=lang, strict=strict,
                           previous=Content(*previous) if previous else None)
    outcome = check_contents(items, options)
    facts = [facts_of(n, d) for n, d in items]
    prev = facts_of(*previous) if previous else None
    return render_html(outcome, facts, previous=prev, **kw)


def verdict(html: str) -> str:
    m = re.search(r'<section class="verdict-box (\w+)"', html)
    assert m
    return m.group(1)


WARNED_DAY2 = BYTES2 + b"\r\n"  # STR004: an empty line at the end, a warning only


def test_three_states_with_colour_and_words() -> None:
    ok = report([("ABP1208.txt", BYTES1), ("ABP1209.txt", BYTES2)])
    assert verdict(ok) == "pass" and "Valid: every file follows every rule checked." in ok
    warned = report([("ABP1208.txt", BYTES1), ("ABP1209.txt", WARNED_DAY2)])
    assert verdict(warned) == "review"  # never plain green while a warning is present
    assert "Valid, with 1 warning(s) to review before filing." in warned
    assert '<span class="badge review">' in warned
    strict = report([("ABP1208.txt", BYTES1), ("ABP1209.txt", WARNED_DAY2)], strict=True)
    assert verdict(strict) == "fail" and "Not valid in strict mode: 1 warning(s)" in strict
    bad = report([("ABP1208.txt", BYTES1), ("ABP1209.txt", (SAMPLES / "broken" / "left-aligned"
                                                            / "ABP1209.txt").read_bytes())],
                 lang="zh-TW")
    assert verdict(bad) == "fail" and "不通過：2 個檔案中有 1 個須更正。" in bad
    # the verdict names the file to correct, linked to its findings
    assert re.search(r'須更正： <a href="#file-1">ABP1209\.txt</a>', bad)


def test_files_to_correct_first_and_valid_ones_folded_per_firm(run: Run, tmp_path: Path) -> None:
    paths = write_month(tmp_path / "month")
    html = run("check", str(tmp_path / "month"), "--format", "html").stdout
    heads = re.findall(r'<h3 id="file-(\d+)-h">\d+\. <span class="mono">.*?(ABP\d+\.txt)</span>'
                       r' <span class="badge (\w+)">', html)
    # the not valid file, then those with a warning (the one after the gap too: across a
    # gap a mismatch is a warning, FORMAT.md 7.1), in series order; nothing for the valid ones
    assert [(h[1], h[2]) for h in heads] == [("ABP1122.txt", "invalid"),
                                            ("ABP1109.txt", "review"), ("ABP1116.txt", "review")]
    assert html.count('<details class="folded">') == 1
    assert f"ABCD: {len(paths) - 3} file(s) with no findings" in html
    assert html.index('class="verdict-box') < html.index("Files checked")


def test_continuity_not_checked_is_said_for_a_file_alone() -> None:
    alone = report([("ABP1209.txt", BYTES2)])
    assert 'data-how="previous"' in alone and "Continuity not checked." in alone
    paired = report([("ABP1209.txt", BYTES2)], previous=("ABP1208.txt", BYTES1))
    assert "Continuity not checked." not in paired
    series = report([("ABP1208.txt", BYTES1), ("ABP1209.txt", BYTES2)], lang="zh-TW")
    assert "未比對前日餘額" not in series


def test_sign_off_has_firm_period_signatures_and_taipei_time() -> None:
    made = dt.datetime(2016, 12, 9, 0, 30, 5, tzinfo=dt.timezone.utc)  # a server in UTC
    html = report([("ABP1208.txt", BYTES1), ("ABP1209.txt", BYTES2)], made_at=made)
    assert "Firm ABCD, <span class=\"nw\">2016-12-08\u00a0(105/12/08)</span>" in html
    assert "2016-12-09 08:30:05 (Taipei time, UTC+8)" in html
    for words in ("Sign-off", "Reviewed by", "Approved by", "Date",
                  "Made with fxreport", "a checking tool"):
        assert words in html, words
    zh = report([("ABP1209.txt", BYTES2)], "zh-TW",
                made_at=dt.datetime(2016, 12, 9, 20, 0, tzinfo=dt.timezone(dt.timedelta(hours=-5))))
    assert "105/12/10 09:00:00 （臺北時間）" in zh  # 20:00 in UTC-5 is 09:00 next day in Taipei
    for words in ("簽核", "覆核人員", "核准主管", "日期"):
        assert words in zh


def test_a_file_name_finding_says_file_name_and_spaces_are_shown() -> None:
    path = SAMPLES / "broken" / "wrong-name" / "ABP1210.txt"
    html = report([(path.name, path.read_bytes())])
    assert "<dt>File name</dt>" in html and "<dt>Expected name</dt>" in html
    assert "<dt>In the file</dt>" not in html
    left = SAMPLES / "broken" / "left-aligned" / "ABP1209.txt"
    zh = report([(left.name, left.read_bytes())], "zh-TW")
    assert '<code class="value">2900\u2423\u2423\u2423\u2423\u2423\u2423</code>' in zh
    assert "\u2423 表示一個半形空白。" in zh


# --- hints: what to do, never how in one door's terms --------------------------------------

def test_no_hint_names_an_option_or_a_command() -> None:
    for rule in RULES.values():
        for lang, hint in rule.hint.items():
            assert not re.search(r"--[a-z]|`fxreport|fxreport (build|fmt|roll|show|check)", hint), \
                (rule.code, lang, hint)


def test_the_cli_text_adds_how_and_the_json_does_not(run: Run, tmp_path: Path) -> None:
    arithmetic = SAMPLES / "broken" / "arithmetic" / "ABP1209.txt"
    text = run("check", str(arithmetic), "--lang", "en").stdout
    assert "with fxreport: `fxreport build --derive` computes it" in text
    found = json.loads(run("check", str(arithmetic), "--format", "json").stdout)
    hints = [f["hint"] for f in found["files"][0]["findings"]]
    assert hints and not any("--" in h or "fxreport build" in h for h in hints)
    codes = [f["code"] for f in found["files"][0]["findings"]]
    assert any(HOW.get(c) == "derive" for c in codes)
    html = run("check", str(arithmetic), "--format", "html").stdout
    assert 'data-how="derive"' in html and "--derive" not in html


# --- the series at a glance --------------------------------------------------------------------

@pytest.fixture(scope="module")
def month(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("series") / "2016-11"
    write_month(folder)
    return folder


def test_month_table_has_every_business_day_and_the_gap(month: Path) -> None:
    outcome = check_paths([str(month)])
    series = series_of_facts(outcome.reports, lambda i: Path(str(outcome.reports[i].path)).read_bytes())
    assert len(series) == 1
    days = series[0].days
    assert [d.date for d in days] == month_days()
    by_date = {d.date: d for d in days}
    assert by_date[MISSING].verdict == "missing" and by_date[MISSING].path is None
    assert by_date[BROKEN].verdict == "invalid" and by_date[BROKEN].values["POS"] is None
    assert by_date[WARNED].verdict == "review"
    for d in days:  # the table's values are the files' own, and the change is POS's
        if d.path:
            assert d.values == amounts_of(Path(d.path).read_bytes())
    for before, after in zip(days, days[1:]):
        if before.values["POS"] is not None and after.values["POS"] is not None:
            assert after.change == after.values["POS"] - before.values["POS"]
        else:
            assert after.change is None


def test_csv_is_the_same_table(run: Run, month: Path) -> None:
    r = run("check", str(month), "--format", "csv", "--lang", "en")
    assert r.exit_code == 1  # the exit status is the check's
    assert r.stdout.startswith("\ufeff")  # a spreadsheet opens it as UTF-8
    rows = list(csv.reader(io.StringIO(r.stdout.lstrip("\ufeff"))))
    assert rows[0] == ["Firm", "Date", "ROC date", "Result", "POS", "SPOT", "FORWARD",
                       "Change of POS", "File"]
    assert [row[1] for row in rows[1:]] == [d.isoformat() for d in month_days()]
    gap = rows[1 + month_days().index(MISSING)]
    assert gap[:4] == ["ABCD", MISSING.isoformat(), "105/11/15", "No report"] and gap[4:] == [""] * 5
    outcome = check_paths([str(month)])
    table = firm_series(outcome.reports, [amounts_of(Path(str(x.path)).read_bytes())
                                          for x in outcome.reports])[0]
    for row, d in zip(rows[1:], table.days):
        assert row[4] == ("" if d.values["POS"] is None else str(d.values["POS"]))
    zh = run("check", str(month), "--format", "csv", "--lang", "zh-TW").stdout
    assert zh.splitlines()[0] == "\ufeff證券商,日期,民國日期,結果,POS,SPOT,FORWARD,POS 增減,檔名"
    assert ",未申報," in zh


def _points(d: str) -> list[list[tuple[float, float]]]:
    """An SVG path's subpaths as lists of points (leather writes ``M x y L x y ...``)."""
    out: list[list[tuple[float, float]]] = []
    tokens = d.split()
    for i in range(0, len(tokens), 3):
        if tokens[i] == "M":
            out.append([])
        out[-1].append((float(tokens[i + 1]), float(tokens[i + 2])))
    return out


def test_the_chart_draws_the_series_values(month: Path) -> None:
    outcome = check_paths([str(month)])
    series = series_of_facts(outcome.reports, lambda i: Path(str(outcome.reports[i].path)).read_bytes(),
                             limits={"ABCD": {"POS": 16_500}})[0]
    svg = ET.fromstring(chart_svg(series, "en", "firm-1"))
    assert svg.get("role") == "img" and svg.get("aria-labelledby") == "firm-1-t firm-1-d"
    assert "POS, SPOT and FORWARD" in svg.findtext("title", "")
    desc = svg.findtext("desc", "")
    invalid = sum(1 for d in series.days if d.verdict == "invalid")
    assert f"Days with an error: {invalid};" in desc and invalid >= 1
    assert "business days without a report (gaps in the lines): 1" in desc
    assert not list(svg.iter("script")) and not list(svg.iter("style"))
    assert not any("style" in el.attrib for el in svg.iter())  # the page's CSP forbids it
    paths = [p for p in svg.iter("path") if p.get("stroke") == "#1b1f24" and p.get("fill") == "none"]
    pos = [pt for p in paths for part in _points(p.get("d", "")) for pt in part]
    values = [(i, d.values["POS"]) for i, d in enumerate(series.days) if d.values["POS"] is not None]
    # a gap for the missing day and one for the unreadable POS: three pieces of line
    assert len(paths) == 3 and len(pos) == len(values)
    # one straight scale maps every value to its height, and days go left to right
    (i0, v0), (i1, v1) = values[0], max(values[1:], key=lambda x: abs(x[1] - values[0][1]))
    (x0, y0), (x1, y1) = pos[0], pos[values.index((i1, v1))]
    for (i, v), (x, y) in zip(values, pos):
        assert abs(y - (y0 + (v - v0) * (y1 - y0) / (v1 - v0))) < 0.5
        assert abs(x - (x0 + (i - i0) * (x1 - x0) / (i1 - i0))) < 0.5
    texts = [t.text for t in svg.iter("text")]
    assert "+L POS" in texts and "-L POS" in texts
    assert "105/11/01" in texts  # ROC dates on the axis


def test_report_and_page_show_the_series_from_the_same_code(run: Run, month: Path) -> None:
    html = run("check", str(month), "--format", "html", "--lang", "zh-TW").stdout
    # one chart drawn for a wide page and one for a phone (CSS shows one of them)
    assert html.count('<svg viewBox="0 0') == 2 and 'class="chart narrow"' in html and ">證券商 ABCD：各營業日 POS" in html
    assert '<table class="series"' in html and "未申報" in html
    assert "http://" not in html  # no namespace URL either: the report loads nothing


def test_the_report_code_runs_without_the_heavy_packages() -> None:
    """What Pyodide runs: the report and its chart with the standard library and pure-Python
    packages only (no pydantic, click, construct or openpyxl on that path)."""
    code = (
        "import sys\n"
        "from fxreport.checking.pipeline import check_contents\n"
        "from fxreport.outputs.html import facts_of, render_html\n"
        f"items = [('ABP1208.txt', {BYTES1!r}), ('ABP1209.txt', {BYTES2!r})]\n"
        "html = render_html(check_contents(items), [facts_of(n, d) for n, d in items])\n"
        "assert '<svg' in html\n"
        "print(sorted(m for m in ('pydantic', 'click', 'construct', 'openpyxl', 'fastapi')"
        " if m in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
    assert DAY1.exists() and DAY2.exists()
