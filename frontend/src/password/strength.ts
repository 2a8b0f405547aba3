import type { ZxcvbnFactory } from "@zxcvbn-ts/core";

/** The server accepts a password when zxcvbn scores it at least this. */
export const minimumScore = 3;

export interface PasswordStrength {
  score: 0 | 1 | 2 | 3 | 4;
  warning: string | null;
  suggestions: string[];
}

export type StrengthChecker = Pick<ZxcvbnFactory, "check">;

let checker: Promise<StrengthChecker> | null = null;

/**
 * Loads zxcvbn and its word lists once. They weigh more than the rest of the app together, so
 * they come in their own chunk, fetched when a password field first appears.
 */
export function loadStrengthChecker(): Promise<StrengthChecker> {
  checker ??= Promise.all([
    import("@zxcvbn-ts/core"),
    import("@zxcvbn-ts/language-common"),
    import("@zxcvbn-ts/language-en"),
  ]).then(
    ([core, common, english]) =>
      new core.ZxcvbnFactory({
        dictionary: { ...common.dictionary, ...english.dictionary },
        graphs: common.adjacencyGraphs,
        translations: english.translations,
      }),
  );
  return checker;
}

/** Scores a password; words the person typed elsewhere on the form count against it. */
export function measure(
  strengthChecker: StrengthChecker,
  password: string,
  userInputs: string[] = [],
): PasswordStrength {
  const result = strengthChecker.check(password, userInputs);
  return {
    score: result.score,
    warning: result.feedback.warning === "" ? null : result.feedback.warning,
    suggestions: result.feedback.suggestions,
  };
}

export async function measurePassword(
  password: string,
  userInputs: string[] = [],
): Promise<PasswordStrength> {
  return measure(await loadStrengthChecker(), password, userInputs);
}

/**
 * The words of an email that a guesser would try first: zxcvbn matches user inputs as whole
 * words, so the address alone would not catch a password built from its parts.
 */
export function emailWords(email: string): string[] {
  const trimmed = email.trim().toLowerCase();
  if (trimmed === "") {
    return [];
  }
  const localPart = trimmed.split("@")[0] ?? "";
  const words = trimmed.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length >= 3);
  return [...new Set([trimmed, localPart, ...words])];
}

export function isStrongEnough(strength: PasswordStrength): boolean {
  return strength.score >= minimumScore;
}

/**
 * What a too-weak password's field says. The strength meter under it carries zxcvbn's advice,
 * so this does not repeat it.
 */
export const weakPasswordMessage = "This password is too easy to guess.";
