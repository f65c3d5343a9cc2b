/**
 * The pane's workbook actions over any `WorkbookPort`: the Office.js adapter in Excel, the same
 * adapter over a simulated host in tests. Checking, refreshing, inserting inputs and saving
 * settings all go through the port and the workbook pipeline in src/workbook, so the pane applies
 * exactly the contract the headless runner applies; what is left here is turning the results into
 * the pane's view models.
 */
import { parseSheetRange, rangeAddress } from "../workbook/cellAddress";
import type { ContractSettings } from "../workbook/contractInputs";
import { type ContractProblem, withColumnCauses } from "../workbook/contractProblems";
import { readContract } from "../workbook/contractReader";
import { inputFingerprint } from "../workbook/inputFingerprint";
import { validateContract } from "../workbook/contractValidator";
import { inputRanges } from "../workbook/contractReading/inputRanges";
import { allInputRangeNames, inputRangeNames } from "../workbook/inputContract";
import { refreshWorkbook, type RefreshReport } from "../workbook/refreshWorkbook";
import { planForSection } from "../workbook/refreshSections";
import { blankTemplateNotes, blankTemplateRanges } from "../workbook/samples/blankTemplate";
import { defaultSampleWorkbook, sampleWorkbookNamed } from "../workbook/samples/sampleWorkbooks";
import { settingsUpdates } from "../workbook/settingsWriter";
import type {
  CellValue,
  WorkbookPort,
  WorkbookReadWrite,
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
  RefreshChoices,
} from "./workbookActions";

export interface WorkbookActionsOptions {
  /** Milliseconds from a fixed point, for the refresh duration (default `performance.now`). */
  now?: () => number;
}

export function workbookActionsOverPort(
  port: WorkbookPort,
  options: WorkbookActionsOptions = {},
): WorkbookActions {
  const now = options.now ?? (() => performance.now());

  return {
    async inspect(): Promise<WorkbookInspection> {
      // Every range a refresh reads, so the fingerprint matches a refresh's and funding is checked too.
      const snapshot = await port.read(allInputRangeNames);
      const { inputs, problems: readProblems } = readContract(snapshot);
      const problems = [...readProblems, ...validateContract(inputs, snapshot.sheets)];
      const present = allInputRangeNames.filter((name) => snapshot.ranges.has(name.toUpperCase()));
      return {
        isEmpty: present.length === 0,
        ranges: rangeStatuses(snapshot, problems),
        problems: present.length === 0 ? [] : withColumnCauses(problems).map(paneProblem),
        settings: settingsValues(inputs.settings),
        inputFingerprint: inputFingerprint(snapshot),
      };
    },

    async refresh(
      section: RefreshSection,
      onStage?: (stage: RefreshStage) => void,
      choices: RefreshChoices = {},
    ): Promise<RefreshOutcome> {
      const started = now();
      let snapshot: WorkbookSnapshot | undefined;
      let written: WritePlan | undefined;
      let sectionMissing = false;
      // The pipeline reads once and writes once; watching those two calls tells the pane the stage.
      const watchedPort: WorkbookReadWrite = {
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
      const report = await refreshWorkbook(watchedPort, { valuesOnly: choices.valuesOnly === true });
      const elapsedMs = now() - started;
      const stamp = {
        inputFingerprint: report.inputFingerprint,
        refreshedAt: report.refreshedAt.toISOString(),
      };
      if (report.status === "invalid") {
        return {
          kind: "invalid",
          section,
          problems: withColumnCauses(report.problems.filter(isError)).map(paneProblem),
          elapsedMs,
          stamp,
        };
      }
      if (sectionMissing || !written) {
        return {
          kind: "invalid",
          section,
          elapsedMs,
          stamp,
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
        stamp,
      };
    },

    async insertExample(example?: string): Promise<void> {
      const sample = example === undefined ? defaultSampleWorkbook : sampleWorkbookNamed(example);
      if (!sample) throw new Error(`There is no worked example called "${example}".`);
      await port.addInputRanges(sample.ranges(), [sample.notes]);
    },

    async insertTemplate(): Promise<void> {
      await port.addInputRanges(blankTemplateRanges(), [blankTemplateNotes]);
    },

    async saveSettings(settings: CaseSettingsValues): Promise<void> {
      const snapshot = await port.read([inputRangeNames.settings]);
      await port.write({ sheets: [], cellUpdates: settingsUpdates(snapshot, settings) });
    },

    async select(location: CellLocation): Promise<void> {
      await port.select(location.sheet, location.address);
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
  if (problem.cause !== undefined) result.cause = problem.cause;
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
  return inputRanges.flatMap((definition) => {
    const { name } = definition;
    const data = snapshot.ranges.get(name.toUpperCase());
    if (data === undefined && definition.extension) return [];
    // Partners and lines make a business case; any other range is required when the check reports its absence.
    const required =
      definition.alwaysRequired === true ||
      problems.some((p) => p.severity === "error" && p.cell === undefined && p.range === name);
    const status: InputRangeStatus = { name, purpose: definition.purpose, required };
    if (data) {
      const width = data.values.reduce((widest, row) => Math.max(widest, row.length), 0);
      status.location = { sheet: data.sheet, address: rangeAddress(data.topLeft, data.values.length, width) };
      status.required = true;
    }
    return [status];
  });
}

function settingsValues(settings: ContractSettings): CaseSettingsValues {
  return {
    discountRate:
      settings.discountRate.kind === "single"
        ? settings.discountRate.rate.toNumber()
        : settings.discountRate.kind,
    horizonYears: settings.horizonYears,
    roundingUnit: settings.roundingUnit.toNumber(),
    riskBands: { thresholds: [...settings.riskBands.thresholds], labels: [...settings.riskBands.labels] },
    contingency: {
      costIncrease: settings.contingency?.onCosts.toNumber() ?? 0,
      savingDecrease: settings.contingency?.onSavings.toNumber() ?? 0,
    },
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
function boardSummary(report: RefreshReport, scenarios: ReadonlySet<string>): BoardSummary {
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
