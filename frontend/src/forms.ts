import { z } from "zod";

import { isStrongEnough, measurePassword, weakPasswordMessage } from "./password/strength";

export const emailField = z.email({ error: "Enter an email address, like name@example.com." });

/**
 * A refinement for a form's schema that refuses a password zxcvbn scores below what the server
 * accepts, so that the person hears it under the field before anything is sent.
 * `guessableWords` picks what else on the form a guesser would try, such as the email's words.
 */
export function refuseWeakPassword<Field extends string, Values extends Record<Field, string>>(
  field: Field,
  guessableWords: (values: Values) => string[] = () => [],
) {
  return async (values: Values, context: z.RefinementCtx<Values>): Promise<void> => {
    const strength = await measurePassword(values[field], guessableWords(values));
    if (!isStrongEnough(strength)) {
      context.addIssue({ code: "custom", path: [field], message: weakPasswordMessage });
    }
  };
}
