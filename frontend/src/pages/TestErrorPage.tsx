/** Fails on purpose, so that error reporting can be checked on a running system. */
export function TestErrorPage(): never {
  throw new Error("Test error: /test-error/ fails on purpose to check error reporting");
}
