"""`fxreport serve`'s API: the same answers as `fxreport check`, refusals that say why.

Through FastAPI's test client (no port): every case of tests/corpus against the
CLI, every bad request, the caps, the OpenAPI description under schemathesis.
Through a real server on loopback: a bounded load, memory, no temporary file
left, nothing of a file in the logs, loopback by default, a clean Ctrl-C.
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import subprocess
import sys
import threading
import time
import warnings
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, assume, settings
from schemathesis.specs.openapi.checks import negative_data_rejection

from fxreport.checking.batch import expand
from fxreport.checking.pipeline import CheckOptions, Content, check_contents, check_paths
from fxreport.checking.decoder import SIZE_LIMIT
from fxreport.outputs import outcome_json, write_json
from fxreport.core.rules import RULES
from reports import BROKEN, CORPUS, CORPUS_CASES as CASES, DAY1, DAY2, ROOT, Run
from serving import running_server, stop

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's notice about its httpx-based client
    from fastapi.testclient import TestClient

from fxreport.server.app import create_app, lang_from_header  # noqa: E402
from fxreport.server.limits import MAX_BODY  # noqa: E402
from fxreport.server.upload import UploadError, read_form  # noqa: E402



def upload(*paths: Path, name: str | None = None) -> list[tuple[str, tuple[str, bytes]]]:
    return [("files", (name or p.name, p.read_bytes())) for p in paths]


# --- the same answers as the CLI --------------------------------------------------

def _case_request(folder: Path, expected: dict[str, Any]) -> tuple[list[Any], dict[str, Any], list[str]]:
    """The upload that matches `fxreport check ARGS PATHS` run in ``folder``."""
    files: list[Any] = []
    data: dict[str, Any] = {}
    args = list(expected["args"])
    while args:
        arg = args.pop(0)
        if arg == "--previous":
            prev = args.pop(0)
            files.append(("previous", (prev, (folder / prev).read_bytes())))
        elif arg == "--strict":
            data["strict"] = "true"
        elif arg == "--calendar":
            data["calendar"] = args.pop(0)
        elif arg in ("--limits", "--verified"):  # FORMAT.md 7.5, 7.6: files, as uploads
            side = args.pop(0)
            files.append((arg[2:], (side, (folder / side).read_bytes())))
        else:
            raise AssertionError(f"a corpus option this test does not map: {arg}")
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        paths, _ = expand(expected["paths"])
    finally:
        os.chdir(cwd)
    for p in paths:  # the names the CLI shows, each file's bytes
        files.append(("files", (p.replace(os.sep, "/"), (folder / p).read_bytes())))
    return files, data, paths


def _cli_json(run: Run, folder: Path, expected: dict[str, Any], lang: str) -> tuple[int, dict[str, Any]]:
    r = run("check", "--format", "json", "--lang", lang, *expected["args"], *expected["paths"], cwd=folder)
    if not r.stdout:  # a usage error
        return r.exit_code, {}
    return r.exit_code, json.loads(r.stdout.replace(os.sep * 2, "/") if os.sep != "/" else r.stdout)


@pytest.mark.parametrize("lang", ["en", "zh-TW"])
@pytest.mark.parametrize("name", CASES)
def test_api_answers_exactly_what_the_cli_prints(run: Run, client: TestClient, name: str, lang: str) -> None:
    folder = CORPUS / name
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    files, data, _ = _case_request(folder, expected)
    r = client.post("/api/check", files=files, data={**data, "lang": lang})
    if expected["exit"] == 2 and not expected["files"]:  # an option file the CLI refuses
        assert r.status_code == 422, r.text
        assert _cli_json(run, folder, expected, lang)[0] == 2
        return
    assert r.status_code == 200, r.text
    got = r.json()
    code, want = _cli_json(run, folder, expected, lang)
    assert got.get("stale_verified") == want.get("stale_verified")
    assert got["version"] == want["version"] == 1
    assert got["files"] == want["files"]
    assert got["summary"] == want["summary"]
    assert "unreadable" not in got
    if "unreadable" not in want:
        assert int(r.headers["Fxreport-Exit-Status"]) == code


def test_check_contents_is_check_paths_for_the_same_files() -> None:
    """The one library function the server calls gives what the CLI's gives."""
    for name in CASES:
        folder = CORPUS / name
        expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
        cwd = os.getcwd()
        os.chdir(folder)
        try:
            paths, _ = expand(expected["paths"])
            prev = expected["args"][expected["args"].index("--previous") + 1] \
                if "--previous" in expected["args"] else None
            by_path = check_paths(expected["paths"], CheckOptions(previous=prev))
            by_content = check_contents(
                [Content(p, Path(p).read_bytes()) for p in paths],
                CheckOptions(previous=Content(prev, Path(prev).read_bytes()) if prev else None))
        finally:
            os.chdir(cwd)
        assert outcome_json(by_content)["files"] == outcome_json(by_path)["files"], name


def test_outcome_json_is_what_write_json_writes() -> None:
    import io

    outcome = check_paths([str(DAY1), str(DAY2), str(BROKEN / "arithmetic"), "missing.txt"],
                          CheckOptions(lang="zh-TW"))
    out = io.StringIO()
    write_json(outcome, out)
    assert json.loads(out.getvalue()) == outcome_json(outcome)


def test_previous_and_language(client: TestClient) -> None:
    files = upload(BROKEN / "continuity" / "ABP1212.txt") + [("previous", ("ABP1209.txt", DAY2.read_bytes()))]
    r = client.post("/api/check", files=files, data={"lang": "zh-TW"})
    f = r.json()["files"][0]
    assert [x["code"] for x in f["findings"]] == ["CNT001"]
    assert "前一份申報" in f["findings"][0]["message"]
    assert r.headers["Fxreport-Exit-Status"] == "1"
    # without lang: Accept-Language decides, else English
    r = client.post("/api/check", files=files, headers={"Accept-Language": "zh-TW,zh;q=0.9,en;q=0.8"})
    assert "前一份申報" in r.json()["files"][0]["findings"][0]["message"]
    r = client.post("/api/check", files=files)
    assert "previous report" in r.json()["files"][0]["findings"][0]["message"]


@pytest.mark.parametrize("header,lang", [(None, "en"), ("zh-TW", "zh-TW"), ("en-US,zh-TW;q=0.5", "en"),
                                         ("zh-CN,en;q=0.5", "en"), ("zh-Hant", "zh-TW"),
                                         ("fr, zh-TW;q=0.3", "zh-TW"), ("q=;;,", "en")])
def test_accept_language(header: str | None, lang: str) -> None:
    assert lang_from_header(header) == lang


def test_select_ignore_strict(client: TestClient) -> None:
    files = upload(BROKEN / "arithmetic" / "ABP1209.txt")
    all_codes = [x["code"] for x in client.post("/api/check", files=files).json()["files"][0]["findings"]]
    assert all_codes == ["ARI001", "ARI011"]
    r = client.post("/api/check", files=files, data={"ignore": "ARI0"})
    assert r.json()["files"][0]["findings"] == [] and r.headers["Fxreport-Exit-Status"] == "0"
    r = client.post("/api/check", files=files, data={"select": ["ari011", " ,FLD"]})
    assert [x["code"] for x in r.json()["files"][0]["findings"]] == ["ARI011"]
    assert r.json()["files"][0]["valid"] is True  # ARI011 is a warning
    assert r.headers["Fxreport-Exit-Status"] == "0"
    r = client.post("/api/check", files=files, data={"select": "ARI011", "strict": "true"})
    assert r.headers["Fxreport-Exit-Status"] == "1"


def test_closed_days_change_the_previous_business_day(client: TestClient) -> None:
    # 2016-12-08 is a Thursday: closed, it is no business day (FLD005, FORMAT.md 6.2) and the
    # report after it is no gap; with it open again, 12-09 after 12-07 misses 12-08 (6.3)
    files = [("files", ("ABP1208.txt", DAY1.read_bytes())),
             ("files", ("ABP1209.txt", DAY2.read_bytes()))]
    r = client.post("/api/check", files=files, data={"closed_days": "105/12/08  # a typhoon day"})
    assert [x["code"] for f in r.json()["files"] for x in f["findings"]] == ["FLD005"]
    r = client.post("/api/check", files=files, data={"calendar": "government"})
    assert [x["code"] for f in r.json()["files"] for x in f["findings"]] == []


def test_a_hostile_name_is_returned_as_given_and_naming_checks_the_base_name(client: TestClient) -> None:
    name = "<script>alert(1)</script>/ABP1209.txt"
    r = client.post("/api/check", files=upload(DAY2, name=name))
    f = r.json()["files"][0]
    assert f["path"] == name and f["valid"] is True
    r = client.post("/api/check", files=upload(DAY2, name="2016\\12\\abp1209.txt"))
    f = r.json()["files"][0]
    assert f["path"] == "2016/12/abp1209.txt"
    assert [x["code"] for x in f["findings"]] == ["NAM002"]


def test_undecodable_names_are_escaped_in_json_and_html(client: TestClient) -> None:
    body = (b'--b\r\nContent-Disposition: form-data; name="files"; filename="AB\xff\xfeP1209.txt"\r\n\r\n'
            + DAY2.read_bytes() + b'\r\n--b\r\nContent-Disposition: form-data; name="previous"; '
            b'filename="\xc3(prev.txt"\r\n\r\n' + DAY1.read_bytes() + b"\r\n--b--\r\n")
    headers = {"Content-Type": "multipart/form-data; boundary=b"}
    r = client.post("/api/check", content=body, headers=headers)
    assert r.status_code == 200 and r.json()["files"][0]["path"] == "AB\\xff\\xfeP1209.txt"
    r = client.post("/api/report", content=body, headers=headers)
    assert r.status_code == 200
    assert "AB\\xff\\xfeP1209.txt" in r.text and "\\xc3(prev.txt" in r.text


def test_rules_catalogue(client: TestClient) -> None:
    rules = client.get("/api/rules").json()["rules"]
    assert [r["code"] for r in rules] == list(RULES)
    zh = client.get("/api/rules", params={"lang": "zh-TW"}).json()["rules"]
    assert zh[0]["title"] == RULES[zh[0]["code"]].title["zh-TW"]
    assert client.get("/api/rules", params={"lang": "fr"}).status_code == 422


# --- bad requests -------------------------------------------------------------------

def _refused(r: Any, status: int, words: str) -> None:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    assert words in r.json()["detail"], r.json()


@pytest.mark.parametrize("path", ["/api/check", "/api/report"])
def test_bad_requests_say_what_is_wrong(client: TestClient, path: str) -> None:
    _refused(client.post(path, data={"lang": "en"}, files=[("x", ("a.txt", b"x"))]), 400, "no files")
    _refused(client.post(path, json={"files": []}), 415, "multipart/form-data")
    _refused(client.post(path, content=b"files=x", headers={"Content-Type": "text/plain"}), 415, "multipart")
    _refused(client.post(path), 415, "multipart")
    _refused(client.post(path, content=b"--x\r\n", headers={"Content-Type": "multipart/form-data"}),
             400, "no boundary")
    _refused(client.post(path, content=b"--b\r\nContent-Disposition: form-data; name=\"files\"; "
                                         b"filename=\"a.txt\"\r\n\r\nabc",
                         headers={"Content-Type": "multipart/form-data; boundary=b"}),
             400, "ends before")
    _refused(client.post(path, content=b"garbage without any boundary",
                         headers={"Content-Type": "multipart/form-data; boundary=b"}), 400, "malformed")
    _refused(client.post(path, files=upload(DAY1, DAY2) + [("previous", ("p.txt", b""))]), 400,
             "single file")
    _refused(client.post(path, files=upload(DAY2) + [("previous", ("p.txt", b"1")),
                                                      ("previous", ("q.txt", b"2"))]), 400, "one file")
    _refused(client.post(path, data={"files": "not a file"}, files=[("dummy", ("a", b""))]), 400,
             "must be a file upload")
    _refused(client.post(path, files=upload(DAY2), data={"lang": "fr"}), 422, "lang")
    _refused(client.post(path, files=upload(DAY2), data={"lang": ""}), 422, "lang")
    _refused(client.post(path, files=upload(DAY2), data={"strict": "maybe"}), 422, "strict")
    _refused(client.post(path, files=upload(DAY2), data={"select": "ARI,XYZ", "ignore": "QQ"}), 422,
             "'XYZ', 'QQ'")
    _refused(client.post(path, files=upload(DAY2), data={"closed_days": "2016-02-30"}), 422,
             "is not a date")
    _refused(client.post(path, files=upload(DAY2), data={"select": "A" * (70 * 1024)}), 413,
             "longer than")
    # and it still answers
    assert client.post(path, files=upload(DAY2)).status_code == 200


def test_a_body_over_16_mib_is_413(client: TestClient) -> None:
    big = b"0" * (MAX_BODY + 1)
    _refused(client.post("/api/check", files=[("files", ("big.txt", big))]), 413, "16 MiB")
    assert client.post("/api/check", files=upload(DAY2)).status_code == 200


def test_more_than_500_files_is_413(client: TestClient) -> None:
    many = [("files", (f"f{i}.txt", b"x")) for i in range(501)]
    _refused(client.post("/api/check", files=many), 413, "more than 500 files")
    ok = client.post("/api/check", files=many[:500])
    assert ok.status_code == 200 and ok.json()["summary"]["files"] == 500


def test_a_file_over_64_kib_is_a_finding_not_a_refusal(client: TestClient) -> None:
    r = client.post("/api/check", files=[("files", ("ABP1209.txt", b"x" * (SIZE_LIMIT + 1)))])
    assert r.status_code == 200
    assert [x["code"] for x in r.json()["files"][0]["findings"]] == ["STR006"]


def _stream(chunks: list[bytes]) -> AsyncIterator[bytes]:
    async def gen() -> AsyncIterator[bytes]:
        for c in chunks:
            yield c
    return gen()


def _multipart(parts: list[tuple[str, str | None, bytes]], boundary: str = "XyZ") -> bytes:
    out = b""
    for name, filename, data in parts:
        fn = f'; filename="{filename}"' if filename is not None else ""
        out += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"{fn}\r\n\r\n"
                .encode() + data + b"\r\n")
    return out + f"--{boundary}--\r\n".encode()


def test_the_body_is_counted_as_it_arrives_not_by_content_length() -> None:
    body = _multipart([("files", "a.txt", b"x" * 3000)])
    chunks = [body[i:i + 512] for i in range(0, len(body), 512)]
    with pytest.raises(UploadError) as e:  # Content-Length lies (or is absent)
        asyncio.run(read_form(_stream(chunks), "multipart/form-data; boundary=XyZ", "10", max_body=2048))
    assert e.value.status == 413
    with pytest.raises(UploadError) as e:
        asyncio.run(read_form(_stream(chunks), "multipart/form-data; boundary=XyZ", None, max_body=2048))
    assert e.value.status == 413
    with pytest.raises(UploadError) as e:  # an honest Content-Length is refused before reading
        asyncio.run(read_form(_stream([]), "multipart/form-data; boundary=XyZ", "4096", max_body=2048))
    assert e.value.status == 413


def test_only_what_the_checker_reads_of_a_file_is_kept() -> None:
    size = 5 * 1024 * 1024
    body = _multipart([("files", "ABP1209.txt", b"x" * size), ("lang", None, b"zh-TW")])
    chunks = [body[i:i + 65536] for i in range(0, len(body), 65536)]
    form = asyncio.run(read_form(_stream(chunks), "multipart/form-data; boundary=XyZ", None))
    (f,) = form.files
    assert len(f.data) == SIZE_LIMIT + 1 and f.size == size and f.sha256 is None
    assert form.fields == {"lang": ["zh-TW"]}


def test_uploads_make_no_temporary_file(client: TestClient, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    big = b"1" * (3 * 1024 * 1024)  # Starlette's own parser would spool this to disk
    r = client.post("/api/report", files=[("files", ("ABP1209.txt", big))] + upload(DAY2))
    assert r.status_code == 200
    assert list(tmp_path.iterdir()) == []


def test_the_html_report_route(client: TestClient) -> None:
    files = upload(BROKEN / "left-aligned" / "ABP1209.txt", name="<b>ABP1209</b>.txt")
    r = client.post("/api/report", files=files, data={"lang": "zh-TW"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert r.headers["content-disposition"].startswith('attachment; filename="fxreport-check-')
    assert "&lt;b&gt;ABP1209&lt;/b&gt;.txt" in r.text.replace("<wbr>", "")
    assert "<b>ABP1209" not in r.text
    assert "第 1 列，第 24–33 位" in r.text and "FLD003" in r.text


# --- the page, the docs, the description ----------------------------------------------

def test_the_page_and_docs_load_nothing_from_elsewhere(client: TestClient) -> None:
    import re

    for path in ("/", "/docs", "/static/page.js", "/static/report.css", "/static/page.css"):
        r = client.get(path)
        assert r.status_code == 200, path
        text = r.text
        assert not re.search(r"https?://", text.replace("http://testserver/", "")), path
        assert "//cdn" not in text and "@import" not in text and "fonts.g" not in text
        for ref in re.findall(r'(?:src|href)="([^"]*)"', text):
            assert ref.startswith(("/", "#", "data:")), (path, ref)
        assert "default-src 'none'" in r.headers["content-security-policy"]
    assert client.get("/static/../app.py").status_code == 404
    assert client.get("/static/index.html").status_code == 404


def test_openapi_describes_the_contract(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    schemas = spec["components"]["schemas"]
    finding = schemas["FindingJSON"]["properties"]
    assert {"code", "severity", "category", "row", "start", "end", "field", "message", "hint",
            "found", "expected"} <= set(finding)
    # the JSON shapes are named apart from the library's classes they write (issue 16 item 2)
    assert {"FindingJSON", "UnreadableJSON", "RuleJSON"} <= set(schemas)
    assert not {"Finding", "Unreadable", "Rule"} & set(schemas)
    body = spec["paths"]["/api/check"]["post"]["requestBody"]["content"]["multipart/form-data"]["schema"]
    assert {"files", "previous", "lang", "select", "ignore", "strict", "closed_days"} <= set(body["properties"])
    assert set(spec["paths"]["/api/check"]["post"]["responses"]) >= {"200", "400", "413", "415", "422"}
    assert "/docs" not in spec["paths"] and "/" not in spec["paths"]


_SCHEMA = schemathesis.openapi.from_asgi("/openapi.json", create_app())


@_SCHEMA.parametrize()
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck), database=None)
def test_schemathesis_against_the_openapi_description(case: Any) -> None:
    """Generated requests (valid and not) never make a 5xx, and every answer fits its
    documented schema, status and content type.  Bounded: 60 cases per operation.

    A multipart body is bytes: a "wrong type" for a file part cannot be told from a
    file, so the check that such data is refused is left out (the refusals are
    tested one by one above).  A day given both as closed and as open, or a day outside
    the ROC years a report can carry (001-999, i.e. 1912-2910), is refused as the CLI
    refuses it (422, which OpenAPI cannot express), so such cases are skipped, as are
    limits and verified files that are not what FORMAT.md 7.5 and 7.6 describe."""
    body = case.body if isinstance(case.body, dict) else {}

    def days(key: str) -> set[str]:
        value = body.get(key) or []
        return {str(v) for v in (value if isinstance(value, list) else [value])} - {""}

    assume(not days("closed_days") & days("open_days"))
    assume(all("1912" <= day[:4] <= "2910" for day in days("closed_days") | days("open_days")))
    # a limits or verified file is CSV whose lines and cells are checked as the CLI checks
    # them (a 422 naming line and cell): generated bytes that do not parse are skipped
    from fxreport.checking.sidecar import SidecarError, read_limits, read_verified

    for key, read in (("limits", read_limits), ("verified", read_verified)):
        value = body.get(key)
        if value:
            try:
                read(value.encode("utf-8") if isinstance(value, str) else bytes(value), key)
            except (SidecarError, TypeError, ValueError):  # (bytes(-1): a negative count)
                assume(False)
    case.call_and_validate(excluded_checks=[negative_data_rejection])


# --- a real server on loopback ----------------------------------------------------------

def test_load_memory_temporary_files_logs_and_ctrl_c(tmp_path: Path) -> None:
    import httpx

    marker, content_marker = "SECRET-NAME-4711", b"SECRET-CONTENT-0815"
    good, bad = DAY2.read_bytes(), (BROKEN / "left-aligned" / "ABP1209.txt").read_bytes()
    with running_server(tmp_path) as server:
        assert server.url.startswith("http://127.0.0.1:")  # loopback by default
        body_files = [("files", ("ABP1208.txt", DAY1.read_bytes())), ("files", ("ABP1209.txt", good)),
                      ("files", (f"{marker}.txt", bad + content_marker))]
        with httpx.Client(base_url=server.url, timeout=30) as c:
            expected = c.post("/api/check", files=body_files).json()
            for _ in range(30):  # warm up before measuring memory
                c.post("/api/check", files=body_files)
            c.post("/api/report", files=[("files", ("big.txt", b"7" * (2 * 1024 * 1024)))])
            huge = c.post("/api/check", files=[("files", ("huge.txt", b"7" * (MAX_BODY + 10)))])
            assert huge.status_code == 413
        rss_before = server.rss()

        latencies: list[float] = []
        statuses: list[int] = []
        answers_differ: list[int] = []
        lock = threading.Lock()

        def worker(n: int) -> None:
            with httpx.Client(base_url=server.url, timeout=30) as c:
                for _ in range(n):
                    t0 = time.perf_counter()
                    r = c.post("/api/check", files=body_files)
                    dt = time.perf_counter() - t0
                    with lock:
                        latencies.append(dt)
                        statuses.append(r.status_code)
                        if r.status_code == 200 and r.json() != expected:
                            answers_differ.append(1)

        threads = [threading.Thread(target=worker, args=(63 if i < 4 else 62,)) for i in range(8)]
        t0 = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - t0
        rss_after = server.rss()
        assert len(statuses) == 500 and set(statuses) == {200}
        assert not answers_differ
        latencies.sort()
        p95 = latencies[int(0.95 * len(latencies)) - 1]
        mib = 1024 * 1024
        print(f"\nload: 500 requests from 8 threads in {wall:.2f}s; p50 "
              f"{statistics.median(latencies) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms; RSS "
              + (f"{rss_before / mib:.1f} MiB before, {rss_after / mib:.1f} MiB after"
                 if rss_before and rss_after else "not measurable on this OS"))
        if rss_before and rss_after:
            assert rss_after - rss_before < 50 * mib
        assert list(server.tmpdir.iterdir()) == []  # no temporary file, during or after
    assert server.returncode in (0, 130)
    logs = server.logs()
    assert marker not in logs and content_marker.decode() not in logs  # no name, no content
    assert "POST /api/check" in logs and "Traceback" not in logs
    assert list(server.tmpdir.iterdir()) == []


def test_another_host_must_be_asked_for_and_warns(run: Run) -> None:
    from fxreport.server.run import is_loopback

    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5") and not is_loopback("intranet")
    # 192.0.2.1 (TEST-NET) is no address of this machine: the warning comes, then a plain refusal
    r = run("serve", "--host", "192.0.2.1", "--port", "0")
    assert r.exit_code == 2
    assert "not loopback" in r.stderr and "no login" in r.stderr and "proxy" in r.stderr
    assert "cannot listen on 192.0.2.1" in r.stderr and "Traceback" not in r.output


def test_a_busy_port_is_a_plain_message(tmp_path: Path) -> None:
    with running_server(tmp_path) as server:
        port = server.url.rsplit(":", 1)[1].strip("/")
        r = subprocess.run([sys.executable, "-m", "fxreport", "serve", "--port", port],
                           capture_output=True, text=True, timeout=120, cwd=ROOT)  # a guard
        assert r.returncode == 2 and "cannot listen on 127.0.0.1:" in r.stderr
        assert "Traceback" not in r.stderr
        stop(server)


def test_check_does_not_import_the_server() -> None:
    code = ("import sys\nfrom fxreport.cli import main\nsys.argv = ['fxreport', 'check', '--format', "
            "'json', sys.argv[1]]\ntry:\n    main()\nexcept SystemExit:\n    pass\n"
            "print([m for m in ('fastapi', 'uvicorn', 'starlette', 'python_multipart', "
            "'fxreport.server', 'fxreport.outputs.html') if m in sys.modules], file=sys.stderr)")
    r = subprocess.run([sys.executable, "-c", code, str(DAY2)], capture_output=True, text=True,
                       timeout=60)
    assert r.stderr.strip().splitlines()[-1] == "[]"
