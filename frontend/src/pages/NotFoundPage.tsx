import Button from "@mui/material/Button";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import { Link as RouterLink } from "react-router";

import { PageCard } from "../components/PageCard";

export function NotFoundPage({ what = "page" }: { what?: string }) {
  return (
    <PageCard title={`This ${what} does not exist`}>
      <Stack spacing={2.5} sx={{ alignItems: "flex-start" }}>
        <Typography>
          Nothing is here. The link may be mistyped, or what it pointed to has been deleted.
        </Typography>
        <Button variant="contained" component={RouterLink} to="/">
          Go to your to-dos
        </Button>
      </Stack>
    </PageCard>
  );
}
