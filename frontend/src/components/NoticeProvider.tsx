import Alert from "@mui/material/Alert";
import Snackbar from "@mui/material/Snackbar";
import { useState, type ReactNode } from "react";

import { NoticeContext, type Notice } from "../hooks/useNotice";

const shownForMilliseconds = 6000;

export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const [open, setOpen] = useState(false);

  const show = (next: Notice) => {
    setNotice(next);
    setOpen(true);
  };

  return (
    <NoticeContext value={show}>
      {children}
      <Snackbar
        open={open}
        autoHideDuration={shownForMilliseconds}
        onClose={(_event, reason) => {
          if (reason !== "clickaway") {
            setOpen(false);
          }
        }}
        anchorOrigin={{ vertical: "bottom", horizontal: "center" }}
      >
        <Alert
          severity={notice?.severity ?? "info"}
          variant="filled"
          onClose={() => {
            setOpen(false);
          }}
          sx={{ width: "100%" }}
        >
          {notice?.message}
        </Alert>
      </Snackbar>
    </NoticeContext>
  );
}
