import { zodResolver } from "@hookform/resolvers/zod";
import Stack from "@mui/material/Stack";
import { useForm, useWatch } from "react-hook-form";
import { z } from "zod";

import { showServerError } from "../forms";
import { usePasswordStrength } from "../hooks/usePasswordStrength";
import { isStrongEnough, measurePassword, weakPasswordMessage } from "../password/strength";
import { FormErrorAlert } from "./FormErrorAlert";
import { PasswordField } from "./PasswordField";
import { PasswordStrengthMeter } from "./PasswordStrengthMeter";
import { SubmitButton } from "./SubmitButton";

const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password."),
    newPassword: z.string().min(1, "Choose a new password."),
  })
  .superRefine(async ({ newPassword }, context) => {
    const strength = await measurePassword(newPassword);
    if (!isStrongEnough(strength)) {
      context.addIssue({
        code: "custom",
        path: ["newPassword"],
        message: weakPasswordMessage,
      });
    }
  });

export type ChangePasswordValues = z.infer<typeof changePasswordSchema>;

export function ChangePasswordForm({
  onSubmit,
}: {
  onSubmit: (values: ChangePasswordValues) => Promise<void>;
}) {
  const { control, handleSubmit, setError, formState } = useForm<ChangePasswordValues>({
    resolver: zodResolver(changePasswordSchema),
    defaultValues: { currentPassword: "", newPassword: "" },
  });
  const newPassword = useWatch({ control, name: "newPassword" });
  const strength = usePasswordStrength(newPassword);

  const submit = handleSubmit(async (values) => {
    try {
      await onSubmit(values);
    } catch (error) {
      showServerError(setError, error, {
        fields: { INVALID_PASSWORD: "currentPassword", WEAK_PASSWORD: "newPassword" },
      });
    }
  });

  return (
    <Stack component="form" noValidate spacing={2.5} onSubmit={submit}>
      <PasswordField
        control={control}
        name="currentPassword"
        label="Current password"
        autoComplete="current-password"
      />
      <PasswordField
        control={control}
        name="newPassword"
        label="New password"
        autoComplete="new-password"
      />
      <PasswordStrengthMeter strength={strength} />
      <FormErrorAlert message={formState.errors.root?.server?.message} />
      <SubmitButton pending={formState.isSubmitting}>Change password</SubmitButton>
    </Stack>
  );
}
