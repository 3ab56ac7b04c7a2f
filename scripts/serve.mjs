// A small static server for the built site (dist/): correct MIME types, optional gzip/brotli, and
// long caching for the files whose names carry their content's hash, as docs/EMBED.md advises (nothing
// else gets a caching header). Used by `scripts/serve.sh`, the browser tests and the benchmarks.
// --log prints each request's method and path. --data DIR serves data/ from DIR instead (a dataset made
// larger by `plan-data synth`, docs/TESTING.md, Data at scale).
//   node scripts/serve.mjs [--dir dist] [--data DIR] [--port 8080] [--host 127.0.0.1] [--compress] [--log]
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const root = resolve(option("dir", "dist"));
const dataRoot = option("data", null) && resolve(option("data"));
const port = Number(option("port", process.env.PORT || 8080));
const host = option("host", "127.0.0.1");
const compress = args.includes("--compress");
const log = args.includes("--log");
// name-<16 hex digits>.ext: trunk's and scripts/postbuild.mjs's names, which change with the content.
const hashed = /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/;

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

// Each file is compressed once, as a web server serving precompressed files would: brotli at its best
// takes about a second of CPU for the staff wasm, and compressing on every request competed with the browser
// being measured (Lighthouse's blocking time on this 2-core machine, README, Speed).
const cache = new Map();
const compressed = (path, body, encoding) => {
  const key = `${encoding} ${path}`;
  const hit = cache.get(key);
  if (hit?.source.equals(body)) return hit.body;
  const result = encoding === "br" ? brotliCompressSync(body) : gzipSync(body, { level: 9 });
  cache.set(key, { source: body, body: result });
  return result;
};

const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url, "http://localhost");
    if (log) console.log(`${req.method} ${url.pathname}`);
    const wanted = decodeURIComponent(url.pathname);
    const base = dataRoot && wanted.startsWith("/data/") ? dataRoot : root;
    let path = normalize(join(base, base === root ? wanted : wanted.slice("/data".length)));
    if (path !== base && !path.startsWith(base + sep)) {
      res.writeHead(403).end("forbidden");
      return;
    }
    if ((await stat(path).catch(() => null))?.isDirectory()) path = join(path, "index.html");
    let body = await readFile(path);
    const headers = { "Content-Type": types[extname(path)] || "application/octet-stream" };
    if (hashed.test(path)) headers["Cache-Control"] = "public, max-age=31536000, immutable";
    const accepts = String(req.headers["accept-encoding"] || "");
    if (compress && body.length > 512 && !/\.(png|ico)$/.test(path)) {
      const encoding = accepts.includes("br") ? "br" : accepts.includes("gzip") ? "gzip" : null;
      if (encoding) {
        body = compressed(path, body, encoding);
        headers["Content-Encoding"] = encoding;
      }
      headers["Vary"] = "Accept-Encoding";
    }
    res.writeHead(200, headers).end(req.method === "HEAD" ? undefined : body);
  } catch {
    res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("not found");
  }
});
server.listen(port, host, () => console.log(`serving ${root} on http://${host}:${port}/${compress ? " (compressed)" : ""}`));
