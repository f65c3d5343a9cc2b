import type { CaseDefinition, Line, LineValue } from "./businessCaseModel";
import { notQuantified } from "./businessCaseModel";
import { withoutNegativeZero } from "./engineInputs";
import { requireValue } from "./errors";
import { type Amount, Money, toMoney } from "./money";
import { applyOptimismBias, type OptimismBiasDirection, type OptimismBiasLine } from "./optimismBias";
import { readRoundingUnit } from "./roundingUnit";

/**
 * Optimism bias as cases of a business case: for each input case, a further case whose line
 * values are the input case's with optimism bias applied line by line (costs uplifted, benefits
 * reduced), so every result (payback, NPV, shares per partner) is computed both without and with
 * it. The adjusted values are input values of the new case, not factors of a derived case,
 * because each line has its own rate.
 */

/** The optimism bias one line carries: its starting rate, what mitigates it, and which way it moves. */
export interface LineOptimismBias {
  /** The starting (upper-bound) rate, as a fraction: 2 for 200%. */
  upperBound: Amount;
  /** Fraction of the upper bound mitigated, 0..1 (0 when omitted). */
  mitigation?: Amount;
  /** Why the mitigation is justified: required when there is any. */
  mitigationReason?: string;
  direction: OptimismBiasDirection;
  /** The category the rate comes from, carried into the record. */
  category?: string;
}

/** One line of one optimism-bias case: the amounts before and after, and the rate between them. */
export interface OptimismBiasCaseLine {
  label: string;
  /** Absent for a line without optimism bias (its value is carried over unchanged). */
  bias?: {
    category?: string;
    direction: OptimismBiasDirection;
    upperBound: Money;
    mitigation: Money;
    mitigationReason?: string;
    appliedRate: Money;
  };
  before: LineValue;
  /** The adjusted amount, rounded to the rounding unit (half away from zero) as derived cases are. */
  after: LineValue;
  /** after − before; absent when the line is not quantified in the case. */
  uplift?: Money;
}

export interface OptimismBiasCase {
  name: string;
  from: string;
  lines: OptimismBiasCaseLine[];
}

export interface OptimismBiasCases {
  /** The lines with a value for every new case added. */
  lines: Line[];
  /** One input case definition per new case, in the order of `cases` given. */
  cases: CaseDefinition[];
  /** The documented step, per new case and line. */
  records: OptimismBiasCase[];
}

/**
 * Adds an optimism-bias case for each input case named: line `l` of case `name` is
 * `from`'s value × (1 + rate) for a cost, × (1 − rate) for a benefit, rate = upper bound × (1 −
 * mitigation) (via `applyOptimismBias`), rounded to the rounding unit; lines without optimism
 * bias, and not-quantified values, are carried over unchanged.
 *
 * Throws from `applyOptimismBias` naming the line for a rate out of range, mitigation without a
 * reason, or a benefit reduced by more than 100%.
 *
 * @example
 * const { lines } = withOptimismBiasCases(
 *   [{ label: "ICT", timing: "oneOff", allocation, values: { Base: new Money(1000) } }],
 *   [{ upperBound: 2, mitigation: 0.4, mitigationReason: "Fixed price", direction: "cost" }],
 *   [{ from: "Base", name: "Base + optimism bias" }],
 *   1,
 * );
 * lines[0].values["Base + optimism bias"].toString(); // → "2200"
 */
export function withOptimismBiasCases(
  lines: readonly Line[],
  biases: readonly (LineOptimismBias | undefined)[],
  cases: readonly { from: string; name: string }[],
  roundingUnit: Amount,
): OptimismBiasCases {
  requireValue(
    biases.length === lines.length,
    "biases",
    `gives ${biases.length} entries for ${lines.length} lines: give one per line (undefined for none)`,
  );
  const unit = readRoundingUnit(roundingUnit).value;
  const values = lines.map((line) => ({ ...line.values }) as Record<string, LineValue | undefined>);
  const records = cases.map(({ from, name }): OptimismBiasCase => {
    requireValue(
      lines.every((line) => line.values[name] === undefined),
      `case '${name}'`,
      "is already a case of the lines",
    );
    const before = lines.map((line): LineValue => {
      const value = line.values[from];
      return value === undefined || value === notQuantified
        ? notQuantified
        : toMoney(value, `line '${line.label}' ${from}`);
    });
    const biased = lines
      .map((line, l) => ({ line, l, bias: biases[l], value: before[l]! }))
      .filter(
        (entry): entry is { line: Line; l: number; bias: LineOptimismBias; value: Money } =>
          entry.bias !== undefined && entry.value !== notQuantified,
      );
    const applied =
      biased.length === 0
        ? []
        : applyOptimismBias(
            biased.map(({ line, bias, value }): OptimismBiasLine => {
              const entry: OptimismBiasLine = {
                label: line.label,
                direction: bias.direction,
                amounts: [value],
                rate: bias.upperBound,
              };
              if (bias.mitigation !== undefined) entry.mitigation = bias.mitigation;
              if (bias.mitigationReason !== undefined) entry.mitigationReason = bias.mitigationReason;
              if (bias.category !== undefined) entry.category = bias.category;
              return entry;
            }),
          ).lines;
    const byLine = new Map(biased.map(({ l }, index) => [l, applied[index]!] as const));
    const records = lines.map((line, l): OptimismBiasCaseLine => {
      const value = before[l]!;
      const result = byLine.get(l);
      if (value === notQuantified) return { label: line.label, before: value, after: value };
      const after = result
        ? withoutNegativeZero(
            result.withOptimismBias[0]!.div(unit).toDecimalPlaces(0, Money.ROUND_HALF_UP).times(unit),
          )
        : value;
      const record: OptimismBiasCaseLine = {
        label: line.label,
        before: value,
        after,
        uplift: withoutNegativeZero(after.minus(value)),
      };
      if (result) {
        record.bias = {
          direction: result.direction,
          upperBound: result.startingRate,
          mitigation: result.mitigation,
          appliedRate: result.appliedRate,
        };
        if (result.category !== undefined) record.bias.category = result.category;
        if (result.mitigationReason !== undefined) record.bias.mitigationReason = result.mitigationReason;
      }
      return record;
    });
    records.forEach((record, l) => (values[l]![name] = record.after));
    return { name, from, lines: records };
  });
  return {
    lines: lines.map((line, l) => ({ ...line, values: values[l]! })),
    cases: cases.map(({ name }) => ({ name })),
    records,
  };
}
