import Alert from "@mui/material/Alert";
import Button from "@mui/material/Button";
import { Navigate, Outlet, useLocation } from "react-router";

import { describeError } from "../api/messages";
import { useSession } from "../hooks/useSession";
import { PageLoading } from "./PageLoading";

/** Shows its pages only to a logged-in person; anyone else logs in first and comes back. */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();

  if (session.isPending) {
    return <PageLoading />;
  }
  if (session.isError) {
    return (
      <Alert
        severity="error"
        action={
          <Button color="inherit" onClick={() => void session.refetch()}>
            Try again
          </Button>
        }
      >
        {describeError(session.error)}
      </Alert>
    );
  }
  if (session.data === null) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login/?next=${next}`} replace />;
  }
  return <Outlet />;
}

/** Where to go after logging in: only a path inside this app, never another site. */
export function safeNextPath(next: string | null): string {
  if (next === null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) {
    return "/";
  }
  return next;
}
