import { z } from "zod";

/** A refusal from the Tozo server: its HTTP status and the `code` of its JSON body. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** Seconds from `Retry-After`, sent with 429 answers. */
  readonly retryAfterSeconds: number | null;

  constructor(status: number, code: string, retryAfterSeconds: number | null = null) {
    super(`The server answered ${status} ${code}`);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  static async fromResponse(response: Response): Promise<ApiError> {
    const body = errorBody.safeParse(await response.json().catch(() => null));
    const code = body.success ? body.data.code : codeForStatus(response.status);
    return new ApiError(
      response.status,
      code,
      parseRetryAfter(response.headers.get("Retry-After")),
    );
  }
}

/** The server could not be reached at all, so there is no answer to read. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super("The server could not be reached", { cause });
    this.name = "NetworkError";
  }
}

const errorBody = z.object({ code: z.string().min(1) });

// A proxy or the browser can answer without Tozo's JSON body; the status still says enough.
function codeForStatus(status: number): string {
  switch (status) {
    case 400:
      return "BAD_REQUEST";
    case 401:
      return "UNAUTHORIZED";
    case 404:
      return "NOT_FOUND";
    case 413:
      return "PAYLOAD_TOO_LARGE";
    case 429:
      return "TOO_MANY_REQUESTS";
    default:
      return status >= 500 ? "INTERNAL_SERVER_ERROR" : "UNKNOWN";
  }
}

function parseRetryAfter(header: string | null): number | null {
  if (header === null || !/^\d+$/.test(header.trim())) {
    return null;
  }
  return Number(header.trim());
}

/** Whether an error means the server no longer knows this browser's session. */
export function endsSession(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401 && error.code === "UNAUTHORIZED";
}

/** Whether a failed request is worth repeating: never for the caller's own fault (4xx). */
export function isRetryable(error: unknown): boolean {
  return !(error instanceof ApiError && error.status >= 400 && error.status < 500);
}

type Method = "GET" | "POST" | "PUT" | "DELETE";

/**
 * Sends one JSON request to the Tozo API and returns the parsed body, or null for an empty
 * answer. Every path ends with a slash, as the API requires.
 *
 * @throws ApiError when the server refuses, NetworkError when it cannot be reached.
 */
export async function request(method: Method, path: string, body?: unknown): Promise<unknown> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
  }

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch (cause) {
    throw new NetworkError(cause);
  }

  if (!response.ok) {
    throw await ApiError.fromResponse(response);
  }
  const text = await response.text();
  return text === "" ? null : (JSON.parse(text) as unknown);
}
