import { zodResolver } from "@hookform/resolvers/zod";
import Checkbox from "@mui/material/Checkbox";
import FormControlLabel from "@mui/material/FormControlLabel";
import Stack from "@mui/material/Stack";
import { Controller, useForm } from "react-hook-form";
import { z } from "zod";

import { emailField, showServerError } from "../forms";
import { FormErrorAlert } from "./FormErrorAlert";
import { FormTextField } from "./FormTextField";
import { PasswordField } from "./PasswordField";
import { SubmitButton } from "./SubmitButton";

const loginSchema = z.object({
  email: emailField,
  password: z.string().min(1, "Enter your password."),
  remember: z.boolean(),
});

export type LoginValues = z.infer<typeof loginSchema>;

export function LoginForm({
  onSubmit,
  defaultEmail = "",
}: {
  onSubmit: (values: LoginValues) => Promise<void>;
  defaultEmail?: string;
}) {
  const { control, handleSubmit, setError, formState } = useForm<LoginValues>({
    resolver: zodResolver(loginSchema),
    defaultValues: { email: defaultEmail, password: "", remember: false },
  });

  const submit = handleSubmit(async (values) => {
    try {
      await onSubmit(values);
    } catch (error) {
      showServerError(setError, error);
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
        autoComplete="current-password"
      />
      <Controller
        control={control}
        name="remember"
        render={({ field }) => (
          <FormControlLabel
            label="Remember me on this device"
            control={
              <Checkbox
                name={field.name}
                checked={field.value}
                onChange={(event) => {
                  field.onChange(event.target.checked);
                }}
                slotProps={{ input: { ref: field.ref } }}
              />
            }
          />
        )}
      />
      <FormErrorAlert message={formState.errors.root?.server?.message} />
      <SubmitButton pending={formState.isSubmitting}>Log in</SubmitButton>
    </Stack>
  );
}
