import { QueryClient } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactNode } from "react";
import { MemoryRouter } from "react-router";

import { AppProviders } from "../App";
import { createQueryClient, sessionKey } from "../queryClient";

/**
 * Renders with the app's own providers at a given address. The session is put straight into
 * the cache, as if the server had already answered GET /sessions/.
 */
export function renderWithApp(
  ui: ReactNode,
  { path = "/", session = null }: { path?: string; session?: { memberId: number } | null } = {},
): { queryClient: QueryClient } & ReturnType<typeof render> {
  const queryClient = createQueryClient();
  queryClient.setQueryData(sessionKey, session);
  const result = render(
    <AppProviders queryClient={queryClient}>
      <MemoryRouter initialEntries={[path]}>{ui}</MemoryRouter>
    </AppProviders>,
  );
  return { queryClient, ...result };
}
