import TaskAltIcon from "@mui/icons-material/TaskAlt";
import AppBar from "@mui/material/AppBar";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Link from "@mui/material/Link";
import Toolbar from "@mui/material/Toolbar";
import { Link as RouterLink } from "react-router";

import { useSession } from "../hooks/useSession";
import { AccountMenu } from "./AccountMenu";

export function TopBar() {
  const session = useSession();
  return (
    <AppBar position="sticky" sx={{ borderBottom: 1, borderColor: "divider" }}>
      <Toolbar sx={{ gap: 1, maxWidth: 960, width: "100%", mx: "auto" }}>
        <Link
          component={RouterLink}
          to="/"
          underline="none"
          color="primary"
          sx={{ display: "flex", alignItems: "center", gap: 1, fontWeight: 700, fontSize: 20 }}
        >
          <TaskAltIcon aria-hidden />
          Tozo
        </Link>
        <Box sx={{ flexGrow: 1 }} />
        {session.data === null && (
          <>
            <Button component={RouterLink} to="/login/">
              Log in
            </Button>
            <Button component={RouterLink} to="/register/" variant="outlined">
              Register
            </Button>
          </>
        )}
        {session.data != null && <AccountMenu />}
      </Toolbar>
    </AppBar>
  );
}
