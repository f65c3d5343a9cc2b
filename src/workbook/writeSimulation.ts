import { Money } from "../engine/money";
import type { SimulationOptions, SimulationResult } from "../engine/monteCarlo/simulation";
import { sheetAddress } from "./cellAddress";
import { type ContractProblem, hasErrors, inputError } from "./contractProblems";
import { readContract } from "./contractReader";
import { allInputRangeNames } from "./inputContract";
import { outputNamesTaken } from "./outputNames";
import { sameSheetName, simulationSheetName } from "./productSheets";
import {
  type SimulationSheetContext,
  simulationOutputNames,
  simulationWritePlan,
} from "./resultSheets/simulationSheet";
import type { WorkbookReadWrite, WritePlan } from "./workbookPort";

export interface SimulationWriteReport {
  /** "invalid": the sheet cannot be written (nothing was); "written": the CBA Simulation sheet was replaced. */
  status: "invalid" | "written";
  problems: ContractProblem[];
  plan?: WritePlan;
}

/**
 * Writes a finished (or stopped) simulation to the CBA Simulation sheet: one read (partner names,
 * unit and rounding from the contract, the sheets, and the output names), the checks, then one
 * write. A sheet named "CBA Simulation" that the product did not create is never overwritten, an
 * input range on the product's own CBA Simulation sheet would be wiped, and the sheet's table
 * names must be free: each is an error, and then nothing is written.
 *
 * @example
 * const state = prepareSimulation(model, options); // in a worker, run in chunks …
 * const report = await writeSimulation(port, summariseSimulation(state), options);
 */
export async function writeSimulation(
  port: WorkbookReadWrite,
  result: SimulationResult,
  options: SimulationOptions = {},
): Promise<SimulationWriteReport> {
  const outputNames = simulationOutputNames(result.partners.map((partner) => partner.partner));
  const snapshot = await port.read([...allInputRangeNames, ...outputNames]);
  const { inputs } = readContract(snapshot);
  const problems: ContractProblem[] = [];

  const existing = snapshot.sheets.find((sheet) => sameSheetName(sheet.name, simulationSheetName));
  if (existing && !existing.ownedByProduct) {
    problems.push(
      inputError(
        existing.name,
        sheetAddress(existing.name, "A1"),
        "Sheet name taken",
        `a sheet named "${existing.name}" exists that this product did not create; simulation results are written to "${simulationSheetName}", so rename or move that sheet (it has not been changed)`,
      ),
    );
  }
  if (existing?.ownedByProduct) {
    for (const location of inputs.locations) {
      if (!sameSheetName(location.sheet, simulationSheetName)) continue;
      problems.push(
        inputError(
          location.range,
          sheetAddress(existing.name, "A1"),
          "Input on a result sheet",
          `${location.range} is on "${existing.name}", a result sheet that every simulation replaces; move it to a sheet of your own`,
        ),
      );
    }
  }
  problems.push(...outputNamesTaken(snapshot, outputNames, simulationSheetName));
  if (hasErrors(problems)) return { status: "invalid", problems };

  const context: SimulationSheetContext = {
    partners: inputs.partners?.partners ?? [],
    unitLabel: inputs.settings.unitLabel,
    roundingUnit: new Money(inputs.settings.roundingUnit),
  };
  if (inputs.settings.firstFinancialYear !== undefined)
    context.firstFinancialYear = inputs.settings.firstFinancialYear;
  const plan = simulationWritePlan(result, options, context);
  await port.write(plan);
  return { status: "written", problems, plan };
}
