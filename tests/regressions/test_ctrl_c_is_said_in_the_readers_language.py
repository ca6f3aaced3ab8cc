"""Issue 16 item 4: Ctrl-C during a command let click print "Aborted!" whatever the
reader's language.  The CLI words it from the catalogue, in the language of `--lang` (or
the locale), as it words usage errors."""

from __future__ import annotations

import pytest

from fxreport.cli import cli
from test_zh_tw_reads_as_written_not_translated import problems
from reports import DAY2, Run


@pytest.fixture
def interrupted_show(monkeypatch: pytest.MonkeyPatch) -> None:
    command = cli.get_command(None, "show")  # type: ignore[arg-type]  # (no context needed)
    assert command is not None

    def ctrl_c(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(command, "callback", ctrl_c)


@pytest.mark.usefixtures("interrupted_show")
def test_ctrl_c_in_chinese(run: Run) -> None:
    r = run("show", str(DAY2), "--lang", "zh-TW")
    assert r.exit_code == 1
    [line] = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert "Aborted" not in line and not problems(line), (line, problems(line))


@pytest.mark.usefixtures("interrupted_show")
def test_ctrl_c_by_the_locale_and_in_english(run: Run) -> None:
    r = run("show", str(DAY2), env={"LC_ALL": "zh_TW.UTF-8"})
    assert r.exit_code == 1 and "Aborted" not in r.stderr and r.stderr.strip()
    r = run("show", str(DAY2), "--lang", "en")
    assert r.exit_code == 1 and r.stderr.strip() == "Aborted!"
