import { Money } from "../../engine/money";
import { cellText, describeCell, isBlank, readList, readNumber, readWholeNumber } from "../cellValueParsing";
import type { ContractSettings } from "../contractInputs";
import { type ContractProblem, inputError, inputWarning } from "../contractProblems";
import { column, matchesColumn } from "../contractColumns";
import type { InputTable } from "../inputTable";
import type { CellValue } from "../workbookPort";
import { readCaseNames } from "./caseNames";
import type { InputRangeDefinition } from "./inputRangeDefinition";
import { type PriceBasisSetting, readInflation, readPriceBaseYear, readPrices } from "./priceBasisSettings";

export const settingColumns = {
  setting: column("setting", "Setting"),
  value: column("value", "Value"),
};

/** Settings the contract understands, each with the labels accepted in the Setting column. */
export const settingKeys = {
  discountRate: column("discountRate", "Discount rate"),
  horizonYears: column("horizonYears", "Horizon", "Horizon years", "Appraisal period"),
  firstFinancialYear: column("firstFinancialYear", "First financial year", "First year"),
  unitLabel: column("unitLabel", "Unit label", "Unit"),
  roundingUnit: column("roundingUnit", "Rounding unit"),
  riskBandThresholds: column("riskBandThresholds", "Risk band thresholds", "Risk thresholds"),
  riskBandLabels: column("riskBandLabels", "Risk band labels", "Risk bands"),
  contingencyOnCosts: column("contingencyOnCosts", "Contingency on costs", "Contingency cost increase"),
  contingencyOnSavings: column(
    "contingencyOnSavings",
    "Contingency on savings",
    "Contingency saving reduction",
    "Contingency on benefits",
  ),
  contingencyCase: column("contingencyCase", "Contingency case"),
  /** Names the value columns of CBA_Lines ("Low, Central, High"); absent = Best / Base / Worst. */
  cases: column("cases", "Cases", "Case names"),
  /** Real (default) or Nominal: whether CBA_Lines' amounts are in constant prices or cash. */
  prices: column("prices", "Prices", "Price basis"),
  priceBaseYear: column("priceBaseYear", "Price base year", "Base year"),
  inflation: column("inflation", "Inflation", "Inflation rate"),
  seed: column("seed", "Seed", "Random seed"),
  achievabilityFactors: column(
    "achievabilityFactors",
    "Achievability factors",
    "Number of achievability factors",
  ),
  optimismBias: column("optimismBias", "Optimism bias"),
};

export type SettingKey = keyof typeof settingKeys;

/**
 * Defaults used when a setting is absent: the Treasury Green Book standard rate, a ten-year
 * appraisal, penny rounding (safe for any amount given to 2 decimals) and Hampshire's risk bands.
 */
export const settingDefaults = {
  discountRate: "0.035",
  horizonYears: 10,
  roundingUnit: "0.01",
  unitLabel: "£",
  riskBandThresholds: [10, 15],
  riskBandLabels: ["Low", "Medium", "High"],
} as const;

/** Read before every other range (their readers use the settings), so not by the common loop. */
export const settingsRange: InputRangeDefinition<"settings"> = {
  name: "CBA_Settings",
  key: "settings",
  purpose: "Settings: discount rate, horizon, rounding, risk bands, contingency",
  contents:
    "Setting, Value: discount rate (or `Green Book`, or `Green Book health`), horizon, first financial year, unit label, rounding unit, risk bands, contingency, seed, `Cases` (e.g. `Low, Central, High`: names the value columns of `CBA_Lines`; blank = Best / Base / Worst), `Prices` (`Real`, the default, or `Nominal`), `Price base year` (e.g. `2025/26`), `Inflation` (one annual rate), `Optimism bias` (Include or Exclude; default Include when `CBA_OptimismBias` has categories)",
  instruction: "Change these here or in the task pane's Settings tab.",
  columns: settingColumns,
  // Filled with the defaults, so the pane's settings form can store changes straight away.
  template: {
    sheet: "Settings",
    as: "definedName",
    rows: [
      ["Discount rate", Number(settingDefaults.discountRate)],
      ["Horizon (years)", settingDefaults.horizonYears],
      ["Unit label", settingDefaults.unitLabel],
      ["Rounding unit", Number(settingDefaults.roundingUnit)],
      ["Risk band thresholds", settingDefaults.riskBandThresholds.join(", ")],
      ["Risk band labels", settingDefaults.riskBandLabels.join(", ")],
      ["Contingency on costs", null],
      ["Contingency on savings", null],
      ["First financial year", null],
      ["Optimism bias", "Include"],
      // Blank = the Best / Base / Worst columns; or e.g. "Low, Central, High" to name your own.
      ["Cases", null],
      // Blank = Real; Nominal needs Inflation or the CBA_PriceIndex table below.
      ["Prices", null],
      ["Price base year", null],
      ["Inflation", null],
    ],
  },
};

function defaultSettings(): ContractSettings {
  return {
    discountRate: { kind: "single", rate: new Money(settingDefaults.discountRate) },
    horizonYears: settingDefaults.horizonYears,
    unitLabel: settingDefaults.unitLabel,
    roundingUnit: new Money(settingDefaults.roundingUnit),
    riskBands: {
      thresholds: [...settingDefaults.riskBandThresholds],
      labels: [...settingDefaults.riskBandLabels],
    },
    used: [],
    cells: new Map(),
  };
}

/**
 * Settings: one row per setting, value beside it. Missing settings take documented defaults, and
 * the CBA Checks sheet lists every value in force with where it came from.
 */
export function readSettings(table: InputTable | undefined, problems: ContractProblem[]): ContractSettings {
  const settings = defaultSettings();
  const given = new Map<string, { value: CellValue; cell: string; label: string }>();
  if (table) {
    const columns = table.requireColumns(
      { setting: settingColumns.setting, value: settingColumns.value },
      problems,
    );
    for (const row of columns ? table.rows : []) {
      const labelCell = table.address(row.index, columns!.setting);
      const label = cellText(table.cell(row, columns!.setting));
      if (label === "") continue;
      const key = Object.entries(settingKeys).find(([, contractColumn]) =>
        matchesColumn(label, contractColumn),
      )?.[0];
      if (key === undefined) {
        problems.push(
          inputWarning(
            table.name,
            labelCell,
            "Unknown setting",
            `"${label}" is not a setting this product uses; it is ignored`,
          ),
        );
        continue;
      }
      if (given.has(key)) {
        problems.push(inputError(table.name, labelCell, "Duplicate setting", `"${label}" is given twice`));
        continue;
      }
      given.set(key, {
        value: table.cell(row, columns!.value),
        cell: table.address(row.index, columns!.value),
        label,
      });
    }
  }
  const range = settingsRange.name;
  const report = (cell: string, check: string, message: string) =>
    problems.push(inputError(range, cell, check, message));
  const applySetting = (
    key: string,
    label: string,
    fallback: string | undefined,
    read: (value: CellValue, cell: string) => string | undefined,
  ) => {
    const entry = given.get(key);
    if (entry === undefined || isBlank(entry.value)) {
      if (fallback !== undefined) settings.used.push({ setting: label, value: fallback, source: "default" });
      return;
    }
    settings.cells.set(key, entry.cell);
    const shown = read(entry.value, entry.cell);
    if (shown !== undefined)
      settings.used.push({ setting: label, value: shown, source: "workbook", cell: entry.cell });
  };

  applySetting("discountRate", "Discount rate", "3.5% (Green Book standard rate)", (value, cell) => {
    if (typeof value === "string" && /^green\s*book\W*health\W*$/i.test(value.trim())) {
      settings.discountRate = { kind: "greenBookHealth" };
      return "Green Book health schedule (1.5% to year 30, 1.286% to 75, 1.071% to 125)";
    }
    if (typeof value === "string" && /^green\s*book/i.test(value.trim())) {
      settings.discountRate = { kind: "greenBook" };
      return "Green Book schedule (3.5% to year 30, 3.0% to 75, 2.5% to 125)";
    }
    const parsed = readNumber(value);
    if (!parsed.ok) return void report(cell, "Not a number", `the discount rate ${parsed.reason}`);
    if (parsed.value.lt(0) || parsed.value.gte(1)) {
      return void report(
        cell,
        "Rate out of range",
        `the discount rate ${parsed.value.toString()} is not a fraction from 0 to 1: enter 3.5% as 0.035 or "3.5%"`,
      );
    }
    settings.discountRate = { kind: "single", rate: parsed.value };
    return `${parsed.value.times(100).toString()}%`;
  });
  applySetting("horizonYears", "Horizon (years)", String(settingDefaults.horizonYears), (value, cell) => {
    const parsed = readWholeNumber(value, 1, 125);
    if (!parsed.ok) return void report(cell, "Invalid horizon", `the horizon ${parsed.reason}`);
    settings.horizonYears = parsed.value;
    return String(parsed.value);
  });
  applySetting("firstFinancialYear", "First financial year", undefined, (value, cell) => {
    const text = cellText(value);
    const financial = /^(\d{4})\s*[/-]\s*\d{2,4}$/.exec(text);
    const parsed = financial
      ? readWholeNumber(Number(financial[1]), 1900, 2300)
      : readWholeNumber(value, 1900, 2300);
    if (!parsed.ok) return void report(cell, "Invalid year", `the first financial year ${parsed.reason}`);
    settings.firstFinancialYear = parsed.value;
    return `${parsed.value}/${String((parsed.value + 1) % 100).padStart(2, "0")}`;
  });
  applySetting("unitLabel", "Unit label", settingDefaults.unitLabel, (value) => {
    settings.unitLabel = cellText(value);
    return settings.unitLabel;
  });
  applySetting("roundingUnit", "Rounding unit", settingDefaults.roundingUnit, (value, cell) => {
    const parsed = readNumber(value);
    if (!parsed.ok) return void report(cell, "Not a number", `the rounding unit ${parsed.reason}`);
    if (!parsed.value.isPositive() || parsed.value.isZero()) {
      return void report(cell, "Invalid rounding unit", "the rounding unit must be greater than zero");
    }
    settings.roundingUnit = parsed.value;
    return parsed.value.toString();
  });
  applySetting(
    "riskBandThresholds",
    "Risk band thresholds",
    settingDefaults.riskBandThresholds.join(", "),
    (value, cell) => {
      const items = typeof value === "number" ? [String(value)] : readList(value);
      const numbers = items === "all" ? [] : items.map((item) => Number(item));
      if (numbers.length === 0 || numbers.some((n) => !Number.isFinite(n))) {
        return void report(
          cell,
          "Invalid thresholds",
          `risk band thresholds must be numbers such as "10, 15" (found ${describeCell(value)})`,
        );
      }
      if (numbers.some((n, i) => i > 0 && n <= numbers[i - 1]!)) {
        return void report(cell, "Invalid thresholds", "risk band thresholds must rise from left to right");
      }
      settings.riskBands = { ...settings.riskBands, thresholds: numbers };
      return numbers.join(", ");
    },
  );
  applySetting(
    "riskBandLabels",
    "Risk band labels",
    settingDefaults.riskBandLabels.join(", "),
    (value, cell) => {
      const labels = readList(value);
      if (labels === "all" || labels.length === 0) {
        return void report(
          cell,
          "Invalid band labels",
          `risk band labels must be a list such as "Low, Medium, High"`,
        );
      }
      if (new Set(labels.map((l) => l.toLowerCase())).size !== labels.length) {
        return void report(cell, "Invalid band labels", "each risk band label must be different");
      }
      settings.riskBands = { ...settings.riskBands, labels };
      return labels.join(", ");
    },
  );
  if (settings.riskBands.labels.length !== settings.riskBands.thresholds.length + 1) {
    const cell = settings.cells.get("riskBandLabels") ?? settings.cells.get("riskBandThresholds");
    report(
      cell ?? range,
      "Band labels and thresholds disagree",
      `${settings.riskBands.thresholds.length} thresholds need ${settings.riskBands.thresholds.length + 1} labels (found ${settings.riskBands.labels.length})`,
    );
  }

  let onCosts: Money | undefined;
  let onSavings: Money | undefined;
  const readContingency = (what: string) => (value: CellValue, cell: string) => {
    const parsed = readNumber(value);
    if (!parsed.ok) return void report(cell, "Not a number", `the contingency on ${what} ${parsed.reason}`);
    if (parsed.value.lt(0) || parsed.value.gt(1)) {
      return void report(
        cell,
        "Contingency out of range",
        `the contingency on ${what} must be from 0% to 100%: enter 25% as 0.25 or "25%"`,
      );
    }
    if (what === "costs") onCosts = parsed.value;
    else onSavings = parsed.value;
    return `${parsed.value.times(100).toString()}%`;
  };
  applySetting("contingencyOnCosts", "Contingency on costs", undefined, readContingency("costs"));
  applySetting("contingencyOnSavings", "Contingency on savings", undefined, readContingency("savings"));
  let contingencyCase: string | undefined;
  applySetting(
    "contingencyCase",
    "Contingency case",
    undefined,
    (value) => (contingencyCase = cellText(value)),
  );
  if (onCosts !== undefined || onSavings !== undefined) {
    const cell = settings.cells.get("contingencyOnCosts") ?? settings.cells.get("contingencyOnSavings")!;
    settings.contingency = { onCosts: onCosts ?? new Money(0), onSavings: onSavings ?? new Money(0), cell };
    if (contingencyCase !== undefined) settings.contingency.caseName = contingencyCase;
  }
  applySetting("cases", "Cases", undefined, (value, cell) => {
    const names = readCaseNames(value, cell, problems);
    if (names === undefined) return undefined;
    settings.cases = { names, cell };
    return names.join(", ");
  });
  const priceBasis: PriceBasisSetting = { nominal: false };
  applySetting("prices", "Prices", undefined, (value, cell) => readPrices(value, cell, priceBasis, report));
  applySetting("priceBaseYear", "Price base year", undefined, (value, cell) =>
    readPriceBaseYear(value, cell, priceBasis, report),
  );
  applySetting("inflation", "Inflation", undefined, (value, cell) =>
    readInflation(value, cell, priceBasis, report),
  );
  if (["prices", "priceBaseYear", "inflation"].some((key) => settings.cells.has(key)))
    settings.priceBasis = priceBasis;
  applySetting("seed", "Seed", undefined, (value, cell) => {
    const parsed = readWholeNumber(value, 0, 4294967295);
    if (!parsed.ok) return void report(cell, "Invalid seed", `the seed ${parsed.reason}`);
    settings.seed = parsed.value;
    return String(parsed.value);
  });
  applySetting("achievabilityFactors", "Achievability factors", undefined, (value, cell) => {
    const parsed = readWholeNumber(value, 1, 100);
    if (!parsed.ok)
      return void report(
        cell,
        "Invalid factor count",
        `the number of achievability factors ${parsed.reason}`,
      );
    settings.achievabilityFactors = parsed.value;
    return String(parsed.value);
  });
  // No default row: when CBA_OptimismBias is present it is included, and the CBA Optimism Bias sheet says so.
  applySetting("optimismBias", "Optimism bias", undefined, (value, cell) => {
    const text = cellText(value).toLowerCase();
    const include = ["include", "included", "yes", "on"].includes(text);
    if (!include && !["exclude", "excluded", "no", "off"].includes(text))
      return void report(
        cell,
        "Invalid optimism bias setting",
        `the optimism bias setting is ${describeCell(value)}; use Include or Exclude`,
      );
    settings.optimismBias = { include, cell };
    return include ? "Include" : "Exclude";
  });
  return settings;
}
