import Visibility from "@mui/icons-material/Visibility";
import VisibilityOff from "@mui/icons-material/VisibilityOff";
import IconButton from "@mui/material/IconButton";
import InputAdornment from "@mui/material/InputAdornment";
import { useState } from "react";
import type { FieldValues } from "react-hook-form";

import { FormTextField } from "./FormTextField";

type PasswordFieldProps<Values extends FieldValues> = Parameters<
  typeof FormTextField<Values>
>[0] & { autoComplete: "current-password" | "new-password" };

/** A password field with a button that shows what was typed, for typing on a phone. */
export function PasswordField<Values extends FieldValues>(props: PasswordFieldProps<Values>) {
  const [visible, setVisible] = useState(false);
  return (
    <FormTextField
      {...props}
      type={visible ? "text" : "password"}
      slotProps={{
        input: {
          endAdornment: (
            <InputAdornment position="end">
              <IconButton
                aria-label={visible ? "Hide password" : "Show password"}
                aria-pressed={visible}
                onClick={() => {
                  setVisible(!visible);
                }}
                edge="end"
              >
                {visible ? <VisibilityOff /> : <Visibility />}
              </IconButton>
            </InputAdornment>
          ),
        },
      }}
    />
  );
}
