import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { getSession, logIn, logOut } from "../api/tozo";
import { endClientSession, sessionKey } from "../queryClient";

/**
 * Whether this browser is logged in. Asked once and then kept: the server allows only a few
 * status checks a minute, and every 401 elsewhere ends the session in the cache anyway.
 */
export function useSession() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: getSession,
    staleTime: Infinity,
    gcTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

export function useLogIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logIn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKey }),
  });
}

export function useLogOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logOut,
    onSuccess: () => {
      endClientSession(queryClient);
    },
  });
}
