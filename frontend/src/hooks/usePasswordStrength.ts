import { useEffect, useMemo, useState } from "react";

import {
  emailWords,
  loadStrengthChecker,
  measure,
  type PasswordStrength,
  type StrengthChecker,
} from "../password/strength";

/**
 * The strength of a password as it is typed, or null while zxcvbn loads or nothing is typed.
 * Words from the email on the same form count against it.
 */
export function usePasswordStrength(password: string, email = ""): PasswordStrength | null {
  const [checker, setChecker] = useState<StrengthChecker | null>(null);

  useEffect(() => {
    let active = true;
    void loadStrengthChecker().then((loaded) => {
      if (active) {
        setChecker(loaded);
      }
    });
    return () => {
      active = false;
    };
  }, []);

  return useMemo(() => {
    if (checker === null || password === "") {
      return null;
    }
    return measure(checker, password, emailWords(email));
  }, [checker, password, email]);
}
