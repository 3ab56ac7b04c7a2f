// The service worker (written by scripts/postbuild.mjs from public/sw.template.js).
// Precaches one whole build under its own cache name, serves every request of the site from it,
// and only takes over when the page says the user agreed (so old and new files never mix).
const VERSION = "__VERSION__";
const FILES = __FILES__;
const CACHE = `plan-explorer-${VERSION}`;

// Names that carry their content's hash (trunk's and scripts/postbuild.mjs's: name-<16 hex digits>.ext).
const HASHED = /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/;

self.addEventListener("install", (event) => {
  // Every other file from the server, past the HTTP cache: a file the browser still holds from the old
  // version (a web server's Last-Modified makes it "fresh" for a while) would otherwise be stored as part
  // of the new one. A hashed file can't be stale, so the copy the first view just downloaded is taken
  // from the HTTP cache where the server lets the browser keep it, instead of being downloaded again.
  const requests = FILES.map((file) => new Request(file, { cache: HASHED.test(file) ? "default" : "reload" }));
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(requests)));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("plan-explorer-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "plan-explorer:update") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  // Every page of the app is index.html with a query string.
  const lookup = request.mode === "navigate" ? caches.match("./", { cacheName: CACHE }) : caches.match(request, { cacheName: CACHE });
  event.respondWith(lookup.then((cached) => cached || fetch(request)));
});
