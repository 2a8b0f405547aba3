import Box from "@mui/material/Box";
import Container from "@mui/material/Container";
import Link from "@mui/material/Link";
import { Suspense } from "react";
import { Outlet, useLocation } from "react-router";

import { PageErrorBoundary } from "./PageErrorBoundary";
import { PageLoading } from "./PageLoading";
import { TopBar } from "./TopBar";

export function AppLayout() {
  const location = useLocation();
  return (
    <Box sx={{ minHeight: "100vh", bgcolor: "background.default" }}>
      <Link
        href="#main"
        sx={{
          position: "absolute",
          left: 8,
          top: -48,
          zIndex: 2000,
          p: 1,
          bgcolor: "background.paper",
          "&:focus": { top: 8 },
        }}
      >
        Skip to content
      </Link>
      <TopBar />
      <Container component="main" id="main" maxWidth="sm" sx={{ py: { xs: 3, sm: 6 } }}>
        {/* A new page gets a fresh boundary, so leaving a failed page clears the error. */}
        <PageErrorBoundary key={location.pathname}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </PageErrorBoundary>
      </Container>
    </Box>
  );
}
