// The checker page: pick or drop files, have them checked, show the report.  They are
// posted to this server, or checked in the browser (backend.js says which): every
// request in one function (`send`), which backend.js gives.  No framework, no build
// step, no request anywhere but this server.  The findings, the charts and the month tables are
// rendered by the server (the same HTML as `fxreport check --format html`), in the
// chosen language; this script only holds the page's own words and adds, beside a
// finding's hint (which says what to do), the page's control that does it.
"use strict";

(function () {
  const WORDS = {
    "en": {
      title: "fxreport: check FX-position daily reports",
      heading: "FX-position daily report checker",
      intro: "Check the day's report files before you upload them to the central bank.",
      skip: "Skip to the results",
      langNav: "Language",
      dropTitle: "Drop report files or a whole folder here",
      dropSub: "or click here (or press Enter) to choose files",
      folder: "Choose a folder…",
      none: "No files chosen.",
      chosen: "{n} file(s) chosen:",
      more: "and {n} more",
      skipped: "{n} file(s) of the folder were left out: only the .txt files directly in the folder are checked (not those in its subfolders).",
      options: "Options",
      previous: "Previous business day's report (to compare one file's prior-day balances)",
      choosePrevious: "Choose the previous report…",
      noPrevious: "No previous report chosen.",
      previousChosen: "Previous report: {name}",
      remove: "Remove",
      chooseFiles: "Choose report files…",
      calendar: "Business days",
      calBank: "Bank business days (default)",
      calExchange: "Stock exchange trading days",
      calGovernment: "Government office days",
      open: "Extra open days (e.g. make-up working Saturdays): one date a line, ISO or ROC",
      howPrevious: "Add the previous business day's report…",
      howOpen: "Declare open days (Options)",
      howCalendar: "Choose the business days (Options)",
      howClosed: "Declare closed days (Options)",
      howVerified: "Give a verified file (Options)",
      select: "Only these rules (codes or prefixes, comma-separated)",
      ignore: "Leave out these rules",
      strict: "Strict: warnings fail too",
      closed: "Extra closed days (e.g. typhoon days): one date a line, ISO or ROC",
      limits: "Position limits (CSV: BANK,POS,... one line per firm)",
      verified: "Verified findings (CSV: BANK,DATE,CODE,FIELD,NOTE)",
      check: "Check",
      dlJson: "Download JSON",
      dlHtml: "Download HTML report",
      dlCsv: "Download month table (CSV)",
      print: "Print",
      clear: "Clear",
      checking: "Checking {n} file(s)…",
      done: "{files} file(s) checked: {valid} valid, {invalid} not valid; {errors} error(s), {warnings} warning(s).",
      failed: "The check could not be made: {detail}",
      tooLarge: "Too much at once: at most 500 files and 16 MiB in one check. Check the files in smaller batches.",
      network: "The server cannot be reached. Is fxreport serve still running?",
      unreadable: "{name} could not be read: it was changed, moved or deleted after it was chosen. Choose the files again.",
      needFiles: "Choose at least one report file first.",
      prevOne: "A previous business day's report goes with a single file; to check a series, choose all its files.",
      privacy: "Files are checked in this server's memory and are not stored.",
      docs: "API documentation",
      bytes: "{n} bytes",
    },
    "zh-TW": {
      title: "fxreport：外匯部位日報表檢核",
      heading: "外匯部位日報表檢核",
      intro: "向中央銀行申報前，請先在此檢核當日的報表檔案。",
      skip: "跳至檢核結果",
      langNav: "語言",
      dropTitle: "將報表檔案或整個資料夾拖曳到這裡",
      dropSub: "或點選此處（或按 Enter 鍵）選擇檔案",
      folder: "選擇資料夾…",
      none: "尚未選擇檔案。",
      chosen: "已選擇 {n} 個檔案：",
      more: "另有 {n} 個",
      skipped: "資料夾中有 {n} 個檔案未納入：只檢核資料夾第一層的 .txt 檔案（不含子資料夾）。",
      options: "檢核選項",
      previous: "前一營業日申報檔（用於比對單一檔案的前日餘額）",
      choosePrevious: "選擇前一營業日申報檔…",
      noPrevious: "尚未選擇前一營業日申報檔。",
      previousChosen: "前一營業日申報檔：{name}",
      remove: "移除",
      chooseFiles: "選擇報表檔案…",
      calendar: "營業日",
      calBank: "銀行營業日（預設）",
      calExchange: "證券交易所交易日",
      calGovernment: "政府機關辦公日",
      open: "另列的上班日（例如補行上班的星期六）：每列一個日期，西元或民國皆可",
      howPrevious: "加入前一營業日申報檔…",
      howOpen: "列出上班日（檢核選項）",
      howCalendar: "選擇營業日曆（檢核選項）",
      howClosed: "列出停止上班日（檢核選項）",
      howVerified: "提供已確認項目檔（檢核選項）",
      select: "只檢查這些規則（規則代碼或開頭字元，以逗號分隔）",
      ignore: "略過這些規則",
      strict: "嚴格模式：警告也視為不通過",
      closed: "另列的停止上班日（例如颱風假）：每列一個日期，西元或民國皆可",
      limits: "部位限額檔（CSV 格式：BANK,POS,…，每家證券商一行）",
      verified: "已確認項目檔（CSV 格式：BANK,DATE,CODE,FIELD,NOTE）",
      check: "檢核",
      dlJson: "下載 JSON 檔",
      dlHtml: "下載 HTML 報告",
      dlCsv: "下載逐日部位表（CSV 檔）",
      print: "列印",
      clear: "清除",
      checking: "檢核中（共 {n} 個檔案）…",
      done: "已檢核 {files} 個檔案：{valid} 個通過，{invalid} 個不通過；{errors} 個錯誤，{warnings} 個警告。",
      failed: "無法檢核：{detail}",
      tooLarge: "一次上傳過多：每次最多 500 個檔案、合計 16 MiB。請分批檢核。",
      network: "無法連線到伺服器，請確認「fxreport serve」仍在執行。",
      unreadable: "無法讀取「{name}」：選取後檔案已被變更、移動或刪除。請重新選取檔案。",
      needFiles: "請先選擇至少一個報表檔案。",
      prevOne: "前一營業日申報檔只能搭配單一檔案檢核；若要檢核一系列檔案，請選擇全部檔案。",
      privacy: "檔案只在本伺服器的記憶體中檢核，不會保存。",
      docs: "API 說明文件",
      bytes: "{n} 位元組",
    },
  };
  const LANGS = Object.keys(WORDS);
  // backend.js says how a form is checked: posted to `fxreport serve`, or in this browser
  // (the static site), with its own words (the privacy line says where files go)
  const backend = window.fxreportBackend;
  for (const lang of LANGS) Object.assign(WORDS[lang], backend.words[lang] || {});
  // Every request of the page: the check as JSON and as the HTML report of one form
  const send = backend.send;

  const $ = (id) => document.getElementById(id);
  const state = { lang: "en", files: [], skipped: 0, previous: null, json: null, html: null, stamp: "", busy: 0 };

  function fmt(text, values) {
    return text.replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m));
  }
  function t(key, values) { return fmt(WORDS[state.lang][key], values || {}); }

  function initialLang() {
    const asked = new URLSearchParams(location.search).get("lang");
    if (asked && LANGS.includes(asked)) return asked;
    for (const tag of navigator.languages || [navigator.language || "en"]) {
      const low = String(tag).toLowerCase();
      if (low === "zh-cn" || low === "zh-sg" || low.startsWith("zh-hans")) continue;
      if (low.startsWith("zh")) return "zh-TW";
      if (low.startsWith("en")) return "en";
    }
    return "en";
  }

  function applyLang() {
    document.documentElement.lang = state.lang === "zh-TW" ? "zh-Hant-TW" : "en";
    for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
    for (const el of document.querySelectorAll("[data-i18n-aria]")) el.setAttribute("aria-label", t(el.dataset.i18nAria));
    for (const b of document.querySelectorAll("[data-lang]")) b.setAttribute("aria-pressed", String(b.dataset.lang === state.lang));
    document.title = t("title");
    showChosen();
    showPrevious();
  }

  function showPrevious() {
    const prev = $("previous").files[0];
    $("previous-chosen").textContent = prev ? t("previousChosen", { name: prev.name }) : t("noPrevious");
    $("previous-clear").hidden = !prev;
  }

  function setLang(lang) {
    if (!LANGS.includes(lang) || lang === state.lang) return;
    state.lang = lang;
    const url = new URL(location.href);
    url.searchParams.set("lang", lang);
    history.replaceState(null, "", url);
    applyLang();
    if (state.files.length && state.html !== null) check();  // messages come from the server
  }

  function showChosen() {
    const box = $("chosen");
    box.replaceChildren();
    const note = () => {
      if (!state.skipped) return;
      const p = document.createElement("p");
      p.textContent = t("skipped", { n: state.skipped });
      box.append(p);
    };
    if (!state.files.length) {
      const p = document.createElement("p");
      p.textContent = t("none");
      box.append(p);
      note();
      return;
    }
    const details = document.createElement("details");
    const summary = document.createElement("summary");
    summary.textContent = t("chosen", { n: state.files.length });
    const ul = document.createElement("ul");
    const shown = state.files.slice(0, 50);
    for (const item of shown) {
      const li = document.createElement("li");
      li.textContent = item.name + " (" + t("bytes", { n: item.file.size.toLocaleString() }) + ")";
      ul.append(li);
    }
    if (state.files.length > shown.length) {
      const li = document.createElement("li");
      li.textContent = t("more", { n: state.files.length - shown.length });
      ul.append(li);
    }
    details.append(summary, ul);
    box.append(details);
    note();
  }

  function setStatus(text, isError) {
    const s = $("status");
    s.textContent = text;
    s.classList.toggle("error", Boolean(isError));
  }

  function setDownloads(enabled) {
    for (const id of ["dl-json", "dl-html", "dl-csv", "print"]) $(id).disabled = !enabled;
  }

  function choose(items, skipped) {
    state.files = items;
    state.skipped = skipped || 0;
    state.json = state.html = null;
    setDownloads(false);
    $("results").replaceChildren();
    setStatus("");
    showChosen();
    if (items.length) check(true);
  }

  // A folder counts its *.txt files directly inside it, as `fxreport check FOLDER`.
  const isTxt = (name) => name.toLowerCase().endsWith(".txt");

  function fromFolderInput(fileList) {
    const items = [];
    let skipped = 0;
    for (const file of fileList) {
      const rel = file.webkitRelativePath || file.name;
      const depth = rel.split("/").length;
      if (depth <= 2 && isTxt(file.name)) items.push({ file, name: rel });
      else skipped += 1;
    }
    items.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return [items, skipped];
  }

  function readAll(reader) {
    return new Promise((resolve, reject) => {
      const all = [];
      const next = () => reader.readEntries((batch) => {
        if (!batch.length) resolve(all);
        else { all.push(...batch); next(); }
      }, reject);
      next();
    });
  }
  const entryFile = (entry) => new Promise((resolve, reject) => entry.file(resolve, reject));

  async function fromDrop(dataTransfer) {
    const entries = [];
    for (const item of dataTransfer.items || []) {
      const entry = item.webkitGetAsEntry ? item.webkitGetAsEntry() : null;
      if (entry) entries.push(entry);
    }
    if (!entries.length) return [Array.from(dataTransfer.files || []).map((f) => ({ file: f, name: f.name })), 0];
    const items = [];
    let skipped = 0;
    for (const entry of entries) {
      if (entry.isFile) {
        items.push({ file: await entryFile(entry), name: entry.name });
      } else if (entry.isDirectory) {
        const children = await readAll(entry.createReader());
        children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        for (const child of children) {
          if (child.isFile && isTxt(child.name)) items.push({ file: await entryFile(child), name: entry.name + "/" + child.name });
          else skipped += 1;
        }
      }
    }
    return [items, skipped];
  }

  function formData() {
    const fd = new FormData();
    for (const item of state.files) fd.append("files", item.file, item.name);
    const prev = $("previous").files[0];
    if (prev) fd.append("previous", prev, prev.name);
    fd.append("lang", state.lang);
    for (const [field, id] of [["select", "select"], ["ignore", "ignore"]]) {
      const v = $(id).value.trim();
      if (v) fd.append(field, v);
    }
    fd.append("strict", $("strict").checked ? "true" : "false");
    const closed = $("closed").value.trim();
    if (closed) fd.append("closed_days", closed);
    const open = $("open").value.trim();
    if (open) fd.append("open_days", open);
    if ($("calendar").value !== "bank") fd.append("calendar", $("calendar").value);
    for (const id of ["limits", "verified"]) {  // sent with each check, remembered nowhere
      const f = $(id).files[0];
      if (f) fd.append(id, f, f.name);
    }
    return fd;
  }

  // Beside a hint that says what to do, the control of this page that does it.
  const HOW = {
    previous: [["howPrevious", () => { openOptions(); $("previous").click(); }]],
    open_days: [["howOpen", () => focusOption("open")], ["howCalendar", () => focusOption("calendar")]],
    closed_days: [["howClosed", () => focusOption("closed")]],
    verify: [["howVerified", () => focusOption("verified")]],
  };

  function openOptions() { $("options").open = true; }
  function focusOption(id) { openOptions(); $(id).scrollIntoView({ block: "center" }); $(id).focus(); }

  function addControls(root) {
    for (const el of root.querySelectorAll("[data-how]")) {
      const how = HOW[el.dataset.how];
      if (!how) continue;
      const span = document.createElement("span");
      span.className = "how no-print";
      for (const [key, act] of how) {
        const b = document.createElement("button");
        b.type = "button";
        b.className = "button secondary small";
        b.textContent = t(key);
        b.addEventListener("click", act);
        span.append(b);
      }
      el.append(span);
    }
  }

  async function check(reveal) {
    if (!state.files.length) { setStatus(t("needFiles"), true); return; }
    if ($("previous").files.length && state.files.length !== 1) { setStatus(t("prevOne"), true); return; }
    const ticket = ++state.busy;
    const results = $("results");
    results.setAttribute("aria-busy", "true");
    setDownloads(false);
    setStatus(t("checking", { n: state.files.length }));
    try {
      const answer = await send(formData());
      if (ticket !== state.busy) return;  // a newer check started meanwhile
      const { json, disposition } = answer;
      state.json = json;
      const m = /filename="fxreport-check-([0-9-]+)\.html"/.exec(disposition);
      state.stamp = m ? m[1] : "";
      // the verdict as soon as the JSON is there (the static site renders the HTML
      // report after it: `html` may be a promise)
      const s = JSON.parse(json).summary;
      setStatus(t("done", { files: s.files, valid: s.valid, invalid: s.files - s.valid, errors: s.errors, warnings: s.warnings }));
      $("dl-json").disabled = false;
      const html = await answer.html;
      if (ticket !== state.busy) return;
      state.html = html;
      // the report's <main> only: its <head> (inline style, meta) belongs to the download
      const from = html.indexOf("<main"), to = html.lastIndexOf("</main>");
      const doc = new DOMParser().parseFromString(html.slice(from, to + 7), "text/html");
      const main = doc.getElementById("report");
      results.replaceChildren(document.importNode(main, true));
      addControls(results);
      if (reveal) results.scrollIntoView({ block: "start" });  // the verdict, first thing seen
      setDownloads(true);
    } catch (err) {
      if (ticket !== state.busy) return;
      results.replaceChildren();
      const text = await failure(err);
      if (ticket === state.busy) setStatus(text, true);
    } finally {
      if (ticket === state.busy) results.setAttribute("aria-busy", "false");
    }
  }

  // What a check that failed says.  Without an answer (nothing came back), a chosen file
  // the browser will no longer read (changed, moved or deleted since it was chosen) is
  // the likelier cause than the server or the checker, so it is looked for and named.
  async function failure(err) {
    if (err.status === 413) return t("tooLarge") + " (" + err.message + ")";
    if (err.status) return t("failed", { detail: err.message });
    const name = await unreadableChoice();
    return name === null ? t("network") : t("unreadable", { name });
  }

  // The first chosen file (reports, then the options' files) that cannot be read, by
  // the name it is shown by, or null.
  async function unreadableChoice() {
    const chosen = state.files.map((item) => [item.name, item.file]);
    for (const id of ["previous", "limits", "verified"]) {
      const f = $(id).files[0];
      if (f) chosen.push([f.name, f]);
    }
    const readable = await Promise.all(chosen.map(([, file]) =>
      file.slice(0, 1).arrayBuffer().then(() => true, () => false)));
    const at = readable.indexOf(false);
    return at < 0 ? null : chosen[at][0];
  }

  function download(text, type, ext) {
    const blob = new Blob([text], { type });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = "fxreport-check" + (state.stamp ? "-" + state.stamp : "") + "." + ext;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  async function downloadSeries() {
    const ticket = state.busy;
    try {
      const csv = await backend.series(formData());
      if (ticket === state.busy) download(csv, "text/csv", "csv");
    } catch (err) {
      setStatus(await failure(err), true);
    }
  }

  function clearAll() {
    $("files").value = "";
    $("folder").value = "";
    $("previous").value = "";
    $("limits").value = "";
    $("verified").value = "";
    showPrevious();
    state.busy += 1;
    choose([], 0);
    $("results").setAttribute("aria-busy", "false");
    $("files").focus();
  }

  document.addEventListener("DOMContentLoaded", () => {
    state.lang = initialLang();
    applyLang();
    for (const b of document.querySelectorAll("[data-lang]")) b.addEventListener("click", () => setLang(b.dataset.lang));
    $("files").addEventListener("change", (e) => choose(Array.from(e.target.files).map((f) => ({ file: f, name: f.name })), 0));
    $("folder").addEventListener("change", (e) => { const [items, skipped] = fromFolderInput(e.target.files); choose(items, skipped); });
    $("previous").addEventListener("change", () => { showPrevious(); if (state.files.length) check(); });
    $("previous-clear").addEventListener("click", () => {
      $("previous").value = "";
      showPrevious();
      if (state.files.length) check();
      $("previous").focus();
    });
    $("calendar").addEventListener("change", () => { if (state.files.length) check(); });
    for (const id of ["limits", "verified"]) $(id).addEventListener("change", () => { if (state.files.length) check(); });
    $("form").addEventListener("submit", (e) => { e.preventDefault(); check(true); });
    $("dl-json").addEventListener("click", () => state.json !== null && download(state.json, "application/json", "json"));
    $("dl-html").addEventListener("click", () => state.html !== null && download(state.html, "text/html", "html"));
    // the month table where the backend makes one (`fxreport serve`: POST /api/series)
    $("dl-csv").hidden = !backend.series;
    $("dl-csv").addEventListener("click", () => backend.series && downloadSeries());
    $("print").addEventListener("click", () => window.print());
    $("clear").addEventListener("click", clearAll);

    const zone = $("dropzone");
    let depth = 0;
    // a file dropped anywhere on the page is taken, never opened by the browser
    window.addEventListener("dragover", (e) => { e.preventDefault(); if (e.dataTransfer) e.dataTransfer.dropEffect = "copy"; });
    window.addEventListener("dragenter", (e) => { e.preventDefault(); depth += 1; zone.classList.add("dragging"); });
    window.addEventListener("dragleave", () => { depth = Math.max(0, depth - 1); if (!depth) zone.classList.remove("dragging"); });
    window.addEventListener("drop", async (e) => {
      e.preventDefault();
      depth = 0;
      zone.classList.remove("dragging");
      if (!e.dataTransfer) return;
      const [items, skipped] = await fromDrop(e.dataTransfer);
      choose(items, skipped);
    });
  });
})();
