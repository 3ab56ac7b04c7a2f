// Browser tests run in Debian's Chromium (nothing is downloaded) against the release build in dist/.
import { defineConfig } from "@playwright/test";
import { CHROMIUM, CHROMIUM_FLAGS } from "./scripts/chromium.mjs";

const PORT = 8090;

export default defineConfig({
  testDir: "tests/browser",
  timeout: 30_000,
  retries: 0,
  workers: 2,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    // The service worker would serve data from its cache, past page.route(); offline tests opt in.
    serviceWorkers: "block",
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_FLAGS },
  },
  webServer: {
    command: `node scripts/serve.mjs --dir dist --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
  },
});
