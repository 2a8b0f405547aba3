import Alert from "@mui/material/Alert";

/** Why the server refused the form; announced as soon as it appears. */
export function FormErrorAlert({ message }: { message: string | undefined }) {
  if (message === undefined) {
    return null;
  }
  return (
    <Alert severity="error" role="alert">
      {message}
    </Alert>
  );
}
