import fc from "fast-check";
import { computeBusinessCase, programme } from "../../src/engine/businessCase";
import type { CaseDefinition } from "../../src/engine/businessCaseModel";
import { composedDelays, computeBusinessCaseWithDelays } from "../../src/engine/delayedCases";
import { numbers, twoPartnerModel } from "./monteCarlo/smallModels";

const chain: CaseDefinition[] = [
  { name: "Best" },
  { name: "Late", derivedFrom: "Best" },
  { name: "Later", derivedFrom: "Late" },
];

describe("composedDelays", () => {
  it("adds each case's own delay to those of the cases it derives from", () => {
    // Late: 1; Later: its own 2 + Late's 1 = 3; Best has none.
    const delays = composedDelays(
      chain,
      new Map([
        ["Late", 1],
        ["Later", 2],
      ]),
    );
    expect([...delays]).toEqual([
      ["Best", 0],
      ["Late", 1],
      ["Later", 3],
    ]);
  });

  it("names a fractional or negative delay, an unknown case and a circle of cases", () => {
    expect(() => composedDelays(chain, new Map([["Late", 1.5]]))).toThrow(
      expect.objectContaining({ kind: "invalidNumber", subject: "delay of case 'Late'" }),
    );
    expect(() => composedDelays(chain, new Map([["Late", -1]]))).toThrow(
      expect.objectContaining({ kind: "invalidNumber", subject: "delay of case 'Late'" }),
    );
    expect(() => composedDelays(chain, new Map([["Central", 1]]))).toThrow(
      expect.objectContaining({ kind: "invalidValue", subject: "delay of case 'Central'" }),
    );
    const circle: CaseDefinition[] = [
      { name: "A", derivedFrom: "B" },
      { name: "B", derivedFrom: "A" },
    ];
    expect(() => composedDelays(circle, new Map())).toThrow(
      expect.objectContaining({ kind: "invalidValue", problem: expect.stringContaining("itself") }),
    );
  });
});

describe("computeBusinessCaseWithDelays", () => {
  const model = twoPartnerModel({
    cases: [
      { name: "Best" },
      { name: "Worst" },
      { name: "Late", derivedFrom: "Best" },
      { name: "Later", derivedFrom: "Late", costFactor: 1.2 },
    ],
  });
  const programmeOf = (result: ReturnType<typeof computeBusinessCase>, name: string) =>
    result.cases.find((c) => c.name === name)!.partners.find((p) => p.partner === programme)!;

  it("without delays is computeBusinessCase", () => {
    expect(computeBusinessCaseWithDelays(model, new Map())).toEqual(computeBusinessCase(model));
  });

  it("computes delayed cases later, a case derived from a delayed one delayed by both", () => {
    const result = computeBusinessCaseWithDelays(
      model,
      new Map([
        ["Late", 1],
        ["Later", 2],
      ]),
    );
    expect(result.cases.map((c) => c.name)).toEqual(["Best", "Worst", "Late", "Later"]);
    // Best, rate 0: −100 in year 0, then +60 a year.
    expect(numbers(programmeOf(result, "Best").netBenefit)).toEqual([-100, 60, 60, 60, 60, 60]);
    // Late: the same a year later, year 5's saving lost at the horizon: NPV 4 × 60 − 100 = 140.
    expect(numbers(programmeOf(result, "Late").netBenefit)).toEqual([0, -100, 60, 60, 60, 60]);
    expect(programmeOf(result, "Late").netPresentValue.toNumber()).toBe(140);
    // Later: 3 years late with costs × 1.2: −120 in year 3, +60 in years 4 and 5: NPV 120 − 120 = 0.
    expect(numbers(programmeOf(result, "Later").netBenefit)).toEqual([0, 0, 0, -120, 60, 60]);
    expect(programmeOf(result, "Later").netPresentValue.toNumber()).toBe(0);
    // The line parts of a delayed case are merged in too: Later's set-up 120 split 60 / 40.
    const setUp = result.lines.find((l) => l.label === "Set-up")!.byCase["Later"]!;
    expect(numbers([setUp.parts!["A"]!, setUp.parts!["B"]!])).toEqual([72, 48]);
  });

  it("refuses a delay on an input case and a delay beyond the horizon", () => {
    expect(() => computeBusinessCaseWithDelays(model, new Map([["Best", 1]]))).toThrow(
      expect.objectContaining({ kind: "invalidValue", subject: "delay of case 'Best'" }),
    );
    expect(() => computeBusinessCaseWithDelays(model, new Map([["Late", 6]]))).toThrow(
      expect.objectContaining({ kind: "invalidNumber" }),
    );
  });

  it("property: delaying a then b through a chain is the same as delaying a + b at once", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 3 }), (a, b) => {
        const chained = computeBusinessCaseWithDelays(
          model,
          new Map([
            ["Late", a],
            ["Later", b],
          ]),
        );
        const direct = computeBusinessCaseWithDelays(
          twoPartnerModel({
            cases: [{ name: "Best" }, { name: "Later", derivedFrom: "Best", costFactor: 1.2 }],
          }),
          new Map([["Later", a + b]]),
        );
        expect(programmeOf(chained, "Later")).toEqual(programmeOf(direct, "Later"));
      }),
      { numRuns: 20 },
    );
  });
});
