import Button from "@mui/material/Button";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";

import { PageCard } from "../components/PageCard";
import { isMonitoring } from "../monitoring/sentry";

/** What a person sees when a page fails unexpectedly; the error boundary shows it. */
export function ErrorPage({ eventId, onRetry }: { eventId: string | null; onRetry: () => void }) {
  const reported = isMonitoring() && eventId !== null;
  return (
    <PageCard title="Something went wrong">
      <Stack spacing={2.5}>
        <Typography>
          Tozo ran into an error it did not expect.{" "}
          {reported ? "It has been reported, and we will look into it." : ""}
        </Typography>
        {reported && (
          <Typography variant="body2" color="text.secondary">
            Reference: <code>{eventId}</code>
          </Typography>
        )}
        <Stack direction={{ xs: "column", sm: "row" }} spacing={1.5}>
          <Button variant="contained" onClick={onRetry}>
            Try again
          </Button>
          {/* A full load, not a client-side navigation, in case the app's state is what broke. */}
          <Button href="/">Go to your to-dos</Button>
        </Stack>
      </Stack>
    </PageCard>
  );
}
