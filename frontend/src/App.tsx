import CssBaseline from "@mui/material/CssBaseline";
import { ThemeProvider } from "@mui/material/styles";
import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { lazy } from "react";
import { BrowserRouter, Route } from "react-router";

import { AppLayout } from "./components/AppLayout";
import { NoticeProvider } from "./components/NoticeProvider";
import { PageErrorBoundary } from "./components/PageErrorBoundary";
import { RequireSession } from "./components/RequireSession";
import { MonitoredRoutes } from "./monitoring/sentry";
import { ChangePasswordPage } from "./pages/ChangePasswordPage";
import { ConfirmEmailPage } from "./pages/ConfirmEmailPage";
import { ForgottenPasswordPage } from "./pages/ForgottenPasswordPage";
import { LoginPage } from "./pages/LoginPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { RegisterPage } from "./pages/RegisterPage";
import { ResetPasswordPage } from "./pages/ResetPasswordPage";
import { TestErrorPage } from "./pages/TestErrorPage";
import { TodosPage } from "./pages/TodosPage";
import { theme } from "./theme";

// The to-do form brings the date picker, the largest part of the app: it loads on first use.
const NewTodoPage = lazy(() =>
  import("./pages/NewTodoPage").then((page) => ({ default: page.NewTodoPage })),
);
const EditTodoPage = lazy(() =>
  import("./pages/EditTodoPage").then((page) => ({ default: page.EditTodoPage })),
);

/** Every page of the app by its path; all paths end with a slash, like the API's. */
export function AppRoutes() {
  return (
    <MonitoredRoutes>
      <Route element={<AppLayout />}>
        <Route element={<RequireSession />}>
          <Route index element={<TodosPage />} />
          <Route path="todos/new/" element={<NewTodoPage />} />
          <Route path="todos/:id/" element={<EditTodoPage />} />
          <Route path="change-password/" element={<ChangePasswordPage />} />
        </Route>
        <Route path="register/" element={<RegisterPage />} />
        <Route path="confirm-email/:token/" element={<ConfirmEmailPage />} />
        <Route path="login/" element={<LoginPage />} />
        <Route path="forgotten-password/" element={<ForgottenPasswordPage />} />
        <Route path="reset-password/:token/" element={<ResetPasswordPage />} />
        <Route path="test-error/" element={<TestErrorPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </MonitoredRoutes>
  );
}

/** The providers every page relies on: theme, server state and notices. */
export function AppProviders({
  queryClient,
  children,
}: {
  queryClient: QueryClient;
  children: React.ReactNode;
}) {
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline enableColorScheme />
      <QueryClientProvider client={queryClient}>
        <NoticeProvider>{children}</NoticeProvider>
      </QueryClientProvider>
    </ThemeProvider>
  );
}

export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <AppProviders queryClient={queryClient}>
      <PageErrorBoundary>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </PageErrorBoundary>
    </AppProviders>
  );
}
