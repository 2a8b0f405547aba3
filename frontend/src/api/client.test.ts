import { describe, expect, it } from "vitest";

import { ApiError, endsSession, isRetryable, NetworkError } from "./client";

function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json", ...headers },
  });
}

describe("ApiError.fromResponse", () => {
  it("takes the code from the JSON body", async () => {
    const error = await ApiError.fromResponse(jsonResponse(400, { code: "WEAK_PASSWORD" }));
    expect(error.status).toBe(400);
    expect(error.code).toBe("WEAK_PASSWORD");
    expect(error.retryAfterSeconds).toBeNull();
  });

  it("reads the seconds to wait from Retry-After", async () => {
    const response = jsonResponse(429, { code: "TOO_MANY_REQUESTS" }, { "Retry-After": "42" });
    const error = await ApiError.fromResponse(response);
    expect(error.retryAfterSeconds).toBe(42);
  });

  it("ignores a Retry-After that is not a number of seconds", async () => {
    const response = jsonResponse(
      429,
      { code: "TOO_MANY_REQUESTS" },
      { "Retry-After": "Wed, 21 Oct 2030 07:28:00 GMT" },
    );
    expect((await ApiError.fromResponse(response)).retryAfterSeconds).toBeNull();
  });

  it("falls back to a code named after the status when the body is not Tozo's JSON", async () => {
    const html = new Response("<h1>Bad Gateway</h1>", { status: 502 });
    expect((await ApiError.fromResponse(html)).code).toBe("INTERNAL_SERVER_ERROR");
    const empty = new Response(null, { status: 401 });
    expect((await ApiError.fromResponse(empty)).code).toBe("UNAUTHORIZED");
  });
});

describe("endsSession", () => {
  it("is true only for the 401 that says the session is gone", () => {
    expect(endsSession(new ApiError(401, "UNAUTHORIZED"))).toBe(true);
    expect(endsSession(new ApiError(401, "INVALID_PASSWORD"))).toBe(false);
    expect(endsSession(new ApiError(401, "INVALID_CREDENTIALS"))).toBe(false);
    expect(endsSession(new ApiError(403, "TOKEN_EXPIRED"))).toBe(false);
  });
});

describe("isRetryable", () => {
  it("never repeats a request the server refused as the caller's fault", () => {
    expect(isRetryable(new ApiError(404, "NOT_FOUND"))).toBe(false);
    expect(isRetryable(new ApiError(429, "TOO_MANY_REQUESTS", 3))).toBe(false);
  });

  it("repeats server faults and lost connections", () => {
    expect(isRetryable(new ApiError(500, "INTERNAL_SERVER_ERROR"))).toBe(true);
    expect(isRetryable(new ApiError(503, "UNKNOWN"))).toBe(true);
    expect(isRetryable(new NetworkError(new TypeError("Failed to fetch")))).toBe(true);
  });
});
