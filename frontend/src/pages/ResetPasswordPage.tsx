import Link from "@mui/material/Link";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import { Link as RouterLink, useNavigate, useParams } from "react-router";

import { PageCard } from "../components/PageCard";
import { ResetPasswordForm } from "../components/ResetPasswordForm";
import { useResetPassword } from "../hooks/useMemberActions";
import { useNotice } from "../hooks/useNotice";

export function ResetPasswordPage() {
  const { token = "" } = useParams();
  const reset = useResetPassword();
  const navigate = useNavigate();
  const notify = useNotice();

  return (
    <PageCard title="Choose a new password">
      <Stack spacing={3}>
        <Typography>Your new password replaces the old one and logs out every device.</Typography>
        <ResetPasswordForm
          onSubmit={async ({ password }) => {
            await reset.mutateAsync({ token, password });
            notify({
              message: "Your password is changed. Log in with it now.",
              severity: "success",
            });
            await navigate("/login/");
          }}
        />
        <Link component={RouterLink} to="/forgotten-password/">
          Ask for a new link
        </Link>
      </Stack>
    </PageCard>
  );
}
