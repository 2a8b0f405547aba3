import { z } from "zod";

import { refuseWeakPassword } from "../forms";
import { useServerForm } from "../hooks/useServerForm";
import { NewPasswordField } from "./NewPasswordField";
import { PasswordField } from "./PasswordField";
import { ServerForm } from "./ServerForm";

const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password."),
    newPassword: z.string().min(1, "Choose a new password."),
  })
  .superRefine(refuseWeakPassword("newPassword"));

export type ChangePasswordValues = z.infer<typeof changePasswordSchema>;

export function ChangePasswordForm({
  onSubmit,
}: {
  onSubmit: (values: ChangePasswordValues) => Promise<void>;
}) {
  const form = useServerForm({
    schema: changePasswordSchema,
    defaultValues: { currentPassword: "", newPassword: "" },
    onSubmit,
    fields: { INVALID_PASSWORD: "currentPassword", WEAK_PASSWORD: "newPassword" },
  });

  return (
    <ServerForm form={form} submitLabel="Change password">
      <PasswordField
        control={form.control}
        name="currentPassword"
        label="Current password"
        autoComplete="current-password"
      />
      <NewPasswordField control={form.control} name="newPassword" label="New password" />
    </ServerForm>
  );
}
