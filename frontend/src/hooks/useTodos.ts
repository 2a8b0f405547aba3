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

/**
 * Saves a to-do. Lists show the change at once (a ticked box stays ticked) and go back to the
 * server's word when it answers, or if it refuses.
 */
export function useUpdateTodo() {
  const queryClient = useQueryClient();
  const listsKey = [...todosKey, "list"] as const;
  return useMutation({
    mutationFn: ({ id, draft }: { id: number; draft: TodoDraft }) => updateTodo(id, draft),
    onMutate: async ({ id, draft }) => {
      await queryClient.cancelQueries({ queryKey: listsKey });
      const before = queryClient.getQueriesData<Todo[]>({ queryKey: listsKey });
      queryClient.setQueriesData<Todo[]>({ queryKey: listsKey }, (todos) =>
        todos?.map((todo) => (todo.id === id ? { id, ...draft } : todo)),
      );
      return { before };
    },
    onError: (_error, _variables, context) => {
      for (const [key, todos] of context?.before ?? []) {
        queryClient.setQueryData(key, todos);
      }
    },
    onSuccess: (todo: Todo) => {
      queryClient.setQueryData([...todosKey, "one", todo.id], todo);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: listsKey }),
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
