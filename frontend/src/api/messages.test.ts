import { describe, expect, it } from "vitest";

import { ApiError, NetworkError } from "./client";
import { describeError, errorMessages } from "./messages";

const serverCodes = [
  "BAD_REQUEST",
  "UNAUTHORIZED",
  "INVALID_CREDENTIALS",
  "INVALID_PASSWORD",
  "WEAK_PASSWORD",
  "TOKEN_INVALID",
  "TOKEN_EXPIRED",
  "NOT_FOUND",
  "METHOD_NOT_ALLOWED",
  "PAYLOAD_TOO_LARGE",
  "UNSUPPORTED_MEDIA_TYPE",
  "UNPROCESSABLE_ENTITY",
  "TOO_MANY_REQUESTS",
  "INTERNAL_SERVER_ERROR",
];

describe("describeError", () => {
  it.each(serverCodes)("has its own sentence for %s", (code) => {
    const message = describeError(new ApiError(400, code));
    expect(message).not.toBe(errorMessages.UNKNOWN);
    expect(message).toMatch(/^[A-Z].*\.$/);
  });

  it("says how long to wait after too many attempts", () => {
    const error = new ApiError(429, "TOO_MANY_REQUESTS", 17);
    expect(describeError(error)).toBe("Too many attempts, try again in 17 s");
  });

  it("says the server cannot be reached when the network fails", () => {
    const error = new NetworkError(new TypeError("Failed to fetch"));
    expect(describeError(error)).toBe(errorMessages.NETWORK_ERROR);
  });

  it("gives a general sentence for a code it does not know", () => {
    expect(describeError(new ApiError(418, "TEAPOT"))).toBe(errorMessages.UNKNOWN);
    expect(describeError(new Error("boom"))).toBe(errorMessages.UNKNOWN);
  });

  it("lets a page say more about a code", () => {
    const error = new ApiError(403, "TOKEN_EXPIRED");
    expect(describeError(error, { TOKEN_EXPIRED: "Links last a day." })).toBe("Links last a day.");
  });
});
