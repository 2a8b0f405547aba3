import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";

import { endsSession, isRetryable } from "./api/client";

export const sessionKey = ["session"] as const;

/** Forgets the session and everything fetched with it, so that the next page asks to log in. */
export function endClientSession(client: QueryClient): void {
  client.setQueryData(sessionKey, null);
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
}

const maximumRetries = 2;

export function createQueryClient(): QueryClient {
  const onError = (error: unknown) => {
    if (endsSession(error)) {
      endClientSession(client);
    }
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => isRetryable(error) && failureCount < maximumRetries,
      },
      mutations: { retry: false },
    },
  });
  return client;
}
