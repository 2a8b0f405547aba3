import AddIcon from "@mui/icons-material/Add";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import List from "@mui/material/List";
import Paper from "@mui/material/Paper";
import Skeleton from "@mui/material/Skeleton";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import { useState } from "react";
import { Link as RouterLink, useSearchParams } from "react-router";

import { describeError } from "../api/messages";
import type { Todo, TodoFilter } from "../api/tozo";
import { DeleteTodoDialog } from "../components/DeleteTodoDialog";
import { PageHeading } from "../components/PageHeading";
import { TodoFilterButtons } from "../components/TodoFilterButtons";
import { TodoItem } from "../components/TodoItem";
import { useNotice } from "../hooks/useNotice";
import { useDeleteTodo, useTodos, useUpdateTodo } from "../hooks/useTodos";

const emptyMessages: Record<TodoFilter, string> = {
  all: "Nothing here yet. Add your first to-do.",
  todo: "Nothing left to do. Well done!",
  done: "Nothing is done yet.",
};

function parseFilter(value: string | null): TodoFilter {
  return value === "todo" || value === "done" ? value : "all";
}

export function TodosPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filter = parseFilter(searchParams.get("show"));
  const todos = useTodos(filter);
  const update = useUpdateTodo();
  const remove = useDeleteTodo();
  const notify = useNotice();
  const [toDelete, setToDelete] = useState<Todo | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const now = new Date();

  const toggleComplete = (todo: Todo) => {
    const { id, ...draft } = todo;
    update.mutate(
      { id, draft: { ...draft, complete: !todo.complete } },
      {
        onError: (error) => {
          notify({ message: describeError(error), severity: "error" });
        },
      },
    );
  };

  const deleteTodo = (todo: Todo) => {
    remove.mutate(todo.id, {
      onSuccess: () => {
        setConfirmingDelete(false);
        notify({ message: "To-do deleted.", severity: "info" });
      },
      onError: (error) => {
        setConfirmingDelete(false);
        notify({ message: describeError(error), severity: "error" });
      },
    });
  };

  return (
    <>
      <Stack direction="row" sx={{ alignItems: "baseline", justifyContent: "space-between" }}>
        <PageHeading>To-dos</PageHeading>
        <Button variant="contained" component={RouterLink} to="/todos/new/" startIcon={<AddIcon />}>
          New to-do
        </Button>
      </Stack>
      <Box sx={{ mb: 2 }}>
        <TodoFilterButtons
          value={filter}
          onChange={(next) => {
            setSearchParams(next === "all" ? {} : { show: next });
          }}
        />
      </Box>
      <Paper variant="outlined" sx={{ borderRadius: 3, overflow: "hidden" }}>
        {todos.isPending ? (
          <Stack spacing={1} sx={{ p: 2 }} aria-label="Loading to-dos">
            <Skeleton height={32} />
            <Skeleton height={32} />
            <Skeleton height={32} width="60%" />
          </Stack>
        ) : todos.isError ? (
          <Alert
            severity="error"
            action={
              <Button color="inherit" onClick={() => void todos.refetch()}>
                Try again
              </Button>
            }
          >
            {describeError(todos.error)}
          </Alert>
        ) : todos.data.length === 0 ? (
          <Typography color="text.secondary" sx={{ p: 3, textAlign: "center" }}>
            {emptyMessages[filter]}
          </Typography>
        ) : (
          <List
            disablePadding
            aria-label="To-dos"
            sx={{ "& > li:last-child": { borderBottom: 0 } }}
          >
            {todos.data.map((todo) => (
              <TodoItem
                key={todo.id}
                todo={todo}
                now={now}
                busy={update.isPending && update.variables.id === todo.id}
                onToggleComplete={toggleComplete}
                onDelete={(target) => {
                  setToDelete(target);
                  setConfirmingDelete(true);
                }}
              />
            ))}
          </List>
        )}
      </Paper>
      <DeleteTodoDialog
        todo={toDelete}
        open={confirmingDelete}
        pending={remove.isPending}
        onConfirm={deleteTodo}
        onCancel={() => {
          setConfirmingDelete(false);
        }}
      />
    </>
  );
}
