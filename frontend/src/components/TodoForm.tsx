import { zodResolver } from "@hookform/resolvers/zod";
import Checkbox from "@mui/material/Checkbox";
import FormControlLabel from "@mui/material/FormControlLabel";
import Stack from "@mui/material/Stack";
import { AdapterDayjs } from "@mui/x-date-pickers/AdapterDayjs";
import { DatePicker } from "@mui/x-date-pickers/DatePicker";
import { LocalizationProvider } from "@mui/x-date-pickers/LocalizationProvider";
import dayjs, { type Dayjs } from "dayjs";
import type { ReactNode } from "react";
import { Controller, useForm } from "react-hook-form";
import { z } from "zod";

import type { TodoDraft } from "../api/tozo";
import { dueToPickerValue, pickerValueToDue } from "../dates";
import { showServerError } from "../forms";
import { FormErrorAlert } from "./FormErrorAlert";
import { FormTextField } from "./FormTextField";
import { SubmitButton } from "./SubmitButton";

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

type TodoValues = z.infer<typeof todoSchema>;

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
  children?: ReactNode;
}) {
  const { control, handleSubmit, setError, formState } = useForm<TodoValues>({
    resolver: zodResolver(todoSchema),
    defaultValues: {
      task: initial.task,
      due: dueToPickerValue(initial.due),
      complete: initial.complete,
    },
  });

  const submit = handleSubmit(async (values) => {
    try {
      await onSubmit({
        task: values.task,
        due: pickerValueToDue(values.due, initial.due),
        complete: values.complete,
      });
    } catch (error) {
      showServerError(setError, error, {
        messages: { UNPROCESSABLE_ENTITY: "Check the task and the due date, then try again." },
      });
    }
  });

  return (
    <LocalizationProvider dateAdapter={AdapterDayjs}>
      <Stack component="form" noValidate spacing={2.5} onSubmit={submit}>
        <FormTextField
          control={control}
          name="task"
          label="Task"
          multiline
          minRows={2}
          maxRows={8}
        />
        <Controller
          control={control}
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
        {showComplete && (
          <Controller
            control={control}
            name="complete"
            render={({ field }) => (
              <FormControlLabel
                label="Done"
                control={
                  <Checkbox
                    name={field.name}
                    checked={field.value}
                    onChange={(event) => {
                      field.onChange(event.target.checked);
                    }}
                    slotProps={{ input: { ref: field.ref } }}
                  />
                }
              />
            )}
          />
        )}
        <FormErrorAlert message={formState.errors.root?.server?.message} />
        <SubmitButton pending={formState.isSubmitting}>{submitLabel}</SubmitButton>
        {children}
      </Stack>
    </LocalizationProvider>
  );
}
