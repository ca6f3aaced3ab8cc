// How the page checks when `fxreport serve` serves it: the form is posted to the
// server, for the JSON (/api/check) and the HTML report (/api/report).  The static site
// has its own backend.js, which checks in the browser instead; page.js calls `send`.
"use strict";

(function () {
  async function post(path, form) {
    const response = await fetch(path, { method: "POST", body: form, credentials: "same-origin" });
    const text = await response.text();
    if (!response.ok) {
      let detail = text;
      try { detail = JSON.parse(text).detail; } catch (e) { /* not JSON */ }
      if (typeof detail !== "string") detail = JSON.stringify(detail);
      const err = new Error(detail);
      err.status = response.status;
      throw err;
    }
    return [text, response.headers.get("Content-Disposition") || ""];
  }

  async function send(form) {
    // the page's language in the address too: a refusal that comes before the form is
    // read (a body over the cap: 413) is then worded in it
    const lang = "?lang=" + encodeURIComponent(form.get("lang") || "en");
    const [[json], [html, disposition]] = await Promise.all([post("/api/check" + lang, form),
                                                             post("/api/report" + lang, form)]);
    return { json, html, disposition };
  }

  window.fxreportBackend = { send, words: {} };
})();
