import { z } from "zod";

import { emailField } from "../forms";
import { useServerForm } from "../hooks/useServerForm";
import { EmailField } from "./EmailField";
import { ServerForm } from "./ServerForm";

const forgottenPasswordSchema = z.object({ email: emailField });

export type ForgottenPasswordValues = z.infer<typeof forgottenPasswordSchema>;

export function ForgottenPasswordForm({
  onSubmit,
}: {
  onSubmit: (values: ForgottenPasswordValues) => Promise<void>;
}) {
  const form = useServerForm({
    schema: forgottenPasswordSchema,
    defaultValues: { email: "" },
    onSubmit,
  });

  return (
    <ServerForm form={form} submitLabel="Send reset link">
      <EmailField control={form.control} name="email" />
    </ServerForm>
  );
}
