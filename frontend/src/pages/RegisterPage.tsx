import Alert from "@mui/material/Alert";
import Button from "@mui/material/Button";
import Link from "@mui/material/Link";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import { useState } from "react";
import { Link as RouterLink } from "react-router";

import { PageCard } from "../components/PageCard";
import { RegisterForm } from "../components/RegisterForm";
import { useRegister } from "../hooks/useMemberActions";

export function RegisterPage() {
  const register = useRegister();
  const [registeredEmail, setRegisteredEmail] = useState<string | null>(null);

  if (registeredEmail !== null) {
    return (
      <PageCard title="Check your email">
        <Stack spacing={2.5} sx={{ alignItems: "flex-start" }}>
          <Alert severity="success" sx={{ width: "100%", overflowWrap: "anywhere" }}>
            We have sent a confirmation link to {registeredEmail}.
          </Alert>
          <Typography>Open the link to confirm your email. You can log in already.</Typography>
          <Button variant="contained" component={RouterLink} to="/login/">
            Log in
          </Button>
        </Stack>
      </PageCard>
    );
  }

  return (
    <PageCard title="Create your account">
      <Stack spacing={3}>
        <RegisterForm
          onSubmit={async (values) => {
            await register.mutateAsync(values);
            setRegisteredEmail(values.email);
          }}
        />
        <Typography variant="body2" color="text.secondary">
          Already registered?{" "}
          <Link component={RouterLink} to="/login/">
            Log in
          </Link>
        </Typography>
      </Stack>
    </PageCard>
  );
}
