import { z } from "zod";

import { ApiError, request } from "./client";

const todoSchema = z.object({
  id: z.number().int(),
  task: z.string(),
  due: z.string().nullable(),
  complete: z.boolean(),
});

export type Todo = z.infer<typeof todoSchema>;

/** What a person writes for a to-do; `due` is `YYYY-MM-DD`, an RFC 3339 time, or null. */
export type TodoDraft = Omit<Todo, "id">;

export type TodoFilter = "all" | "todo" | "done";

const todoListSchema = z.object({ todos: z.array(todoSchema) });

const sessionSchema = z.object({ memberId: z.number().int() });

export type Session = z.infer<typeof sessionSchema>;

const runtimeConfigSchema = z.object({
  sentryDsn: z.string().nullable(),
  environment: z.string(),
  release: z.string(),
  tracesSampleRate: z.number().min(0).max(1).optional(),
});

export type RuntimeConfig = z.infer<typeof runtimeConfigSchema>;

export async function getRuntimeConfig(): Promise<RuntimeConfig> {
  return runtimeConfigSchema.parse(await request("GET", "/control/config/"));
}

/** The current session, or null when this browser is not logged in. */
export async function getSession(): Promise<Session | null> {
  try {
    return sessionSchema.parse(await request("GET", "/sessions/"));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      return null;
    }
    throw error;
  }
}

export interface Credentials {
  email: string;
  password: string;
}

export async function logIn(credentials: Credentials & { remember: boolean }): Promise<void> {
  await request("POST", "/sessions/", credentials);
}

export async function logOut(): Promise<void> {
  await request("DELETE", "/sessions/");
}

export async function register(credentials: Credentials): Promise<void> {
  await request("POST", "/members/", credentials);
}

export async function confirmEmail(token: string): Promise<void> {
  await request("PUT", "/members/email/", { token });
}

export async function changePassword(passwords: {
  currentPassword: string;
  newPassword: string;
}): Promise<void> {
  await request("PUT", "/members/password/", passwords);
}

export async function requestPasswordReset(email: string): Promise<void> {
  await request("PUT", "/members/forgotten-password/", { email });
}

export async function resetPassword(reset: { token: string; password: string }): Promise<void> {
  await request("PUT", "/members/reset-password/", reset);
}

const completeParameter: Record<TodoFilter, string> = {
  all: "",
  todo: "?complete=false",
  done: "?complete=true",
};

export async function listTodos(filter: TodoFilter): Promise<Todo[]> {
  const body = await request("GET", `/todos/${completeParameter[filter]}`);
  return todoListSchema.parse(body).todos;
}

export async function getTodo(id: number): Promise<Todo> {
  return todoSchema.parse(await request("GET", `/todos/${id}/`));
}

export async function createTodo(draft: TodoDraft): Promise<Todo> {
  return todoSchema.parse(await request("POST", "/todos/", draft));
}

export async function updateTodo(id: number, draft: TodoDraft): Promise<Todo> {
  return todoSchema.parse(await request("PUT", `/todos/${id}/`, draft));
}

export async function deleteTodo(id: number): Promise<void> {
  await request("DELETE", `/todos/${id}/`);
}
