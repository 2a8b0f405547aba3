import Button from "@mui/material/Button";
import Dialog from "@mui/material/Dialog";
import DialogActions from "@mui/material/DialogActions";
import DialogContent from "@mui/material/DialogContent";
import DialogContentText from "@mui/material/DialogContentText";
import DialogTitle from "@mui/material/DialogTitle";

import type { Todo } from "../api/tozo";

/** Asks before a to-do is deleted, since a deleted to-do cannot be brought back. */
export function DeleteTodoDialog({
  todo,
  open,
  pending,
  onConfirm,
  onCancel,
}: {
  todo: Todo | null;
  open: boolean;
  pending: boolean;
  onConfirm: (todo: Todo) => void;
  onCancel: () => void;
}) {
  return (
    <Dialog
      open={open}
      onClose={pending ? undefined : onCancel}
      aria-labelledby="delete-todo-title"
      aria-describedby="delete-todo-description"
      maxWidth="xs"
      fullWidth
    >
      <DialogTitle id="delete-todo-title">Delete this to-do?</DialogTitle>
      <DialogContent>
        <DialogContentText id="delete-todo-description" sx={{ overflowWrap: "anywhere" }}>
          “{todo?.task}” will be deleted for good.
        </DialogContentText>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onCancel} disabled={pending}>
          Keep it
        </Button>
        <Button
          color="error"
          variant="contained"
          loading={pending}
          onClick={() => {
            if (todo !== null) {
              onConfirm(todo);
            }
          }}
        >
          Delete
        </Button>
      </DialogActions>
    </Dialog>
  );
}
