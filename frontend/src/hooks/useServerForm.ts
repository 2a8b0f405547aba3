import { zodResolver } from "@hookform/resolvers/zod";
import { useRef, type BaseSyntheticEvent } from "react";
import {
  useForm,
  type Control,
  type DefaultValues,
  type FieldValues,
  type Path,
  type UseFormSetError,
} from "react-hook-form";
import type { z } from "zod";

import { describeError, errorCode, type ErrorCode } from "../api/messages";

/** Where a form puts the server's answers that are not its generic sentence. */
export interface ServerErrorPlaces<Values extends FieldValues> {
  /** Codes about one field, shown under that field, which takes the focus. */
  fields?: Partial<Record<ErrorCode, Path<Values>>>;
  /** What this form says about a code that it can explain better than the general sentence. */
  messages?: Partial<Record<ErrorCode, string>>;
}

export interface ServerFormOptions<Values extends FieldValues> extends ServerErrorPlaces<Values> {
  schema: z.ZodType<Values, Values>;
  /** Give every field one, so that each input is controlled from the first render. */
  defaultValues: DefaultValues<Values>;
  /** Sends the checked values; a rejection is the server's refusal, shown on the form. */
  onSubmit: (values: Values) => Promise<void>;
}

/** What `ServerForm` and the fields need from a form that talks to the server. */
export interface ServerFormHandle<Values extends FieldValues> {
  control: Control<Values>;
  /** The form element's submit handler: checks the fields, then sends them once. */
  submit: (event?: BaseSyntheticEvent) => Promise<void>;
  /** Why the server refused the form, when the answer concerns no single field. */
  serverError: string | undefined;
  sending: boolean;
}

/**
 * A react-hook-form form checked by a zod schema whose refusals from the server become
 * messages on the form. The values stay as typed when the server refuses, so the person can
 * correct them and send again.
 */
export function useServerForm<Values extends FieldValues>({
  schema,
  defaultValues,
  onSubmit,
  fields,
  messages,
}: ServerFormOptions<Values>): ServerFormHandle<Values> {
  const { control, handleSubmit, setError, formState } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues,
  });

  // The busy button stops a second click, but not a second submit event fired before React
  // has drawn it busy (a double Enter); this flag is set before anything is awaited.
  const inFlight = useRef(false);
  const send = handleSubmit(async (values) => {
    try {
      await onSubmit(values);
    } catch (error) {
      showServerError(setError, error, { fields, messages });
    }
  });
  const submit = async (event?: BaseSyntheticEvent) => {
    if (inFlight.current) {
      event?.preventDefault();
      return;
    }
    inFlight.current = true;
    try {
      await send(event);
    } finally {
      inFlight.current = false;
    }
  };

  return {
    control,
    submit,
    serverError: formState.errors.root?.server?.message,
    sending: formState.isSubmitting,
  };
}

/** Shows why the server refused a form: on the field it concerns, or above the button. */
function showServerError<Values extends FieldValues>(
  setError: UseFormSetError<Values>,
  error: unknown,
  { fields, messages }: ServerErrorPlaces<Values>,
): void {
  const message = describeError(error, messages);
  const code = errorCode(error) as ErrorCode | null;
  const field = code === null ? undefined : fields?.[code];
  if (field === undefined) {
    setError("root.server", { type: "server", message });
  } else {
    setError(field, { type: "server", message }, { shouldFocus: true });
  }
}
