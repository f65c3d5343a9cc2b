import fc from "fast-check";
import { type Line, notQuantified } from "../../src/engine/businessCaseModel";
import { Money } from "../../src/engine/money";
import { type LineOptimismBias, withOptimismBiasCases } from "../../src/engine/optimismBiasCases";
import { expectEngineError } from "./expectEngineError";

const line = (
  label: string,
  base: number | typeof notQuantified,
  timing: Line["timing"] = "oneOff",
): Line => ({
  label,
  timing,
  allocation: { kind: "partner", partner: "CC" },
  values: { Base: base === notQuantified ? base : new Money(base) },
});
const cases = [{ from: "Base", name: "Base + optimism bias" }];

describe("withOptimismBiasCases", () => {
  test("costs are uplifted and benefits reduced at upper bound × (1 − mitigation); other lines carry over", () => {
    const lines = [line("ICT", 1000), line("Staff savings", -500, "recurring"), line("Legal", 80)];
    const biases: (LineOptimismBias | undefined)[] = [
      // Equipment/development 200%, 40% mitigated: rate 2 × 0.6 = 1.2; 1,000 × 2.2 = 2,200.
      { upperBound: 2, mitigation: 0.4, mitigationReason: "Fixed-price contract", direction: "cost" },
      // Benefits 15%, unmitigated: −500 × 0.85 = −425.
      { upperBound: 0.15, direction: "benefit" },
      undefined,
    ];
    const { lines: adjusted, cases: definitions, records } = withOptimismBiasCases(lines, biases, cases, 1);
    expect(definitions).toEqual([{ name: "Base + optimism bias" }]);
    expect(adjusted.map((l) => String(l.values["Base + optimism bias"]))).toEqual(["2200", "-425", "80"]);
    expect(adjusted.map((l) => String(l.values["Base"]))).toEqual(["1000", "-500", "80"]);
    const [ict, savings, legal] = records[0]!.lines;
    expect(ict!.bias?.appliedRate.toString()).toBe("1.2");
    expect(ict!.uplift?.toString()).toBe("1200");
    expect(savings!.uplift?.toString()).toBe("75");
    expect(legal!.bias).toBeUndefined();
    expect(legal!.uplift?.toString()).toBe("0");
  });

  test("adjusted values are rounded to the rounding unit, half away from zero, as derived cases are", () => {
    // Standard buildings 24%, 92% mitigated: 0.24 × 0.08 = 0.0192; 1,025 × 1.0192 = 1,044.68 → 1,045.
    const { lines } = withOptimismBiasCases(
      [line("Works", 1025)],
      [{ upperBound: 0.24, mitigation: 0.92, mitigationReason: "Design frozen", direction: "cost" }],
      cases,
      1,
    );
    expect(String(lines[0]!.values["Base + optimism bias"])).toBe("1045");
  });

  test("not-quantified values stay not quantified", () => {
    const { lines, records } = withOptimismBiasCases(
      [line("Income", notQuantified)],
      [{ upperBound: 0.5, direction: "benefit" }],
      cases,
      1,
    );
    expect(lines[0]!.values["Base + optimism bias"]).toBe(notQuantified);
    expect(records[0]!.lines[0]!.uplift).toBeUndefined();
  });

  test("mitigation without a reason, and a case name already used, are refused by name", () => {
    expectEngineError(
      () =>
        withOptimismBiasCases(
          [line("ICT", 100)],
          [{ upperBound: 2, mitigation: 0.5, direction: "cost" }],
          cases,
          1,
        ),
      "invalidValue",
      "line 'ICT' mitigation",
    );
    expectEngineError(
      () => withOptimismBiasCases([line("ICT", 100)], [undefined], [{ from: "Base", name: "Base" }], 1),
      "invalidValue",
      "case 'Base'",
    );
  });

  test("full mitigation leaves every value as it was", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -10000, max: 10000 }), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        (amounts, benefit) => {
          const lines = amounts.map((a, i) => line(`L${i}`, a));
          const { lines: adjusted } = withOptimismBiasCases(
            lines,
            lines.map(
              () =>
                ({
                  upperBound: 2,
                  mitigation: 1,
                  mitigationReason: "All risks priced",
                  direction: benefit ? "benefit" : "cost",
                }) as LineOptimismBias,
            ),
            cases,
            1,
          );
          adjusted.forEach((l, i) =>
            expect(String(l.values["Base + optimism bias"])).toBe(String(new Money(amounts[i]!))),
          );
        },
      ),
    );
  });

  test("the size of the adjustment never falls as the rate rises", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -100000, max: 100000 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        (amount, a, b) => {
          const [low, high] = a <= b ? [a / 100, b / 100] : [b / 100, a / 100];
          const uplift = (rate: number, direction: "cost" | "benefit") =>
            withOptimismBiasCases(
              [line("L", amount)],
              [{ upperBound: rate, direction }],
              cases,
              1,
            ).records[0]!.lines[0]!.uplift!.abs();
          for (const direction of ["cost", "benefit"] as const)
            expect(uplift(high, direction).gte(uplift(low, direction))).toBe(true);
        },
      ),
    );
  });
});
