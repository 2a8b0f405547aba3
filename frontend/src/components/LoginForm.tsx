import { z } from "zod";

import { emailField } from "../forms";
import { useServerForm } from "../hooks/useServerForm";
import { EmailField } from "./EmailField";
import { FormCheckbox } from "./FormCheckbox";
import { PasswordField } from "./PasswordField";
import { ServerForm } from "./ServerForm";

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
  const form = useServerForm({
    schema: loginSchema,
    defaultValues: { email: defaultEmail, password: "", remember: false },
    onSubmit,
  });

  return (
    <ServerForm form={form} submitLabel="Log in">
      <EmailField control={form.control} name="email" />
      <PasswordField
        control={form.control}
        name="password"
        label="Password"
        autoComplete="current-password"
      />
      <FormCheckbox control={form.control} name="remember" label="Remember me on this device" />
    </ServerForm>
  );
}
