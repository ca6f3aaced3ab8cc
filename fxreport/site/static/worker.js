// The static site's checker: Pyodide (CPython in WebAssembly) from this folder, with
// fxreport's own checking modules, in a Web Worker so the page stays responsive.
// The runtime starts loading when the page opens; a check waits for it.  Messages:
//   out: {type: "progress", stage} ... {type: "ready", ms, runtimeMs, importMs, compiled}
//        | {type: "failed", detail}; {type: "kept"} once the compiled modules are cached
//   in:  {id, entries: [[name, text] | [name, File]], utcOffset (minutes)}   out: {id, result} | {id, error}
// Nothing is fetched from outside this folder; the files never leave this worker.
"use strict";

importScripts("../pyodide/pyodide.js");

const started = performance.now();
const here = (path) => new URL(path, self.location.href).href;
const progress = (stage) => self.postMessage({ type: "progress", stage });

// fxreport's modules compiled on the first visit, kept in the browser's cache (where it
// has one: HTTPS or localhost) under the digest of the archive they were compiled from
const BYTECODE = "fxreport-bytecode";

async function fetched(name) {
  const response = await fetch(here("../py/" + name));
  if (!response.ok) throw new Error(name + ": HTTP " + response.status);
  return new Uint8Array(await response.arrayBuffer());
}

async function withBytecode(source) {
  if (!self.caches || !crypto.subtle) return { bytes: source, key: null };
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", source));
  const key = here("../py/fxreport.zip?bytecode=" + Array.from(digest.slice(0, 8), (b) => b.toString(16).padStart(2, "0")).join(""));
  const hit = await (await caches.open(BYTECODE)).match(key);
  return hit ? { bytes: new Uint8Array(await hit.arrayBuffer()), key: null } : { bytes: source, key };
}

async function keepBytecode(pyodide, key) {
  pyodide.runPython("from fxreport.site.bridge import compiled_archive\n"
                    + "compiled_archive('/py/fxreport.zip', '/py/compiled.zip')");
  const cache = await caches.open(BYTECODE);
  for (const old of await cache.keys()) await cache.delete(old);
  await cache.put(key, new Response(pyodide.FS.readFile("/py/compiled.zip")));
  pyodide.FS.unlink("/py/compiled.zip");
}

async function boot() {
  progress("runtime");
  // the package archives are fetched while the runtime compiles
  const own = fetched("fxreport.zip").then(withBytecode);
  const deps = ["deps.zip", "holidays.zip"].map(async (name) => [name, await fetched(name)]);
  const pyodide = await loadPyodide({ indexURL: here("../pyodide/"), fullStdLib: false });
  const loaded = performance.now();
  progress("package");
  pyodide.FS.mkdir("/py");
  const { bytes, key } = await own;
  pyodide.FS.writeFile("/py/fxreport.zip", bytes);
  for (const [name, data] of await Promise.all(deps)) pyodide.FS.writeFile("/py/" + name, data);
  // holidays (dates past the shipped calendar tables) is unpacked when first needed
  pyodide.runPython("import sys; sys.path.insert(0, '/py/fxreport.zip')\n"
                    + "from fxreport.site.bridge import SIZE_LIMIT, add_archives, check_form\n"
                    + "add_archives(['/py/deps.zip'], ['/py/holidays.zip'])");
  const limit = pyodide.globals.get("SIZE_LIMIT");
  const checkForm = pyodide.globals.get("check_form");
  const now = performance.now();
  self.postMessage({ type: "ready", ms: Math.round(now - started), runtimeMs: Math.round(loaded - started),
                     importMs: Math.round(now - loaded), compiled: !key });
  if (key) {
    setTimeout(() => keepBytecode(pyodide, key).then(() => self.postMessage({ type: "kept" }),
                                                      (err) => self.postMessage({ type: "kept", detail: String(err) })), 0);
  }
  return { pyodide, limit, checkForm };
}

const runtime = boot();
runtime.catch((err) => self.postMessage({ type: "failed", detail: String(err && err.message || err) }));

async function entriesOf(entries, limit) {
  // a file's first limit + 1 bytes: the checker reads no more (a larger file is STR006)
  return Promise.all(entries.map(async ([name, value]) => {
    if (typeof value === "string") return [name, value];
    const head = new Uint8Array(await value.slice(0, limit + 1).arrayBuffer());
    return [name, value.name, head, value.size];
  }));
}

self.onmessage = async (event) => {
  const { id, entries, utcOffset } = event.data;
  try {
    const { pyodide, limit, checkForm } = await runtime;
    const form = pyodide.toPy(await entriesOf(entries, limit));
    let answer;
    try {
      answer = checkForm(form, utcOffset);
    } finally {
      form.destroy();
    }
    const result = answer.toJs({ dict_converter: Object.fromEntries });
    answer.destroy();
    self.postMessage({ id, result });
  } catch (err) {
    self.postMessage({ id, error: String(err && err.message || err) });
  }
};
