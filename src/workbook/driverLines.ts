/**
 * How CBA_Drivers turns into line values: which driver row gives a line's value in each case, and
 * that value (unit cost × volume, net of deadweight and attribution for a benefit). Shared by the
 * validator, the model builder and the Checks sheet's drivers table so all three agree.
 */
import type { Amount } from "../engine/money";
import type { Line, LineValue } from "../engine/businessCaseModel";
import { netAdditionalBenefits } from "../engine/additionality";
import { driverAmounts } from "../engine/unitCostDrivers";
import { lineYearFractions } from "../engine/phasing";
import type { Money } from "../engine/money";
import type { ContractInputs, LineInput } from "./contractInputs";
import type { ContractProblem } from "./contractProblems";
import type { DriverRowInput } from "./contractReading/driversRange";

/** A line's value in one case as a driver gives it. */
export interface ResolvedDriver {
  /** Index of the line in CBA_Lines' lines. */
  lineIndex: number;
  line: LineInput;
  caseName: string;
  row: DriverRowInput;
  /** Unit cost × volume. */
  gross: Money;
  /** Gross × (1 − deadweight) × (1 − attribution): the value the line takes in this case. */
  value: Money;
}

/**
 * The driver row for every (line, case) a driver covers, in line then case order: a row naming the
 * case wins over a row for every case (blank Case); among rows for the same line and case the first
 * wins (the validator reports the others). Rows naming an unknown line or case are left out.
 *
 * @example
 * resolveDrivers(inputs).map((d) => `${d.line.label}/${d.caseName}=${d.value.toString()}`);
 */
export function resolveDrivers(inputs: ContractInputs): ResolvedDriver[] {
  const lines = inputs.lines;
  const drivers = inputs.drivers;
  if (!lines || !drivers) return [];
  const resolved: ResolvedDriver[] = [];
  lines.lines.forEach((line, lineIndex) => {
    const rows = drivers.rows.filter((row) => row.line.toLowerCase() === line.label.toLowerCase());
    if (rows.length === 0) return;
    for (const caseName of lines.cases) {
      const row =
        rows.find((r) => r.caseName?.toLowerCase() === caseName.toLowerCase()) ??
        rows.find((r) => r.caseName === undefined);
      if (!row) continue;
      const gross = driverAmounts(row.unitCost, row.volume)[0]!;
      const value = netAdditionalBenefits([gross], {
        deadweight: row.deadweight?.value ?? 0,
        attribution: row.attribution?.value ?? 0,
      }).net[0]!;
      resolved.push({ lineIndex, line, caseName, row, gross, value });
    }
  });
  return resolved;
}

/** Whether a line counts as a benefit in the engine: by its Kind, else recurring and negative. */
export function isBenefitLine(line: LineInput, value: Money): boolean {
  if (line.kind !== undefined) return line.kind === "benefit";
  return line.timing === "recurring" && value.isNegative() && !value.isZero();
}

/**
 * Drops the lines reader's "Missing amount" errors for blank CBA_Lines cells a driver fills: the
 * driver gives that value, so the blank is what the user meant.
 */
export function dropAmountsDriversGive(inputs: ContractInputs, problems: ContractProblem[]): void {
  const covered = new Set<string>();
  for (const driver of resolveDrivers(inputs)) {
    const cell = driver.line.blankCells?.get(driver.caseName);
    if (cell !== undefined) covered.add(cell);
  }
  if (covered.size === 0) return;
  const kept = problems.filter(
    (p) =>
      !(
        p.check === "Missing amount" &&
        p.range === inputs.lines!.range &&
        p.cell !== undefined &&
        covered.has(p.cell)
      ),
  );
  problems.splice(0, problems.length, ...kept);
}

/** Name of the profile a driver's drop-off derives for a line. */
function dropOffProfileName(label: string): string {
  return `${label} (drivers: drop-off)`;
}

/**
 * Puts the drivers into the model's lines: each covered case's value replaces the typed one; a
 * line with a drop-off gets its own profile, its phasing × (1 − drop-off)^k, k counting the years
 * since its first year with an amount (as `netAdditionalBenefits`). Lines and profiles are edited
 * in place; call after the lines and their profiles are built.
 */
export function applyDrivers(
  inputs: ContractInputs,
  lines: Line[],
  profiles: Map<string, Amount[]>,
  horizonYears: number,
): void {
  const byLine = new Map<number, ResolvedDriver[]>();
  for (const driver of resolveDrivers(inputs)) {
    byLine.set(driver.lineIndex, [...(byLine.get(driver.lineIndex) ?? []), driver]);
  }
  for (const [lineIndex, drivers] of byLine) {
    const line = lines[lineIndex]!;
    const values: Record<string, LineValue | undefined> = { ...line.values };
    for (const driver of drivers) values[driver.caseName] = driver.value;
    line.values = values;
    // The validator makes sure every case of a line with a drop-off has the same drop-off.
    const dropOff = drivers.find((d) => d.row.dropOff !== undefined)?.row.dropOff?.value;
    if (dropOff === undefined || dropOff.isZero()) continue;
    const fractions = lineYearFractions(line, Object.fromEntries(profiles), horizonYears + 1);
    const name = dropOffProfileName(line.label);
    profiles.set(name, netAdditionalBenefits(fractions, { deadweight: 0, attribution: 0, dropOff }).net);
    line.profile = name;
  }
}

/** A row of the Checks sheet's drivers table. */
export interface DriverTableRow {
  line: string;
  caseName: string;
  unitCost: Money;
  volume: Money;
  volumeUnit: string;
  gross: Money;
  deadweight: Money | null;
  attribution: Money | null;
  dropOff: Money | null;
  value: Money;
  cell: string;
}

/** The drivers table: one row per line and case a driver gives. */
export function driverTableRows(inputs: ContractInputs): DriverTableRow[] {
  return resolveDrivers(inputs).map((d) => ({
    line: d.line.label,
    caseName: d.caseName,
    unitCost: d.row.unitCost,
    volume: d.row.volume,
    volumeUnit: d.row.volumeUnit,
    gross: d.gross,
    deadweight: d.row.deadweight?.value ?? null,
    attribution: d.row.attribution?.value ?? null,
    dropOff: d.row.dropOff?.value ?? null,
    value: d.value,
    cell: d.row.cell,
  }));
}
