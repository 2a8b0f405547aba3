import * as Sentry from "@sentry/react";
import {
  createRoutesFromChildren,
  matchRoutes,
  Routes,
  useLocation,
  useNavigationType,
} from "react-router";

import { getRuntimeConfig } from "../api/tozo";
import { scrubValue } from "./scrub";

// The server's own default share of traced requests, for a server that does not send one.
const defaultTracesSampleRate = 0.2;

/**
 * Starts error and performance reporting when the server names a Sentry DSN for the browser.
 * Without one, nothing is ever sent. Never fails: the app works without monitoring.
 */
export async function startMonitoring(): Promise<void> {
  const config = await getRuntimeConfig().catch(() => null);
  if (config?.sentryDsn == null) {
    return;
  }
  Sentry.init({
    dsn: config.sentryDsn,
    environment: config.environment,
    release: config.release,
    // No personal data: this SDK's successor to `sendDefaultPii: false`, one switch per kind.
    dataCollection: {
      userInfo: false,
      cookies: false,
      httpHeaders: false,
      httpBodies: [],
      urlQueryParams: false,
      stackFrameVariables: false,
    },
    tracesSampleRate: config.tracesSampleRate ?? defaultTracesSampleRate,
    integrations: [
      Sentry.reactRouterBrowserTracingIntegration({
        useLocation,
        useNavigationType,
        createRoutesFromChildren,
        matchRoutes,
      }),
    ],
    beforeSend: (event) => {
      delete event.user;
      return scrubValue(event);
    },
    beforeSendSpan: (span) => scrubValue(span),
    beforeBreadcrumb: (breadcrumb) => scrubValue(breadcrumb),
  });
}

/** `Routes` that names page-load and navigation traces after the route, not the raw URL. */
export const MonitoredRoutes = Sentry.wrapReactRouterRouting(Routes);

export function isMonitoring(): boolean {
  return Sentry.getClient() !== undefined;
}
