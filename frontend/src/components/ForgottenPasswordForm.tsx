import { zodResolver } from "@hookform/resolvers/zod";
import Stack from "@mui/material/Stack";
import { useForm } from "react-hook-form";
import { z } from "zod";

import { emailField, showServerError } from "../forms";
import { FormErrorAlert } from "./FormErrorAlert";
import { FormTextField } from "./FormTextField";
import { SubmitButton } from "./SubmitButton";

const forgottenPasswordSchema = z.object({ email: emailField });

export type ForgottenPasswordValues = z.infer<typeof forgottenPasswordSchema>;

export function ForgottenPasswordForm({
  onSubmit,
}: {
  onSubmit: (values: ForgottenPasswordValues) => Promise<void>;
}) {
  const { control, handleSubmit, setError, formState } = useForm<ForgottenPasswordValues>({
    resolver: zodResolver(forgottenPasswordSchema),
    defaultValues: { email: "" },
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
      <FormErrorAlert message={formState.errors.root?.server?.message} />
      <SubmitButton pending={formState.isSubmitting}>Send reset link</SubmitButton>
    </Stack>
  );
}
