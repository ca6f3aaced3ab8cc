// The static site's checker: Pyodide (CPython in WebAssembly) from this folder, with
// fxreport's own checking modules, in a Web Worker so the page stays responsive.
// The runtime starts loading when the page opens; a check waits for it.  Messages:
//   out: {type: "progress", stage} ... {type: "ready", ms, runtimeMs, importMs, compiled, snapshot}
//        | {type: "failed", detail}; {type: "kept"} once the compiled modules and the
//        started interpreter are cached
//   in:  {id, entries: [[name, text] | [name, file name, bytes (its first SIZE_LIMIT + 1),
//         size]], utcOffset (minutes)}: the page reads the files (backend.js)
//   out: {id, result} (the JSON, the verdict), then {id, report} (the HTML report) | {id, error}
// Nothing is fetched from outside this folder; the files never leave this browser.
"use strict";

importScripts("../pyodide/pyodide.js");

const started = performance.now();
const here = (path) => new URL(path, self.location.href).href;
const progress = (stage) => self.postMessage({ type: "progress", stage });

// What this build keeps in the browser's cache (where it has one: HTTPS or localhost),
// under this build's digest (`fxreport site` writes it: the archives and the runtime):
// fxreport's modules compiled on the first visit, and the interpreter as it stands once
// the checking path is imported (a memory snapshot of the same runtime, in this browser),
// so a later visit starts from it instead of starting Python and importing again.
const BUILD = "__BUILD__";
const KEPT = "fxreport-kept";
const BYTECODE = here("../py/fxreport.zip?bytecode=" + BUILD);
const SNAPSHOT = here("../py/interpreter.snapshot?build=" + BUILD);
const ARCHIVES = ["fxreport.zip", "deps.zip", "holidays.zip"];

async function fetched(name) {
  const response = await fetch(here("../py/" + name));
  if (!response.ok) throw new Error(name + ": HTTP " + response.status);
  return new Uint8Array(await response.arrayBuffer());
}

async function keptCache() {
  try { return self.caches ? await caches.open(KEPT) : null; } catch (err) { return null; }
}

async function keptBytes(cache, key) {
  const hit = cache && await cache.match(key);
  return hit ? new Uint8Array(await hit.arrayBuffer()) : null;
}

async function keep(cache, key, bytes) {
  for (const old of await cache.keys()) {  // an earlier build's entry of the same kind
    if (old.url.split("?")[0] === key.split("?")[0] && old.url !== key) await cache.delete(old);
  }
  await cache.put(key, new Response(bytes));
}

function compiledArchive(pyodide) {
  pyodide.runPython("from fxreport.site.bridge import compiled_archive\n"
                    + "compiled_archive('/py/fxreport.zip', '/py/compiled.zip')");
  const bytes = pyodide.FS.readFile("/py/compiled.zip");
  pyodide.FS.unlink("/py/compiled.zip");
  return bytes;
}

const BOOT = "import sys; sys.path.insert(0, '/py/fxreport.zip')\n"
  + "from fxreport.site.bridge import add_archives, check_form, preload, report_html, reread_archives\n"
  + "add_archives(['/py/deps.zip'], ['/py/holidays.zip'])";

// A snapshot whose memory is whole: Pyodide refuses one of another runtime, but one cut
// short would leave it waiting forever (its memory below the declared 20 MiB minimum).
function whole(snapshot) {
  if (!snapshot || snapshot.length < 16) return false;
  const heap = snapshot.length - new Uint32Array(snapshot.buffer, snapshot.byteOffset, 4)[1];
  return heap >= 20 * 1048576 && heap % 65536 === 0;
}

async function start(cache, snapshot) {
  const options = { indexURL: here("../pyodide/"), fullStdLib: false };
  if (snapshot) return loadPyodide({ ...options, _loadSnapshot: snapshot });
  return loadPyodide({ ...options, _makeSnapshot: Boolean(cache) });
}

let checked = false;  // a check has begun: no snapshot is made after it

async function boot() {
  progress("runtime");
  const cache = await keptCache();
  const [own, kept] = await Promise.all([keptBytes(cache, BYTECODE), keptBytes(cache, SNAPSHOT)]);
  const snapshot = whole(kept) ? kept : null;
  const read = performance.now();
  // the archives are fetched while the runtime compiles
  const archives = Promise.all(ARCHIVES.map(async (name) =>
    [name, name === "fxreport.zip" && own ? own : await fetched(name)]));
  let pyodide, restored = Boolean(snapshot), loaded, written;
  const setUp = async (from) => {
    pyodide = await start(cache, from);
    restored = Boolean(from);
    loaded = performance.now();
    progress("package");
    pyodide.FS.mkdir("/py");
    for (const [name, data] of await archives) pyodide.FS.writeFile("/py/" + name, data);
    written = performance.now();
    if (restored) {
      // the modules are already imported; the archive of fxreport's modules is read anew
      pyodide.runPython("reread_archives(['/py/fxreport.zip'])");
    } else {
      // only the checking path (holidays, for dates past the shipped calendar tables, is
      // unpacked when first needed)
      pyodide.runPython(BOOT);
    }
  };
  try {
    await setUp(snapshot);
  } catch (err) {
    if (!snapshot) throw err;
    await setUp(null);  // a snapshot this runtime cannot start from: start afresh
  }
  const checkForm = pyodide.globals.get("check_form");
  const reportHtml = pyodide.globals.get("report_html");
  const now = performance.now();
  self.postMessage({ type: "ready", ms: Math.round(now - started), runtimeMs: Math.round(loaded - started),
                     importMs: Math.round(now - loaded), archivesMs: Math.round(written - loaded),
                     keptMs: Math.round(read - started),
                     compiled: Boolean(own), snapshot: restored });
  // while the person chooses files: import what a first check and the HTML report
  // import, then keep what the next visit starts from (a check waits for this task only)
  setTimeout(async () => {
    try {
      pyodide.runPython("preload()");
      // (a snapshot this visit could not start from is replaced)
      if (cache && !restored && !checked) await keep(cache, SNAPSHOT, pyodide.makeMemorySnapshot());
      if (cache && !own) await keep(cache, BYTECODE, compiledArchive(pyodide));
      if (cache) await caches.delete("fxreport-bytecode");  // where earlier builds kept it
      self.postMessage({ type: "kept" });
    } catch (err) {
      self.postMessage({ type: "kept", detail: String(err) });
    }
  }, 0);
  return { pyodide, checkForm, reportHtml };
}

const runtime = boot();
runtime.catch((err) => self.postMessage({ type: "failed", detail: String(err && err.message || err) }));

function answered(proxy) {
  const value = proxy.toJs({ dict_converter: Object.fromEntries });
  proxy.destroy();
  return value;
}

self.onmessage = async (event) => {
  const { id, entries, utcOffset } = event.data;
  checked = true;
  try {
    const { pyodide, checkForm, reportHtml } = await runtime;
    const t1 = performance.now();
    const form = pyodide.toPy(entries);
    const t2 = performance.now();
    let result;
    try {
      result = answered(checkForm(form, utcOffset));
    } finally {
      form.destroy();
    }
    const t3 = performance.now();
    // the verdict and the JSON first; the HTML report of the same check follows
    result.timing = { toPyMs: t2 - t1, checkMs: t3 - t2 };
    self.postMessage({ id, result });
    if (result.status === 200) self.postMessage({ id, report: reportHtml() });
  } catch (err) {
    self.postMessage({ id, error: String(err && err.message || err) });
  }
};
