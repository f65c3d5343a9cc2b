import { cellText } from "../cellValueParsing";
import { type ContractProblem, inputError } from "../contractProblems";
import type { InputRow, InputTable } from "../inputTable";

/**
 * The name in a row's naming column, with its cell: a pool, a profile or a scenario. Reports a
 * blank name and, when `seen` is given, a name used before (compared case-insensitively); either
 * way returns undefined so the caller skips the row.
 */
export function readRowName(
  table: InputTable,
  row: InputRow,
  column: number,
  noun: string,
  problems: ContractProblem[],
  seen?: Set<string>,
): { name: string; cell: string } | undefined {
  const cell = table.address(row.index, column);
  const name = cellText(table.cell(row, column));
  if (name === "") {
    problems.push(inputError(table.name, cell, `Missing ${noun} name`, `this ${noun} has no name`));
    return undefined;
  }
  if (seen) {
    const key = name.toLowerCase();
    if (seen.has(key)) {
      problems.push(inputError(table.name, cell, `Duplicate ${noun}`, `${noun} "${name}" appears twice`));
      return undefined;
    }
    seen.add(key);
  }
  return { name, cell };
}
