import { expect, type Page } from "@playwright/test";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";

import type { CaughtEmail } from "./postmark-stand-in";
import type { EnvelopeItem } from "./sentry-stand-in";

function required(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === "") {
    throw new Error(`${name} is not set: run the suite with scripts/test-e2e`);
  }
  return value;
}

const standIns = JSON.parse(readFileSync(required("TOZO_E2E_STAND_INS"), "utf8")) as {
  postmarkUrl: string;
  sentryUrl: string;
};

export const baseUrl = required("TOZO_E2E_BASE_URL");

const screenshotDirectory = required("TOZO_E2E_SCREENSHOTS");
mkdirSync(screenshotDirectory, { recursive: true });

/** Saves the whole page as `<name>.png` in the folder scripts/test-e2e prints. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({
    path: path.join(screenshotDirectory, `${name}.png`),
    fullPage: true,
    animations: "disabled",
  });
}

export async function caughtEmails(): Promise<CaughtEmail[]> {
  const response = await fetch(`${standIns.postmarkUrl}/stand-in/emails`);
  return (await response.json()) as CaughtEmail[];
}

/**
 * Waits for an email to `to` containing a link whose path starts with `pathPrefix`, and
 * returns that link. The server sends emails after it answers, so they arrive a little later.
 */
export async function waitForLink(to: string, pathPrefix: string): Promise<string> {
  const linkPattern = new RegExp(`https?://[^\\s"'<>]+${pathPrefix}[^\\s"'<>]+/`);
  let link: string | undefined;
  await expect
    .poll(
      async () => {
        const emails = (await caughtEmails()).filter((email) => email.to.includes(to));
        link = emails
          .map((email) => linkPattern.exec(email.textBody)?.[0])
          .findLast((found) => found !== undefined);
        return link;
      },
      { message: `an email to ${to} with a ${pathPrefix} link`, timeout: 15_000 },
    )
    .toBeDefined();
  return link ?? "";
}

export async function sentryItems(): Promise<EnvelopeItem[]> {
  const response = await fetch(`${standIns.sentryUrl}/stand-in/items`);
  return (await response.json()) as EnvelopeItem[];
}

/** A new member's address, different on every run so that runs never meet. */
export function newEmail(): string {
  return `e2e-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}

/** Whether the page is wider than the window, i.e. would scroll sideways. */
export async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}
