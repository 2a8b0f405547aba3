import { ApiError, NetworkError } from "./client";

/** Every error code the server sends, and the few the client makes up itself. */
export const errorMessages = {
  BAD_REQUEST: "Tozo could not read that request. Reload the page and try again.",
  UNAUTHORIZED: "Your session has ended. Log in again to carry on.",
  INVALID_CREDENTIALS: "That email and password do not match an account.",
  INVALID_PASSWORD: "That is not your current password.",
  WEAK_PASSWORD:
    "That password is too easy to guess. Try a longer one, such as a few unrelated words.",
  TOKEN_INVALID: "This link is not valid. Check that you opened the whole link from the email.",
  TOKEN_EXPIRED: "This link has expired.",
  NOT_FOUND: "That could not be found. It may have been deleted.",
  METHOD_NOT_ALLOWED: "Tozo does not allow that action. Reload the page and try again.",
  PAYLOAD_TOO_LARGE: "That is too long to save. Shorten it and try again.",
  UNSUPPORTED_MEDIA_TYPE: "Tozo could not read that request. Reload the page and try again.",
  UNPROCESSABLE_ENTITY: "Some of what you entered is not valid. Check it and try again.",
  TOO_MANY_REQUESTS: "Too many attempts, try again in a moment.",
  INTERNAL_SERVER_ERROR: "Something went wrong on our side. Try again in a moment.",
  NETWORK_ERROR: "Tozo cannot be reached. Check your connection and try again.",
  UNKNOWN: "Something went wrong. Try again in a moment.",
} as const;

export type ErrorCode = keyof typeof errorMessages;

function isKnownCode(code: string): code is ErrorCode {
  return Object.hasOwn(errorMessages, code);
}

/**
 * A sentence for a person about why something failed. A page can say more about a code it
 * knows better, e.g. what to do about an expired link, through `overrides`.
 */
export function describeError(
  error: unknown,
  overrides: Partial<Record<ErrorCode, string>> = {},
): string {
  if (error instanceof NetworkError) {
    return overrides.NETWORK_ERROR ?? errorMessages.NETWORK_ERROR;
  }
  if (!(error instanceof ApiError)) {
    return overrides.UNKNOWN ?? errorMessages.UNKNOWN;
  }
  if (error.code === "TOO_MANY_REQUESTS" && error.retryAfterSeconds !== null) {
    return `Too many attempts, try again in ${error.retryAfterSeconds} s`;
  }
  const code: ErrorCode = isKnownCode(error.code) ? error.code : "UNKNOWN";
  return overrides[code] ?? errorMessages[code];
}

/** The code of an API error, if the error is one. */
export function errorCode(error: unknown): string | null {
  return error instanceof ApiError ? error.code : null;
}
