import Link from "@mui/material/Link";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import { Navigate, Link as RouterLink, useSearchParams } from "react-router";

import { LoginForm } from "../components/LoginForm";
import { PageCard } from "../components/PageCard";
import { safeNextPath } from "../components/RequireSession";
import { useLogIn, useSession } from "../hooks/useSession";

export function LoginPage() {
  const session = useSession();
  const logIn = useLogIn();
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get("next"));

  // Logging in refreshes the session, and this sends the person on to where they were going.
  if (session.data != null) {
    return <Navigate to={next} replace />;
  }

  return (
    <PageCard title="Log in">
      <Stack spacing={3}>
        <LoginForm
          onSubmit={async (credentials) => {
            await logIn.mutateAsync(credentials);
          }}
        />
        <Stack spacing={1}>
          <Link component={RouterLink} to="/forgotten-password/" variant="body2">
            Forgotten your password?
          </Link>
          <Typography variant="body2" color="text.secondary">
            New to Tozo?{" "}
            <Link component={RouterLink} to="/register/">
              Create an account
            </Link>
          </Typography>
        </Stack>
      </Stack>
    </PageCard>
  );
}
