import fc from "fast-check";
import "../fastCheckSeed";
import { programme } from "../../src/engine/businessCase";
import { Money, sum } from "../../src/engine/money";
import {
  businessCaseFromContract,
  computeContractBusinessCase,
} from "../../src/workbook/businessCaseFromContract";
import { hasErrors } from "../../src/workbook/contractProblems";
import { readContract } from "../../src/workbook/contractReader";
import { validateContract } from "../../src/workbook/contractValidator";
import { contractValue } from "../../src/workbook/valueFromContract";
import { reconcileValue } from "../../src/workbook/valueReconciliation";
import type { CellValue } from "../../src/workbook/workbookPort";
import { snapshotOf } from "./snapshotOf";

/** Three partners in a baseline pool, a one-off cost and three recurring savings, two cases. */
function workbook(
  baseline: number[],
  savings: [number, number][],
  horizon: number,
  options: { classes?: boolean; beneficiaries?: CellValue[][] } = {},
) {
  const header = [
    "Line",
    "Timing",
    "Allocation",
    ...(options.classes ? ["Benefit class"] : []),
    "Best",
    "Worst",
  ];
  const classes = ["Social", "Economic", null];
  const lines: CellValue[][] = [
    ["Set-up", "One-off", "Shared", ...(options.classes ? [null] : []), 300, 450],
    ...savings.map(([best, worst], i): CellValue[] => [
      `Saving ${i + 1}`,
      "Recurring",
      i === 2 ? "B" : "Shared",
      ...(options.classes ? [classes[i]!] : []),
      -best,
      -worst,
    ]),
  ];
  const ranges: Record<string, { sheet: string; values: CellValue[][] }> = {
    CBA_Partners: { sheet: "Partners", values: [["Code"], ["A"], ["B"], ["C"]] },
    CBA_Baseline: {
      sheet: "Baseline",
      values: [
        ["Service area", "A", "B", "C"],
        ["All", ...baseline],
      ],
    },
    CBA_Pools: {
      sheet: "Pools",
      values: [
        ["Pool", "Basis", "Service areas", "Partners"],
        ["Shared", "Baseline", "*", "*"],
      ],
    },
    CBA_Lines: { sheet: "Lines", values: [header, ...lines] },
    CBA_Settings: {
      sheet: "Settings",
      values: [
        ["Setting", "Value"],
        ["Horizon", horizon],
        ["Rounding unit", 1],
      ],
    },
  };
  if (options.beneficiaries)
    ranges["CBA_Beneficiaries"] = {
      sheet: "Ben",
      values: [["Line", "Beneficiary", "Share"], ...options.beneficiaries],
    };
  const snapshot = snapshotOf(ranges);
  const reading = readContract(snapshot);
  const problems = [...reading.problems, ...validateContract(reading.inputs, snapshot.sheets)];
  expect(problems.filter((p) => p.severity === "error")).toEqual([]);
  expect(hasErrors(problems)).toBe(false);
  const contract = businessCaseFromContract(reading.inputs);
  return { inputs: reading.inputs, contract, result: computeContractBusinessCase(contract) };
}

const baselines = fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 3, maxLength: 3 });
const savings = fc.array(fc.tuple(fc.integer({ min: 1, max: 100000 }), fc.integer({ min: 1, max: 100000 })), {
  minLength: 3,
  maxLength: 3,
}) as fc.Arbitrary<[number, number][]>;
const horizons = fc.integer({ min: 1, max: 8 });

/** Whole percentages for Partnership, partner A, NHS and Police adding up to exactly 100. */
const shareSplits = fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 3, maxLength: 3 }).map((cuts) => {
  const [a, b, c] = [...cuts].sort((x, y) => x - y) as [number, number, number];
  return [a, b - a, c - b, 100 - c];
});

describe("who benefits: properties", () => {
  test("listing lines as 100% Partnership, or classing them, changes no partner result", () => {
    fc.assert(
      fc.property(
        baselines,
        savings,
        horizons,
        fc.subarray([1, 2, 3]),
        (baseline, amounts, horizon, listed) => {
          const today = workbook(baseline, amounts, horizon).result;
          const shared = workbook(baseline, amounts, horizon, {
            classes: true,
            beneficiaries: listed.map((i) => [`Saving ${i}`, "Partnership", "100%"]),
          });
          expect(shared.result).toEqual(today);
        },
      ),
      { numRuns: 40 },
    );
  });

  test("the whole public sector's benefit is the partnership's plus other bodies', and the line's whole amount", () => {
    fc.assert(
      fc.property(baselines, savings, horizons, shareSplits, (baseline, amounts, horizon, split) => {
        const beneficiaries: CellValue[][] = ["Partnership", "A", "NHS", "Police"].map((body, i) => [
          "Saving 1",
          body,
          split[i]! / 100,
        ]);
        const { inputs, contract, result } = workbook(baseline, amounts, horizon, {
          classes: true,
          beneficiaries,
        });
        const cases = contractValue(
          contract.model,
          result,
          contract.beneficiaries!,
          inputs.lines!.lines.map((l) => l.label),
        );
        expect(reconcileValue(cases).filter((row) => !row.agrees)).toEqual([]);
        cases.forEach((c, index) => {
          const { partnership, otherBodies, wholePublicSector } = c.value;
          expect(wholePublicSector.benefits).toEqual(partnership.benefits.plus(otherBodies.benefits));
          // Recurring savings without a profile run in years 1..horizon at their full amount.
          const entered = sum(amounts.map((pair) => new Money(pair[index]!)));
          expect(wholePublicSector.benefits).toEqual(entered.times(horizon));
          // The engine's own programme cashflows agree with both views.
          const programmeOf = contract.model.cases[index]!.name;
          const partners = result.cases.find((r) => r.name === programmeOf)!.partners;
          const programmeResult = partners.find((p) => p.partner === programme)!;
          expect(sum(programmeResult.benefits)).toEqual(partnership.benefits);
          // Each line's parts add up to exactly the line.
          for (const line of c.lines) expect(sum(line.parts.map(([, part]) => part))).toEqual(line.amount);
        });
      }),
      { numRuns: 40 },
    );
  });
});
