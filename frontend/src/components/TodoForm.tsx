import { AdapterDayjs } from "@mui/x-date-pickers/AdapterDayjs";
import { DatePicker } from "@mui/x-date-pickers/DatePicker";
import { LocalizationProvider } from "@mui/x-date-pickers/LocalizationProvider";
import dayjs, { type Dayjs } from "dayjs";
import type { ReactNode } from "react";
import { Controller } from "react-hook-form";
import { z } from "zod";

import type { TodoDraft } from "../api/tozo";
import { dueToPickerValue, pickerValueToDue } from "../dates";
import { useServerForm } from "../hooks/useServerForm";
import { FormCheckbox } from "./FormCheckbox";
import { FormTextField } from "./FormTextField";
import { ServerForm } from "./ServerForm";

const maximumTaskLength = 10000;

const todoSchema = z.object({
  task: z
    .string()
    .trim()
    .min(1, "Write what needs doing.")
    .refine(
      (task) => Array.from(task).length <= maximumTaskLength,
      "Keep it under 10,000 characters.",
    ),
  due: z
    .custom<Dayjs>(
      (value) => dayjs.isDayjs(value) && value.isValid(),
      "Enter a whole date, or clear it.",
    )
    .nullable(),
  complete: z.boolean(),
});

/** A to-do's fields: the task, an optional due date and, once it exists, whether it is done. */
export function TodoForm({
  initial,
  showComplete,
  submitLabel,
  onSubmit,
  children,
}: {
  initial: TodoDraft;
  showComplete: boolean;
  submitLabel: string;
  onSubmit: (draft: TodoDraft) => Promise<void>;
  /** What stands under the button, such as a way to leave without saving. */
  children?: ReactNode;
}) {
  const form = useServerForm({
    schema: todoSchema,
    defaultValues: {
      task: initial.task,
      due: dueToPickerValue(initial.due),
      complete: initial.complete,
    },
    onSubmit: (values) =>
      onSubmit({
        task: values.task,
        due: pickerValueToDue(values.due, initial.due),
        complete: values.complete,
      }),
    messages: { UNPROCESSABLE_ENTITY: "Check the task and the due date, then try again." },
  });

  return (
    <LocalizationProvider dateAdapter={AdapterDayjs}>
      <ServerForm form={form} submitLabel={submitLabel} footer={children}>
        <FormTextField
          control={form.control}
          name="task"
          label="Task"
          multiline
          minRows={2}
          maxRows={8}
        />
        <Controller
          control={form.control}
          name="due"
          render={({ field, fieldState }) => (
            <DatePicker
              label="Due date (optional)"
              value={field.value}
              onChange={field.onChange}
              inputRef={field.ref}
              slotProps={{
                field: { clearable: true },
                textField: {
                  name: field.name,
                  onBlur: field.onBlur,
                  fullWidth: true,
                  error: fieldState.error !== undefined,
                  helperText: fieldState.error?.message,
                },
              }}
            />
          )}
        />
        {showComplete && <FormCheckbox control={form.control} name="complete" label="Done" />}
      </ServerForm>
    </LocalizationProvider>
  );
}
