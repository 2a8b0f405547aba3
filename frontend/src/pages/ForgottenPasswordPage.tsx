import Alert from "@mui/material/Alert";
import Link from "@mui/material/Link";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import { useState } from "react";
import { Link as RouterLink } from "react-router";

import { ForgottenPasswordForm } from "../components/ForgottenPasswordForm";
import { PageCard } from "../components/PageCard";
import { useRequestPasswordReset } from "../hooks/useMemberActions";

export function ForgottenPasswordPage() {
  const requestReset = useRequestPasswordReset();
  const [sentTo, setSentTo] = useState<string | null>(null);

  return (
    <PageCard title="Forgotten password">
      <Stack spacing={3}>
        {sentTo === null ? (
          <>
            <Typography>
              Enter the email you registered with, and we will send you a link to choose a new
              password.
            </Typography>
            <ForgottenPasswordForm
              onSubmit={async ({ email }) => {
                await requestReset.mutateAsync(email);
                setSentTo(email);
              }}
            />
          </>
        ) : (
          <Alert severity="success" sx={{ overflowWrap: "anywhere" }}>
            If {sentTo} belongs to an account, a reset link is on its way. The link works for 24
            hours.
          </Alert>
        )}
        <Link component={RouterLink} to="/login/">
          Back to log in
        </Link>
      </Stack>
    </PageCard>
  );
}
