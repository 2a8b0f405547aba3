import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { ApiError } from "../api/client";
import { renderWithApp } from "../test/render";
import { ChangePasswordForm } from "./ChangePasswordForm";
import { RegisterForm } from "./RegisterForm";
import { ResetPasswordForm } from "./ResetPasswordForm";

describe("RegisterForm", () => {
  it("refuses a password that is easy to guess before asking the server", async () => {
    const onSubmit = vi.fn(() => Promise.resolve());
    renderWithApp(<RegisterForm onSubmit={onSubmit} />);
    const user = userEvent.setup();

    await user.type(screen.getByLabelText("Email"), "ada@example.com");
    await user.type(screen.getByLabelText("Password"), "password123");
    expect(await screen.findByText(/^Strength: Very weak/)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Create account" }));

    expect(await screen.findByText(/^This password is too easy to guess\./)).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("sends a strong password", async () => {
    const onSubmit = vi.fn(() => Promise.resolve());
    renderWithApp(<RegisterForm onSubmit={onSubmit} />);
    const user = userEvent.setup();

    await user.type(screen.getByLabelText("Email"), "ada@example.com");
    await user.type(screen.getByLabelText("Password"), "copper lantern drifts over marsh");
    expect(await screen.findByText(/^Strength: (Good|Strong)/)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Create account" }));

    await vi.waitFor(() => {
      expect(onSubmit).toHaveBeenCalledWith({
        email: "ada@example.com",
        password: "copper lantern drifts over marsh",
      });
    });
  });

  it("shows the server's verdict on the password field", async () => {
    const onSubmit = vi.fn(() => Promise.reject(new ApiError(400, "WEAK_PASSWORD")));
    renderWithApp(<RegisterForm onSubmit={onSubmit} />);
    const user = userEvent.setup();

    await user.type(screen.getByLabelText("Email"), "ada@example.com");
    await user.type(screen.getByLabelText("Password"), "copper lantern drifts over marsh");
    await user.click(screen.getByRole("button", { name: "Create account" }));

    const password = screen.getByLabelText("Password");
    expect(await screen.findByText(/That password is too easy to guess/)).toBeInTheDocument();
    expect(password).toHaveAttribute("aria-invalid", "true");
    expect(password).toHaveFocus();
  });
});

describe("ChangePasswordForm", () => {
  it("marks the current password when the server says it is wrong", async () => {
    const onSubmit = vi.fn(() => Promise.reject(new ApiError(401, "INVALID_PASSWORD")));
    renderWithApp(<ChangePasswordForm onSubmit={onSubmit} />);
    const user = userEvent.setup();

    await user.type(screen.getByLabelText("Current password"), "wrong one");
    await user.type(screen.getByLabelText("New password"), "copper lantern drifts over marsh");
    await user.click(screen.getByRole("button", { name: "Change password" }));

    expect(await screen.findByText("That is not your current password.")).toBeInTheDocument();
    expect(screen.getByLabelText("Current password")).toHaveFocus();
    expect(screen.getByLabelText("New password")).toHaveValue("copper lantern drifts over marsh");
  });
});

describe("ResetPasswordForm", () => {
  it("lets the person see what they typed", async () => {
    renderWithApp(<ResetPasswordForm onSubmit={() => Promise.resolve()} />);
    const user = userEvent.setup();
    const field = screen.getByLabelText("New password");
    expect(field).toHaveAttribute("type", "password");

    await user.click(screen.getByRole("button", { name: "Show password" }));

    expect(field).toHaveAttribute("type", "text");
    expect(screen.getByRole("button", { name: "Hide password" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
  });

  it("explains an expired link", async () => {
    const onSubmit = vi.fn(() => Promise.reject(new ApiError(403, "TOKEN_EXPIRED")));
    renderWithApp(<ResetPasswordForm onSubmit={onSubmit} />);
    const user = userEvent.setup();

    await user.type(screen.getByLabelText("New password"), "copper lantern drifts over marsh");
    await user.click(screen.getByRole("button", { name: "Set new password" }));

    expect(await screen.findByRole("alert")).toHaveTextContent(/links work for 24 hours/);
  });
});
