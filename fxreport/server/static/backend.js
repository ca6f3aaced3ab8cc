// How the page checks when `fxreport serve` serves it: the form is posted to the
// server, for the JSON (/api/check) and the HTML report (/api/report).  The static site
// has its own backend.js, which checks in the browser instead; page.js calls `send`.
"use strict";

(function () {
  // the answer's text, or (`bytes`) its bytes as a Blob: a CSV keeps its byte order mark
  async function post(path, form, bytes) {
    const response = await fetch(path, { method: "POST", body: form, credentials: "same-origin" });
    if (!response.ok) {
      const text = await response.text();
      let detail = text;
      try { detail = JSON.parse(text).detail; } catch (e) { /* not JSON */ }
      if (typeof detail !== "string") detail = JSON.stringify(detail);
      const err = new Error(detail);
      err.status = response.status;
      throw err;
    }
    const body = bytes ? await response.blob() : await response.text();
    return [body, response.headers.get("Content-Disposition") || ""];
  }

  function langOf(form) { return "?lang=" + encodeURIComponent(form.get("lang") || "en"); }

  async function send(form) {
    // the page's language in the address too: a refusal that comes before the form is
    // read (a body over the cap: 413) is then worded in it
    const lang = langOf(form);
    const [[json], [html, disposition]] = await Promise.all([post("/api/check" + lang, form),
                                                             post("/api/report" + lang, form)]);
    return { json, html, disposition };
  }

  // each firm's month table, as `fxreport check --format csv` writes it (asked for when
  // the button is pressed: the page's form as it stands, the check's own answer)
  async function series(form) {
    const [csv] = await post("/api/series" + langOf(form), form, true);
    return csv;
  }

  window.fxreportBackend = { send, series, words: {} };
})();
