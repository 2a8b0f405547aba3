import Typography from "@mui/material/Typography";
import { useEffect, useRef } from "react";

/**
 * The page's one `h1`. It names the browser tab and takes focus when the page opens, so that a
 * screen reader announces the new page after a navigation.
 */
export function PageHeading({ children }: { children: string }) {
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${children} · Tozo`;
    heading.current?.focus({ preventScroll: true });
  }, [children]);

  return (
    <Typography ref={heading} variant="h1" tabIndex={-1} sx={{ mb: 3, outline: "none" }}>
      {children}
    </Typography>
  );
}
