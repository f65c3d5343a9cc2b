import type { Money } from "../../engine/money";
import { readNumber } from "../cellValueParsing";
import { type ContractProblem, inputError } from "../contractProblems";
import type { InputTable } from "../inputTable";
import type { CellValue } from "../workbookPort";

/** How one range words a number that must not be negative. */
export interface NonNegativeNumberWording {
  /** Leads the reason when the cell is not a number, e.g. `the manual weight for HCC`. */
  what: string;
  /** The check's name when the number is negative, e.g. "Negative weight". */
  negativeCheck: string;
  negativeMessage: (found: Money) => string;
}

/**
 * A number that must not be negative: a baseline amount, a manual weight, a profile fraction or a
 * scenario factor. Reports an unreadable or negative cell and returns undefined for it. Blank cells
 * are the caller's to decide, because each range gives a blank its own meaning.
 */
export function readNonNegativeNumber(
  table: InputTable,
  cell: string,
  value: CellValue,
  wording: NonNegativeNumberWording,
  problems: ContractProblem[],
): Money | undefined {
  const parsed = readNumber(value);
  if (!parsed.ok) {
    problems.push(inputError(table.name, cell, "Not a number", `${wording.what} ${parsed.reason}`));
    return undefined;
  }
  if (parsed.value.isNegative()) {
    problems.push(inputError(table.name, cell, wording.negativeCheck, wording.negativeMessage(parsed.value)));
    return undefined;
  }
  return parsed.value;
}
