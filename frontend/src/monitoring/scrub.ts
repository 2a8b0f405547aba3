/**
 * Removes personal data from what goes to Sentry: email addresses anywhere, and the secret
 * tokens that confirmation and reset links carry in their paths. Route templates such as
 * `/confirm-email/:token/` stay as they are.
 */
export function scrubText(text: string): string {
  return text
    .replace(/\/(confirm-email|reset-password)\/(?!:)[^/?#\s"']+/g, "/$1/[token]")
    .replace(/[^\s@/?#&=:"'<>()[\]]+@[^\s@/?#&=:"'<>()[\]]+\.[a-z]{2,}/gi, "[email]");
}

const maximumDepth = 32;

/** The same value with `scrubText` applied to every string inside it. */
export function scrubValue<T>(value: T): T {
  return scrubAny(value, 0) as T;
}

function scrubAny(value: unknown, depth: number): unknown {
  if (typeof value === "string") {
    return scrubText(value);
  }
  if (depth > maximumDepth || value === null || typeof value !== "object") {
    return value;
  }
  if (Array.isArray(value)) {
    return value.map((item: unknown) => scrubAny(item, depth + 1));
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    return value;
  }
  return Object.fromEntries(
    Object.entries(value).map(([key, item]: [string, unknown]) => [key, scrubAny(item, depth + 1)]),
  );
}
