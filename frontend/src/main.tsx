import "@fontsource-variable/inter";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

import { App } from "./App";
import { startMonitoring } from "./monitoring/sentry";
import { createQueryClient } from "./queryClient";

const root = document.getElementById("root");
if (root === null) {
  throw new Error("index.html has no #root element");
}

// Monitoring starts first so that it sees the first page load and any error while drawing it.
void startMonitoring().then(() => {
  createRoot(root).render(
    <StrictMode>
      <App queryClient={createQueryClient()} />
    </StrictMode>,
  );
});
