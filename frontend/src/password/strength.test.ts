import { describe, expect, it } from "vitest";

import { emailWords, isStrongEnough, measurePassword, minimumScore } from "./strength";

describe("password strength", () => {
  it("uses the server's threshold", () => {
    expect(minimumScore).toBe(3);
  });

  it("refuses a common password and says why", async () => {
    const strength = await measurePassword("password123");
    expect(isStrongEnough(strength)).toBe(false);
    expect(strength.warning ?? strength.suggestions[0]).toMatch(/\S/);
  });

  it("accepts a passphrase of unrelated words", async () => {
    expect(isStrongEnough(await measurePassword("copper lantern drifts over quiet marsh"))).toBe(
      true,
    );
  });

  it("counts the person's own email against the password", async () => {
    const password = "tamsin.oakridge1987";
    const alone = await measurePassword(password);
    const withEmail = await measurePassword(
      password,
      emailWords("Tamsin.Oakridge1987@example.com"),
    );
    expect(withEmail.score).toBeLessThan(alone.score);
  });
});

describe("emailWords", () => {
  it("gives the address, its local part and its words", () => {
    expect(emailWords(" Ada.King@Example.com ")).toEqual([
      "ada.king@example.com",
      "ada.king",
      "ada",
      "king",
      "example",
      "com",
    ]);
    expect(emailWords("")).toEqual([]);
  });
});
