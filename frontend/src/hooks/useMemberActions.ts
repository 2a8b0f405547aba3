import { useMutation, useQueryClient } from "@tanstack/react-query";

import {
  changePassword,
  confirmEmail,
  register,
  requestPasswordReset,
  resetPassword,
} from "../api/tozo";
import { sessionKey } from "../queryClient";

export function useRegister() {
  return useMutation({ mutationFn: register });
}

export function useConfirmEmail() {
  return useMutation({ mutationFn: confirmEmail });
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: requestPasswordReset });
}

export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resetPassword,
    // A reset ends every session of that member, possibly one in this browser.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKey }),
  });
}
