import * as Sentry from "@sentry/react";
import type { ReactNode } from "react";

import { ErrorPage } from "../pages/ErrorPage";

/** Catches a page that fails while drawing, reports it, and shows the error page instead. */
export function PageErrorBoundary({ children }: { children: ReactNode }) {
  return (
    <Sentry.ErrorBoundary
      fallback={({ eventId, resetError }) => <ErrorPage eventId={eventId} onRetry={resetError} />}
    >
      {children}
    </Sentry.ErrorBoundary>
  );
}
