"""The ASGI application of ``fxreport serve``: a thin door onto the library.

``create_app`` takes its settings as arguments, so tests drive it through
FastAPI's test client without a port.  A form becomes the ``CheckOptions`` of
``fxreport check``; every route calls the pipeline (``check_contents``) and
formats its ``Outcome`` (``outcome_json``, ``render_html``): same findings,
same messages, same exit status.  Uploads are
read in memory under caps (``upload.py``); nothing is stored, and nothing of a
file (name or content) is logged.
"""

from __future__ import annotations

import datetime as _dt
import io
import logging
from collections.abc import Mapping, MutableMapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..checking.calendar import DEFAULT_CALENDAR
from ..checking.form import FormValue, Upload, options_of_form, status_of
from ..checking.pipeline import CheckOptions, Content, OptionError, Outcome, check_contents
from ..core.words import LANGS, Lang, display_path, server_message
from ..outputs.html import TAIPEI, FileFacts, render_html
from ..outputs import outcome_json
from ..outputs.series import write_series_csv
from ..core.rules import RULES
from .models import CheckForm, CheckResponse, Error, Rules
from .limits import MAX_BODY, MAX_FILES
from .upload import Form, UploadError, read_form

log = logging.getLogger("fxreport.server")

STATIC = {  # file name -> media type; served from the package, never from the disk's cwd
    "report.css": "text/css; charset=utf-8",
    "page.css": "text/css; charset=utf-8",
    "page.js": "text/javascript; charset=utf-8",
    "backend.js": "text/javascript; charset=utf-8",
}

# The page and the docs may talk to this server only: no CDN, no font, no beacon.
PAGE_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
            "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"content-security-policy", PAGE_CSP.encode("ascii")),
    (b"cache-control", b"no-store"),
]

_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": Error, "description": "A malformed request: no files, a malformed "
                                              "multipart body, `previous` with several files."},
    413: {"model": Error, "description": f"The body is over {MAX_BODY // 2**20} MiB, or there "
                                              f"are more than {MAX_FILES} files."},
    415: {"model": Error, "description": "The body is not multipart/form-data."},
    422: {"model": Error, "description": "An invalid option: `lang`, `strict`, "
                                              "`closed_days`, a rule code that matches no rule, "
                                              "or a `limits` or `verified` file that cannot be "
                                              "used (the message names its line and cell)."},
}

# the HTML route's refusals are JSON too (FastAPI would document them as its HTML)
_ERRORS_AS_JSON: dict[int | str, dict[str, Any]] = {
    code: {"description": spec["description"], "content": {"application/json": {
        "schema": {"$ref": "#/components/schemas/Error"}}}}
    for code, spec in _ERRORS.items()}


def _form_body() -> dict[str, Any]:
    """The request body of the form routes, from ``CheckForm`` (a form has no nulls:
    an optional field is left out)."""
    schema = CheckForm.model_json_schema()
    for name, prop in schema["properties"].items():
        choices = [c for c in prop.pop("anyOf", []) if c.get("type") != "null"]
        if choices:
            prop.update(choices[0])
        if prop.get("default", 0) is None:
            del prop["default"]
    # OpenAPI 3.1 spells a file part as a string of content type octet-stream
    for prop in (schema["properties"]["files"]["items"], schema["properties"]["previous"],
                 schema["properties"]["limits"], schema["properties"]["verified"]):
        if prop.pop("format", None) == "binary":
            prop["contentMediaType"] = "application/octet-stream"
    # `previous` is for a single file (as `fxreport check FILE --previous PREV`)
    schema["dependentSchemas"] = {"previous": {"properties": {"files": {"maxItems": 1}}}}
    lang = {"name": "lang", "in": "query", "required": False,
            "schema": {"type": "string", "enum": list(LANGS)},
            "description": "The language of a refusal that comes before the form's `lang` "
                           "is read (a body over the cap); default: Accept-Language, else en."}
    return {"parameters": [lang], "requestBody": {"required": True, "content": {"multipart/form-data": {
        "schema": schema,
        "encoding": {"files": {"contentType": "text/plain, application/octet-stream"},
                     "previous": {"contentType": "text/plain, application/octet-stream"},
                     "limits": {"contentType": "text/csv, text/plain, application/octet-stream"},
                     "verified": {"contentType": "text/csv, text/plain, application/octet-stream"}}}}}}


@dataclass
class CheckJob:
    """A validated request: the uploads and the options of ``fxreport check``."""

    files: list[Upload]
    previous: Upload | None
    options: CheckOptions

    def run(self) -> Outcome:
        return check_contents([Content(u.name, u.data) for u in self.files], self.options)

    def facts(self, outcome: Outcome | None = None) -> tuple[list[FileFacts], FileFacts | None]:
        """Each upload's facts, in the order of ``outcome.reports`` when given (the series
        order, one upload of the same name and bytes once: FORMAT.md 7.2)."""
        def one(u: Upload) -> FileFacts:
            return FileFacts(display_path(u.name), u.size, u.sha256, u.data)
        previous = one(self.previous) if self.previous else None
        if outcome is None:
            return [one(u) for u in self.files], previous
        by_name: dict[str, list[FileFacts]] = {}
        for name, upload in {(u.name, u.data): u for u in reversed(self.files)}.items():
            by_name.setdefault(display_path(name[0]), []).insert(0, one(upload))
        facts = []
        for r in outcome.reports:
            same = by_name.get(r.path or "", [])
            if len(same) > 1:  # one name, other bytes: the upload whose firm and date these are
                from ..checking.decoder import decode

                same.sort(key=lambda f: (decode(f.data or b"").heads.get(1) or (None, None)) != (r.bank, r.date))
            facts.append(same.pop(0) if same else None)
        return facts, previous  # type: ignore[return-value]  # each report is one of these uploads': no None


def request_lang(request: Request) -> str:
    """The language of an answer that is not a check: `?lang=` if it is one we speak,
    else Accept-Language."""
    asked = request.query_params.get("lang")
    if asked in LANGS:
        return asked
    return lang_from_header(request.headers.get("accept-language"))


def _refusal(status: int, text: str, headers: Mapping[str, str] | None = None) -> JSONResponse:
    """A refusal: JSON, with the security headers set here too (a 500 is answered from
    outside the middleware)."""
    response = JSONResponse({"detail": text}, status_code=status, headers=dict(headers or {}))
    for key, value in SECURITY_HEADERS:
        response.headers.setdefault(key.decode("latin-1"), value.decode("latin-1"))
    return response


def lang_from_header(value: str | None) -> str:
    """zh-TW when Accept-Language prefers Traditional Chinese to English, else en."""
    best, best_q = "en", -1.0
    for n, item in enumerate((value or "").split(",")):
        tag, *params = [p.strip() for p in item.split(";")]
        q = 1.0
        for p in params:
            if p.startswith("q="):
                try:
                    q = float(p[2:])
                except ValueError:
                    q = 0.0
        tag = tag.lower()
        if tag in ("zh-tw", "zh-hant", "zh-hk", "zh-mo", "zh") or tag.startswith("zh-hant"):
            lang = "zh-TW"
        elif tag.startswith("en") or tag == "*":
            lang = "en"
        else:
            continue
        if q > best_q:
            best, best_q = lang, q
    return best


def make_job(form: Form, accept_language: str | None,
             default_calendar: str = DEFAULT_CALENDAR, query_lang: str | None = None) -> CheckJob:
    """Validate a form into a job (``checking.form``, as the static site reads it);
    UploadError (400/422) says what is wrong, in the request's language: the form's
    `lang` once it is known to be one, else `?lang=` (``query_lang``), else
    Accept-Language."""
    fields: dict[str, Sequence[FormValue]] = {**form.fields, **form.sidecars}
    if form.previous:
        fields["previous"] = [Content(form.previous[0].name, form.previous[0].data)]
    try:
        default = query_lang if query_lang in LANGS else lang_from_header(accept_language)
        options = options_of_form(fields, len(form.files), lang=default or "en",
                                  calendar=default_calendar)
    except OptionError as exc:
        refused = UploadError(status_of(exc), exc.key, cause=exc)
        refused.lang = exc.lang
        raise refused from None
    return CheckJob(form.files, form.previous[0] if form.previous else None, options)


class SecurityHeaders:
    """Pure ASGI middleware: the same protective headers on every response."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: MutableMapping[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: MutableMapping[str, Any]) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in SECURITY_HEADERS if k not in present]
            await send(message)

        await self.app(scope, receive, with_headers)


def _static(name: str) -> bytes:
    """The page's files; the report's stylesheet is the HTML report's own, shared."""
    if name == "report.css":
        from ..outputs.html import stylesheet

        return stylesheet().encode("utf-8")
    return (resources.files("fxreport.server") / "static" / name).read_bytes()


def create_app(*, max_body: int = MAX_BODY, max_files: int = MAX_FILES,
               calendar: str = DEFAULT_CALENDAR) -> FastAPI:
    """The application; ``calendar`` is the kind of business calendar of a check whose
    form names none."""
    # the multipart parser logs the bytes it trips on: a refusal says it to the sender only
    logging.getLogger("python_multipart").setLevel(logging.CRITICAL)
    assets = {name: _static(name) for name in STATIC}
    index = _static("index.html")
    app = FastAPI(
        title="fxreport",
        version=__version__,
        summary="Check the FX-position daily report (外匯部位日報表) of Taiwan's securities firms.",
        description=(
            "The checker of `fxreport check` over HTTP. `POST /api/check` takes report files "
            "as a multipart form and answers the JSON of FORMAT.md section 5, with exactly the "
            "findings `fxreport check --format json` gives for the same files as a series. "
            "`POST /api/report` answers the same check as a self-contained HTML report. "
            "Uploads are checked in memory and never stored."),
        docs_url=None, redoc_url=None,  # FastAPI's docs pages load scripts from a CDN
        openapi_url="/openapi.json",
    )
    app.add_middleware(SecurityHeaders)

    # Every refusal is JSON `{"detail": ...}` in the request's language, with the headers of
    # a normal answer (the handler of a bug runs outside the middleware: it adds them itself).
    @app.exception_handler(UploadError)
    async def refused(request: Request, exc: UploadError) -> JSONResponse:
        return _refusal(exc.status, exc.message(exc.lang or request_lang(request)))

    @app.exception_handler(StarletteHTTPException)
    async def http_refused(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        lang = request_lang(request)
        if exc.status_code == 404:
            text = server_message("not_found", lang, {})
        elif exc.status_code == 405:
            text = server_message("method", lang, {"method": request.method[:20]})
        else:
            text = server_message("refused", lang, {"status": exc.status_code})
        return _refusal(exc.status_code, text, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        lang = request_lang(request)
        detail = server_message("values_sep", lang, {}).join(
            server_message("invalid_query", lang, {"name": str(e.get("loc", ("",))[-1])[:40],
                                                   "value": e.get("input", "")})
            for e in exc.errors()[:5])
        return _refusal(422, detail)

    @app.exception_handler(Exception)
    async def bug(request: Request, exc: Exception) -> JSONResponse:
        # a bug: say so, without a traceback that could quote a file
        log.error("internal error: %s", type(exc).__name__)
        return _refusal(500, server_message("internal", request_lang(request), {}))

    async def checked(request: Request) -> tuple[CheckJob, Outcome]:
        """Both check routes: the form read and validated, then checked off the event loop."""
        form = await read_form(request.stream(), request.headers.get("content-type"),
                               request.headers.get("content-length"),
                               max_body=max_body, max_files=max_files)
        job = make_job(form, request.headers.get("accept-language"), calendar,
                       request.query_params.get("lang"))
        try:
            return job, await run_in_threadpool(job.run)
        except Exception as exc:  # a bug: say so, without a traceback that could quote a file
            log.error("internal error while checking: %s", type(exc).__name__)
            raise UploadError(500, "internal") from None

    @app.post("/api/check", response_model=CheckResponse, responses=_ERRORS,
              openapi_extra=_form_body(), tags=["check"],
              summary="Check report files (as `fxreport check --format json`)")
    async def api_check(request: Request) -> Response:
        """Check the uploaded files as one series, or one file against `previous`.

        The answer is the JSON of FORMAT.md section 5 (paths are the uploaded
        names). The header `Fxreport-Exit-Status` gives what `fxreport check`
        would exit with: 0 when every file is valid, 1 when a file has an
        error (with `strict`, a warning). A file over 64 KiB is a finding
        (STR006), not a refused request.
        """
        job, outcome = await checked(request)
        return JSONResponse(outcome_json(outcome),
                            headers={"Fxreport-Exit-Status": str(outcome.exit_status())})

    @app.post("/api/report", response_class=HTMLResponse, responses=_ERRORS_AS_JSON,
              openapi_extra=_form_body(), tags=["check"],
              summary="Check report files and answer a self-contained HTML report")
    async def api_report(request: Request) -> Response:
        """The same check as `POST /api/check`, as the HTML report of
        `fxreport check --format html`: when it was made, by which version,
        each file's size and SHA-256, and every finding. Sent as an attachment."""
        job, outcome = await checked(request)
        facts, previous = job.facts(outcome)
        made = _dt.datetime.now(TAIPEI)  # the report and its file name in Taipei time
        html = render_html(outcome, facts, previous=previous, made_at=made)
        name = f"fxreport-check-{made:%Y%m%d-%H%M%S}.html"
        return HTMLResponse(html, headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            "Fxreport-Exit-Status": str(outcome.exit_status())})

    @app.post("/api/series", response_class=Response, openapi_extra=_form_body(),
              responses={200: {"description": "The month tables as CSV.",
                               "content": {"text/csv": {"schema": {"type": "string"}}}},
                         **_ERRORS_AS_JSON},
              tags=["check"], summary="Check report files and answer each firm's month "
                                      "table as CSV (as `fxreport check --format csv`)")
    async def api_series(request: Request) -> Response:
        """The same check as `POST /api/check`, as the CSV of `fxreport check --format
        csv`: a byte order mark, a header in the form's language, then one line per firm
        and business day (firm, ISO and ROC date, result, POS, SPOT, FORWARD, the change
        of POS, file). Sent as an attachment."""
        job, outcome = await checked(request)
        facts, _ = job.facts(outcome)
        out = io.StringIO()
        write_series_csv(outcome, out, data=lambda i: facts[i].data if facts[i] else None)
        name = f"fxreport-series-{_dt.datetime.now(TAIPEI):%Y%m%d-%H%M%S}.csv"
        return Response(out.getvalue().encode("utf-8"), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{name}"',
                                 "Fxreport-Exit-Status": str(outcome.exit_status())})

    @app.get("/api/rules", response_model=Rules, tags=["rules"],
             responses={422: {"model": Error, "description": f"`lang` is not {' or '.join(LANGS)}."}},
             summary="The rule catalogue (as `fxreport rules`)")
    async def api_rules(request: Request, lang: Lang | None = Query(
            None, description="Language of the titles; default: from Accept-Language, else en.")
                        ) -> dict[str, Any]:
        chosen = lang or lang_from_header(request.headers.get("accept-language"))
        return {"rules": [{"code": r.code, "category": r.category, "severity": r.severity,
                           "title": r.title[chosen], "source": r.source[chosen]} for r in RULES.values()]}

    @app.api_route("/", methods=["GET", "HEAD"], response_class=HTMLResponse,
                   include_in_schema=False)
    async def page() -> Response:
        return Response(index, media_type="text/html; charset=utf-8")

    @app.api_route("/static/{name}", methods=["GET", "HEAD"], include_in_schema=False)
    async def static(name: str) -> Response:
        if name not in assets:
            raise HTTPException(404)
        return Response(assets[name], media_type=STATIC[name],
                        headers={"Cache-Control": "no-cache"})

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    async def docs(request: Request) -> Response:
        from .docs import render_docs

        return HTMLResponse(render_docs(app.openapi(), str(request.base_url)))

    return app

