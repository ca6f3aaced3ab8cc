// The static checker's service worker: the first visit stores every file of the site
// folder in this browser's cache, so the page opens and checks with the network down.
// A new `fxreport site` build has a new version and replaces the old cache whole.
"use strict";

const VERSION = "__VERSION__";
const FILES = __FILES__;
const CACHE = "fxreport-site-" + VERSION;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((n) => n.startsWith("fxreport-site-") && n !== CACHE)
      .map((n) => caches.delete(n))))
    .then(() => self.clients.claim()));
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  // the page with any ?lang=..., and every other file, from the cache first
  event.respondWith(caches.open(CACHE)
    .then((cache) => cache.match(request, { ignoreSearch: request.mode === "navigate" }))
    .then((hit) => hit || fetch(request)));
});
