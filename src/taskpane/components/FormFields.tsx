import { Field, Input, Radio, RadioGroup } from "@fluentui/react-components";

/** A labelled text box with a hint, showing its error (if any) beneath it. */
export function TextField({
  label,
  hint,
  error,
  value,
  inputMode,
  disabled,
  onChange,
}: {
  label: string;
  hint: string;
  error: string | undefined;
  value: string;
  inputMode: "decimal" | "numeric" | "text";
  disabled: boolean;
  onChange: (value: string) => void;
}) {
  return (
    <Field label={label} hint={hint} validationState={error ? "error" : "none"} validationMessage={error}>
      <Input
        value={value}
        inputMode={inputMode}
        disabled={disabled}
        onChange={(_, data) => onChange(data.value)}
      />
    </Field>
  );
}

/**
 * A labelled group of radio buttons, one per choice. A value that is not among the choices (none
 * should arrive) counts as the first choice, so the draft always holds one of them.
 */
export function ChoiceField<Value extends string>({
  label,
  value,
  choices,
  disabled,
  onChange,
}: {
  label: string;
  value: Value;
  choices: readonly [{ value: Value; label: string }, ...{ value: Value; label: string }[]];
  disabled: boolean;
  onChange: (value: Value) => void;
}) {
  return (
    <Field label={label}>
      <RadioGroup
        value={value}
        disabled={disabled}
        onChange={(_, data) =>
          onChange(choices.find((choice) => choice.value === data.value)?.value ?? choices[0].value)
        }
      >
        {choices.map((choice) => (
          <Radio key={choice.value} value={choice.value} label={choice.label} />
        ))}
      </RadioGroup>
    </Field>
  );
}
