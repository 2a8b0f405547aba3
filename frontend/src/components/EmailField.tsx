import type { FieldValues } from "react-hook-form";

import { FormTextField } from "./FormTextField";

/** The email field of the account forms, which browsers and password managers fill in. */
export function EmailField<Values extends FieldValues>(
  props: Pick<Parameters<typeof FormTextField<Values>>[0], "control" | "name">,
) {
  return <FormTextField {...props} label="Email" type="email" autoComplete="email" />;
}
