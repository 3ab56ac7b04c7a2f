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

/** Serves `dir` on `port` with scripts/serve.mjs; call `.kill()` on the result when done. */
export async function serve(dir, port, ...extra) {
  const server = spawn("node", ["scripts/serve.mjs", "--dir", dir, "--port", String(port), ...extra], { stdio: "ignore" });
  await new Promise((resolve) => setTimeout(resolve, 500));
  return server;
}
