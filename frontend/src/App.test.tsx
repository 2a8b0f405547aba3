import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { AppRoutes } from "./App";
import { renderWithApp } from "./test/render";

describe("the app's pages", () => {
  it("shows the not-found page for an unknown address", async () => {
    renderWithApp(<AppRoutes />, { path: "/no/such/page/" });
    expect(
      await screen.findByRole("heading", { level: 1, name: "This page does not exist" }),
    ).toBeInTheDocument();
    expect(document.title).toBe("This page does not exist · Tozo");
  });

  it("shows the error page when a page fails, keeping the top bar", async () => {
    // React reports the caught error on the console; that is expected here.
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    renderWithApp(<AppRoutes />, { path: "/test-error/" });

    expect(
      await screen.findByRole("heading", { level: 1, name: "Something went wrong" }),
    ).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Try again" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Tozo" })).toBeInTheDocument();
  });

  it("offers log in and register to someone logged out", async () => {
    renderWithApp(<AppRoutes />, { path: "/login/" });
    const banner = screen.getByRole("banner");
    expect(within(banner).getByRole("link", { name: "Log in" })).toBeInTheDocument();
    expect(within(banner).getByRole("link", { name: "Register" })).toBeInTheDocument();
    expect(await screen.findByRole("heading", { level: 1, name: "Log in" })).toHaveFocus();
  });

  it("has an account menu with change password and log out once logged in", async () => {
    renderWithApp(<AppRoutes />, { path: "/no/such/page/", session: { memberId: 1 } });
    const user = userEvent.setup();

    await user.click(screen.getByRole("button", { name: "Account" }));

    const menu = screen.getByRole("menu");
    expect(within(menu).getByRole("menuitem", { name: "Change password" })).toHaveAttribute(
      "href",
      "/change-password/",
    );
    expect(within(menu).getByRole("menuitem", { name: "Log out" })).toBeInTheDocument();
  });
});
