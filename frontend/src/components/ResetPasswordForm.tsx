import { z } from "zod";

import { refuseWeakPassword } from "../forms";
import { useServerForm } from "../hooks/useServerForm";
import { NewPasswordField } from "./NewPasswordField";
import { ServerForm } from "./ServerForm";

const resetPasswordSchema = z
  .object({ password: z.string().min(1, "Choose a new password.") })
  .superRefine(refuseWeakPassword("password"));

export type ResetPasswordValues = z.infer<typeof resetPasswordSchema>;

const linkMessages = {
  TOKEN_INVALID: "This reset link is not valid. Ask for a new one below.",
  TOKEN_EXPIRED: "This reset link has expired: links work for 24 hours. Ask for a new one below.",
};

export function ResetPasswordForm({
  onSubmit,
}: {
  onSubmit: (values: ResetPasswordValues) => Promise<void>;
}) {
  const form = useServerForm({
    schema: resetPasswordSchema,
    defaultValues: { password: "" },
    onSubmit,
    fields: { WEAK_PASSWORD: "password" },
    messages: linkMessages,
  });

  return (
    <ServerForm form={form} submitLabel="Set new password">
      <NewPasswordField control={form.control} name="password" label="New password" />
    </ServerForm>
  );
}
