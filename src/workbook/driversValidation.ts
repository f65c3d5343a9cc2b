import { Money } from "../engine/money";
import type { ContractInputs } from "./contractInputs";
import { type ContractProblem, inputError, inputWarning } from "./contractProblems";
import type { DriverRowInput } from "./contractReading/driversRange";
import { isBenefitLine, resolveDrivers } from "./driverLines";
import { inputRangeNames } from "./inputContract";

/**
 * Cross-range checks of CBA_Drivers: each row names a line of CBA_Lines and (when given) one of
 * its cases; a line and case has one driver; a typed CBA_Lines amount the driver replaces is a
 * warning naming both cells; deadweight, attribution and drop-off apply to benefits only; and a
 * line with a drop-off has the same drop-off, from a driver, in every case (its phasing is one
 * profile for all cases).
 *
 * @example
 * const problems = validateDrivers(reading.inputs);
 */
export function validateDrivers(inputs: ContractInputs): ContractProblem[] {
  const drivers = inputs.drivers;
  if (!drivers) return [];
  const problems: ContractProblem[] = [];
  const range = drivers.range;
  const lines = inputs.lines;
  if (!lines) {
    if (drivers.rows.length > 0) {
      problems.push(
        inputWarning(
          range,
          undefined,
          "Drivers without lines",
          `drivers give values to lines of ${inputRangeNames.lines}, which the workbook does not have; they are ignored`,
        ),
      );
    }
    return problems;
  }
  const cases = new Map(lines.cases.map((name) => [name.toLowerCase(), name] as const));
  const seen = new Map<string, DriverRowInput>();
  for (const row of drivers.rows) {
    const line = lines.lines.find((l) => l.label.toLowerCase() === row.line.toLowerCase());
    if (!line) {
      problems.push(
        inputError(
          range,
          row.cell,
          "Unknown line",
          `"${row.line}" is not a line of ${inputRangeNames.lines} (lines are matched by their label)`,
        ),
      );
      continue;
    }
    if (row.caseName !== undefined && !cases.has(row.caseName.toLowerCase())) {
      problems.push(
        inputError(
          range,
          row.caseCell!,
          "Unknown case",
          `the driver of "${row.line}" is for case "${row.caseName}", which is not a case of ${inputRangeNames.lines} (${lines.cases.join(", ")}); leave it blank for every case`,
        ),
      );
      continue;
    }
    const key = `${line.label.toLowerCase()}\u0000${row.caseName?.toLowerCase() ?? ""}`;
    const first = seen.get(key);
    if (first) {
      problems.push(
        inputError(
          range,
          row.cell,
          "Duplicate driver",
          `"${row.line}" already has a driver ${row.caseName === undefined ? "for every case" : `for case "${row.caseName}"`} at ${first.cell}`,
        ),
      );
      continue;
    }
    seen.set(key, row);
  }

  const resolved = resolveDrivers(inputs);
  for (const driver of resolved) {
    const typed = driver.line.values.get(driver.caseName);
    if (typed !== undefined) {
      problems.push(
        inputWarning(
          range,
          driver.row.cell,
          "Driver replaces typed amount",
          `"${driver.line.label}" has a ${driver.caseName} amount typed at ${typed.cell} and a driver at ${driver.row.cell}: the driver wins (unit cost × volume = ${driver.gross.toString()})`,
        ),
      );
    }
    const fraction = driver.row.deadweight ?? driver.row.attribution ?? driver.row.dropOff;
    if (fraction !== undefined && !isBenefitLine(driver.line, driver.gross)) {
      problems.push(
        inputError(
          range,
          fraction.cell,
          "Additionality on a cost",
          `"${driver.line.label}" is a cost in ${driver.caseName} (unit cost × volume = ${driver.gross.toString()}); deadweight, attribution and drop-off apply to benefits only: give savings negative, or set the line's Kind to Benefit`,
        ),
      );
    }
  }
  for (const line of lines.lines) {
    const own = resolved.filter((d) => d.line === line);
    const withDropOff = own.find((d) => d.row.dropOff !== undefined && !d.row.dropOff.value.isZero());
    if (!withDropOff) continue;
    const dropOff = withDropOff.row.dropOff!;
    const differing = lines.cases.find((name) => {
      const driver = own.find((d) => d.caseName === name);
      return !driver || !(driver.row.dropOff?.value ?? new Money(0)).eq(dropOff.value);
    });
    if (differing !== undefined) {
      problems.push(
        inputError(
          range,
          dropOff.cell,
          "Drop-off differs between cases",
          `"${line.label}" drops off by ${dropOff.value.times(100).toString()}% a year in ${withDropOff.caseName} but not in ${differing}: a line's phasing is one profile for every case, so give every case of the line a driver with the same drop-off (or leave Case blank)`,
        ),
      );
    }
  }
  return problems;
}
