import DeleteIcon from "@mui/icons-material/DeleteOutlined";
import Checkbox from "@mui/material/Checkbox";
import IconButton from "@mui/material/IconButton";
import Link from "@mui/material/Link";
import ListItem from "@mui/material/ListItem";
import Stack from "@mui/material/Stack";
import { Link as RouterLink } from "react-router";

import type { Todo } from "../api/tozo";
import { parseDue } from "../dates";
import { DueDate } from "./DueDate";

/** One row of the list: a box to tick, the task (opens it for editing), its due date, delete. */
export function TodoItem({
  todo,
  now,
  busy,
  onToggleComplete,
  onDelete,
}: {
  todo: Todo;
  now: Date;
  busy: boolean;
  onToggleComplete: (todo: Todo) => void;
  onDelete: (todo: Todo) => void;
}) {
  const due = parseDue(todo.due);
  return (
    <ListItem
      divider
      sx={{ alignItems: "flex-start", gap: 1, px: { xs: 1, sm: 2 }, py: 1.25 }}
      secondaryAction={
        <IconButton
          edge="end"
          aria-label={`Delete “${todo.task}”`}
          onClick={() => {
            onDelete(todo);
          }}
        >
          <DeleteIcon />
        </IconButton>
      }
    >
      <Checkbox
        checked={todo.complete}
        disabled={busy}
        onChange={() => {
          onToggleComplete(todo);
        }}
        slotProps={{
          input: {
            "aria-label": todo.complete
              ? `Mark “${todo.task}” as not done`
              : `Mark “${todo.task}” as done`,
          },
        }}
        sx={{ mt: -0.75, ml: -0.5 }}
      />
      <Stack spacing={0.25} sx={{ minWidth: 0, flex: 1, pr: 5 }}>
        <Link
          component={RouterLink}
          to={`/todos/${todo.id}/`}
          underline="hover"
          color={todo.complete ? "text.secondary" : "text.primary"}
          sx={{
            fontWeight: 500,
            textDecoration: todo.complete ? "line-through" : "none",
            overflowWrap: "anywhere",
            display: "-webkit-box",
            WebkitLineClamp: 3,
            "-webkit-box-orient": "vertical",
            overflow: "hidden",
          }}
        >
          {todo.task}
        </Link>
        {due !== null && <DueDate due={due} complete={todo.complete} now={now} />}
      </Stack>
    </ListItem>
  );
}
