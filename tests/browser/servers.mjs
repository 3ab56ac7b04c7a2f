// Extra servers for the tests that need their own origin or their own copy of the site: the offline and
// update tests (they change or stop what is served), and the host pages of the embed tests (another port
// is another origin). Each runs scripts/serve.mjs, the server the main tests use.
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";

/** A port nothing listens on now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Serves `dir` on a free port; `url` ends with "/", `stop()` ends the server, `requests` lists every
 * request it has had so far ("GET /path"). `extra`: more options of scripts/serve.mjs (`--data DIR`). */
export async function serve(dir, ...extra) {
  const port = await freePort();
  const child = spawn(process.execPath, ["scripts/serve.mjs", "--dir", dir, "--port", String(port), "--log", ...extra], { stdio: ["ignore", "pipe", "inherit"] });
  const requests = [];
  await new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`scripts/serve.mjs exited with ${code}`)));
    createInterface({ input: child.stdout }).on("line", (line) => (line.startsWith("serving") ? resolve() : requests.push(line)));
  });
  const stopped = new Promise((resolve) => child.once("exit", resolve));
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    stop: async () => {
      child.kill();
      await stopped;
    },
  };
}

/** A temporary folder, with a copy of the built site at `sub` inside it when given ("." for the root). */
export function tempSite(sub) {
  const dir = mkdtempSync(join(tmpdir(), "plan-explorer-"));
  if (sub) cpSync("dist", join(dir, sub), { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
