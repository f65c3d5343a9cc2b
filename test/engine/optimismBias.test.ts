import fc from "fast-check";
import { Money } from "../../src/engine/money";
import {
  applyOptimismBias,
  confidenceGradeRate,
  greenBookOptimismBias,
  mitigatedRate,
  optimismBiasRate,
  readProjectType,
  upliftedDuration,
  withOptimismBias,
} from "../../src/engine/optimismBias";
import { expectEngineError } from "./expectEngineError";

describe("the Green Book optimism-bias table", () => {
  // HM Treasury, Supplementary Green Book Guidance: Optimism Bias (2003), Table 1, in percent
  // (https://www.gov.uk/government/publications/green-book-supplementary-guidance-optimism-bias;
  // the same figures as Mott MacDonald (2002), Review of Large Public Procurement in the UK,
  // Table 2 "Optimism Bias Guidelines"):
  // [works duration upper, lower, capital (outsourcing: operating) expenditure upper, lower].
  const published: [string, number | null, number | null, number, number][] = [
    ["Standard buildings", 4, 1, 24, 2],
    ["Non-standard buildings", 39, 2, 51, 4],
    ["Standard civil engineering", 20, 1, 44, 3],
    ["Non-standard civil engineering", 25, 3, 66, 6],
    ["Equipment/development", 54, 10, 200, 10],
    ["Outsourcing", null, null, 41, 0],
  ];

  it.each(published)(
    "%s: duration %s / %s, cost %s / %s",
    (name, durationUpper, durationLower, costUpper, costLower) => {
      const type = readProjectType(name);
      expect(optimismBiasRate(type, "upper", "cost").times(100).toNumber()).toBe(costUpper);
      expect(optimismBiasRate(type, "lower", "cost").times(100).toNumber()).toBe(costLower);
      if (durationUpper === null) {
        expectEngineError(() => optimismBiasRate(type, "upper", "duration"), "noResult", "measure");
      } else {
        expect(optimismBiasRate(type, "upper", "duration").times(100).toNumber()).toBe(durationUpper);
        expect(optimismBiasRate(type, "lower", "duration").times(100).toNumber()).toBe(durationLower);
      }
    },
  );

  it("outsourcing applies to operating costs; every other type to capital costs", () => {
    expect(greenBookOptimismBias.outsourcing.costsUplifted).toBe("operating");
    expect(greenBookOptimismBias.equipmentDevelopment.costsUplifted).toBe("capital");
  });

  it("reads project types as typed, IT and ICT as equipment/development, and names the choices otherwise", () => {
    expect(readProjectType("NON-STANDARD buildings")).toBe("nonStandardBuildings");
    expect(readProjectType("ICT")).toBe("equipmentDevelopment");
    expectEngineError(() => readProjectType("bridges"), "invalidValue", "projectType");
  });
});

describe("confidence grades", () => {
  it("default to 0%, 5%, 10%, 15%, 25% and 40% for grades 1 to 6", () => {
    expect([1, 2, 3, 4, 5, 6].map((g) => confidenceGradeRate(g).toNumber())).toEqual([
      0, 0.05, 0.1, 0.15, 0.25, 0.4,
    ]);
  });

  it("take the partnership's own table, and refuse a grade it does not list", () => {
    const own = [{ grade: 1, evidence: "Audited", rate: new Money("0.02") }];
    expect(confidenceGradeRate(1, own).toString()).toBe("0.02");
    expectEngineError(() => confidenceGradeRate(2, own), "noResult", "grade");
  });
});

describe("withOptimismBias", () => {
  it("uplifts costs, reduces benefits and keeps signs", () => {
    expect(withOptimismBias([100, 200], 0.24, "cost").map(String)).toEqual(["124", "248"]);
    expect(withOptimismBias([-1000, 500], 0.15, "benefit").map(String)).toEqual(["-850", "425"]);
  });

  it("refuses a negative rate, and a benefit reduction beyond 100%", () => {
    expectEngineError(() => withOptimismBias([1], -0.1), "invalidNumber", "rate");
    expectEngineError(() => withOptimismBias([1], 1.5, "benefit"), "invalidNumber", "rate");
    expect(withOptimismBias([1], 2, "cost").map(String)).toEqual(["3"]);
  });

  it("property: zero optimism bias leaves every amount unchanged", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1e9, max: 1e9 }), { minLength: 1, maxLength: 12 }),
        fc.constantFrom("cost" as const, "benefit" as const),
        (amounts, direction) => {
          expect(withOptimismBias(amounts, 0, direction).map(Number)).toEqual(
            amounts.map((a) => (a === 0 ? 0 : a)),
          );
        },
      ),
    );
  });
});

describe("mitigation and duration", () => {
  it("reproduces the guidance's worked example: 92% of 51% mitigated leaves 4.08%", () => {
    expect(mitigatedRate(0.51, 0.92).toString()).toBe("0.0408");
  });

  it("lengthens a duration by the rate", () => {
    expect(upliftedDuration(18, 0.39).toString()).toBe("25.02");
    expectEngineError(() => upliftedDuration(-1, 0.39), "invalidNumber", "duration");
  });
});

describe("applyOptimismBias", () => {
  const lines = [
    {
      label: "ICT",
      direction: "cost" as const,
      amounts: [500, 100],
      rate: 2,
      mitigation: 0.9,
      mitigationReason: "Off-the-shelf, fixed price",
    },
    { label: "Staff savings", direction: "benefit" as const, amounts: [0, 300], rate: 0.15 },
  ];

  it("records each line's starting rate, mitigation and reason, and totals with and without", () => {
    const result = applyOptimismBias(lines);
    expect(result.lines[0]!.appliedRate.toString()).toBe("0.2");
    expect(result.lines[0]!.mitigationReason).toBe("Off-the-shelf, fixed price");
    expect(result.lines[0]!.adjustment.map(String)).toEqual(["100", "20"]);
    expect(result.costsWithout.map(String)).toEqual(["500", "100"]);
    expect(result.costsWith.map(String)).toEqual(["600", "120"]);
    expect(result.benefitsWithout.map(String)).toEqual(["0", "300"]);
    expect(result.benefitsWith.map(String)).toEqual(["0", "255"]);
  });

  it("refuses mitigation without a reason, naming the line", () => {
    expectEngineError(
      () =>
        applyOptimismBias([{ label: "ICT", direction: "cost", amounts: [1], rate: 0.5, mitigation: 0.5 }]),
      "invalidValue",
      "line 'ICT' mitigation",
    );
  });

  it("refuses lines over different periods, naming the line", () => {
    expectEngineError(
      () => applyOptimismBias([lines[0]!, { ...lines[1]!, amounts: [1, 2, 3] }]),
      "invalidValue",
      "line 'Staff savings'",
    );
  });

  it("property: with every rate zero, the figures with optimism bias are the figures without it", () => {
    const line = fc.record({
      label: fc.string({ minLength: 1, maxLength: 5 }),
      direction: fc.constantFrom("cost" as const, "benefit" as const),
      amounts: fc.array(fc.integer({ min: -1e6, max: 1e6 }), { minLength: 3, maxLength: 3 }),
      rate: fc.constant(0),
      mitigation: fc.constant(0),
    });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), (given) => {
        const result = applyOptimismBias(given);
        expect(result.costsWith.map(String)).toEqual(result.costsWithout.map(String));
        expect(result.benefitsWith.map(String)).toEqual(result.benefitsWithout.map(String));
        result.lines.forEach((l) => expect(l.adjustment.every((a) => a.isZero())).toBe(true));
      }),
    );
  });

  it("property: a cost's uplift is its amount times the rate applied, and a benefit's reduction likewise", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e6, max: 1e6 }),
        fc.integer({ min: 0, max: 100 }).map((p) => new Money(p).div(100)),
        fc.integer({ min: 0, max: 100 }).map((p) => new Money(p).div(100)),
        (amount, rate, mitigation) => {
          const result = applyOptimismBias([
            {
              label: "c",
              direction: "cost",
              amounts: [amount],
              rate,
              mitigation,
              mitigationReason: "evidence",
            },
            {
              label: "b",
              direction: "benefit",
              amounts: [amount],
              rate,
              mitigation,
              mitigationReason: "evidence",
            },
          ]);
          const applied = rate.times(new Money(1).minus(mitigation));
          expect(result.lines[0]!.adjustment[0]!.equals(applied.times(amount))).toBe(true);
          expect(result.lines[1]!.adjustment[0]!.equals(applied.times(amount).neg())).toBe(true);
        },
      ),
    );
  });
});
