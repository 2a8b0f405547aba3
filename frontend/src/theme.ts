import { createTheme } from "@mui/material/styles";

/**
 * Calm indigo on soft neutrals. Both schemes are emitted as CSS variables and chosen by the
 * system's `prefers-color-scheme`, so no script has to pick one (the CSP allows none inline).
 */
export const theme = createTheme({
  cssVariables: { colorSchemeSelector: "media" },
  colorSchemes: {
    light: {
      palette: {
        primary: { main: "#3f51c4" },
        secondary: { main: "#0f766e" },
        background: { default: "#f5f6fa", paper: "#ffffff" },
        text: { primary: "#1c1f2b", secondary: "#555b6e" },
      },
    },
    dark: {
      palette: {
        primary: { main: "#a8b4ff" },
        secondary: { main: "#5eead4" },
        background: { default: "#101218", paper: "#191c24" },
        text: { primary: "#e7e9f0", secondary: "#a9aec0" },
      },
    },
  },
  shape: { borderRadius: 10 },
  typography: {
    fontFamily: '"Inter Variable", system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    h1: { fontSize: "1.75rem", fontWeight: 650, letterSpacing: "-0.01em" },
    h2: { fontSize: "1.25rem", fontWeight: 600 },
    button: { textTransform: "none", fontWeight: 600 },
  },
  components: {
    MuiButton: { defaultProps: { disableElevation: true } },
    MuiTextField: { defaultProps: { fullWidth: true } },
    MuiPaper: { defaultProps: { elevation: 0 } },
    MuiAppBar: { defaultProps: { elevation: 0, color: "inherit" } },
  },
});
