import TextField, { type TextFieldProps } from "@mui/material/TextField";
import { useController, type Control, type FieldValues, type Path } from "react-hook-form";

type FormTextFieldProps<Values extends FieldValues> = Omit<
  TextFieldProps,
  "name" | "value" | "onChange" | "onBlur" | "error" | "inputRef"
> & {
  control: Control<Values>;
  name: Path<Values>;
};

/** A text field bound to a react-hook-form field, showing that field's error below it. */
export function FormTextField<Values extends FieldValues>({
  control,
  name,
  helperText,
  ...textFieldProps
}: FormTextFieldProps<Values>) {
  const { field, fieldState } = useController({ control, name });
  return (
    <TextField
      {...textFieldProps}
      name={field.name}
      value={field.value}
      onChange={field.onChange}
      onBlur={field.onBlur}
      inputRef={field.ref}
      disabled={field.disabled ?? textFieldProps.disabled}
      error={fieldState.error !== undefined}
      helperText={fieldState.error?.message ?? helperText}
    />
  );
}
