import { useWatch, type Control, type FieldPathByValue, type FieldValues } from "react-hook-form";

import { usePasswordStrength } from "../hooks/usePasswordStrength";
import { PasswordField } from "./PasswordField";
import { PasswordStrengthMeter } from "./PasswordStrengthMeter";

/**
 * A field for choosing a password, and under it a meter that says how guessable the password
 * is as it is typed. The words of `email`, when the form has one, count against it.
 */
export function NewPasswordField<Values extends FieldValues>({
  control,
  name,
  label,
  email = "",
}: {
  control: Control<Values>;
  name: FieldPathByValue<Values, string>;
  label: string;
  email?: string;
}) {
  const password = useWatch({ control, name });
  const strength = usePasswordStrength(password, email);
  return (
    <>
      <PasswordField control={control} name={name} label={label} autoComplete="new-password" />
      <PasswordStrengthMeter strength={strength} />
    </>
  );
}
