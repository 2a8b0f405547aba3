import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { ApiError } from "../api/client";
import type { TodoDraft } from "../api/tozo";
import { renderWithApp } from "../test/render";
import { TodoForm } from "./TodoForm";

function renderForm(initial: TodoDraft, onSubmit: (draft: TodoDraft) => Promise<void>) {
  renderWithApp(<TodoForm initial={initial} showComplete submitLabel="Save" onSubmit={onSubmit} />);
}

describe("TodoForm", () => {
  it("needs a task", async () => {
    const onSubmit = vi.fn(() => Promise.resolve());
    renderForm({ task: "", due: null, complete: false }, onSubmit);

    await userEvent.setup().click(screen.getByRole("button", { name: "Save" }));

    expect(await screen.findByText("Write what needs doing.")).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("sends the trimmed task, the same plain due date and the done box", async () => {
    const onSubmit = vi.fn<(draft: TodoDraft) => Promise<void>>(() => Promise.resolve());
    renderForm(
      { task: "Water the plants", due: "2030-01-31T00:00:00Z", complete: false },
      onSubmit,
    );
    const user = userEvent.setup();

    await user.type(screen.getByRole("textbox", { name: "Task" }), " and the lawn  ");
    await user.click(screen.getByRole("checkbox", { name: "Done" }));
    await user.click(screen.getByRole("button", { name: "Save" }));

    await vi.waitFor(() => {
      expect(onSubmit).toHaveBeenCalledWith({
        task: "Water the plants and the lawn",
        due: "2030-01-31",
        complete: true,
      });
    });
  });

  it("keeps the fields when the server refuses", async () => {
    const onSubmit = vi.fn(() => Promise.reject(new ApiError(500, "INTERNAL_SERVER_ERROR")));
    renderForm({ task: "Water the plants", due: null, complete: false }, onSubmit);
    const user = userEvent.setup();

    await user.click(screen.getByRole("button", { name: "Save" }));

    expect(await screen.findByRole("alert")).toHaveTextContent("Something went wrong on our side");
    expect(screen.getByRole("textbox", { name: "Task" })).toHaveValue("Water the plants");
  });
});
