import { describe, expect, it, vi } from "vitest";

import { ApiError } from "./api/client";
import { createQueryClient, sessionKey } from "./queryClient";

describe("the query client", () => {
  it("ends the session and forgets its data when a request answers 401", async () => {
    const client = createQueryClient();
    client.setQueryData(sessionKey, { memberId: 1 });
    client.setQueryData(["todos", "list", "all"], []);

    await client
      .query({
        queryKey: ["todos", "one", 5],
        queryFn: () => Promise.reject(new ApiError(401, "UNAUTHORIZED")),
      })
      .catch(() => undefined);

    expect(client.getQueryData(sessionKey)).toBeNull();
    expect(client.getQueryData(["todos", "list", "all"])).toBeUndefined();
  });

  it("keeps the session when a wrong current password answers 401", async () => {
    const client = createQueryClient();
    client.setQueryData(sessionKey, { memberId: 1 });

    const mutation = client.getMutationCache().build(client, {
      mutationFn: () => Promise.reject(new ApiError(401, "INVALID_PASSWORD")),
    });
    await mutation.execute(undefined).catch(() => undefined);

    expect(client.getQueryData(sessionKey)).toEqual({ memberId: 1 });
  });

  it("does not repeat a request the server refused", async () => {
    const client = createQueryClient();
    const queryFn = vi.fn(() => Promise.reject(new ApiError(404, "NOT_FOUND")));

    await client.query({ queryKey: ["todos", "one", 9], queryFn }).catch(() => undefined);

    expect(queryFn).toHaveBeenCalledTimes(1);
  });
});
