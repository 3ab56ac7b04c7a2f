// Debian's Chromium with the flags this machine needs (no sandbox as root; no background traffic, which
// the closed network refuses), and the built site served for it. Shared by the benchmarks and scripts.
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";

export const CHROMIUM = "/usr/bin/chromium";
export const CHROMIUM_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
}

/** Serves `dir` on `port` with scripts/serve.mjs, once it is listening; call `.kill()` on the result when done.
 *  Throws if it stops first: with the port taken, by a server left over from another run say, the pages
 *  would be served by that one (a benchmark at 16× once measured the 1× data of a stray server that way). */
export async function serve(dir, port, ...extra) {
  const server = spawn("node", ["scripts/serve.mjs", "--dir", dir, "--port", String(port), ...extra], { stdio: ["ignore", "pipe", "pipe"] });
  let said = "";
  server.stderr.on("data", (chunk) => (said += chunk));
  await new Promise((resolve, reject) => {
    server.stdout.once("data", resolve);
    server.once("exit", (code) => reject(new Error(`scripts/serve.mjs on port ${port} stopped (exit ${code}) before listening: ${said.trim().split("\n").find((line) => /Error/.test(line)) ?? said.trim()}`)));
  });
  // Read on, so that a server logging requests never waits on a full pipe.
  server.stdout.resume();
  return server;
}
