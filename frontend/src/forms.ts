import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { z } from "zod";

import { describeError, errorCode, type ErrorCode } from "./api/messages";

export const emailField = z.email({ error: "Enter an email address, like name@example.com." });

/** Shows why the server refused a form: on the field it concerns, or above the button. */
export function showServerError<Values extends FieldValues>(
  setError: UseFormSetError<Values>,
  error: unknown,
  options: {
    fields?: Partial<Record<ErrorCode, Path<Values>>>;
    messages?: Partial<Record<ErrorCode, string>>;
  } = {},
): void {
  const message = describeError(error, options.messages);
  const code = errorCode(error) as ErrorCode | null;
  const field = code === null ? undefined : options.fields?.[code];
  if (field === undefined) {
    setError("root.server", { type: "server", message });
  } else {
    setError(field, { type: "server", message }, { shouldFocus: true });
  }
}
