import fc from "fast-check";
import { greenBookRates } from "../../src/engine/discounting";
import { EngineError } from "../../src/engine/errors";
import { Money, sum, toMoney } from "../../src/engine/money";
import { excelNetPresentValue, netPresentValue, presentValues } from "../../src/engine/npv";
import { expectEngineError } from "./expectEngineError";

function expectWithin(actual: Money, expected: number | string, tolerance: number): void {
  const gap = actual.minus(expected).abs();
  if (gap.gt(tolerance))
    throw new Error(`expected ${String(expected)} ± ${tolerance}, got ${actual.toString()}`);
}

/** Equal to 30 significant digits of the size of the discounted flows (decimals carry 40). */
function expectClose(actual: Money, expected: Money, flows: readonly number[], rate: Money): void {
  const size = flows.reduce(
    (total, f, t) => total.plus(new Money(f).abs().div(rate.plus(1).pow(t))),
    new Money(1),
  );
  expectWithin(actual, expected.toString(), size.times(1e-30).toNumber());
}

const wholePounds = fc.integer({ min: -1_000_000, max: 1_000_000 });
const cashflow = fc.array(wholePounds, { minLength: 1, maxLength: 30 });
const rateInBasisPoints = fc.integer({ min: -5000, max: 5000 }).map((bp) => new Money(bp).div(10000));

describe("excelNetPresentValue (Excel's NPV(), first value discounted one period)", () => {
  // Microsoft Support, "NPV function", Example 1: rate 10%, a cost of 10,000 one year from today and
  // returns of 3,000, 4,200 and 6,800 → 1,188.44 (shown to the cent, so ± 0.005).
  it("reproduces Microsoft's example 1: 1,188.44", () => {
    expectWithin(excelNetPresentValue(0.1, [-10000, 3000, 4200, 6800]), 1188.44, 0.005);
    // PhpSpreadsheet's Excel-derived test data (tests/data/Calculation/Financial/NPV.php) gives the
    // same figure to 10 places: 1188.4434123352.
    expectWithin(excelNetPresentValue(0.1, [-10000, 3000, 4200, 6800]), "1188.4434123352", 1e-9);
  });

  // Microsoft Support, "NPV function", Example 2: rate 8%, initial cost 40,000 now, returns 8,000,
  // 9,200, 10,000, 12,000, 14,500 → =NPV(A2, A4:A8) + A3 = 1,922.06; with a loss of 9,000 in year 6,
  // =NPV(A2, A4:A8, -9000) + A3 = -3,749.47 (± 0.005).
  it("reproduces Microsoft's example 2: 1,922.06 and, with a year-6 loss of 9,000, -3,749.47", () => {
    const returns = [8000, 9200, 10000, 12000, 14500];
    expectWithin(excelNetPresentValue(0.08, returns).minus(40000), 1922.06, 0.005);
    expectWithin(excelNetPresentValue(0.08, [...returns, -9000]).minus(40000), -3749.47, 0.005);
    // PhpSpreadsheet NPV.php: the same returns alone at 8% → 41922.061554932 and 36250.534912984.
    expectWithin(excelNetPresentValue(0.08, returns), "41922.061554932", 1e-6);
    expectWithin(excelNetPresentValue(0.08, [...returns, -9000]), "36250.534912984", 1e-6);
  });

  it("matches further published values: PhpSpreadsheet and formulajs test suites", () => {
    // PhpSpreadsheet NPV.php: NPV(5%, 2000, 2400, 2900, 3500, 4100) = 12678.677633095.
    expectWithin(excelNetPresentValue(0.05, [2000, 2400, 2900, 3500, 4100]), "12678.677633095", 1e-6);
    // formulajs test/financial.js: NPV(0.1, -10000, 2000, 4000, 8000) = 1031.3503176012546 and
    // NPV(0.12, 12000, 15000, 18000, 21000, 24000) = 62448.362521940246 (checked there to 1e-9).
    expectWithin(excelNetPresentValue(0.1, [-10000, 2000, 4000, 8000]), "1031.3503176012546", 1e-9);
    expectWithin(excelNetPresentValue(0.12, [12000, 15000, 18000, 21000, 24000]), "62448.362521940246", 1e-8);
  });

  it("refuses a rate of −100% or below and bad values, naming them", () => {
    expectEngineError(() => excelNetPresentValue(-1, [1, 2]), "invalidNumber", "rate");
    expectEngineError(() => excelNetPresentValue("abc", [1, 2]), "invalidValue", "rate");
    expectEngineError(() => excelNetPresentValue(0.1, []), "invalidValue", "values");
    expectEngineError(() => excelNetPresentValue(0.1, [1, Infinity]), "invalidNumber", "values[1]");
  });
});

describe("netPresentValue (appraisal convention, year 0 undiscounted)", () => {
  it("reproduces Microsoft's example 2 as one row: 1,922.06 and -3,749.47", () => {
    expectWithin(netPresentValue([-40000, 8000, 9200, 10000, 12000, 14500], 0.08), 1922.06, 0.005);
    expectWithin(netPresentValue([-40000, 8000, 9200, 10000, 12000, 14500, -9000], 0.08), -3749.47, 0.005);
  });

  it("differs from =NPV(r, whole row) by exactly the factor (1 + r) (DOMAIN.md)", () => {
    fc.assert(
      fc.property(cashflow, rateInBasisPoints, (flows, rate) => {
        const appraisal = netPresentValue(flows, rate);
        const excel = excelNetPresentValue(rate, flows);
        expectClose(appraisal, excel.times(rate.plus(1)), flows, rate);
        // …and equals NPV(r, row[1..]) + row[0], the Excel-equivalent formula.
        if (flows.length > 1)
          expectClose(appraisal, excelNetPresentValue(rate, flows.slice(1)).plus(flows[0]!), flows, rate);
      }),
    );
  });

  it("property: NPV at a rate of 0 equals the plain sum of the cashflows, exactly", () => {
    fc.assert(
      fc.property(cashflow, (flows) => {
        expect(netPresentValue(flows, 0).eq(sum(flows.map((f) => toMoney(f, "f"))))).toBe(true);
      }),
    );
  });

  it("property: the present values add up exactly to the NPV, so a table of them foots", () => {
    fc.assert(
      fc.property(cashflow, rateInBasisPoints, (flows, rate) => {
        expect(sum(presentValues(flows, rate)).eq(netPresentValue(flows, rate))).toBe(true);
      }),
    );
  });

  it("property: the NPV of a single flow in year t is that flow ÷ (1 + r)^t", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), wholePounds, rateInBasisPoints, (t, amount, rate) => {
        const flows = Array.from({ length: t + 1 }, (_, s) => (s === t ? amount : 0));
        expectClose(netPresentValue(flows, rate), new Money(amount).div(rate.plus(1).pow(t)), flows, rate);
      }),
    );
  });

  it("discounts year 31 of a Green Book schedule at 3.0% on top of thirty years at 3.5%", () => {
    const flows = Array.from({ length: 32 }, (_, t) => (t === 31 ? 1_000_000 : 0));
    const expected = new Money(1_000_000).div(new Money("1.035").pow(30).times("1.03"));
    expectWithin(netPresentValue(flows, greenBookRates(31)), expected.toString(), 1e-25);
    // A constant 3.5% would overstate the discounting of year 31.
    expect(netPresentValue(flows, 0.035).lt(netPresentValue(flows, greenBookRates(31)))).toBe(true);
  });

  it("keeps year 0 undiscounted at any rate", () => {
    expect(netPresentValue([-2500], 0.2).toString()).toBe("-2500");
    expect(presentValues([-2500, 1200], 0.2).map(String)).toEqual(["-2500", "1000"]);
  });

  it("refuses bad input with a typed error naming the argument", () => {
    expectEngineError(() => netPresentValue([], 0.035), "invalidValue", "cashflows");
    expectEngineError(() => netPresentValue([-100, "sixty", 60], 0.035), "invalidValue", "cashflows[1]");
    expectEngineError(() => netPresentValue([-100, 60, NaN], 0.035), "invalidNumber", "cashflows[2]");
    expectEngineError(() => netPresentValue([-100, 60], -1), "invalidNumber", "rate");
    expectEngineError(() => netPresentValue([-100, 60, 60], [0.035]), "invalidNumber", "rate");
    expectEngineError(
      () => presentValues([-100, 60], [null as unknown as number]),
      "invalidValue",
      "rate[1]",
    );
  });

  it("property: whatever it is given, it returns a finite decimal or throws an EngineError, never NaN", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double(), fc.string(), fc.constant(null), wholePounds), { maxLength: 6 }),
        fc.oneof(fc.double(), fc.string(), fc.integer({ min: -3, max: 3 })),
        (flows, rate) => {
          try {
            const result = netPresentValue(flows as number[], rate);
            expect(result.isFinite()).toBe(true);
          } catch (error) {
            expect(error).toBeInstanceOf(EngineError);
          }
        },
      ),
    );
  });
});
