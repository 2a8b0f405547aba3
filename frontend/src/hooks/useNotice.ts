import { createContext, useContext } from "react";

export interface Notice {
  message: string;
  severity: "success" | "info" | "error";
}

export const NoticeContext = createContext<(notice: Notice) => void>(() => undefined);

/** Shows a short message at the bottom of the screen, e.g. after a page sends the person on. */
export function useNotice(): (notice: Notice) => void {
  return useContext(NoticeContext);
}
