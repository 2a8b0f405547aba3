import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import {
  createTodo,
  deleteTodo,
  getTodo,
  listTodos,
  updateTodo,
  type Todo,
  type TodoDraft,
  type TodoFilter,
} from "../api/tozo";

const todosKey = ["todos"] as const;

export function useTodos(filter: TodoFilter) {
  return useQuery({ queryKey: [...todosKey, "list", filter], queryFn: () => listTodos(filter) });
}

export function useTodo(id: number) {
  return useQuery({ queryKey: [...todosKey, "one", id], queryFn: () => getTodo(id) });
}

export function useCreateTodo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createTodo,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: todosKey }),
  });
}

export function useUpdateTodo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, draft }: { id: number; draft: TodoDraft }) => updateTodo(id, draft),
    onSuccess: (todo: Todo) => {
      queryClient.setQueryData([...todosKey, "one", todo.id], todo);
      return queryClient.invalidateQueries({ queryKey: [...todosKey, "list"] });
    },
  });
}

export function useDeleteTodo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteTodo,
    onSuccess: async (_nothing, id) => {
      // Left in the cache but stale: removing it would make an open edit page fetch it again.
      await queryClient.invalidateQueries({
        queryKey: [...todosKey, "one", id],
        refetchType: "none",
      });
      await queryClient.invalidateQueries({ queryKey: [...todosKey, "list"] });
    },
  });
}
