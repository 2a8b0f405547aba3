import { useNavigate } from "react-router";

import { ChangePasswordForm } from "../components/ChangePasswordForm";
import { PageCard } from "../components/PageCard";
import { useChangePassword } from "../hooks/useMemberActions";
import { useNotice } from "../hooks/useNotice";

export function ChangePasswordPage() {
  const changePassword = useChangePassword();
  const navigate = useNavigate();
  const notify = useNotice();

  return (
    <PageCard title="Change password">
      <ChangePasswordForm
        onSubmit={async (passwords) => {
          await changePassword.mutateAsync(passwords);
          notify({
            message: "Your password is changed. Your other devices are logged out.",
            severity: "success",
          });
          await navigate("/");
        }}
      />
    </PageCard>
  );
}
