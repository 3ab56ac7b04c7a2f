// Console hygiene holds only if every spec runs on the shared fixture (fixtures.mjs), which fails a test
// on any console error or uncaught exception. A spec importing @playwright/test directly would escape it.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { test, expect } from "./fixtures.mjs";

test("every spec takes `test` from fixtures.mjs", () => {
  const dir = fileURLToPath(new URL(".", import.meta.url));
  const specs = readdirSync(dir).filter((f) => f.endsWith(".spec.mjs"));
  expect(specs.length).toBeGreaterThan(3);
  const escaping = specs.filter((f) => {
    const source = readFileSync(dir + f, "utf8");
    return /from\s+["']@playwright\/test["']/.test(source) || !/import\s*\{[^}]*\btest\b[^}]*\}\s*from\s*["']\.\/fixtures\.mjs["']/.test(source);
  });
  expect(escaping, "specs that do not use the console-checking fixture").toEqual([]);
});
