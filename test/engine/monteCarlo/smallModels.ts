import type { BusinessCaseModel, Line, LineValue } from "../../../src/engine/businessCaseModel";
import { notQuantified } from "../../../src/engine/businessCaseModel";
import { Money } from "../../../src/engine/money";

type Value = number | "N/A";

/** A line with values per case name; "N/A" is not quantified. */
export function line(
  label: string,
  timing: Line["timing"],
  values: Record<string, Value>,
  allocation: Line["allocation"] = { kind: "pool", pool: "Shared" },
  profile?: string,
): Line {
  const converted: Record<string, LineValue> = {};
  for (const [name, value] of Object.entries(values))
    converted[name] = value === "N/A" ? notQuantified : new Money(value);
  return { label, timing, allocation, values: converted, ...(profile === undefined ? {} : { profile }) };
}

/**
 * Two partners sharing 60 / 40 by baseline, over years 0..5 at a 0% discount rate unless overridden:
 * a set-up cost of 100 (best) to 140 (worst) in year 0 and a saving of 60 (best) to 40 (worst) a
 * year from year 1. Every part divides exactly, so no rounding gets in the way of hand checks.
 */
export function twoPartnerModel(overrides: Partial<BusinessCaseModel> = {}): BusinessCaseModel {
  return {
    partners: [
      { code: "A", name: "Council A" },
      { code: "B", name: "Council B" },
    ],
    baseline: [{ serviceArea: "Finance", amounts: { A: 600, B: 400 } }],
    pools: [{ name: "Shared", basis: "baseline", serviceAreas: "all", partners: "all" }],
    lines: [
      line("Set-up", "oneOff", { Best: 100, Worst: 140 }),
      line("Saving", "recurring", { Best: -60, Worst: -40 }),
    ],
    profiles: {},
    cases: [{ name: "Best" }, { name: "Worst" }],
    settings: { discountRate: 0, horizonYears: 5, roundingUnit: 1, unitLabel: "£'000" },
    ...overrides,
  };
}

/** Money values as plain numbers, for readable expectations. */
export const numbers = (values: readonly Money[]): number[] => values.map((v) => v.toNumber());
