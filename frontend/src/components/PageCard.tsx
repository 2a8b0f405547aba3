import Paper from "@mui/material/Paper";
import type { ReactNode } from "react";

import { PageHeading } from "./PageHeading";

/** The framed panel that holds a page's heading and form. */
export function PageCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper
      variant="outlined"
      sx={{ p: { xs: 2.5, sm: 4 }, borderRadius: 3, maxWidth: 480, mx: "auto" }}
    >
      <PageHeading>{title}</PageHeading>
      {children}
    </Paper>
  );
}
