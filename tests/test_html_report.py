"""`fxreport check --format html`: one self-contained, escaped, printable report.

It says when it was made and by which version, lists the files with their sizes
and SHA-256, and has every finding (rule, field, columns, message, hint, the
record's bytes); it loads nothing and runs nothing, also when opened in Chromium.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from html import escape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from fxreport import __version__
from fxreport.checking.pipeline import CheckOptions, check_paths
from fxreport.checking.sidecar import read_limits, read_verified
from fxreport.outputs.html import facts_of, render_html, report_of_paths
from reports import BROKEN, CORPUS, CORPUS_CASES as CASES, DAY1, DAY2, Run

LEFT = BROKEN / "left-aligned" / "ABP1209.txt"



class Tags(HTMLParser):
    """Every start tag with its attributes; fails on nothing, records everything."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def assert_self_contained(html: str) -> None:
    parser = Tags()
    parser.feed(html)
    names = [t for t, _ in parser.tags]
    assert "script" not in names and "link" not in names and "img" not in names
    assert "iframe" not in names and "object" not in names and "base" not in names
    for tag, attrs in parser.tags:
        for key, value in attrs.items():
            assert not key.startswith("on"), (tag, key)  # no event handler anywhere
            if key in ("href", "src", "action", "srcset"):
                assert value is not None and value.startswith("#"), (tag, key, value)
    assert "url(" not in html and "@import" not in html and "http://" not in html
    assert "https://" not in html
    assert "default-src 'none'" in html  # and the page itself forbids loading anything


def test_stdout_report_has_time_version_files_and_every_finding(run: Run) -> None:
    r = run("check", str(LEFT), str(DAY1), "--format", "html", "--lang", "en")
    assert r.exit_code == 1  # exit status as for text and JSON
    html = r.stdout
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")
    assert f"fxreport {__version__}" in html
    assert re.search(r"Made</dt><dd>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", html)
    for path in (LEFT, DAY1):
        assert hashlib.sha256(path.read_bytes()).hexdigest() in html
        assert escape(str(path)) in html.replace("<wbr>", "")  # a path may break after a /
    assert '<td class="num" data-label="Size (bytes)">645</td>' in html
    assert "FLD003" in html and "Row 1, positions 24–33" in html
    assert "<code>AB</code> spot settled, with customers: bought" in html
    assert "<mark>2900      </mark>" in html  # the record's bad columns, highlighted
    assert "right-align a whole number" in html
    assert '<code class="value">2900␣␣␣␣␣␣</code>' in html  # spaces seen
    assert "Made with fxreport" in html and "(Taipei time, UTC+8)" in html
    assert_self_contained(html)


@pytest.mark.parametrize("name", CASES)
def test_every_finding_of_every_corpus_case_is_in_the_report(run: Run, name: str) -> None:
    folder = CORPUS / name
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    args = expected["args"]
    previous = args[args.index("--previous") + 1] if "--previous" in args else None
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        r = run("check", "--format", "html", "--lang", "zh-TW", *args, *expected["paths"])
        if expected["exit"] == 2 and not expected["files"]:  # an option file that is refused
            assert r.exit_code == 2 and not r.stdout
            return
        kind = args[args.index("--calendar") + 1] if "--calendar" in args else "bank"
        limits = verified = None
        if "--limits" in args:
            limits = read_limits(Path(args[args.index("--limits") + 1]).read_bytes(), "limits")
        if "--verified" in args:
            verified = tuple(read_verified(Path(args[args.index("--verified") + 1]).read_bytes(), "v"))
        outcome = check_paths(expected["paths"], CheckOptions(previous=previous, calendar=kind,
                                                              limits=limits, verified=verified or ()))
    finally:
        os.chdir(cwd)
    assert r.exit_code == expected["exit"]
    html = r.stdout
    for report in outcome.reports:  # FORMAT.md 7.6: each verified note is shown
        for f in report.findings:
            if f.verified is not None:
                assert html.count(escape(f.verified)) >= 2  # at the finding and in the section
    for report in outcome.reports:
        assert escape(str(report.path)) in html.replace("<wbr>", "")
        for f in report.findings:
            assert f">{f.code}<" in html
            assert escape(f.text("zh-TW")) in html  # the message, after the field and its label
            assert escape(f.hint("zh-TW")) in html
            if f.field is not None:
                assert f"<code>{escape(f.display('zh-TW'))}</code> {escape(f.label('zh-TW'))}" in html
    for u in outcome.unreadable:
        assert escape(u.path) in html.replace("<wbr>", "")
    assert html.count('<li class="finding ') == sum(len(x.findings) for x in outcome.reports)
    assert_self_contained(html)


def test_output_file_is_written_atomically_and_never_overwritten_without_force(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "sign-off" / "check.html"
    out.parent.mkdir()
    r = run("check", str(DAY2), "--previous", str(DAY1), "--format", "html", "-o", str(out))
    assert r.exit_code == 0 and r.stdout == ""
    first = out.read_text(encoding="utf-8")
    assert hashlib.sha256(DAY1.read_bytes()).hexdigest() in first  # the previous report too
    assert "previous report, for continuity" in first
    r = run("check", str(LEFT), "--format", "html", "-o", str(out))
    assert r.exit_code == 2 and "exists and was not replaced; use --force" in r.stderr
    assert out.read_text(encoding="utf-8") == first
    r = run("check", str(LEFT), "--format", "html", "-o", str(out), "--force")
    assert r.exit_code == 1 and "FLD003" in out.read_text(encoding="utf-8")
    assert sorted(p.name for p in out.parent.iterdir()) == ["check.html"]  # no temporary left
    r = run("check", str(LEFT), "--format", "json", "-o", str(tmp_path / "c.json"))
    assert json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))["summary"]["errors"] == 1


def test_hostile_names_and_contents_are_text(run: Run, tmp_path: Path) -> None:
    name = '<img src=x onerror=alert(1)>"&.txt'
    path = tmp_path / name
    data = bytearray(LEFT.read_bytes())
    data[23:33] = b"<script>  "  # row 1, columns 24-33
    path.write_bytes(bytes(data))
    r = run("check", str(path), "--format", "html")
    html = r.stdout
    assert "<img" not in html and "<script>" not in html
    assert escape(name) in html and "&lt;script&gt;" in html
    assert_self_contained(html)


def test_files_to_correct_come_first_and_valid_files_are_folded_in_series_order() -> None:
    outcome = check_paths([str(BROKEN / "continuity"), str(DAY2), str(DAY1)])
    html = render_html(outcome, [facts_of(str(r.path), Path(str(r.path)).read_bytes())
                                        for r in outcome.reports])
    heads = re.findall(r'<h3 id="file-\d-h">\d\. <span class="mono">(.*?)</span>', html)
    assert [Path(h.replace("<wbr>", "")).name for h in heads] == ["ABP1212.txt"]  # only a file with findings
    folded = html[html.index('<details class="folded">'):html.index("</details>")]
    assert "ABCD: 2 file(s) with no findings" in folded
    names = re.findall(r'<td class="name" data-label="File">(.*?)</td>', folded)
    assert [Path(n.replace("<wbr>", "")).name for n in names] == ["ABP1208.txt", "ABP1209.txt"]
    # the continuity finding is shown with its record even though the checker kept none
    assert "CNT001" in html and "<mark>     12276</mark>" in html


def test_zh_tw_report(run: Run) -> None:
    html = run("check", str(LEFT), "--format", "html", "--lang", "zh-TW").stdout
    for words in ("外匯部位日報表檢核結果", "產生時間", "受檢檔案", "大小（位元組）", "不通過",
                  "第 1 列，第 24–33 位", "欄位：<code>AB</code>", "處理方式：",
                  '<html lang="zh-Hant-TW">'):
        assert words in html, words
    assert re.search(r"產生時間</dt><dd>1\d\d/\d\d/\d\d ", html)  # an ROC date


def test_standard_input_and_an_oversized_file(run: Run, tmp_path: Path) -> None:
    html = run("check", "-", "--format", "html", input=DAY2.read_bytes()).stdout
    assert "&lt;stdin&gt;" in html and ">unknown<" in html
    big = tmp_path / "ABP1209.txt"
    big.write_bytes(b"x" * 70_000)
    html = report_of_paths(check_paths([str(big)]))
    assert "70,000" in html and "not read (over 65,536 bytes)" in html and "STR006" in html


def test_the_report_opens_in_chromium_loading_nothing(run: Run, tmp_path: Path) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not importable: pip install -e '.[test]'")
    if chromium is None:
        pytest.skip("no `chromium` on PATH (this suite never downloads a browser)")
    report = tmp_path / "report.html"
    files = [str(LEFT), str(BROKEN / "reserved-zeros"), str(BROKEN / "utf16" / "ABP1209.txt")]
    assert run("check", *files, "--format", "html", "-o", str(report)).exit_code == 1
    shots = Path(os.environ.get("FXREPORT_SHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page(viewport={"width": 1000, "height": 900})
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(report.as_uri())
        assert requests == [report.as_uri()]
        assert not errors, errors
        assert page.locator("li.finding").count() == 5  # FLD003, RSV001, ENC001, CNT004 twice
        assert page.evaluate("getComputedStyle(document.querySelector('mark')).backgroundColor") \
            != "rgba(0, 0, 0, 0)"  # the inline stylesheet applies
        page.screenshot(path=str(shots / "report-en.png"), full_page=True)
        pdf = page.pdf(format="A4")
        assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
        browser.close()
