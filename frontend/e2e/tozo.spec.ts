import { expect, test, type Page } from "@playwright/test";

import { baseUrl, newEmail, screenshot, scrollsSideways, sentryItems, waitForLink } from "./tozo";

test.describe.configure({ mode: "serial" });

// The server's Content Security Policy allows no inline script and no other origin but the
// Sentry stand-in's; the app must never trip it.
const policyViolations: string[] = [];

test.beforeEach(({ page }) => {
  policyViolations.length = 0;
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) {
      policyViolations.push(message.text());
    }
  });
});

test.afterEach(() => {
  expect(policyViolations).toEqual([]);
});

const email = newEmail();
const firstPassword = "copper lantern drifts over the marsh";
const secondPassword = "violet harbour sketches nine kites";
const thirdPassword = "quiet walrus borrows amber ladders";
const jsonHeaders = { Accept: "application/json" };

function heading(page: Page, name: string) {
  return page.getByRole("heading", { level: 1, name });
}

/** Types a date into the due date field, section by section, as a person with a keyboard. */
async function typeDueDate(page: Page, monthDayYear: string) {
  await page.getByRole("spinbutton", { name: "Month" }).click();
  await page.keyboard.type(monthDayYear);
}

async function openAccountMenu(page: Page) {
  await page.getByRole("button", { name: "Account" }).click();
  await expect(page.getByRole("menu")).toBeVisible();
}

async function logIn(page: Page, address: string, password: string) {
  await page.getByLabel("Email").fill(address);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
}

test("a person registers, keeps a to-do list, and recovers a forgotten password", async ({
  page,
}) => {
  await test.step("register, refused a weak password first", async () => {
    await page.goto("/register/");
    await expect(heading(page, "Create your account")).toBeVisible();
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password", { exact: true }).fill("password123");
    await expect(page.getByText(/^Strength: Very weak/)).toBeVisible();
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText(/^This password is too easy to guess\./)).toBeVisible();
    await screenshot(page, "01-register-weak-password");

    await page.getByLabel("Password", { exact: true }).fill(firstPassword);
    await expect(page.getByText(/^Strength: (Good|Strong)/)).toBeVisible();
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(heading(page, "Check your email")).toBeVisible();
    await screenshot(page, "02-register-check-your-email");
  });

  await test.step("confirm the email with the link from the welcome email", async () => {
    const link = await waitForLink(email, "/confirm-email/");
    expect(link.startsWith(`${baseUrl}/confirm-email/`)).toBe(true);
    await page.goto(link);
    await expect(page.getByText("Thank you, your email is confirmed.")).toBeVisible();
    await screenshot(page, "03-confirm-email");
  });

  await test.step("log in, refused a wrong password first, and land where I was", async () => {
    await page.goto("/todos/new/");
    await expect(page).toHaveURL(/\/login\/\?next=%2Ftodos%2Fnew%2F$/);
    await expect(heading(page, "Log in")).toBeVisible();
    await logIn(page, email, "not my password at all");
    await expect(page.getByRole("alert")).toHaveText(
      "That email and password do not match an account.",
    );
    await expect(page.getByLabel("Email")).toHaveValue(email);
    await screenshot(page, "04-login-wrong-password");

    await page.getByLabel("Password", { exact: true }).fill(firstPassword);
    await page.getByLabel("Remember me on this device").check();
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page).toHaveURL(/\/todos\/new\/$/);
    await expect(heading(page, "New to-do")).toBeVisible();
  });

  await test.step("create to-dos, one with a due date", async () => {
    await page.getByRole("textbox", { name: "Task" }).fill("Buy oat milk");
    await typeDueDate(page, "01312030");
    await screenshot(page, "05-new-todo");
    await page.getByRole("button", { name: "Add to-do" }).click();
    await expect(heading(page, "To-dos")).toBeVisible();
    await expect(page.getByText("To-do added.")).toBeVisible();

    for (const task of ["Call the plumber", "Water the plants"]) {
      await page.getByRole("link", { name: "New to-do" }).click();
      await page.getByRole("textbox", { name: "Task" }).fill(task);
      await page.getByRole("button", { name: "Add to-do" }).click();
      await expect(page.getByRole("link", { name: task })).toBeVisible();
    }

    const list = page.getByRole("list", { name: "To-dos" });
    await expect(list.getByRole("listitem")).toHaveCount(3);
    // Los Angeles is eight hours behind UTC: the date must not move to the 30th.
    await expect(list.getByText("Thu, Jan 31, 2030")).toBeVisible();
    await screenshot(page, "06-todo-list");

    const answer = await page.request.get("/todos/", { headers: jsonHeaders });
    const { todos } = (await answer.json()) as { todos: { task: string; due: string | null }[] };
    expect(todos.find((todo) => todo.task === "Buy oat milk")?.due).toBe("2030-01-31T00:00:00Z");
  });

  let editUrl = "";

  await test.step("edit a to-do, reload its page, and mark it done", async () => {
    await page.getByRole("link", { name: "Buy oat milk" }).click();
    await expect(heading(page, "Edit to-do")).toBeVisible();
    await expect(page).toHaveURL(/\/todos\/\d+\/$/);
    editUrl = page.url();

    await page.reload();
    await expect(heading(page, "Edit to-do")).toBeVisible();
    await expect(page.getByRole("textbox", { name: "Task" })).toHaveValue("Buy oat milk");
    await expect(page.getByRole("spinbutton", { name: "Day" })).toHaveText("31");
    await screenshot(page, "07-edit-todo-after-reload");

    await page.getByRole("textbox", { name: "Task" }).fill("Buy oat milk and bread");
    await page.getByRole("checkbox", { name: "Done" }).check();
    await page.getByRole("button", { name: "Save" }).click();
    await expect(heading(page, "To-dos")).toBeVisible();
    await expect(page.getByText("To-do saved.")).toBeVisible();
    await expect(
      page.getByRole("checkbox", { name: "Mark “Buy oat milk and bread” as not done" }),
    ).toBeChecked();
  });

  await test.step("complete a to-do from the list and filter by done and to do", async () => {
    await page.getByRole("checkbox", { name: "Mark “Call the plumber” as done" }).click();
    await expect(
      page.getByRole("checkbox", { name: "Mark “Call the plumber” as not done" }),
    ).toBeChecked();

    const list = page.getByRole("list", { name: "To-dos" });
    await page.getByRole("button", { name: "Done", exact: true }).click();
    await expect(page).toHaveURL(/\?show=done$/);
    await expect(list.getByRole("listitem")).toHaveCount(2);
    await expect(list.getByRole("link", { name: "Water the plants" })).toHaveCount(0);
    await screenshot(page, "08-todo-list-done");

    await page.getByRole("button", { name: "To do", exact: true }).click();
    await expect(list.getByRole("listitem")).toHaveCount(1);
    await expect(list.getByRole("link", { name: "Water the plants" })).toBeVisible();

    await page.getByRole("button", { name: "All", exact: true }).click();
    await expect(list.getByRole("listitem")).toHaveCount(3);
  });

  await test.step("delete a to-do after confirming", async () => {
    await page.getByRole("button", { name: "Delete “Call the plumber”" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete this to-do?" });
    await expect(dialog).toBeVisible();
    await screenshot(page, "09-delete-dialog");
    await dialog.getByRole("button", { name: "Delete" }).click();
    await expect(page.getByText("To-do deleted.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Call the plumber" })).toHaveCount(0);
    await expect(page.getByRole("list", { name: "To-dos" }).getByRole("listitem")).toHaveCount(2);
  });

  await test.step("show not-found pages for a missing to-do and an unknown address", async () => {
    await page.goto(editUrl.replace(/\/todos\/\d+\/$/, "/todos/987654321/"));
    await expect(heading(page, "This to-do does not exist")).toBeVisible();
    await page.goto("/no/such/page/");
    await expect(heading(page, "This page does not exist")).toBeVisible();
    await screenshot(page, "10-not-found");
  });

  await test.step("change the password, refused a wrong current password first", async () => {
    await page.goto("/");
    await openAccountMenu(page);
    await page.getByRole("menuitem", { name: "Change password" }).click();
    await expect(heading(page, "Change password")).toBeVisible();
    await page.getByLabel("Current password", { exact: true }).fill("not my password at all");
    await page.getByLabel("New password", { exact: true }).fill(secondPassword);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText("That is not your current password.")).toBeVisible();
    await expect(page.getByLabel("New password", { exact: true })).toHaveValue(secondPassword);
    await screenshot(page, "11-change-password-wrong-current");

    await page.getByLabel("Current password", { exact: true }).fill(firstPassword);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText(/^Your password is changed\./)).toBeVisible();
    await expect(heading(page, "To-dos")).toBeVisible();
  });

  await test.step("log out", async () => {
    await openAccountMenu(page);
    await screenshot(page, "12-account-menu");
    await page.getByRole("menuitem", { name: "Log out" }).click();
    await expect(heading(page, "Log in")).toBeVisible();
    await expect(page.getByText("You are logged out.")).toBeVisible();
    await page.goto("/");
    await expect(page).toHaveURL(/\/login\/\?next=%2F$/);
  });

  await test.step("ask for a reset link for a forgotten password", async () => {
    await page.getByRole("link", { name: "Forgotten your password?" }).click();
    await expect(heading(page, "Forgotten password")).toBeVisible();
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Send reset link" }).click();
    await expect(page.getByText(/a reset link is on its way/)).toBeVisible();
    await screenshot(page, "13-forgotten-password");
  });

  await test.step("reset the password with the emailed link", async () => {
    const link = await waitForLink(email, "/reset-password/");
    expect(link.startsWith(`${baseUrl}/reset-password/`)).toBe(true);
    await page.goto(link);
    await expect(heading(page, "Choose a new password")).toBeVisible();
    await page.getByLabel("New password", { exact: true }).fill("tozo1234");
    await page.getByRole("button", { name: "Set new password" }).click();
    await expect(page.getByText(/^This password is too easy to guess\./)).toBeVisible();
    await screenshot(page, "14-reset-password-weak");

    await page.getByLabel("New password", { exact: true }).fill(thirdPassword);
    await page.getByRole("button", { name: "Set new password" }).click();
    await expect(heading(page, "Log in")).toBeVisible();
    await expect(page.getByText("Your password is changed. Log in with it now.")).toBeVisible();
    await screenshot(page, "15-login-after-reset");
  });

  await test.step("log in with the new password and find the to-dos kept", async () => {
    await logIn(page, email, thirdPassword);
    await expect(heading(page, "To-dos")).toBeVisible();
    const list = page.getByRole("list", { name: "To-dos" });
    await expect(list.getByRole("link", { name: "Buy oat milk and bread" })).toBeVisible();
    await expect(list.getByRole("link", { name: "Water the plants" })).toBeVisible();
  });
});

test("the error page reports to Sentry exactly once, with no personal data", async ({ page }) => {
  const secretToken = "e2e-secret-token-4f9a1c";
  const eventsBefore = (await sentryItems()).filter((item) => item.type === "event").length;

  // A page whose address carries a token, then a client-side navigation to the failing page,
  // so that the report's navigation history holds the token unless it was scrubbed.
  await page.goto(`/confirm-email/${secretToken}/`);
  await expect(page.getByText(/This confirmation link is not valid/)).toBeVisible();
  await page.evaluate(() => {
    window.history.pushState({}, "", "/test-error/");
    window.dispatchEvent(new PopStateEvent("popstate"));
  });
  await expect(heading(page, "Something went wrong")).toBeVisible();
  await expect(page.getByText(/^Reference:/)).toBeVisible();
  await screenshot(page, "16-error-page");

  const errorEvents = async () => (await sentryItems()).filter((item) => item.type === "event");
  await expect.poll(async () => (await errorEvents()).length - eventsBefore).toBe(1);
  // Leaving the page makes the SDK send anything still queued; a second report would show now.
  await page.goto("/login/");
  await expect(heading(page, "Log in")).toBeVisible();
  const events = (await errorEvents()).slice(eventsBefore);
  expect(events).toHaveLength(1);

  const event = events[0]?.payload as {
    environment?: string;
    release?: string;
    exception?: { values?: { value?: string }[] };
    user?: unknown;
  };
  expect(event.exception?.values?.[0]?.value).toContain("/test-error/ fails on purpose");
  expect(event.environment).toBe("e2e");
  expect(event.release).toMatch(/^tozo@/);
  expect(event.user).toBeUndefined();

  const everythingSent = (await sentryItems()).map((item) => item.raw).join("\n");
  expect(everythingSent).toContain("/confirm-email/[token]/");
  expect(everythingSent).not.toContain(secretToken);
  expect(everythingSent).not.toContain(email);
  expect(everythingSent).not.toMatch(/[\w.+-]+@example\.com/);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true });

  test("every page fits a 360 px wide screen", async ({ page }) => {
    const phoneEmail = newEmail();
    const registered = await page.request.post("/members/", {
      data: { email: phoneEmail, password: firstPassword },
    });
    expect(registered.status()).toBe(201);

    await page.goto("/login/");
    await expect(heading(page, "Log in")).toBeVisible();
    expect(await scrollsSideways(page)).toBe(false);
    await screenshot(page, "phone-01-login");

    await logIn(page, phoneEmail, firstPassword);
    await expect(page.getByText("Nothing here yet. Add your first to-do.")).toBeVisible();
    expect(await scrollsSideways(page)).toBe(false);
    await screenshot(page, "phone-02-empty-list");

    await page.getByRole("link", { name: "New to-do" }).click();
    await page
      .getByRole("textbox", { name: "Task" })
      .fill("Book the car in for its service, and ask about the squeaking brakes on the left");
    expect(await scrollsSideways(page)).toBe(false);
    await screenshot(page, "phone-03-new-todo");
    await page.getByRole("button", { name: "Add to-do" }).click();
    await expect(heading(page, "To-dos")).toBeVisible();
    expect(await scrollsSideways(page)).toBe(false);
    await screenshot(page, "phone-04-todo-list");

    await page.goto("/register/");
    await expect(heading(page, "Create your account")).toBeVisible();
    expect(await scrollsSideways(page)).toBe(false);
    await screenshot(page, "phone-05-register");
  });
});

test.describe("with a dark system theme", () => {
  test.use({ colorScheme: "dark" });

  test("the app turns dark too", async ({ page }) => {
    const darkEmail = newEmail();
    const registered = await page.request.post("/members/", {
      data: { email: darkEmail, password: firstPassword },
    });
    expect(registered.status()).toBe(201);
    await page.goto("/login/");
    await logIn(page, darkEmail, firstPassword);
    await expect(heading(page, "To-dos")).toBeVisible();
    await page.request.post("/todos/", {
      data: { task: "Read in the evening", due: "2030-06-01", complete: false },
    });
    await page.reload();
    await expect(page.getByRole("link", { name: "Read in the evening" })).toBeVisible();

    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe("rgb(16, 18, 24)");
    await screenshot(page, "dark-01-todo-list");
  });
});
