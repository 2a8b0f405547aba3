import Stack from "@mui/material/Stack";
import type { ReactNode } from "react";
import type { FieldValues } from "react-hook-form";

import type { ServerFormHandle } from "../hooks/useServerForm";
import { FormErrorAlert } from "./FormErrorAlert";
import { SubmitButton } from "./SubmitButton";

/**
 * A form's fields, then why the server refused it, then its button, which shows progress
 * while the form is sent. Browser validation is off: the schema's messages say more.
 */
export function ServerForm<Values extends FieldValues>({
  form,
  submitLabel,
  children,
  footer,
}: {
  form: ServerFormHandle<Values>;
  submitLabel: string;
  children: ReactNode;
  /** What stands under the button, such as other ways to leave the form. */
  footer?: ReactNode;
}) {
  return (
    <Stack component="form" noValidate spacing={2.5} onSubmit={form.submit}>
      {children}
      <FormErrorAlert message={form.serverError} />
      <SubmitButton pending={form.sending}>{submitLabel}</SubmitButton>
      {footer}
    </Stack>
  );
}
