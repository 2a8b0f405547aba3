import { screen } from "@testing-library/react";
import userEvent, { PointerEventsCheckLevel } from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { ApiError } from "../api/client";
import { renderWithApp } from "../test/render";
import { LoginForm, type LoginValues } from "./LoginForm";

async function fillIn(email: string, password: string) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText("Email"), email);
  await user.type(screen.getByLabelText("Password"), password);
  return user;
}

describe("LoginForm", () => {
  it("says what is missing instead of sending an empty form", async () => {
    const onSubmit = vi.fn(() => Promise.resolve());
    renderWithApp(<LoginForm onSubmit={onSubmit} />);

    await userEvent.setup().click(screen.getByRole("button", { name: "Log in" }));

    expect(await screen.findByText(/Enter an email address/)).toBeInTheDocument();
    expect(screen.getByText("Enter your password.")).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("sends the email, password and the remember-me choice", async () => {
    const onSubmit = vi.fn<(values: LoginValues) => Promise<void>>(() => Promise.resolve());
    renderWithApp(<LoginForm onSubmit={onSubmit} />);

    const user = await fillIn("ada@example.com", "copper lantern drifts");
    await user.click(screen.getByLabelText("Remember me on this device"));
    await user.click(screen.getByRole("button", { name: "Log in" }));

    expect(onSubmit).toHaveBeenCalledWith({
      email: "ada@example.com",
      password: "copper lantern drifts",
      remember: true,
    });
  });

  it("shows progress and cannot be sent twice while the server answers", async () => {
    let answer: () => void = () => undefined;
    const onSubmit = vi.fn(
      () =>
        new Promise<void>((resolve) => {
          answer = resolve;
        }),
    );
    renderWithApp(<LoginForm onSubmit={onSubmit} />);

    const user = await fillIn("ada@example.com", "copper lantern drifts");
    const button = screen.getByRole("button", { name: /Log in/ });
    await user.click(button);
    expect(button).toBeDisabled();
    await userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never }).click(button);
    await user.type(screen.getByLabelText("Password"), "{Enter}");
    expect(onSubmit).toHaveBeenCalledTimes(1);

    answer();
    await vi.waitFor(() => {
      expect(button).toBeEnabled();
    });
  });

  it("keeps what was typed and says why when the server refuses", async () => {
    const onSubmit = vi.fn(() => Promise.reject(new ApiError(401, "INVALID_CREDENTIALS")));
    renderWithApp(<LoginForm onSubmit={onSubmit} />);

    const user = await fillIn("ada@example.com", "not my password");
    await user.click(screen.getByRole("button", { name: "Log in" }));

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "That email and password do not match an account.",
    );
    expect(screen.getByLabelText("Email")).toHaveValue("ada@example.com");
    expect(screen.getByLabelText("Password")).toHaveValue("not my password");
  });

  it("says how long to wait after too many attempts", async () => {
    const onSubmit = vi.fn(() => Promise.reject(new ApiError(429, "TOO_MANY_REQUESTS", 30)));
    renderWithApp(<LoginForm onSubmit={onSubmit} />);

    const user = await fillIn("ada@example.com", "copper lantern drifts");
    await user.click(screen.getByRole("button", { name: "Log in" }));

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Too many attempts, try again in 30 s",
    );
  });
});
