/**
 * The pane's workbook actions over any `WorkbookPort`: the Office.js adapter in Excel, a simulated
 * host in tests. Checking, refreshing and saving settings all go through the workbook pipeline in
 * src/workbook, so the pane applies exactly the contract the headless runner applies.
 */
import { offsetAddress, parseSheetRange, rangeAddress } from "../workbook/cellAddress";
import type { ContractSettings } from "../workbook/contractInputs";
import type { ContractProblem } from "../workbook/contractProblems";
import { readContract } from "../workbook/contractReader";
import { validateContract } from "../workbook/contractValidator";
import {
  inputRangeNames,
  matchesColumn,
  settingColumns,
  settingKeys,
  type SettingKey,
} from "../workbook/inputContract";
import { InputTable } from "../workbook/inputTable";
import { productSheetNames, sameSheetName } from "../workbook/productSheets";
import { refreshWorkbook, type RefreshReport } from "../workbook/refreshWorkbook";
import type {
  CellUpdate,
  CellValue,
  WorkbookPort,
  WorkbookSnapshot,
  WritePlan,
} from "../workbook/workbookPort";
import type {
  BoardSummary,
  CaseSettingsValues,
  CellLocation,
  InputRangeStatus,
  PartnerSummary,
  RefreshOutcome,
  RefreshSection,
  RefreshStage,
  WorkbookActions,
  WorkbookInspection,
  WorkbookProblem,
  WrittenSheet,
} from "./workbookActions";

/** What each input range is for, in the words the pane shows beside its name. */
const rangePurposes: Record<string, string> = {
  [inputRangeNames.partners]: "Partner bodies: code and name",
  [inputRangeNames.baseline]: "Baseline spend by service area and partner, the usual basis of shares",
  [inputRangeNames.baselineFte]: "Baseline staff (FTE), for pools shared by headcount",
  [inputRangeNames.pools]: "Pools: which partners share which lines, on what basis",
  [inputRangeNames.lines]: "Cost and saving lines, one column per case (Best, Worst)",
  [inputRangeNames.profiles]: "Phasing: the share of each line falling in each year",
  [inputRangeNames.settings]: "Settings: discount rate, horizon, rounding, risk bands, contingency",
  [inputRangeNames.scenarios]: "Scenarios: cost and saving factors, delays",
  [inputRangeNames.risks]: "Risk register: likelihood and impact of each risk",
};

const alwaysRequired: ReadonlySet<string> = new Set([inputRangeNames.partners, inputRangeNames.lines]);

/**
 * Result sheets each section rewrites (scenarios are partner results under other assumptions); the
 * checks sheet is rewritten with every section, since it reports on the inputs as they are now.
 */
const sectionSheets: Record<Exclude<RefreshSection, "all">, readonly string[]> = {
  apportionment: [productSheetNames.apportionment],
  partners: [productSheetNames.partners, productSheetNames.scenarios],
  risks: [productSheetNames.risks],
};

export interface WorkbookActionsOptions {
  /** Selects a cell in the workbook; the port's own `select` is used when it has one. */
  select?: (location: CellLocation) => Promise<void>;
  insertExample?: () => Promise<void>;
  insertTemplate?: () => Promise<void>;
  /** Milliseconds from a fixed point, for the refresh duration (default `performance.now`). */
  now?: () => number;
}

/** A port that can also select a cell (an optional extension the Office adapter may provide). */
type SelectingPort = WorkbookPort & { select?: (sheet: string, address: string) => Promise<void> };

export function workbookActionsOverPort(
  port: SelectingPort,
  options: WorkbookActionsOptions = {},
): WorkbookActions {
  const now = options.now ?? (() => performance.now());

  return {
    async inspect(): Promise<WorkbookInspection> {
      const snapshot = await port.read(Object.values(inputRangeNames));
      const { inputs, problems: readProblems } = readContract(snapshot);
      const problems = [...readProblems, ...validateContract(inputs, snapshot.sheets)];
      const present = Object.values(inputRangeNames).filter((name) =>
        snapshot.ranges.has(name.toUpperCase()),
      );
      return {
        isEmpty: present.length === 0,
        ranges: rangeStatuses(snapshot, problems),
        problems: present.length === 0 ? [] : problems.map(paneProblem),
        settings: settingsValues(inputs.settings),
      };
    },

    async refresh(section: RefreshSection, onStage?: (stage: RefreshStage) => void): Promise<RefreshOutcome> {
      const started = now();
      let snapshot: WorkbookSnapshot | undefined;
      let written: WritePlan | undefined;
      let sectionMissing = false;
      // The pipeline reads once and writes once; watching those two calls tells the pane the stage.
      const watchedPort: WorkbookPort = {
        async read(names) {
          onStage?.("reading");
          snapshot = await port.read(names);
          onStage?.("computing");
          return snapshot;
        },
        async write(plan) {
          const planned = planForSection(plan, section);
          if (!planned) {
            sectionMissing = true;
            return;
          }
          onStage?.("writing");
          await port.write(planned);
          written = planned;
        },
      };
      const report = await refreshWorkbook(watchedPort);
      const elapsedMs = now() - started;
      if (report.status === "invalid") {
        return {
          kind: "invalid",
          section,
          problems: report.problems.filter(isError).map(paneProblem),
          elapsedMs,
        };
      }
      if (sectionMissing || !written) {
        return {
          kind: "invalid",
          section,
          elapsedMs,
          problems: [
            {
              severity: "error",
              message:
                section === "risks"
                  ? `There is no risk register to refresh: the workbook has no ${inputRangeNames.risks} range.`
                  : `There is no business case to refresh: the workbook has no ${inputRangeNames.lines} range.`,
            },
          ],
        };
      }
      return {
        kind: "written",
        section,
        sheets: written.sheets.map(writtenSheet),
        inputCellsUpdated: written.cellUpdates.reduce((total, update) => total + cellCount(update.values), 0),
        elapsedMs,
        summary: boardSummary(report, scenarioNames(snapshot)),
      };
    },

    async insertExample(): Promise<void> {
      if (!options.insertExample) throw new Error("Inserting the example is not available in this build.");
      await options.insertExample();
    },

    async insertTemplate(): Promise<void> {
      if (!options.insertTemplate) throw new Error("Inserting a template is not available in this build.");
      await options.insertTemplate();
    },

    async saveSettings(settings: CaseSettingsValues): Promise<void> {
      const snapshot = await port.read([inputRangeNames.settings]);
      await port.write({ sheets: [], cellUpdates: settingsUpdates(snapshot, settings) });
    },

    async select(location: CellLocation): Promise<void> {
      if (port.select) return port.select(location.sheet, location.address);
      if (options.select) return options.select(location);
      throw new Error("Selecting cells is not available here.");
    },
  };
}

function isError(problem: ContractProblem): boolean {
  return problem.severity === "error";
}

/** "CBA_Lines: Not a number: the Best value of line "ICT" …", with the cell it points at. */
export function paneProblem(problem: ContractProblem): WorkbookProblem {
  const result: WorkbookProblem = {
    severity: problem.severity,
    message: `${problem.range} — ${problem.check}: ${problem.message}.`.replace(/\.\.$/, "."),
    rangeName: problem.range,
  };
  const where = problem.cell === undefined ? undefined : parseSheetRange(problem.cell);
  if (where) {
    result.location = {
      sheet: where.sheet,
      address:
        where.bottomRight && where.bottomRight !== where.topLeft
          ? `${where.topLeft}:${where.bottomRight}`
          : where.topLeft,
    };
  }
  return result;
}

function rangeStatuses(snapshot: WorkbookSnapshot, problems: readonly ContractProblem[]): InputRangeStatus[] {
  return Object.values(inputRangeNames).map((name) => {
    const data = snapshot.ranges.get(name.toUpperCase());
    // Partners and lines make a business case; any other range is required when the check reports its absence.
    const required =
      alwaysRequired.has(name) ||
      problems.some((p) => p.severity === "error" && p.cell === undefined && p.range === name);
    const status: InputRangeStatus = { name, purpose: rangePurposes[name] ?? "", required };
    if (data) {
      const width = data.values.reduce((widest, row) => Math.max(widest, row.length), 0);
      status.location = { sheet: data.sheet, address: rangeAddress(data.topLeft, data.values.length, width) };
      status.required = true;
    }
    return status;
  });
}

function settingsValues(settings: ContractSettings): CaseSettingsValues {
  return {
    discountRate:
      settings.discountRate.kind === "greenBook" ? "greenBook" : settings.discountRate.rate.toNumber(),
    horizonYears: settings.horizonYears,
    roundingUnit: settings.roundingUnit.toNumber(),
    riskBands: { thresholds: [...settings.riskBands.thresholds], labels: [...settings.riskBands.labels] },
    contingency: {
      costIncrease: settings.contingency?.onCosts.toNumber() ?? 0,
      savingDecrease: settings.contingency?.onSavings.toNumber() ?? 0,
    },
  };
}

/** The plan cut down to one section's sheets (plus the checks sheet); undefined when the section has none. */
export function planForSection(plan: WritePlan, section: RefreshSection): WritePlan | undefined {
  if (section === "all") return plan;
  const wanted = sectionSheets[section];
  const inSection = (name: string) => wanted.some((sheet) => sameSheetName(sheet, name));
  if (!plan.sheets.some((sheet) => inSection(sheet.name))) return undefined;
  return {
    sheets: plan.sheets.filter(
      (sheet) => inSection(sheet.name) || sameSheetName(sheet.name, productSheetNames.checks),
    ),
    // Only the risk register writes back into input ranges (each risk's Score and Band).
    cellUpdates: section === "risks" ? plan.cellUpdates : [],
  };
}

function writtenSheet(sheet: WritePlan["sheets"][number]): WrittenSheet {
  const cells = sheet.blocks.reduce(
    (total, block) => total + (block.title ? 1 : 0) + block.header.length * (block.rows.length + 1),
    0,
  );
  return { sheet: sheet.name, tables: sheet.blocks.map((block) => block.name), cells };
}

function cellCount(values: readonly (readonly CellValue[])[]): number {
  return values.reduce((total, row) => total + row.length, 0);
}

function scenarioNames(snapshot: WorkbookSnapshot | undefined): Set<string> {
  if (!snapshot) return new Set();
  const scenarios = readContract(snapshot).inputs.scenarios?.scenarios ?? [];
  return new Set(scenarios.map((scenario) => scenario.name.toLowerCase()));
}

/** The board's figures: input cases and the contingency case; scenarios stay on the result sheets. */
export function boardSummary(report: RefreshReport, scenarios: ReadonlySet<string>): BoardSummary {
  const riskProfile = report.risks
    ? report.risks.bandCounts.map(({ band, count }) => ({ band, count }))
    : null;
  const businessCase = report.businessCase;
  if (!businessCase)
    return { unitLabel: "", cases: [], rangeCases: [], horizonYears: 0, partners: [], riskProfile };

  const { model, result } = businessCase;
  const cases = result.cases.filter((c) => !scenarios.has(c.name.toLowerCase()));
  const codes = cases[0]?.partners.map((p) => p.partner) ?? [];
  const names = new Map(model.partners.map((p) => [p.code, p.name]));
  const partners: PartnerSummary[] = codes.map((code) => {
    const perCase = cases.flatMap((c) => {
      const found = c.partners.find((p) => p.partner === code);
      return found ? [{ name: c.name, result: found }] : [];
    });
    return {
      code,
      name: names.get(code) ?? code,
      setUp: perCase.map((c) => ({ case: c.name, value: c.result.setUp.total })),
      annual: perCase.map((c) => ({ case: c.name, value: c.result.annual.total })),
      payback: perCase.map((c) => ({ case: c.name, result: c.result.payback })),
      netPresentValue: perCase.map((c) => ({ case: c.name, value: c.result.netPresentValue })),
      notQuantified: [...new Set(perCase.flatMap((c) => c.result.notQuantified))],
    };
  });
  return {
    unitLabel: model.settings.unitLabel,
    cases: cases.map((c) => c.name),
    rangeCases: model.cases.filter((c) => c.derivedFrom === undefined).map((c) => c.name),
    horizonYears: model.settings.horizonYears,
    partners,
    riskProfile,
  };
}

/** The values each setting is stored as in CBA_Settings' Value column. */
function storedSettingValues(settings: CaseSettingsValues): Partial<Record<SettingKey, CellValue>> {
  const noContingency = settings.contingency.costIncrease === 0 && settings.contingency.savingDecrease === 0;
  return {
    discountRate: settings.discountRate === "greenBook" ? "Green Book" : settings.discountRate,
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
