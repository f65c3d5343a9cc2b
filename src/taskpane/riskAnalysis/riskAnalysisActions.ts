/**
 * What the Risk analysis panel asks of the workbook: read and check the business case to simulate,
 * and write a finished simulation to the CBA Simulation sheet. Both go through src/workbook over a
 * `WorkbookPort`, so the pane applies the contract exactly as a refresh and `cba simulate` do.
 */
import type { BusinessCaseModel } from "../../engine/businessCaseModel";
import { Money } from "../../engine/money";
import type { CaseSelection } from "../../engine/monteCarlo/lineEffects";
import type { SimulationOptions, SimulationResult } from "../../engine/monteCarlo/simulation";
import { businessCaseFromContract } from "../../workbook/businessCaseFromContract";
import { parseSheetRange, rangeAddress, sheetAddress } from "../../workbook/cellAddress";
import type { ContractInputs } from "../../workbook/contractInputs";
import { type ContractProblem, hasErrors, inputError } from "../../workbook/contractProblems";
import { readContract } from "../../workbook/contractReader";
import { validateContract } from "../../workbook/contractValidator";
import { allInputRangeNames, inputRangeNames } from "../../workbook/inputContract";
import { type ExcelRun, OfficeWorkbook } from "../../workbook/office/officeWorkbook";
import { inputCasesOnly, sensitivityCases } from "../../workbook/scenarioAnalysis";
import type { WorkbookReadWrite, WorkbookSnapshot, WritePlan } from "../../workbook/workbookPort";
import { writeSimulation } from "../../workbook/writeSimulation";
import type { CellLocation, WorkbookProblem } from "../workbookActions";
import { paneProblem } from "../workbookActionsOverPort";

/** A business case ready to simulate, with what the panel needs to describe the results. */
export interface SimulationModel {
  /** The input cases only: a simulation draws each line between Best and Worst (or the first and last named case). */
  model: BusinessCaseModel;
  cases: CaseSelection;
  /** The seed stored in CBA_Settings, used when the panel's seed is left blank. */
  workbookSeed?: number;
  partners: { code: string; name: string }[];
  unitLabel: string;
  roundingUnit: Money;
  /** The label cell of each line in CBA_Lines, to point at a line the engine refuses. */
  lineCells: ReadonlyMap<string, CellLocation>;
}

export type SimulationModelReading =
  ({ kind: "ready" } & SimulationModel) | { kind: "invalid"; problems: WorkbookProblem[] };

export type SimulationWriteOutcome =
  | { kind: "written"; sheet: string; tables: number; cells: number }
  | { kind: "invalid"; problems: WorkbookProblem[] };

export interface RiskAnalysisActions {
  /** One read; checks the inputs as a refresh does. Writes nothing. */
  readModel(): Promise<SimulationModelReading>;
  /** One read and one write: replaces the CBA Simulation sheet, or writes nothing and says why. */
  writeResults(result: SimulationResult, options: SimulationOptions): Promise<SimulationWriteOutcome>;
}

/**
 * @example
 * const actions = riskAnalysisActionsOverPort(new OfficeWorkbook());
 * const reading = await actions.readModel();
 */
export function riskAnalysisActionsOverPort(port: WorkbookReadWrite): RiskAnalysisActions {
  return {
    async readModel() {
      const snapshot = await port.read(allInputRangeNames);
      const { inputs, problems: readProblems } = readContract(snapshot);
      const problems = [...readProblems, ...validateContract(inputs, snapshot.sheets)];
      if (hasErrors(problems)) return invalid(problems);
      if (!inputs.lines) {
        return invalid([
          inputError(
            inputRangeNames.lines,
            undefined,
            "Nothing to simulate",
            `a simulation needs cost and saving lines with Best and Worst values in ${inputRangeNames.lines}`,
          ),
        ]);
      }
      const { model } = businessCaseFromContract(inputs);
      const cases = sensitivityCases(model);
      if (!cases) {
        return invalid([
          inputError(
            inputRangeNames.lines,
            headerRow(snapshot, inputRangeNames.lines),
            "No range to simulate",
            `a simulation draws each line between its Best and Worst values (or the first and last cases the Cases setting names), but ${inputRangeNames.lines} has the cases ${inputs.lines.cases.join(", ")}; add Best and Worst columns, or name two or more cases in the Cases setting`,
          ),
        ]);
      }
      const reading: SimulationModelReading = {
        kind: "ready",
        model: inputCasesOnly(model),
        cases,
        partners: model.partners.map(({ code, name }) => ({ code, name })),
        unitLabel: inputs.settings.unitLabel,
        roundingUnit: new Money(inputs.settings.roundingUnit),
        lineCells: lineCells(inputs),
      };
      if (inputs.settings.seed !== undefined) reading.workbookSeed = inputs.settings.seed;
      return reading;
    },

    async writeResults(result, options) {
      const report = await writeSimulation(port, result, options);
      if (report.status === "invalid" || !report.plan) return invalid(report.problems);
      const sheet = report.plan.sheets[0];
      return {
        kind: "written",
        sheet: sheet?.name ?? "",
        tables: sheet?.blocks.length ?? 0,
        cells: cellsIn(report.plan),
      };
    },
  };
}

/**
 * The panel's actions inside Excel, over the Office.js adapter (the same adapter the pane's refresh
 * uses); `run` defaults to `Excel.run`, tests pass a simulated host's.
 *
 * @example
 * const actions = officeRiskAnalysisActions();
 */
export function officeRiskAnalysisActions(run?: ExcelRun): RiskAnalysisActions {
  return riskAnalysisActionsOverPort(new OfficeWorkbook({ run }));
}

/**
 * A problem for a simulation the engine refused, pointing at the line's cell when the engine named
 * a line ("line 'ICT'") that CBA_Lines holds.
 *
 * @example
 * engineProblem(reading, { subject: "line 'ICT'", problem: "has a base value … outside its range" });
 */
export function engineProblem(
  reading: Pick<SimulationModel, "lineCells">,
  failure: { message: string; subject?: string; problem?: string },
): WorkbookProblem {
  const label = failure.subject === undefined ? undefined : /^line '(.*)'$/s.exec(failure.subject)?.[1];
  const location = label === undefined ? undefined : reading.lineCells.get(label);
  const problem: WorkbookProblem = {
    severity: "error",
    message:
      failure.subject !== undefined && failure.problem !== undefined
        ? `The simulation cannot run: ${failure.subject} ${failure.problem}.`
        : `The simulation cannot run: ${failure.message}`,
  };
  if (location) {
    problem.location = location;
    problem.rangeName = inputRangeNames.lines;
  }
  return problem;
}

function invalid(problems: readonly ContractProblem[]): { kind: "invalid"; problems: WorkbookProblem[] } {
  return { kind: "invalid", problems: problems.filter((p) => p.severity === "error").map(paneProblem) };
}

/** "Lines!A1:G1": the header row of an input range, where its case columns are named. */
function headerRow(snapshot: WorkbookSnapshot, name: string): string | undefined {
  const data = snapshot.ranges.get(name.toUpperCase());
  if (!data) return undefined;
  const width = data.values.reduce((widest, row) => Math.max(widest, row.length), 1);
  return sheetAddress(data.sheet, rangeAddress(data.topLeft, 1, width));
}

function lineCells(inputs: ContractInputs): Map<string, CellLocation> {
  const cells = new Map<string, CellLocation>();
  for (const line of inputs.lines?.lines ?? []) {
    const where = parseSheetRange(line.cell);
    if (where && !cells.has(line.label))
      cells.set(line.label, { sheet: where.sheet, address: where.topLeft });
  }
  return cells;
}

/** Cells the plan fills: each block's title, header and rows. */
function cellsIn(plan: WritePlan): number {
  return plan.sheets
    .flatMap((sheet) => sheet.blocks)
    .reduce(
      (total, block) => total + (block.title ? 1 : 0) + block.header.length * (block.rows.length + 1),
      0,
    );
}
