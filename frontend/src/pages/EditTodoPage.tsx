import Alert from "@mui/material/Alert";
import Button from "@mui/material/Button";
import Stack from "@mui/material/Stack";
import { useState } from "react";
import { Link as RouterLink, useNavigate, useParams } from "react-router";

import { ApiError } from "../api/client";
import { describeError } from "../api/messages";
import { DeleteTodoDialog } from "../components/DeleteTodoDialog";
import { PageCard } from "../components/PageCard";
import { PageLoading } from "../components/PageLoading";
import { TodoForm } from "../components/TodoForm";
import { useNotice } from "../hooks/useNotice";
import { useDeleteTodo, useTodo, useUpdateTodo } from "../hooks/useTodos";
import { NotFoundPage } from "./NotFoundPage";

export function EditTodoPage() {
  const { id = "" } = useParams();
  // Only whole positive numbers are ids; anything else is a page that does not exist.
  return /^[1-9]\d{0,15}$/.test(id) ? <EditTodo id={Number(id)} /> : <NotFoundPage what="to-do" />;
}

function EditTodo({ id }: { id: number }) {
  const todo = useTodo(id);
  const update = useUpdateTodo();
  const remove = useDeleteTodo();
  const navigate = useNavigate();
  const notify = useNotice();
  const [confirmingDelete, setConfirmingDelete] = useState(false);

  if (todo.isPending) {
    return <PageLoading label="Loading the to-do" />;
  }
  if (todo.isError) {
    if (todo.error instanceof ApiError && todo.error.status === 404) {
      return <NotFoundPage what="to-do" />;
    }
    return (
      <PageCard title="Edit to-do">
        <Alert
          severity="error"
          action={
            <Button color="inherit" onClick={() => void todo.refetch()}>
              Try again
            </Button>
          }
        >
          {describeError(todo.error)}
        </Alert>
      </PageCard>
    );
  }

  return (
    <PageCard title="Edit to-do">
      <TodoForm
        initial={todo.data}
        showComplete
        submitLabel="Save"
        onSubmit={async (draft) => {
          await update.mutateAsync({ id, draft });
          notify({ message: "To-do saved.", severity: "success" });
          await navigate("/");
        }}
      >
        <Stack direction="row" spacing={1.5}>
          <Button component={RouterLink} to="/" fullWidth>
            Cancel
          </Button>
          <Button
            color="error"
            variant="outlined"
            fullWidth
            onClick={() => {
              setConfirmingDelete(true);
            }}
          >
            Delete
          </Button>
        </Stack>
      </TodoForm>
      <DeleteTodoDialog
        todo={todo.data}
        open={confirmingDelete}
        pending={remove.isPending}
        onCancel={() => {
          setConfirmingDelete(false);
        }}
        onConfirm={(target) => {
          remove.mutate(target.id, {
            onSuccess: () => {
              notify({ message: "To-do deleted.", severity: "info" });
              void navigate("/");
            },
            onError: (error) => {
              setConfirmingDelete(false);
              notify({ message: describeError(error), severity: "error" });
            },
          });
        }}
      />
    </PageCard>
  );
}
