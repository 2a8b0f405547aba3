import Button from "@mui/material/Button";
import { Link as RouterLink, useNavigate } from "react-router";

import { PageCard } from "../components/PageCard";
import { TodoForm } from "../components/TodoForm";
import { useNotice } from "../hooks/useNotice";
import { useCreateTodo } from "../hooks/useTodos";

export function NewTodoPage() {
  const create = useCreateTodo();
  const navigate = useNavigate();
  const notify = useNotice();

  return (
    <PageCard title="New to-do">
      <TodoForm
        initial={{ task: "", due: null, complete: false }}
        showComplete={false}
        submitLabel="Add to-do"
        onSubmit={async (draft) => {
          await create.mutateAsync(draft);
          notify({ message: "To-do added.", severity: "success" });
          await navigate("/");
        }}
      >
        <Button component={RouterLink} to="/" fullWidth>
          Cancel
        </Button>
      </TodoForm>
    </PageCard>
  );
}
