import { Money } from "../../engine/money";
import { cellText, isBlank, readNumber } from "../cellValueParsing";
import { type ContractProblem, inputError } from "../contractProblems";
import { column, numberColumn } from "../contractColumns";
import type { InputTable } from "../inputTable";
import type { ReadInputRangeDefinition } from "./inputRangeDefinition";
import { readNonNegativeNumber } from "./nonNegativeNumber";

/** CBA_Drivers: a line's value in a case as unit cost × volume, net of additionality for benefits. */
export const driverColumns = {
  line: column("line", "Line", "Item"),
  case: column("case", "Case"),
  unitCost: numberColumn("unit cost", "unitCost", "Unit cost", "Cost per unit"),
  volume: numberColumn("count", "volume", "Volume", "Quantity"),
  volumeUnit: column("volumeUnit", "Volume unit", "Unit of volume"),
  deadweight: numberColumn("fraction", "deadweight", "Deadweight"),
  attribution: numberColumn("fraction", "attribution", "Attribution"),
  dropOff: numberColumn("fraction", "dropOff", "Drop-off", "Drop off", "Dropoff"),
};

export const driversRange: ReadInputRangeDefinition<"drivers"> = {
  name: "CBA_Drivers",
  key: "drivers",
  purpose: "Unit cost × volume for lines, benefits net of deadweight, attribution, drop-off",
  contents:
    "Optional: Line (a `CBA_Lines` label), Case (blank = every case), Unit cost, Volume, Volume unit (text), Deadweight, Attribution, Drop-off (benefits only, fractions): the line's value in that case is unit cost × volume, then × (1 − deadweight) × (1 − attribution); drop-off multiplies each year after the first with an amount by (1 − drop-off), compounding; it replaces the typed amount (a warning names both cells) and the profile still phases it",
  instruction:
    "Optional unit cost × volume: Line (as in CBA_Lines), Case (blank = every case), Unit cost, Volume; for benefits Deadweight, Attribution, Drop-off (fractions).",
  columns: driverColumns,
  // Beside the settings rather than on a sheet of its own: an optional table that refines lines.
  template: { sheet: "Settings", topLeft: "A21" },
  read: (table, { problems }) => readDrivers(table, problems),
};

/** A fraction of CBA_Drivers (deadweight, attribution, drop-off) with its cell. */
export interface DriverFraction {
  value: Money;
  cell: string;
}

/** One row of CBA_Drivers: a line's value in one case (or every case) as unit cost × volume. */
export interface DriverRowInput {
  /** The CBA_Lines label as typed. */
  line: string;
  cell: string;
  /** The case as typed; absent = every case of the lines. */
  caseName?: string;
  caseCell?: string;
  unitCost: Money;
  unitCostCell: string;
  volume: Money;
  volumeCell: string;
  /** E.g. "call-outs"; "" when not given. */
  volumeUnit: string;
  deadweight?: DriverFraction;
  attribution?: DriverFraction;
  dropOff?: DriverFraction;
}

export interface DriversInput {
  range: string;
  rows: DriverRowInput[];
}

/**
 * CBA_Drivers: Line | Case (blank = every case) | Unit cost | Volume | Volume unit | Deadweight |
 * Attribution | Drop-off. Unit costs may be negative (a saving per unit, the lines' convention);
 * volumes may not; the three fractions are from 0 to 1 ("20%" or 0.2). References to lines and
 * cases are checked by `validateDrivers`.
 */
export function readDrivers(table: InputTable, problems: ContractProblem[]): DriversInput {
  const result: DriversInput = { range: table.name, rows: [] };
  const columns = table.requireColumns(
    { line: driverColumns.line, unitCost: driverColumns.unitCost, volume: driverColumns.volume },
    problems,
  );
  if (!columns) return result;
  const optional = {
    case: table.findColumn(driverColumns.case),
    volumeUnit: table.findColumn(driverColumns.volumeUnit),
    deadweight: table.findColumn(driverColumns.deadweight),
    attribution: table.findColumn(driverColumns.attribution),
    dropOff: table.findColumn(driverColumns.dropOff),
  };
  for (const row of table.rows) {
    const cell = table.address(row.index, columns.line);
    const line = cellText(table.cell(row, columns.line));
    if (line === "") {
      problems.push(
        inputError(table.name, cell, "Missing line label", "this driver names no line of CBA_Lines"),
      );
      continue;
    }
    const unitCostCell = table.address(row.index, columns.unitCost);
    const unitCost = readNumber(table.cell(row, columns.unitCost));
    if (!unitCost.ok) {
      problems.push(
        inputError(table.name, unitCostCell, "Not a number", `the unit cost of "${line}" ${unitCost.reason}`),
      );
    }
    const volumeCell = table.address(row.index, columns.volume);
    const volume = readNonNegativeNumber(
      table,
      volumeCell,
      table.cell(row, columns.volume),
      {
        what: `the volume of "${line}"`,
        negativeCheck: "Negative volume",
        negativeMessage: (found) =>
          `the volume of "${line}" is ${found.toString()}: a volume (cases, call-outs, FTE) cannot be negative; put the sign on the unit cost`,
      },
      problems,
    );
    if (!unitCost.ok || volume === undefined) continue;
    const driver: DriverRowInput = {
      line,
      cell,
      unitCost: unitCost.value,
      unitCostCell,
      volume,
      volumeCell,
      volumeUnit: cellText(table.cell(row, optional.volumeUnit)),
    };
    const caseName = cellText(table.cell(row, optional.case));
    if (caseName !== "") {
      driver.caseName = caseName;
      driver.caseCell = table.address(row.index, optional.case!);
    }
    let fractionsReadable = true;
    for (const key of ["deadweight", "attribution", "dropOff"] as const) {
      const index = optional[key];
      if (index === undefined || isBlank(table.cell(row, index))) continue;
      const fractionCell = table.address(row.index, index);
      const name = driverColumns[key].headers[0]!.toLowerCase();
      const parsed = readNumber(table.cell(row, index));
      if (!parsed.ok) {
        problems.push(
          inputError(table.name, fractionCell, "Not a number", `the ${name} of "${line}" ${parsed.reason}`),
        );
        fractionsReadable = false;
        continue;
      }
      if (parsed.value.lt(0) || parsed.value.gt(1)) {
        problems.push(
          inputError(
            table.name,
            fractionCell,
            "Fraction out of range",
            `the ${name} of "${line}" is ${parsed.value.toString()}: it must be from 0% to 100% (enter 20% as 0.2 or "20%")`,
          ),
        );
        fractionsReadable = false;
        continue;
      }
      driver[key] = { value: parsed.value, cell: fractionCell };
    }
    if (fractionsReadable) result.rows.push(driver);
  }
  return result;
}
