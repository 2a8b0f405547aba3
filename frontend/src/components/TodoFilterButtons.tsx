import ToggleButton from "@mui/material/ToggleButton";
import ToggleButtonGroup from "@mui/material/ToggleButtonGroup";

import type { TodoFilter } from "../api/tozo";

const labels: Record<TodoFilter, string> = { all: "All", todo: "To do", done: "Done" };

/** Which to-dos the list shows. */
export function TodoFilterButtons({
  value,
  onChange,
}: {
  value: TodoFilter;
  onChange: (filter: TodoFilter) => void;
}) {
  return (
    <ToggleButtonGroup
      exclusive
      size="small"
      color="primary"
      aria-label="Show"
      value={value}
      onChange={(_event, filter: TodoFilter | null) => {
        if (filter !== null) {
          onChange(filter);
        }
      }}
    >
      {(Object.keys(labels) as TodoFilter[]).map((filter) => (
        <ToggleButton key={filter} value={filter} sx={{ px: 2 }}>
          {labels[filter]}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
