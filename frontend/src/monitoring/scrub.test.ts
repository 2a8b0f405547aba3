import { describe, expect, it } from "vitest";

import { scrubText, scrubValue } from "./scrub";

describe("scrubText", () => {
  it("replaces the tokens of confirmation and reset links", () => {
    expect(scrubText("https://tozo.dev/confirm-email/abc.DEF-123_x/")).toBe(
      "https://tozo.dev/confirm-email/[token]/",
    );
    expect(scrubText("/reset-password/eyJhbGciOi.J9/?x=1")).toBe("/reset-password/[token]/?x=1");
  });

  it("keeps route templates readable", () => {
    expect(scrubText("/confirm-email/:token/")).toBe("/confirm-email/:token/");
  });

  it("replaces email addresses", () => {
    expect(scrubText("no account for ada.lovelace+tozo@example.co.uk, sorry")).toBe(
      "no account for [email], sorry",
    );
  });

  it("leaves everything else alone", () => {
    expect(scrubText("/todos/5/ took 120 ms")).toBe("/todos/5/ took 120 ms");
  });
});

describe("scrubValue", () => {
  it("scrubs every string of an event, however deep", () => {
    const event = {
      request: { url: "http://localhost/reset-password/s3cr3t/", headers: { Referer: "x" } },
      breadcrumbs: [{ data: { from: "/confirm-email/t0k3n/", to: "/" } }],
      extra: { note: "typed bob@example.com", count: 3, flag: true, nothing: null },
    };
    expect(scrubValue(event)).toEqual({
      request: { url: "http://localhost/reset-password/[token]/", headers: { Referer: "x" } },
      breadcrumbs: [{ data: { from: "/confirm-email/[token]/", to: "/" } }],
      extra: { note: "typed [email]", count: 3, flag: true, nothing: null },
    });
  });
});
