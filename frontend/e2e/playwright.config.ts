import { defineConfig } from "@playwright/test";

// scripts/test-e2e starts the server and the stand-ins and passes their addresses in these.
const baseURL = process.env.TOZO_E2E_BASE_URL;
if (baseURL === undefined) {
  throw new Error("TOZO_E2E_BASE_URL is not set: run the suite with scripts/test-e2e");
}

export default defineConfig({
  testDir: ".",
  testMatch: "*.spec.ts",
  outputDir: process.env.TOZO_E2E_OUTPUT ?? "../test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    locale: "en-US",
    // Far west of UTC, where a date stored as midnight UTC would show as the day before.
    timezoneId: "America/Los_Angeles",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      // Debian's Chromium, never a downloaded browser. Each launch gets a fresh temporary
      // profile from Playwright; as root, Chromium runs only without its sandbox.
      executablePath: process.env.TOZO_E2E_CHROMIUM ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
});
