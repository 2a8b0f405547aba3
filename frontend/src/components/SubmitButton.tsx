import Button from "@mui/material/Button";
import type { ReactNode } from "react";

/** The form's main button: shows progress and cannot be pressed again while the form is sent. */
export function SubmitButton({ pending, children }: { pending: boolean; children: ReactNode }) {
  return (
    <Button type="submit" variant="contained" size="large" fullWidth loading={pending}>
      {children}
    </Button>
  );
}
