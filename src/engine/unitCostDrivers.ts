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
  const pick = (factor: DriverFactor | DriverFactorCases, which: "best" | "base" | "worst") =>
    isCases(factor) ? factor[which] : factor;
  const hasBase = (factor: DriverFactor | DriverFactorCases) => !isCases(factor) || factor.base !== undefined;
  const result: DriverCaseAmounts = {
    best: driverAmounts(pick(unitCost, "best")!, pick(volume, "best")!),
    worst: driverAmounts(pick(unitCost, "worst")!, pick(volume, "worst")!),
  };
  if (hasBase(unitCost) && hasBase(volume))
    result.base = driverAmounts(pick(unitCost, "base")!, pick(volume, "base")!);
  return result;
}

function isCases(factor: DriverFactor | DriverFactorCases): factor is DriverFactorCases {
  return (
    typeof factor === "object" &&
    factor !== null &&
    !Array.isArray(factor) &&
    "best" in factor &&
    "worst" in factor
  );
}

function readFactor(factor: DriverFactor, subject: string): { values: Money[]; single: boolean } {
  if (!Array.isArray(factor)) return { values: [toMoney(factor, subject)], single: true };
  requireValue(factor.length > 0, subject, "is empty: give one value, or one per period");
  return { values: factor.map((value, t) => toMoney(value, `${subject}[${t}]`)), single: false };
}
