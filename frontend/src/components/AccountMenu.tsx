import AccountCircle from "@mui/icons-material/AccountCircleOutlined";
import KeyIcon from "@mui/icons-material/KeyOutlined";
import LogoutIcon from "@mui/icons-material/Logout";
import ChecklistIcon from "@mui/icons-material/Checklist";
import Divider from "@mui/material/Divider";
import IconButton from "@mui/material/IconButton";
import ListItemIcon from "@mui/material/ListItemIcon";
import Menu from "@mui/material/Menu";
import MenuItem from "@mui/material/MenuItem";
import { useState } from "react";
import { Link as RouterLink, useNavigate } from "react-router";

import { describeError } from "../api/messages";
import { useNotice } from "../hooks/useNotice";
import { useLogOut } from "../hooks/useSession";

/** The account button in the top bar and its menu: to-dos, change password, log out. */
export function AccountMenu() {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const logOut = useLogOut();
  const navigate = useNavigate();
  const notify = useNotice();
  const close = () => {
    setAnchor(null);
  };

  const handleLogOut = () => {
    logOut.mutate(undefined, {
      onSuccess: () => {
        close();
        notify({ message: "You are logged out.", severity: "info" });
        void navigate("/login/");
      },
      onError: (error) => {
        close();
        notify({ message: describeError(error), severity: "error" });
      },
    });
  };

  return (
    <>
      <IconButton
        id="account-button"
        aria-label="Account"
        aria-controls={anchor === null ? undefined : "account-menu"}
        aria-haspopup="true"
        aria-expanded={anchor !== null}
        onClick={(event) => {
          setAnchor(event.currentTarget);
        }}
        edge="end"
      >
        <AccountCircle />
      </IconButton>
      <Menu
        id="account-menu"
        anchorEl={anchor}
        open={anchor !== null}
        onClose={close}
        anchorOrigin={{ vertical: "bottom", horizontal: "right" }}
        transformOrigin={{ vertical: "top", horizontal: "right" }}
        slotProps={{ list: { "aria-labelledby": "account-button" } }}
      >
        <MenuItem component={RouterLink} to="/" onClick={close}>
          <ListItemIcon>
            <ChecklistIcon fontSize="small" />
          </ListItemIcon>
          To-dos
        </MenuItem>
        <MenuItem component={RouterLink} to="/change-password/" onClick={close}>
          <ListItemIcon>
            <KeyIcon fontSize="small" />
          </ListItemIcon>
          Change password
        </MenuItem>
        <Divider />
        <MenuItem onClick={handleLogOut} disabled={logOut.isPending}>
          <ListItemIcon>
            <LogoutIcon fontSize="small" />
          </ListItemIcon>
          {logOut.isPending ? "Logging out…" : "Log out"}
        </MenuItem>
      </Menu>
    </>
  );
}
