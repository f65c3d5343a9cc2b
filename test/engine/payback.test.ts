import fc from "fast-check";
import { EngineError } from "../../src/engine/errors";
import { Money } from "../../src/engine/money";
import { type PaybackResult, cumulativeTotals, payback } from "../../src/engine/payback";
import { expectEngineError } from "./expectEngineError";

function periodsOf(result: PaybackResult): Money {
  if (result.kind !== "paysBack") throw new Error(`expected a payback, got never within ${result.horizon}`);
  return result.periods;
}

describe("payback: worked cases", () => {
  it("interpolates inside the period of the crossing: (t − 1) + (−cumulative[t − 1]) / net[t]", () => {
    // Cumulative −100, −40, +20: crosses in year 2, 1 + 40/60.
    expect(periodsOf(payback([-100, 60, 60])).eq(new Money(40).div(60).plus(1))).toBe(true);
  });

  // ebradyjobory/finance.js specs.js: "PP for even cash flows" PP(0, 105, 25) = 4.2 (an outlay of 105
  // recovered at 25 a year), and "PP for uneven cash flows" −50 then 10, 13, 16, 19, 22 lies in 3.3–3.6.
  it("matches finance.js's published payback examples", () => {
    expect(periodsOf(payback([-105, 25, 25, 25, 25, 25, 25])).toString()).toBe("4.2");
    const uneven = periodsOf(payback([-50, 10, 13, 16, 19, 22])).toNumber();
    expect(uneven).toBeGreaterThanOrEqual(3.3);
    expect(uneven).toBeLessThanOrEqual(3.6);
  });

  it("pays back exactly on a period boundary as a whole number", () => {
    expect(periodsOf(payback([-100, 50, 50])).toString()).toBe("2");
    expect(periodsOf(payback([-100, 50, 50, 50])).toString()).toBe("2");
  });

  it('says "never" with the horizon when the case ends the horizon negative', () => {
    expect(payback([-100, 40, 40])).toEqual({ kind: "never", horizon: 2 });
    expect(payback([-5])).toEqual({ kind: "never", horizon: 0 });
  });

  it("pays back at 0 when the cumulative position never goes negative", () => {
    expect(periodsOf(payback([0, 10, 20])).toString()).toBe("0");
    expect(periodsOf(payback([0, 0, 0])).toString()).toBe("0");
    expect(periodsOf(payback([50, -20, -30])).toString()).toBe("0");
  });

  it("does not count the leading zero years of a delayed start as paid back", () => {
    expect(periodsOf(payback([0, 0, -100, 60, 60])).eq(periodsOf(payback([-100, 60, 60])).plus(2))).toBe(
      true,
    );
  });

  it("gives the first and the final up-crossing when a later reinvestment dips below zero again", () => {
    // Cumulative −100, 0, −50, +50: first back to zero in year 1, final crossing 2 + 50/100.
    expect(periodsOf(payback([-100, 100, -50, 100])).toString()).toBe("1");
    expect(periodsOf(payback([-100, 100, -50, 100], { which: "final" })).toString()).toBe("2.5");
  });

  it("gives the first crossing, marked as falling back, when exit costs leave the horizon negative; the final payback is never", () => {
    // Cumulative −100, +50, −50: back to zero at 0 + 100/150 in year 1, below zero again at the end.
    const first = payback([-100, 150, -100]);
    expect(first).toMatchObject({ kind: "paysBack", fallsBack: true });
    expect(periodsOf(first).times(3).toString()).toBe("2");
    expect(payback([-100, 150, -100], { which: "final" })).toEqual({ kind: "never", horizon: 2 });
  });

  it("marks no fall-back when the horizon ends at zero or above", () => {
    expect(payback([-100, 100, -50, 100])).not.toHaveProperty("fallsBack");
  });

  it("discounts the cashflows first when given a rate (discounted payback)", () => {
    // At 10%: −100, 54.545…, 49.586…; cumulative −100, −45.45…, +4.13…
    const year1 = new Money(60).div("1.1");
    const year2 = new Money(60).div("1.21");
    const expected = new Money(100).minus(year1).div(year2).plus(1);
    expect(
      periodsOf(payback([-100, 60, 60], { rate: 0.1 }))
        .minus(expected)
        .abs()
        .lt(1e-35),
    ).toBe(true);
    // A per-period schedule works the same way.
    expect(payback([-100, 60, 60], { rate: [0.1, 0.1] })).toEqual(payback([-100, 60, 60], { rate: 0.1 }));
    // Discounting can turn a payback into "never".
    expect(payback([-100, 50, 50], { rate: 0.035 })).toEqual({ kind: "never", horizon: 2 });
  });

  it("gives the running totals a payback chart draws", () => {
    expect(cumulativeTotals([-100, 60, 60]).map(String)).toEqual(["-100", "-40", "20"]);
  });
});

const amount = fc.integer({ min: -5_000, max: 5_000 });
const anyCase = fc.array(amount, { minLength: 1, maxLength: 25 });
/** Costs first (at least one), then savings: a conventional business case. */
const conventionalCase = fc
  .tuple(
    fc.array(fc.integer({ min: 1, max: 5_000 }), { minLength: 1, maxLength: 4 }),
    fc.array(fc.integer({ min: 0, max: 5_000 }), { maxLength: 20 }),
  )
  .map(([costs, savings]) => [...costs.map((c) => -c), ...savings]);

function goesNegative(flows: number[]): boolean {
  let total = 0;
  return flows.some((f) => (total += f) < 0);
}

describe("payback: properties", () => {
  it("property: delaying a case that goes negative by one period (prepending a zero) delays its payback by exactly one", () => {
    fc.assert(
      fc.property(
        anyCase.filter(goesNegative),
        fc.constantFrom("first" as const, "final" as const),
        (flows, which) => {
          const now = payback(flows, { which });
          const delayed = payback([0, ...flows], { which });
          if (now.kind === "never") expect(delayed).toEqual({ kind: "never", horizon: now.horizon + 1 });
          else expect(periodsOf(delayed).eq(now.periods.plus(1))).toBe(true);
        },
      ),
    );
  });

  it("property: a case whose cumulative position never goes negative pays back at 0", () => {
    fc.assert(
      fc.property(
        anyCase.filter((flows) => !goesNegative(flows)),
        (flows) => {
          expect(periodsOf(payback(flows)).isZero()).toBe(true);
        },
      ),
    );
  });

  it("property: the answer lies in the period where the cumulative position climbs back to ≥ 0, on the straight line between its ends", () => {
    fc.assert(
      fc.property(anyCase.filter(goesNegative), (flows) => {
        const result = payback(flows);
        const cumulative = cumulativeTotals(flows);
        if (result.kind === "never") {
          expect(cumulative[cumulative.length - 1]!.lt(0)).toBe(true);
          return;
        }
        const t = result.periods.ceil().toNumber();
        expect(cumulative[t]!.gte(0)).toBe(true);
        expect(cumulative[t - 1]!.lt(0)).toBe(true);
        // Linear interpolation: cumulative[t − 1] + (periods − (t − 1)) × net[t] = 0.
        const onTheLine = cumulative[t - 1]!.plus(result.periods.minus(t - 1).times(flows[t]!));
        expect(onTheLine.abs().lt(1e-30)).toBe(true);
      }),
    );
  });

  it("property: the final payback is never earlier than the first, and exists exactly when the first does not fall back", () => {
    fc.assert(
      fc.property(anyCase, (flows) => {
        const first = payback(flows);
        const final = payback(flows, { which: "final" });
        const fallsBack = first.kind === "paysBack" && first.fallsBack === true;
        expect(final.kind).toBe(fallsBack ? "never" : first.kind);
        if (final.kind === "paysBack") expect(final.periods.gte(periodsOf(first))).toBe(true);
      }),
    );
  });

  it("property: a first payback falls back exactly when the horizon ends below zero", () => {
    fc.assert(
      fc.property(anyCase, (flows) => {
        const first = payback(flows);
        const cumulative = cumulativeTotals(flows);
        if (first.kind === "paysBack")
          expect(first.fallsBack === true).toBe(cumulative[cumulative.length - 1]!.lt(0));
      }),
    );
  });

  it("property: for a conventional case (costs, then savings), discounted payback at a positive rate is never earlier than simple payback", () => {
    fc.assert(
      fc.property(conventionalCase, fc.integer({ min: 1, max: 2000 }), (flows, basisPoints) => {
        const simple = payback(flows);
        const discounted = payback(flows, { rate: new Money(basisPoints).div(10000) });
        if (discounted.kind === "never") return; // "never" is later than any payback
        expect(simple.kind).toBe("paysBack");
        expect(discounted.periods.gte(periodsOf(simple))).toBe(true);
      }),
    );
  });
});

describe("payback: bad input", () => {
  it("refuses bad input with a typed error naming the argument", () => {
    expectEngineError(() => payback([]), "invalidValue", "cashflows");
    expectEngineError(() => payback([-100, "sixty"]), "invalidValue", "cashflows[1]");
    expectEngineError(() => payback([-100, NaN]), "invalidNumber", "cashflows[1]");
    expectEngineError(() => payback([-100, 60], { rate: -1 }), "invalidNumber", "rate");
    expectEngineError(() => payback([-100, 60], { rate: "x" }), "invalidValue", "rate");
    expectEngineError(() => payback([-100, 60], { which: "last" as "final" }), "invalidValue", "which");
    expectEngineError(() => payback(undefined as unknown as number[]), "invalidValue", "cashflows");
  });

  it("property: whatever it is given, it answers or throws an EngineError, never NaN or a TypeError", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double(), fc.string(), fc.constant(null), amount), { maxLength: 8 }),
        (flows) => {
          try {
            const result = payback(flows as number[]);
            if (result.kind === "paysBack") expect(result.periods.isFinite()).toBe(true);
          } catch (error) {
            expect(error).toBeInstanceOf(EngineError);
          }
        },
      ),
    );
  });
});
