import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import type { Todo } from "../api/tozo";
import { formatDue } from "../dates";
import { renderWithApp } from "../test/render";
import { TodoItem } from "./TodoItem";

const todo: Todo = {
  id: 5,
  task: "Water the plants",
  due: "2030-01-31T00:00:00Z",
  complete: false,
};

function renderItem(item: Todo, now = new Date("2030-01-01T12:00:00Z")) {
  const onToggleComplete = vi.fn();
  const onDelete = vi.fn();
  renderWithApp(
    <ul>
      <TodoItem
        todo={item}
        now={now}
        busy={false}
        onToggleComplete={onToggleComplete}
        onDelete={onDelete}
      />
    </ul>,
  );
  return { onToggleComplete, onDelete };
}

describe("TodoItem", () => {
  it("links the task to its edit page and shows the due date", () => {
    renderItem(todo);
    expect(screen.getByRole("link", { name: "Water the plants" })).toHaveAttribute(
      "href",
      "/todos/5/",
    );
    expect(
      screen.getByText(formatDue({ kind: "date", date: "2030-01-31" }), { exact: false }),
    ).toBeInTheDocument();
  });

  it("says when a to-do is overdue, but not once it is done", () => {
    const now = new Date("2030-02-02T12:00:00Z");
    renderItem(todo, now);
    expect(screen.getByText(/Overdue:/)).toBeInTheDocument();
  });

  it("does not call a finished to-do overdue", () => {
    renderItem({ ...todo, complete: true }, new Date("2030-02-02T12:00:00Z"));
    expect(screen.queryByText(/Overdue:/)).not.toBeInTheDocument();
    expect(
      screen.getByRole("checkbox", { name: "Mark “Water the plants” as not done" }),
    ).toBeChecked();
  });

  it("marks it done and asks to delete it", async () => {
    const { onToggleComplete, onDelete } = renderItem(todo);
    const user = userEvent.setup();

    await user.click(screen.getByRole("checkbox", { name: "Mark “Water the plants” as done" }));
    expect(onToggleComplete).toHaveBeenCalledWith(todo);

    await user.click(screen.getByRole("button", { name: "Delete “Water the plants”" }));
    expect(onDelete).toHaveBeenCalledWith(todo);
  });
});
