import { Money } from "../../engine/money";
import { cellText, isBlank, readWholeNumber } from "../cellValueParsing";
import type { ScenariosInput } from "../contractInputs";
import { type ContractProblem, inputError } from "../contractProblems";
import { column, numberColumn } from "../contractColumns";
import type { InputTable } from "../inputTable";
import type { ReadInputRangeDefinition } from "./inputRangeDefinition";
import { readNonNegativeNumber } from "./nonNegativeNumber";
import { readRowName } from "./rowNames";

export const scenarioColumns = {
  scenario: column("scenario", "Scenario", "Scenario name"),
  case: column("case", "Case", "Based on", "From case"),
  costFactor: numberColumn("factor", "costFactor", "Cost factor", "Costs factor"),
  savingFactor: numberColumn("factor", "savingFactor", "Saving factor", "Savings factor", "Benefit factor"),
  delay: numberColumn("whole number", "delay", "Delay", "Delay years"),
};

export const scenariosRange: ReadInputRangeDefinition<"scenarios"> = {
  name: "CBA_Scenarios",
  key: "scenarios",
  purpose: "Scenarios: cost and saving factors, delays",
  contents: "Scenario, Case, Cost factor, Saving factor, Delay (years)",
  instruction:
    "Optional: one row per scenario, applied to a case: Cost factor and Saving factor (blank = 1), Delay in whole years (blank = none).",
  columns: scenarioColumns,
  read: (table, { problems }) => readScenarios(table, problems),
};

/**
 * CBA_Scenarios: one row per named scenario applied to a case, with optional cost and saving
 * factors (blank means 1) and a delay in whole years (blank means none).
 */
export function readScenarios(table: InputTable, problems: ContractProblem[]): ScenariosInput {
  const result: ScenariosInput = { range: table.name, scenarios: [] };
  const columns = table.requireColumns(
    { scenario: scenarioColumns.scenario, case: scenarioColumns.case },
    problems,
  );
  if (!columns) return result;
  const costColumn = table.findColumn(scenarioColumns.costFactor);
  const savingColumn = table.findColumn(scenarioColumns.savingFactor);
  const delayColumn = table.findColumn(scenarioColumns.delay);
  for (const row of table.rows) {
    const named = readRowName(table, row, columns.scenario, "scenario", problems);
    if (named === undefined) continue;
    const { name, cell } = named;
    const factor = (index: number | undefined, what: string): Money | undefined => {
      const value = table.cell(row, index);
      if (index === undefined || isBlank(value)) return new Money(1);
      return readNonNegativeNumber(
        table,
        table.address(row.index, index),
        value,
        {
          what: `the ${what} of scenario "${name}"`,
          negativeCheck: "Negative factor",
          negativeMessage: () => `the ${what} of scenario "${name}" is negative`,
        },
        problems,
      );
    };
    const costFactor = factor(costColumn, "cost factor");
    const savingFactor = factor(savingColumn, "saving factor");
    let delayYears = 0;
    const delayCell = delayColumn === undefined ? cell : table.address(row.index, delayColumn);
    const delayValue = table.cell(row, delayColumn);
    if (!isBlank(delayValue)) {
      const delay = readWholeNumber(delayValue, 0, 50);
      if (delay.ok) delayYears = delay.value;
      else
        problems.push(
          inputError(
            table.name,
            delayCell,
            "Invalid delay",
            `the delay of scenario "${name}" ${delay.reason}`,
          ),
        );
    }
    if (costFactor === undefined || savingFactor === undefined) continue;
    result.scenarios.push({
      name,
      cell,
      caseName: cellText(table.cell(row, columns.case)),
      caseCell: table.address(row.index, columns.case),
      costFactor,
      savingFactor,
      delayYears,
      delayCell,
    });
  }
  return result;
}
