// The static site's checker: Pyodide (CPython in WebAssembly) from this folder, with
// fxreport's own checking modules, in a Web Worker so the page stays responsive.
// The runtime starts loading when the page opens; a check waits for it.  Messages:
//   out: {type: "progress", stage} ... {type: "ready", ms} | {type: "failed", detail}
//   in:  {id, entries: [[name, text] | [name, File]], utcOffset (minutes)}   out: {id, result} | {id, error}
// Nothing is fetched from outside this folder; the files never leave this worker.
"use strict";

importScripts("../pyodide/pyodide.js");

const started = performance.now();
const here = (path) => new URL(path, self.location.href).href;
const progress = (stage) => self.postMessage({ type: "progress", stage });

async function boot() {
  progress("runtime");
  // the package archives are fetched while the runtime compiles
  const archives = ["fxreport.zip", "deps.zip", "holidays.zip"].map(async (name) => {
    const response = await fetch(here("../py/" + name));
    if (!response.ok) throw new Error(name + ": HTTP " + response.status);
    return [name, new Uint8Array(await response.arrayBuffer())];
  });
  const pyodide = await loadPyodide({ indexURL: here("../pyodide/"), fullStdLib: false });
  progress("package");
  pyodide.FS.mkdir("/py");
  for (const [name, bytes] of await Promise.all(archives)) pyodide.FS.writeFile("/py/" + name, bytes);
  // holidays (dates past the shipped calendar tables) is unpacked when first needed
  pyodide.runPython("import sys; sys.path.insert(0, '/py/fxreport.zip')\n"
                    + "from fxreport.site.bridge import SIZE_LIMIT, add_archives, check_form\n"
                    + "add_archives(['/py/deps.zip'], ['/py/holidays.zip'])");
  const limit = pyodide.globals.get("SIZE_LIMIT");
  const checkForm = pyodide.globals.get("check_form");
  self.postMessage({ type: "ready", ms: Math.round(performance.now() - started) });
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
