import Box from "@mui/material/Box";
import LinearProgress from "@mui/material/LinearProgress";
import Typography from "@mui/material/Typography";

import { minimumScore, type PasswordStrength } from "../password/strength";

const scoreNames = ["Very weak", "Weak", "Fair", "Good", "Strong"] as const;

/** How guessable the new password is, updated as it is typed. */
export function PasswordStrengthMeter({ strength }: { strength: PasswordStrength | null }) {
  const score = strength?.score ?? 0;
  const strongEnough = score >= minimumScore;
  const advice = strength === null ? null : (strength.warning ?? strength.suggestions[0] ?? null);
  return (
    <Box aria-live="polite" sx={{ mt: -1 }}>
      <LinearProgress
        variant="determinate"
        value={strength === null ? 0 : (score + 1) * 20}
        color={
          strength === null
            ? "inherit"
            : strongEnough
              ? "success"
              : score === 2
                ? "warning"
                : "error"
        }
        aria-label="Password strength"
        sx={{ height: 6, borderRadius: 3 }}
      />
      <Typography variant="body2" color="text.secondary" sx={{ mt: 0.75 }}>
        {strength === null
          ? "Use a few unrelated words; longer is stronger."
          : `Strength: ${scoreNames[score]}.${advice === null || strongEnough ? "" : ` ${advice}`}`}
      </Typography>
    </Box>
  );
}
