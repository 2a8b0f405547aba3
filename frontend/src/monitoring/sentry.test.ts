import * as Sentry from "@sentry/react";
import { describe, expect, it } from "vitest";

import { initMonitoring, isMonitoring, withoutPersonalData } from "./sentry";

describe("initMonitoring", () => {
  it("starts nothing, and so sends nothing, without a DSN", () => {
    expect(initMonitoring({ sentryDsn: null, environment: "test", release: "tozo@0" })).toBe(false);
    expect(initMonitoring(null)).toBe(false);
    expect(Sentry.getClient()).toBeUndefined();
    expect(isMonitoring()).toBe(false);
  });
});

describe("withoutPersonalData", () => {
  it("drops the user and scrubs emails and link tokens", () => {
    const event = {
      user: { id: "7", email: "ada@example.com" },
      message: "failed for ada@example.com",
      request: { url: "https://tozo.dev/reset-password/s3cret/" },
    };
    expect(withoutPersonalData(event)).toEqual({
      message: "failed for [email]",
      request: { url: "https://tozo.dev/reset-password/[token]/" },
    });
  });
});
