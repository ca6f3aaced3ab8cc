"""The report and the page in Chromium as a compliance officer uses them (issue 20):
printed to PDF on A4 with every table inside the page, no date or word broken at
1366 px or 390 px in either language, the series chart on the page under its strict
CSP, and the page's own controls beside the hints.  Screenshots go to $FXREPORT_SHOTS."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from month import write_month
from reports import BYTES2, DAY1, DAY2, Run, put
from serving import BROWSER_MARKS, Watched

try:
    from playwright.sync_api import Browser, Page, expect
except ImportError:  # pragma: no cover - BROWSER_MARKS skip the module then
    pass

pytestmark = BROWSER_MARKS

A4_CONTENT = 703  # px at 96 dpi: 210 mm less the 12 mm margins on each side


@pytest.fixture(scope="module")
def month(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return write_month(tmp_path_factory.mktemp("review") / "2016-11")


@pytest.fixture(scope="module")
def reports(run: Run, month: list[Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = {}
    folder = tmp_path_factory.mktemp("review-html")
    for lang in ("en", "zh-TW"):
        path = folder / f"month-{lang}.html"
        r = run("check", str(month[0].parent), "--format", "html",
                "--lang", lang, "-o", str(path))
        assert r.exit_code == 1, r.output
        out[lang] = path
    return out


def broken_lines(page: Page) -> list[str]:
    """Texts that must stay on one line but do not: dates, badges, signs."""
    return page.evaluate("""() => [...document.querySelectorAll('.nw, .badge, .sign')]
        .filter(e => e.getClientRects().length > 1 || e.getBoundingClientRect().height >
                     2 * parseFloat(getComputedStyle(e).lineHeight || '20'))
        .map(e => e.textContent)""")


@pytest.mark.parametrize("lang", ["en", "zh-TW"])
@pytest.mark.parametrize("width,height", [(1366, 768), (390, 844)])
def test_no_date_or_word_is_broken_and_nothing_overflows(browser: Browser, reports: dict[str, Path],
                                                         shots: Path, lang: str, width: int,
                                                         height: int) -> None:
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(reports[lang].as_uri())
    assert broken_lines(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    # the verdict is the first thing seen
    assert page.locator(".verdict-box").bounding_box()["y"] < height / 2  # type: ignore[index]
    page.screenshot(path=str(shots / f"review-report-{lang}-{width}.png"), full_page=True)
    page.close()


@pytest.mark.parametrize("lang", ["en", "zh-TW"])
def test_prints_on_a4_with_every_table_inside_the_page(browser: Browser, reports: dict[str, Path],
                                                       shots: Path, lang: str) -> None:
    page = browser.new_page(viewport={"width": A4_CONTENT, "height": 1000})
    page.goto(reports[lang].as_uri())
    page.emulate_media(media="print")
    widths = page.evaluate("""() => [...document.querySelectorAll('table')].map(t => {
        const r = t.getBoundingClientRect();
        return [t.className, Math.ceil(r.right), t.scrollWidth, t.clientWidth]; })""")
    assert widths and all(right <= A4_CONTENT and scroll <= client + 1
                          for _, right, scroll, client in widths), widths
    # the folded valid files are printed, their Result column in sight
    results = page.evaluate("""() => [...document.querySelectorAll('td.result')].map(td => {
        const r = td.getBoundingClientRect(); return [r.width, Math.ceil(r.right)]; })""")
    assert len(results) == 21 and all(w > 20 and right <= A4_CONTENT for w, right in results)
    css = page.evaluate("[...document.styleSheets].map(s => [...s.cssRules].map(r => r.cssText)"
                        ".join(' ')).join(' ')")
    assert re.search(r"size: a4", css, re.I) and "counter(page)" in css  # page numbers on each page
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    assert pdf.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert 2 <= pages <= 8, pages  # a month of one firm: a few full pages, not dozens
    (shots / f"review-report-{lang}.pdf").write_bytes(pdf)
    page.close()


def test_the_page_shows_the_chart_and_table_under_its_csp(browser: Browser, server,  # type: ignore[no-untyped-def]
                                                          month: list[Path], shots: Path) -> None:
    for lang, width, height in (("en", 1366, 768), ("zh-TW", 390, 844)):
        w = Watched(browser, server, viewport={"width": width, "height": height}, locale="en-US")
        page = w.page
        page.goto(server.url + f"?lang={lang}")
        page.set_input_files("#files", [str(p) for p in month])
        page.wait_for_selector("#results #report")
        shown, hidden = ("wide", "narrow") if width > 640 else ("narrow", "wide")
        expect(page.locator(f"#results svg.chart.{shown}")).to_be_visible()  # drawn for the width
        expect(page.locator(f"#results svg.chart.{hidden}")).to_be_hidden()
        box = page.locator(f"#results svg.chart.{shown}").bounding_box()
        assert box is not None and box["x"] + box["width"] <= width  # all of it in sight
        assert page.locator("#results table.series tbody tr").count() == len(month) + 1  # the gap too
        # the line is drawn as the report draws it: a stroke and no fill (presentation
        # attributes, which the page's style-src 'self' lets through)
        stroke = page.evaluate("getComputedStyle(document.querySelector('#results svg.chart "
                               "path[stroke=\"#1b1f24\"]')).fill")
        assert stroke == "none"
        assert page.locator("#results .verdict-box.fail").count() == 1
        assert broken_lines(page) == []
        page.screenshot(path=str(shots / f"review-page-{lang}-{width}.png"))
        page.screenshot(path=str(shots / f"review-page-{lang}-{width}-full.png"), full_page=True)
        assert not w.errors, w.errors  # a CSP violation would be a console error
        assert not w.outside
        w.close()


def test_a_file_alone_offers_to_add_its_previous_report(browser: Browser, server) -> None:  # type: ignore[no-untyped-def]
    w = Watched(browser, server, viewport={"width": 1366, "height": 768}, locale="en-US")
    page = w.page
    page.goto(server.url + "?lang=en")
    expect(page.locator("#previous-chosen")).to_have_text("No previous report chosen.")
    page.set_input_files("#files", [str(DAY2)])
    note = page.locator("#results .note.continuity")
    expect(note).to_contain_text("Continuity not checked.")
    with page.expect_file_chooser() as chooser:
        note.locator("button").click()
    chooser.value.set_files([str(DAY1)])
    expect(page.locator("#previous-chosen")).to_have_text("Previous report: ABP1208.txt")
    expect(page.locator("#results")).to_contain_text("previous report, for continuity")
    expect(page.locator("#results .note.continuity")).to_have_count(0)
    page.click("#previous-clear")
    expect(page.locator("#results .note.continuity")).to_have_count(1)
    assert not w.errors and not w.outside, (w.errors, w.outside)
    w.close()


def test_a_non_business_day_offers_the_open_days_option(browser: Browser, server,  # type: ignore[no-untyped-def]
                                                        tmp_path: Path) -> None:
    saturday = tmp_path / "ABP1210.txt"  # 2016-12-10 was a Saturday
    data = BYTES2
    for row in (1, 2, 3):
        data = put(data, row, 5, b"105/12/10")
    saturday.write_bytes(data)
    w = Watched(browser, server, viewport={"width": 1366, "height": 768}, locale="zh-TW")
    page = w.page
    page.goto(server.url + "?lang=zh-TW")
    page.set_input_files("#files", [str(saturday)])
    hint = page.locator('#results .hint[data-how="open_days"]')
    expect(hint).to_contain_text("請將該日列為上班日")
    assert "--open-days" not in page.inner_text("#results")
    hint.locator("button", has_text="列出上班日").click()
    expect(page.locator("#options")).to_have_attribute("open", "")
    expect(page.locator("#open")).to_be_focused()
    page.fill("#open", "105/12/10")
    page.click("#check")
    expect(page.locator('#results .hint[data-how="open_days"]')).to_have_count(0)
    expect(page.locator("#results")).to_contain_text("另列的上班日")
    page.select_option("#calendar", "government")
    expect(page.locator("#results")).to_contain_text("政府機關辦公日行事曆")
    assert not w.errors and not w.outside, (w.errors, w.outside)
    w.close()
