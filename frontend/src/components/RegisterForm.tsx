import { zodResolver } from "@hookform/resolvers/zod";
import Stack from "@mui/material/Stack";
import { useForm, useWatch } from "react-hook-form";
import { z } from "zod";

import { emailField, showServerError } from "../forms";
import { usePasswordStrength } from "../hooks/usePasswordStrength";
import {
  emailWords,
  isStrongEnough,
  measurePassword,
  weakPasswordMessage,
} from "../password/strength";
import { FormErrorAlert } from "./FormErrorAlert";
import { FormTextField } from "./FormTextField";
import { PasswordField } from "./PasswordField";
import { PasswordStrengthMeter } from "./PasswordStrengthMeter";
import { SubmitButton } from "./SubmitButton";

const registerSchema = z
  .object({
    email: emailField,
    password: z.string().min(1, "Choose a password."),
  })
  .superRefine(async ({ email, password }, context) => {
    const strength = await measurePassword(password, emailWords(email));
    if (!isStrongEnough(strength)) {
      context.addIssue({
        code: "custom",
        path: ["password"],
        message: weakPasswordMessage,
      });
    }
  });

export type RegisterValues = z.infer<typeof registerSchema>;

export function RegisterForm({
  onSubmit,
}: {
  onSubmit: (values: RegisterValues) => Promise<void>;
}) {
  const { control, handleSubmit, setError, formState } = useForm<RegisterValues>({
    resolver: zodResolver(registerSchema),
    defaultValues: { email: "", password: "" },
  });
  const [email, password] = useWatch({ control, name: ["email", "password"] });
  const strength = usePasswordStrength(password, email);

  const submit = handleSubmit(async (values) => {
    try {
      await onSubmit(values);
    } catch (error) {
      showServerError(setError, error, { fields: { WEAK_PASSWORD: "password" } });
    }
  });

  return (
    <Stack component="form" noValidate spacing={2.5} onSubmit={submit}>
      <FormTextField
        control={control}
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
      />
      <PasswordField
        control={control}
        name="password"
        label="Password"
        autoComplete="new-password"
      />
      <PasswordStrengthMeter strength={strength} />
      <FormErrorAlert message={formState.errors.root?.server?.message} />
      <SubmitButton pending={formState.isSubmitting}>Create account</SubmitButton>
    </Stack>
  );
}
