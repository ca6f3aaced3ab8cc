"""Issue 16 item 4: `fxreport serve` said every line of its own in English only (the
warning for an address that is not loopback, a port it cannot listen on, where the checker
is, that it has stopped).  It now takes `--lang` as the other commands do, and its words
are the catalogue's."""

from __future__ import annotations

import socket

import pytest

from test_zh_tw_reads_as_written_not_translated import problems
from reports import Run


def _lines(text: str) -> list[str]:
    return [ln for ln in text.splitlines() if ln.strip()]


def test_not_loopback_and_cannot_listen_in_chinese(run: Run) -> None:
    r = run("serve", "--host", "192.0.2.1", "--port", "0", "--lang", "zh-TW")
    assert r.exit_code == 2, r.output
    lines = _lines(r.stderr)
    assert len(lines) == 2 and "192.0.2.1" in lines[0] and "192.0.2.1" in lines[1], lines
    for line in lines:
        assert not problems(line, ("192.0.2.1:0", "192.0.2.1", "127.0.0.1")), (line, problems(line))


def test_a_busy_port_in_chinese(run: Run) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        r = run("serve", "--port", str(port), "--lang", "zh-TW")
    assert r.exit_code == 2, r.output
    [line] = _lines(r.stderr)
    where = f"127.0.0.1:{port}"
    assert where in line and not problems(line, (where,)), (line, problems(line, (where,)))


@pytest.mark.parametrize("lang", ["en", "zh-TW"])
def test_started_and_stopped_in_the_readers_language(run: Run, lang: str,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    def stopped_at_once(self: object, sockets: object = None) -> None:
        raise KeyboardInterrupt  # Ctrl-C, as uvicorn passes it on

    monkeypatch.setattr(uvicorn.Server, "run", stopped_at_once)
    r = run("serve", "--port", "0", "--lang", lang)
    assert r.exit_code == 0, r.output
    [started] = _lines(r.stdout)
    [stopped] = _lines(r.stderr)
    if lang == "en":
        assert started.endswith("docs); press Ctrl-C to stop") and "the checker is at http://127.0.0.1:" in started
        assert stopped == "fxreport: the checker has stopped"
    else:
        assert "`http://127.0.0.1:" in started
        for line in (started, stopped):
            assert not problems(line), (line, problems(line))
