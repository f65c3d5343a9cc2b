/**
 * Writing settings back into CBA_Settings: which cells change, and what each setting is stored
 * as, so the contract reader reads back exactly the settings that were saved.
 */
import { offsetAddress } from "./cellAddress";
import {
  inputRangeNames,
  matchesColumn,
  settingColumns,
  settingKeys,
  type SettingKey,
} from "./inputContract";
import { InputTable } from "./inputTable";
import type { CellUpdate, CellValue, WorkbookSnapshot } from "./workbookPort";

/** The settings a user can change from the task pane, stored in `CBA_Settings` so they travel with the workbook. */
export interface CaseSettingsValues {
  /** Annual discount rate as a fraction (0.035 = 3.5%), or the Green Book (standard or health) per-year schedule. */
  discountRate: number | "greenBook" | "greenBookHealth";
  /** Years after year 0 over which cashflows run. */
  horizonYears: number;
  /** Rounding unit of apportioned parts, in the case's unit (1 = £1k when amounts are £'000). */
  roundingUnit: number;
  /** Risk bands: ascending upper bounds of each band's score, and one label more than bounds. */
  riskBands: { thresholds: number[]; labels: string[] };
  /** Contingency case: costs raised and savings lowered by these fractions (0.25 = 25%); 0 and 0 = none. */
  contingency: { costIncrease: number; savingDecrease: number };
}

/** The values each setting is stored as in CBA_Settings' Value column. */
function storedSettingValues(settings: CaseSettingsValues): Partial<Record<SettingKey, CellValue>> {
  const noContingency = settings.contingency.costIncrease === 0 && settings.contingency.savingDecrease === 0;
  return {
    discountRate: storedDiscountRate(settings.discountRate),
    horizonYears: settings.horizonYears,
    roundingUnit: settings.roundingUnit,
    // Text, so a single limit such as "10" is not mistaken for a list of one number by a reader.
    riskBandThresholds: settings.riskBands.thresholds.join(", "),
    riskBandLabels: settings.riskBands.labels.join(", "),
    // Blank cells, not zeros, when there is no contingency: zeros would add a case equal to its source.
    contingencyOnCosts: noContingency ? null : settings.contingency.costIncrease,
    contingencyOnSavings: noContingency ? null : settings.contingency.savingDecrease,
  };
}

function storedDiscountRate(rate: CaseSettingsValues["discountRate"]): CellValue {
  if (rate === "greenBook") return "Green Book";
  if (rate === "greenBookHealth") return "Green Book health";
  return rate;
}

/** Label written into a blank row for a setting CBA_Settings does not list yet. */
const settingLabels: Partial<Record<SettingKey, string>> = {
  discountRate: "Discount rate",
  horizonYears: "Horizon years",
  roundingUnit: "Rounding unit",
  riskBandThresholds: "Risk band thresholds",
  riskBandLabels: "Risk band labels",
  contingencyOnCosts: "Contingency on costs",
  contingencyOnSavings: "Contingency on savings",
};

/**
 * Cell updates that store the settings in CBA_Settings: each setting's Value cell where its row
 * exists, otherwise a blank row inside the range. The range is never grown: a name cannot be
 * widened through the port, and a row outside it would not be read back.
 *
 * @example
 * const snapshot = await port.read([inputRangeNames.settings]);
 * await port.write({ sheets: [], cellUpdates: settingsUpdates(snapshot, settings) });
 */
export function settingsUpdates(snapshot: WorkbookSnapshot, settings: CaseSettingsValues): CellUpdate[] {
  const data = snapshot.ranges.get(inputRangeNames.settings.toUpperCase());
  if (!data) {
    throw new Error(
      `This workbook has no ${inputRangeNames.settings} range to store settings in. Add a two-column table named ${inputRangeNames.settings} with the headers Setting and Value, then save again.`,
    );
  }
  const table = new InputTable(inputRangeNames.settings, data);
  const settingColumn = table.findColumn(settingColumns.setting);
  const valueColumn = table.findColumn(settingColumns.value);
  if (settingColumn === undefined || valueColumn === undefined) {
    throw new Error(
      `${inputRangeNames.settings} needs a Setting column and a Value column in its header row.`,
    );
  }
  const rowOf = (key: SettingKey) =>
    table.rows.find((row) => matchesColumn(String(table.cell(row, settingColumn) ?? ""), settingKeys[key]));
  const blankRows = data.values
    .map((cells, index) => ({ cells, index }))
    .filter(({ cells, index }) => index > 0 && cells.every((cell) => cell === null || cell === ""))
    .map(({ index }) => index);

  const updates: CellUpdate[] = [];
  const unplaced: string[] = [];
  const at = (rowIndex: number, column: number) => offsetAddress(data.topLeft, rowIndex, column);
  for (const [key, value] of Object.entries(storedSettingValues(settings)) as [SettingKey, CellValue][]) {
    const row = rowOf(key);
    if (row) {
      updates.push({ sheet: data.sheet, topLeft: at(row.index, valueColumn), values: [[value]] });
      continue;
    }
    if (value === null) continue;
    const blank = blankRows.shift();
    if (blank === undefined) {
      unplaced.push(settingLabels[key] ?? key);
      continue;
    }
    updates.push({
      sheet: data.sheet,
      topLeft: at(blank, settingColumn),
      values: [[settingLabels[key] ?? key]],
    });
    updates.push({ sheet: data.sheet, topLeft: at(blank, valueColumn), values: [[value]] });
  }
  if (unplaced.length > 0) {
    throw new Error(
      `${inputRangeNames.settings} has no row for ${unplaced.join(", ")} and no blank row to add ${
        unplaced.length === 1 ? "it" : "them"
      } to. Insert ${unplaced.length === 1 ? "a row" : "rows"} inside the range, then save again. Nothing was changed.`,
    );
  }
  return updates;
}
