import { useWatch } from "react-hook-form";
import { z } from "zod";

import { emailField, refuseWeakPassword } from "../forms";
import { useServerForm } from "../hooks/useServerForm";
import { emailWords } from "../password/strength";
import { EmailField } from "./EmailField";
import { NewPasswordField } from "./NewPasswordField";
import { ServerForm } from "./ServerForm";

const registerSchema = z
  .object({
    email: emailField,
    password: z.string().min(1, "Choose a password."),
  })
  .superRefine(refuseWeakPassword("password", ({ email }) => emailWords(email)));

export type RegisterValues = z.infer<typeof registerSchema>;

export function RegisterForm({
  onSubmit,
}: {
  onSubmit: (values: RegisterValues) => Promise<void>;
}) {
  const form = useServerForm({
    schema: registerSchema,
    defaultValues: { email: "", password: "" },
    onSubmit,
    fields: { WEAK_PASSWORD: "password" },
  });
  const email = useWatch({ control: form.control, name: "email" });

  return (
    <ServerForm form={form} submitLabel="Create account">
      <EmailField control={form.control} name="email" />
      <NewPasswordField control={form.control} name="password" label="Password" email={email} />
    </ServerForm>
  );
}
