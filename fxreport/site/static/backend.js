// How the page checks in the static site of `fxreport site`: in this browser, by
// fxreport's own Python in a Web Worker (worker.js), never over the network.  page.js
// calls `send(form)` and gets the JSON and the HTML report, as from `fxreport serve`
// (the report a moment after the JSON, so the verdict is shown without waiting for it).
// This script also shows the line that says how far the checker has loaded, and the
// site's own words.
"use strict";

(function () {
  const WORDS = {
    "en": {
      privacy: "Files are checked on this computer, in this browser: they are sent nowhere, not even to the site this page came from.",
      network: "The checker could not be started in this browser. Reload the page; if this happens again, ask whoever installed this page.",
      runtimeLoading: "Loading the checker… (the first visit downloads about 17 MB; later visits load it from this computer)",
      runtimePackage: "Loading the checker… almost ready.",
      runtimeReady: "The checker is ready. Your files are checked on this computer and sent nowhere.",
      runtimeFailed: "The checker could not be started in this browser. Reload the page; if this happens again, ask whoever installed this page.",
    },
    "zh-TW": {
      privacy: "檔案在這台電腦的瀏覽器中檢核，不會傳送到任何地方，也不會傳回提供本網頁的網站。",
      network: "無法在此瀏覽器中啟動檢核程式。請重新載入網頁；若仍無法啟動，請洽本網頁的管理人員。",
      runtimeLoading: "檢核程式載入中…（第一次開啟需下載約一千七百萬位元組，之後從這台電腦載入）",
      runtimePackage: "檢核程式載入中…即將完成。",
      runtimeReady: "檢核程式已就緒。檔案只在這台電腦上檢核，不會傳送到任何地方。",
      runtimeFailed: "無法在此瀏覽器中啟動檢核程式。請重新載入網頁；若仍無法啟動，請洽本網頁的管理人員。",
    },
  };
  const STAGES = { runtime: "runtimeLoading", package: "runtimePackage", ready: "runtimeReady", failed: "runtimeFailed" };

  const here = document.currentScript.src;
  const worker = new Worker(new URL("worker.js", here));
  // offline after the first visit: the service worker keeps the whole folder (browsers
  // allow one over HTTPS and on localhost only; elsewhere the page works online)
  const offline = "serviceWorker" in navigator
    ? navigator.serviceWorker.register(new URL("../sw.js", here)).then(() => navigator.serviceWorker.ready)
    : Promise.reject(new Error("no service worker"));
  offline.catch(() => {});
  const waiting = new Map();
  let nextId = 0;
  let stage = "runtime";
  let failure = "";
  // when the checker became ready (ms since the page began loading) and how long the
  // last check took, from the form handed over to the answer (the JSON) and to the HTML
  // report (benchmarks/site.py)
  const stats = { readyAt: null, lastCheckMs: null, lastReportMs: null, kept: false };

  function lang() { return document.documentElement.lang.startsWith("zh") ? "zh-TW" : "en"; }

  function showStage() {
    const line = document.getElementById("runtime");
    if (!line) return;
    line.dataset.i18n = STAGES[stage];
    line.dataset.stage = stage;
    line.textContent = WORDS[lang()][STAGES[stage]];
    line.classList.toggle("error", stage === "failed");
  }

  let keptNow = null;
  const kept = new Promise((resolve) => { keptNow = resolve; });
  const ready = new Promise((resolve) => {
    worker.onmessage = (event) => {
      const m = event.data;
      if (m.type === "kept") { stats.kept = m.detail || true; keptNow(stats.kept); return; }
      if (m.type === "progress" || m.type === "ready" || m.type === "failed") {
        stage = m.type === "progress" ? m.stage : m.type;
        if (m.type === "failed") failure = m.detail;
        if (m.type === "ready") { stats.readyAt = performance.now(); stats.worker = m; resolve(m.ms); }
        showStage();
        return;
      }
      const pending = waiting.get(m.id);
      if (!pending) return;
      if (m.error !== undefined) {
        waiting.delete(m.id);
        pending.reject(new Error(m.error));
        pending.report.reject(new Error(m.error));
      } else if (m.report !== undefined) {
        waiting.delete(m.id);
        stats.lastReportMs = performance.now() - pending.start;
        pending.report.resolve(m.report);
      } else {
        if (m.result.status !== 200) waiting.delete(m.id);  // a refused form has no report
        pending.resolve(m.result);
      }
    };
  });

  // A chosen file's first LIMIT + 1 bytes (the checker reads no more: a longer file is
  // STR006) and its size, read here, every file at once.  Asking a chosen file its size,
  // or handing the file itself to the worker, costs the browser a look-up on disk for
  // each file, one after the other; reading does not, so only a file longer than the
  // limit is asked its size.  (`fxreport site` writes the limit, the decoder's.)
  const LIMIT = __SIZE_LIMIT__;

  async function head(file) {
    const reader = file.stream().getReader();
    const parts = [];
    let length = 0;
    while (length <= LIMIT) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      length += value.length;
    }
    const longer = length > LIMIT;
    if (longer) reader.cancel().catch(() => {});
    if (parts.length === 1 && !longer) return [parts[0], length];
    const bytes = new Uint8Array(Math.min(length, LIMIT + 1));
    let at = 0;
    for (const part of parts) {
      if (at === bytes.length) break;
      const piece = part.subarray(0, bytes.length - at);
      bytes.set(piece, at);
      at += piece.length;
    }
    return [bytes, longer ? file.size : length];
  }

  // the form's entries as the worker takes them: [name, text] or [name, file name,
  // bytes, size]
  async function entriesOf(form) {
    return Promise.all(Array.from(form.entries(), async ([name, value]) => {
      if (typeof value === "string") return [name, value];
      const [bytes, size] = await head(value);
      return [name, value.name, bytes, size];
    }));
  }

  // the form checked once: the answer (the JSON) and, after it, the HTML report of the
  // same check
  function run(form) {
    if (stage === "failed") return [Promise.reject(new Error(failure)), Promise.reject(new Error(failure))];
    const id = ++nextId;
    const start = performance.now();
    const report = {};
    const html = new Promise((resolve, reject) => Object.assign(report, { resolve, reject }));
    html.catch(() => {});  // a refused form has no report: the answer says why
    const answer = new Promise((resolve, reject) => {
      const pending = {
        start, report, reject,
        resolve: (result) => {
          stats.lastCheckMs = performance.now() - start;
          stats.lastTiming = { ...result.timing, readMs: pending.readMs };
          resolve(result);
        } };
      waiting.set(id, pending);
      entriesOf(form).then((entries) => {
        pending.readMs = performance.now() - start;
        const buffers = entries.filter((e) => e.length === 4).map((e) => e[2].buffer);
        // the report's time in this computer's zone (Python in the browser knows only UTC)
        worker.postMessage({ id, entries, utcOffset: -new Date().getTimezoneOffset() },
                           Array.from(new Set(buffers)));
      }, (err) => {
        waiting.delete(id);
        reject(err);
        report.reject(err);
      });
    });
    return [answer, html];
  }

  // the JSON as soon as it is checked; `html`, the report, a promise that follows it
  async function send(form) {
    const [answer, html] = run(form);
    const result = await answer;
    if (result.status !== 200) {
      const err = new Error(result.detail);
      err.status = result.status;
      throw err;
    }
    return { json: result.json, html, disposition: 'attachment; filename="' + result.name + '"' };
  }

  document.addEventListener("DOMContentLoaded", () => {
    // the progress line sits above the page's own status line
    const line = document.createElement("p");
    line.id = "runtime";
    line.className = "status runtime no-print";
    line.setAttribute("role", "status");
    const status = document.getElementById("status");
    status.parentNode.insertBefore(line, status);
    showStage();
    for (const el of document.querySelectorAll("[data-server-only]")) el.remove();
  });

  window.fxreportBackend = { send, words: WORDS, ready, offline, kept, stats };
})();
