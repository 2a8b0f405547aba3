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

const resetPasswordSchema = z
  .object({ password: z.string().min(1, "Choose a new password.") })
  .superRefine(async ({ password }, context) => {
    const strength = await measurePassword(password);
    if (!isStrongEnough(strength)) {
      context.addIssue({
        code: "custom",
        path: ["password"],
        message: weakPasswordMessage,
      });
    }
  });

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
  const { control, handleSubmit, setError, formState } = useForm<ResetPasswordValues>({
    resolver: zodResolver(resetPasswordSchema),
    defaultValues: { password: "" },
  });
  const password = useWatch({ control, name: "password" });
  const strength = usePasswordStrength(password);

  const submit = handleSubmit(async (values) => {
    try {
      await onSubmit(values);
    } catch (error) {
      showServerError(setError, error, {
        fields: { WEAK_PASSWORD: "password" },
        messages: linkMessages,
      });
    }
  });

  return (
    <Stack component="form" noValidate spacing={2.5} onSubmit={submit}>
      <PasswordField
        control={control}
        name="password"
        label="New password"
        autoComplete="new-password"
      />
      <PasswordStrengthMeter strength={strength} />
      <FormErrorAlert message={formState.errors.root?.server?.message} />
      <SubmitButton pending={formState.isSubmitting}>Set new password</SubmitButton>
    </Stack>
  );
}
