import EventIcon from "@mui/icons-material/EventOutlined";
import Typography from "@mui/material/Typography";

import { dueState, formatDue, type Due } from "../dates";

const stateLabels = { overdue: "Overdue: ", today: "Today: ", later: "" } as const;

/** When a to-do is due, in the person's own calendar; red once it is overdue and not done. */
export function DueDate({ due, complete, now }: { due: Due; complete: boolean; now: Date }) {
  const state = complete ? "later" : dueState(due, now);
  return (
    <Typography
      component="span"
      variant="body2"
      color={state === "overdue" ? "error" : state === "today" ? "secondary" : "text.secondary"}
      sx={{ display: "inline-flex", alignItems: "center", gap: 0.5 }}
    >
      <EventIcon fontSize="inherit" aria-hidden />
      {stateLabels[state]}
      {formatDue(due)}
    </Typography>
  );
}
