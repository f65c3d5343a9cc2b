import { EngineError, requireValue } from "./errors";
import { withoutNegativeZero } from "./engineInputs";
import { type Amount, Money, toMoney } from "./money";

/**
 * A factor of a driver line: one value for every period, or one value per period.
 *
 * @example
 * const volume: DriverFactor = [1200, 1250, 1300]; // conveyances a year
 */
export type DriverFactor = Amount | readonly Amount[];

/**
 * A line built from a unit cost times a volume (cases, conveyances, FTE, transactions) instead of a
 * fixed amount: amount[t] = unitCost[t] × volume[t]. Either factor may be one value for every
 * period; when both are rows they must cover the same periods. Volumes cannot be negative; a unit
 * cost may be (a saving per case, in the documents' convention). Exact decimals, not rounded.
 *
 * @example
 * driverAmounts(350, [1200, 1250, 1300]).map(String) // → ["420000", "437500", "455000"]
 * driverAmounts([-2.5, -2.6], 10000).map(String) // → ["-25000", "-26000"]
 */
export function driverAmounts(unitCost: DriverFactor, volume: DriverFactor): Money[] {
  const costs = readFactor(unitCost, "unitCost");
  const volumes = readFactor(volume, "volume");
  volumes.values.forEach((v, t) => {
    if (v.isNegative() && !v.isZero()) {
      throw new EngineError(
        "invalidNumber",
        volumes.single ? "volume" : `volume[${t}]`,
        `is ${v.toString()}: a volume (cases, FTE, transactions) cannot be negative`,
      );
    }
  });
  if (!costs.single && !volumes.single && costs.values.length !== volumes.values.length) {
    throw new EngineError(
      "invalidValue",
      "volume",
      `covers ${volumes.values.length} periods but unitCost covers ${costs.values.length}: give one value, or one per period for the same periods`,
    );
  }
  const periods = Math.max(costs.values.length, volumes.values.length);
  return Array.from({ length: periods }, (_, t) =>
    withoutNegativeZero(
      (costs.single ? costs.values[0]! : costs.values[t]!).times(
        volumes.single ? volumes.values[0]! : volumes.values[t]!,
      ),
    ),
  );
}

/** A driver factor with best, base and worst values; base may be omitted. */
export interface DriverFactorCases {
  best: DriverFactor;
  base?: DriverFactor;
  worst: DriverFactor;
}

/** A driver line's amounts per period in each case. */
export interface DriverCaseAmounts {
  best: Money[];
  base?: Money[];
  worst: Money[];
}

/**
 * A driver line in best, base and worst cases, with the range on either factor: each case's
 * unit cost times that case's volume. A factor given as one `DriverFactor` (not best/base/worst) is
 * the same in every case. The base case is given when neither factor leaves it out.
 *
 * @example
 * const cases = driverCases({ best: 300, worst: 400 }, 1000);
 * cases.best.map(String) // → ["300000"]
 * cases.worst.map(String) // → ["400000"]
 */
export function driverCases(
  unitCost: DriverFactor | DriverFactorCases,
  volume: DriverFactor | DriverFactorCases,
): DriverCaseAmounts {
  const named = driverCasesByName(asNamed(unitCost), asNamed(volume));
  return { best: named["best"]!, worst: named["worst"]!, ...(named["base"] ? { base: named["base"] } : {}) };
}

/**
 * A driver line in any number of named cases (Best, Base, Worst, "Demand +10%", …), as the
 * business case's lines hold one value per case name: each case's unit cost times that case's
 * volume. A factor given as one `DriverFactor` is the same in every case; when both factors name
 * cases, only the cases both name are worked out, so a case one of them leaves out stays out (not
 * quantified, never zero).
 *
 * @example
 * const cases = driverCasesByName({ Best: 300, Base: 350, Worst: 400 }, { Best: 1100, Worst: 900 });
 * Object.keys(cases) // → ["Best", "Worst"]
 * cases.Worst!.map(String) // → ["360000"]
 */
export function driverCasesByName(
  unitCost: DriverFactor | Readonly<Record<string, DriverFactor>>,
  volume: DriverFactor | Readonly<Record<string, DriverFactor>>,
): Record<string, Money[]> {
  const costCases = isNamedCases(unitCost) ? unitCost : undefined;
  const volumeCases = isNamedCases(volume) ? volume : undefined;
  requireValue(
    costCases !== undefined || volumeCases !== undefined,
    "unitCost and volume",
    "name no cases: give one of them by case name, or use driverAmounts for a single case",
  );
  const names =
    costCases && volumeCases
      ? Object.keys(costCases).filter((name) => volumeCases[name] !== undefined)
      : Object.keys((costCases ?? volumeCases)!);
  return Object.fromEntries(
    names.map((name) => [
      name,
      driverAmounts(
        costCases ? costCases[name]! : (unitCost as DriverFactor),
        volumeCases ? volumeCases[name]! : (volume as DriverFactor),
      ),
    ]),
  );
}

function isNamedCases(factor: unknown): factor is Readonly<Record<string, DriverFactor>> {
  return typeof factor === "object" && factor !== null && !Array.isArray(factor) && !isDecimal(factor);
}

function isDecimal(value: object): boolean {
  return Money.isDecimal(value);
}

function asNamed(factor: DriverFactor | DriverFactorCases): DriverFactor | Record<string, DriverFactor> {
  if (!isNamedCases(factor)) return factor as DriverFactor;
  const cases = factor as DriverFactorCases;
  return {
    best: cases.best,
    worst: cases.worst,
    ...(cases.base === undefined ? {} : { base: cases.base }),
  };
}

function readFactor(factor: DriverFactor, subject: string): { values: Money[]; single: boolean } {
  if (!Array.isArray(factor)) return { values: [toMoney(factor, subject)], single: true };
  requireValue(factor.length > 0, subject, "is empty: give one value, or one per period");
  return { values: factor.map((value, t) => toMoney(value, `${subject}[${t}]`)), single: false };
}
