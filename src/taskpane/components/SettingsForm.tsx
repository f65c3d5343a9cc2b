import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { SettingsDraft, SettingsField } from "../settingsDraft";
import { ChoiceField, TextField } from "./FormFields";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  fieldset: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    margin: 0,
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, paddingInline: tokens.spacingHorizontalXS },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS },
});

export interface SettingsFormProps {
  draft: SettingsDraft;
  errors: Partial<Record<SettingsField, string>>;
  disabled: boolean;
  onChange: (change: Partial<SettingsDraft>) => void;
  onSave: () => void;
  onReset: () => void;
}

/** Case settings stored in CBA_Settings: discounting, horizon, rounding, risk bands, contingency. */
export function SettingsForm({ draft, errors, disabled, onChange, onSave, onReset }: SettingsFormProps) {
  const styles = useStyles();
  const text = (
    field: SettingsField,
    label: string,
    hint: string,
    inputMode: "decimal" | "numeric" | "text",
  ) => (
    <TextField
      label={label}
      hint={hint}
      error={errors[field]}
      value={draft[field]}
      inputMode={inputMode}
      disabled={disabled || (field === "discountRatePercent" && draft.discountBasis !== "single")}
      onChange={(value) => onChange({ [field]: value })}
    />
  );

  return (
    <form
      className={styles.form}
      aria-label="Case settings"
      onSubmit={(event) => {
        event.preventDefault();
        onSave();
      }}
    >
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>Discounting</legend>
        <ChoiceField
          label="Discount rate basis"
          value={draft.discountBasis}
          disabled={disabled}
          choices={[
            { value: "single", label: "One rate for every year" },
            { value: "greenBook", label: "Green Book schedule (3.5% to year 30, then 3.0%)" },
            {
              value: "greenBookHealth",
              label: "Green Book health schedule (1.5% to year 30, then declining)",
            },
          ]}
          onChange={(discountBasis) => onChange({ discountBasis })}
        />
        {text("discountRatePercent", "Discount rate (%)", "Real annual rate, e.g. 3.5", "decimal")}
        {text("horizonYears", "Horizon (years)", "Years after year 0, e.g. 10", "numeric")}
      </fieldset>

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>Apportionment</legend>
        {text(
          "roundingUnit",
          "Rounding unit",
          "In the case's unit: 1 = £1k when amounts are £'000",
          "decimal",
        )}
      </fieldset>

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>Risk bands</legend>
        {text(
          "riskBandThresholds",
          "Highest score in each band but the last",
          "e.g. 10, 15 for 1–10, 11–15, 16–25",
          "text",
        )}
        {text("riskBandLabels", "Band labels, lowest first", "e.g. Low, Medium, High", "text")}
      </fieldset>

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>Contingency case</legend>
        {text("contingencyCostIncreasePercent", "Increase to costs (%)", "e.g. 25; 0 for none", "decimal")}
        {text(
          "contingencySavingDecreasePercent",
          "Decrease to savings (%)",
          "e.g. 25; 0 for none",
          "decimal",
        )}
      </fieldset>

      <div className={styles.buttons}>
        <Button appearance="primary" type="submit" disabled={disabled}>
          Save settings
        </Button>
        <Button type="button" disabled={disabled} onClick={onReset}>
          Undo changes
        </Button>
      </div>
    </form>
  );
}
