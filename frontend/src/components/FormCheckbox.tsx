import Checkbox from "@mui/material/Checkbox";
import FormControlLabel from "@mui/material/FormControlLabel";
import {
  useController,
  type Control,
  type FieldPathByValue,
  type FieldValues,
} from "react-hook-form";

/** A labelled checkbox bound to a react-hook-form field that holds a boolean. */
export function FormCheckbox<Values extends FieldValues>({
  control,
  name,
  label,
}: {
  control: Control<Values>;
  name: FieldPathByValue<Values, boolean>;
  label: string;
}) {
  const { field } = useController({ control, name });
  return (
    <FormControlLabel
      label={label}
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
  );
}
