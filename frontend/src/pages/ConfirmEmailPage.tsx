import Alert from "@mui/material/Alert";
import Button from "@mui/material/Button";
import Stack from "@mui/material/Stack";
import { useEffect, useRef } from "react";
import { Link as RouterLink, useParams } from "react-router";

import { describeError } from "../api/messages";
import { PageCard } from "../components/PageCard";
import { PageLoading } from "../components/PageLoading";
import { useConfirmEmail } from "../hooks/useMemberActions";
import { useSession } from "../hooks/useSession";

const linkMessages = {
  TOKEN_INVALID:
    "This confirmation link is not valid. Check that you opened the whole link from the email.",
  TOKEN_EXPIRED: "This confirmation link has expired: links work for 30 days.",
};

export function ConfirmEmailPage() {
  const { token = "" } = useParams();
  const confirm = useConfirmEmail();
  const { mutate: sendConfirmation } = confirm;
  const session = useSession();
  const sentFor = useRef<string | null>(null);

  useEffect(() => {
    // The link works once per visit; React may run this effect twice while developing.
    if (sentFor.current !== token) {
      sentFor.current = token;
      sendConfirmation(token);
    }
  }, [sendConfirmation, token]);

  const next =
    session.data == null
      ? { to: "/login/", label: "Log in" }
      : { to: "/", label: "Go to your to-dos" };

  return (
    <PageCard title="Confirm your email">
      {confirm.isError ? (
        <Alert severity="error">{describeError(confirm.error, linkMessages)}</Alert>
      ) : confirm.isSuccess ? (
        <Stack spacing={2.5} sx={{ alignItems: "flex-start" }}>
          <Alert severity="success" sx={{ width: "100%" }}>
            Thank you, your email is confirmed.
          </Alert>
          <Button variant="contained" component={RouterLink} to={next.to}>
            {next.label}
          </Button>
        </Stack>
      ) : (
        <PageLoading label="Confirming your email" />
      )}
    </PageCard>
  );
}
