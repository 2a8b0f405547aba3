import * as Sentry from "@sentry/react";
import {
  createRoutesFromChildren,
  matchRoutes,
  Routes,
  useLocation,
  useNavigationType,
} from "react-router";

import { getRuntimeConfig, type RuntimeConfig } from "../api/tozo";
import { scrubValue } from "./scrub";

// The server's own default share of traced requests, for a server that does not send one.
const defaultTracesSampleRate = 0.2;

/**
 * Asks the server how to report and starts reporting. Never fails: the app works without
 * monitoring.
 */
export async function startMonitoring(): Promise<void> {
  initMonitoring(await getRuntimeConfig().catch(() => null));
}

/**
 * Starts error and performance reporting when the server names a Sentry DSN for the browser.
 * Without one, the SDK is never started and nothing is ever sent.
 *
 * @returns whether reporting started.
 */
export function initMonitoring(config: RuntimeConfig | null): boolean {
  if (config?.sentryDsn == null) {
    return false;
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
    beforeSend: withoutPersonalData,
    beforeSendSpan: (span) => scrubValue(span),
    beforeBreadcrumb: (breadcrumb) => scrubValue(breadcrumb),
  });
  return true;
}

/** An error report as it may leave the browser: no user, no email, no link token. */
export function withoutPersonalData<Event extends { user?: unknown }>(event: Event): Event {
  const scrubbed = scrubValue(event);
  delete scrubbed.user;
  return scrubbed;
}

/** `Routes` that names page-load and navigation traces after the route, not the raw URL. */
export const MonitoredRoutes = Sentry.wrapReactRouterRouting(Routes);

export function isMonitoring(): boolean {
  return Sentry.getClient() !== undefined;
}
