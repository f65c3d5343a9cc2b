import type { BusinessCaseModel, Line, LineValue } from "../../src/engine/businessCaseModel";
import { notQuantified } from "../../src/engine/businessCaseModel";
import { Money } from "../../src/engine/money";
import type { HampshireGolden } from "./sharedData";

export const jointWorking = "Joint working";
export const occupationalHealth = "Occupational Health";
const occupationalHealthArea = "Occupational Health";

/**
 * Builds the Hampshire business case (Appendix H) from the *input* side of the golden file:
 * baseline, line items and direct allocations. Nothing here is a published result.
 *
 * The published set-up to apportion (2,660 best) includes 115 that the document shares between HC
 * and HFRS only, without saying which lines it comes from; a transfer line pair moves it from the
 * joint pool to the Occupational Health pool, which is how the document's table presents it.
 */
export function hampshireModel(golden: HampshireGolden): BusinessCaseModel {
  const partners = golden.partners;
  const baseline = Object.entries(golden.baseline.gbp_k).map(([serviceArea, amounts]) => ({
    serviceArea,
    amounts: Object.fromEntries(partners.map((code, i) => [code, amounts[i]!])),
  }));
  const items = golden.line_items;
  const bestWorst = (pair: readonly [number, number] | string): Record<string, LineValue> =>
    typeof pair === "string"
      ? { Best: notQuantified, Worst: notQuantified }
      : { Best: new Money(pair[0]), Worst: new Money(pair[1]) };
  const negate = (pair: readonly [number, number]): [number, number] => [-pair[0], -pair[1]];

  const lines: Line[] = [
    ...Object.entries(items.set_up_apportioned).map(([label, pair]) => ({
      label,
      timing: "oneOff" as const,
      allocation: { kind: "pool" as const, pool: jointWorking },
      values: bestWorst(pair),
    })),
    {
      label: "Occupational Health share of set-up (to its own pool)",
      timing: "oneOff",
      allocation: { kind: "pool", pool: jointWorking },
      values: bestWorst(negate(items.set_up_occ_health_pool)),
    },
    {
      label: "Occupational Health share of set-up",
      timing: "oneOff",
      allocation: { kind: "pool", pool: occupationalHealth },
      values: bestWorst(items.set_up_occ_health_pool),
    },
    ...Object.entries({ ...items.annual_costs_apportioned, ...items.annual_benefits_apportioned }).map(
      ([label, pair]) => ({
        label,
        timing: "recurring" as const,
        allocation: {
          kind: "pool" as const,
          pool: label.startsWith("Occ Health") ? occupationalHealth : jointWorking,
        },
        values: bestWorst(pair),
      }),
    ),
    ...Object.entries(items.direct_set_up).map(([partner, pair]) => ({
      label: `${partner} programme management and HR professional resource`,
      timing: "oneOff" as const,
      allocation: { kind: "partner" as const, partner },
      values: bestWorst(pair),
    })),
    ...Object.entries(items.direct_annual).map(([partner, pair]) => ({
      label: `${partner} procurement`,
      timing: "recurring" as const,
      allocation: { kind: "partner" as const, partner },
      values: bestWorst(pair),
    })),
  ];

  return {
    partners: partners.map((code) => ({ code, name: code })),
    baseline,
    pools: [
      {
        name: jointWorking,
        basis: "baseline",
        serviceAreas: baseline
          .map((row) => row.serviceArea)
          .filter((area) => area !== occupationalHealthArea),
        partners: "all",
        shareDecimals: 0,
      },
      {
        name: occupationalHealth,
        basis: "baseline",
        serviceAreas: [occupationalHealthArea],
        partners: ["HC", "HFRS"],
        shareDecimals: 0,
      },
    ],
    lines,
    profiles: {},
    cases: [{ name: "Best" }, { name: "Worst" }],
    settings: {
      discountRate: 0.035,
      horizonYears: 10,
      roundingUnit: 1,
      unitLabel: "£'000",
      firstFinancialYear: 2012,
    },
  };
}
