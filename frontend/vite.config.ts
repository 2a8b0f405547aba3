import react from "@vitejs/plugin-react";
import type { ProxyOptions } from "vite";
import { defineConfig } from "vitest/config";

// The development server forwards the API to a local `tozo serve`. Page paths such as /todos/5/
// are also API paths, so a browser navigation (Accept: text/html) stays with Vite.
const apiServer = process.env.TOZO_API_URL ?? "http://127.0.0.1:8080";

const apiProxy: ProxyOptions = {
  target: apiServer,
  bypass: (request) => (request.headers.accept?.includes("text/html") ? "/index.html" : undefined),
};

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      "/control/": apiProxy,
      "/members/": apiProxy,
      "/sessions/": apiProxy,
      "/todos/": apiProxy,
    },
  },
  build: {
    outDir: "dist",
    assetsDir: "assets",
    // zxcvbn's word lists make one large chunk, loaded only where a password is chosen.
    chunkSizeWarningLimit: 1300,
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}"],
    setupFiles: ["src/test/setup.ts"],
    restoreMocks: true,
    // Typing into MUI fields in jsdom is slow on a busy two-core machine; this is a cap on a
    // stuck test, not a speed target.
    testTimeout: 30_000,
  },
});
