import * as formulajs from "@formulajs/formulajs";
import fc from "fast-check";
import {
  apportion,
  bcr,
  benefitMultiple,
  discountFactors,
  greenBookRates,
  irr,
  npv,
  payback,
  phase,
  presentValues,
  riskBand,
  riskScore,
  roi,
  shares,
  yearsToRecover,
} from "../../src/functions/functions";
import {
  RuntimeErrorDouble,
  installCustomFunctionsDouble,
  removeCustomFunctionsDouble,
} from "./customFunctionsRuntimeDouble";

// Excel's shared runtime defines CustomFunctions; here the double stands in for it.
beforeAll(installCustomFunctionsDouble);
afterAll(removeCustomFunctionsDouble);

/** Checks that a call failed as a whole with the given Excel error and a message matching `message`. */
function expectError(result: unknown, code: "#VALUE!" | "#NUM!" | "#N/A", message: RegExp | string): void {
  expect(result).toBeInstanceOf(RuntimeErrorDouble);
  const error = result as RuntimeErrorDouble;
  expect(error.code).toBe(code);
  if (typeof message === "string") expect(error.message).toBe(message);
  else expect(error.message).toMatch(message);
}

/** A successful spilled result as rows of numbers. */
function grid(result: unknown): number[][] {
  expect(Array.isArray(result)).toBe(true);
  return result as number[][];
}

/** A successful single-number result. */
function single(result: unknown): number {
  expect(typeof result).toBe("number");
  return result as number;
}

const row = (...values: unknown[]): unknown[][] => [values];
const column = (...values: unknown[]): unknown[][] => values.map((value) => [value]);
const total = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

describe("CBA.SHARES", () => {
  test("a row of bases gives a row of exact shares, each base over the total", () => {
    const bases = [1800, 400, 100];
    expect(grid(shares(row(...bases)))).toEqual([bases.map((b) => b / total(bases))]);
  });

  test("a column of bases gives a column of shares", () => {
    expect(grid(shares(column(1, 1, 2)))).toEqual([[0.25], [0.25], [0.5]]);
  });

  test("a table (service areas × partners) gives a row of shares of the column totals", () => {
    const table = [
      [1800, 400, 100],
      [44400, 15000, 2700],
    ];
    const columnTotals = [0, 1, 2].map((c) => table[0]![c]! + table[1]![c]!);
    expect(shares(table)).toEqual(shares(row(...columnTotals)));
  });

  test("a single partner takes the whole pool", () => {
    expect(shares([[5]])).toEqual([[1]]);
  });

  test("rounded shares are whole units of 10^-(decimals+2) and add up to exactly 100%, for any bases", () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 8 })
          .filter((b) => total(b) > 0),
        fc.integer({ min: 0, max: 3 }),
        (bases, decimals) => {
          const scale = 10 ** (decimals + 2);
          const units = grid(shares(row(...bases), decimals))[0]!.map((share) => share * scale);
          units.forEach((u) => expect(Math.abs(u - Math.round(u))).toBeLessThan(1e-6));
          expect(total(units.map(Math.round))).toBe(scale);
        },
      ),
    );
  });

  test("a blank, text or negative base is refused, naming the cell", () => {
    expectError(shares(row(100, "", 50)), "#VALUE!", /^bases\[2\]: is blank/);
    expectError(shares(row(100, "fifty")), "#VALUE!", 'bases[2]: is not a number (got the text "fifty")');
    expectError(shares(row(100, -5)), "#NUM!", /^bases\[2\]: is negative/);
    expectError(
      shares([
        [1, 2],
        [3, ""],
      ]),
      "#VALUE!",
      /^bases row 2, column 2: is blank/,
    );
    expectError(shares(row(0, 0)), "#NUM!", /all zero/);
  });

  test("decimals must be a whole number the engine accepts", () => {
    expectError(shares(row(1, 2), 1.5), "#NUM!", "decimals: must be a whole number from 0 to 10 (got 1.5)");
    expectError(shares(row(1, 2), "two" as unknown as number), "#VALUE!", /^decimals: is not a number/);
  });
});

describe("CBA.APPORTION", () => {
  test("one amount spills a row of parts when the weights are a row, a column when they are a column", () => {
    const parts = grid(apportion([[2]], row(1, 1, 1, 1, 1, 1, 1)));
    expect(parts).toHaveLength(1);
    expect(parts[0]).toHaveLength(7);
    expect(apportion([[2]], column(1, 1, 1, 1, 1, 1, 1))).toEqual(parts[0]!.map((p) => [p]));
  });

  test("£2.00 split seven ways foots to exactly 200 pennies (rounding each part would give 203)", () => {
    const pennies = grid(apportion([[2]], row(1, 1, 1, 1, 1, 1, 1)))[0]!.map((p) => Math.round(p * 100));
    expect(total(pennies)).toBe(200);
    expect(total(Array.from({ length: 7 }, () => Math.round((2 / 7) * 100)))).not.toBe(200);
  });

  test("a column of k amounts gives k rows of parts; a row of k amounts gives k columns of parts", () => {
    const weights = row(0.73, 0.22, 0.05);
    const byColumn = grid(apportion(column(2545, -1950), weights, 1));
    expect(byColumn).toEqual([
      grid(apportion([[2545]], weights, 1))[0],
      grid(apportion([[-1950]], weights, 1))[0],
    ]);
    const byRow = grid(apportion(row(2545, -1950), weights, 1));
    expect(byRow).toEqual([0, 1, 2].map((p) => [byColumn[0]![p], byColumn[1]![p]]));
  });

  test("every part is a whole number of units and every row adds up exactly to its amount", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1_000_000, max: 1_000_000 }), { minLength: 1, maxLength: 5 }),
        fc
          .array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 6 })
          .filter((w) => total(w) > 0),
        fc.constantFrom(0.01, 1, 1000),
        (amountUnits, weights, unit) => {
          const amounts = amountUnits.map((u) => Number((u * unit).toFixed(2)));
          const result = grid(apportion(column(...amounts), row(...weights), unit));
          result.forEach((parts, k) => {
            const partUnits = parts.map((p) => p / unit);
            partUnits.forEach((u) => expect(Math.abs(u - Math.round(u))).toBeLessThan(1e-6));
            expect(total(partUnits.map(Math.round))).toBe(amountUnits[k]);
          });
        },
      ),
    );
  });

  test("bad amounts, weights and units are refused with the argument named", () => {
    expectError(
      apportion([[10.005]], row(1, 1)),
      "#NUM!",
      /^amounts: 10\.005 is not a whole number of rounding units/,
    );
    expectError(apportion(column(10, ""), row(1, 1)), "#VALUE!", /^amounts\[2\]: is blank/);
    expectError(apportion([[10]], row(1, "")), "#VALUE!", /^weights\[2\]: is blank/);
    expectError(
      apportion(
        [[10]],
        [
          [1, 2],
          [3, 4],
        ],
      ),
      "#VALUE!",
      /^weights: must be a single row or column/,
    );
    expectError(
      apportion(
        [
          [1, 2],
          [3, 4],
        ],
        row(1, 1),
      ),
      "#VALUE!",
      /^amounts: must be a single row or column/,
    );
    expectError(apportion([[10]], row(1, 1), 0), "#NUM!", /^unit: must be greater than zero/);
  });
});

describe("CBA.NPV and CBA.PRESENTVALUES", () => {
  const flows = [-10000, 3000, 4200, 6800];

  test("matches Excel's NPV over periods 1..n plus the undiscounted period 0", () => {
    const excel = (formulajs.NPV(0.1, ...flows.slice(1)) as number) + flows[0]!;
    expect(single(npv([[0.1]], row(...flows)))).toBeCloseTo(excel, 9);
    expect(single(npv(0.1 as unknown as unknown[][], column(...flows)))).toBeCloseTo(excel, 9);
  });

  test("a row of per-period rates discounts cumulatively", () => {
    const rates = [0.035, 0.03, 0.025];
    const expected =
      flows[0]! + flows[1]! / 1.035 + flows[2]! / (1.035 * 1.03) + flows[3]! / (1.035 * 1.03 * 1.025);
    expect(single(npv(row(...rates), row(...flows)))).toBeCloseTo(expected, 9);
  });

  test("a blank period counts as 0 and keeps later periods in place", () => {
    expect(npv([[0.1]], row(-100, "", 121))).toBe(npv([[0.1]], row(-100, 0, 121)));
    expect(single(npv([[0.1]], row(-100, "", 121)))).toBeCloseTo(0, 12);
  });

  test("present values spill like the cashflows and add up to the net present value", () => {
    const values = grid(presentValues([[0.1]], column(...flows))).map((r) => r[0]!);
    values.forEach((v, t) => expect(v).toBeCloseTo(flows[t]! / 1.1 ** t, 9));
    expect(total(values)).toBeCloseTo(single(npv([[0.1]], row(...flows))), 9);
  });

  test("bad rates and cashflows are refused with the argument named", () => {
    expectError(npv([[-1]], row(1, 2)), "#NUM!", /^rate: .*greater than −100%/);
    expectError(
      npv(row(0.1, 0.1), row(1, 2, 3, 4)),
      "#NUM!",
      /^rate: gives 2 per-period rates but 3 periods/,
    );
    expectError(
      npv([[0.1]], row(-100, "abc")),
      "#VALUE!",
      'cashflows[1]: is not a number (got the text "abc")',
    );
    expectError(npv([[0.1]], row("", "")), "#VALUE!", /^cashflows: is blank/);
    expectError(npv([[""]], row(1)), "#VALUE!", /^rate: is blank/);
  });
});

describe("CBA.DISCOUNTFACTORS and CBA.GREENBOOKRATES", () => {
  test("factors for periods 0..n at one rate", () => {
    const factors = grid(discountFactors([[0.1]], 3))[0]!;
    factors.forEach((f, t) => expect(f).toBeCloseTo(1 / 1.1 ** t, 12));
    expect(factors).toHaveLength(4);
  });

  test("with a row of rates, the periods default to the number of rates", () => {
    expect(discountFactors(row(0.1, 0.2))).toEqual(discountFactors(row(0.1, 0.2), 2));
    expectError(discountFactors([[0.1]]), "#VALUE!", "periods: is needed when the rate is a single number");
  });

  test("the Green Book schedule is 3.5% to year 30, then 3.0%, spilled as a row that CBA.NPV accepts", () => {
    const rates = grid(greenBookRates(31));
    expect(rates).toHaveLength(1);
    expect(rates[0]!.slice(0, 30).every((r) => r === 0.035)).toBe(true);
    expect(rates[0]![30]).toBe(0.03);
    const flows = Array.from({ length: 32 }, (_, t) => (t === 0 ? -1000 : 50));
    expect(typeof npv(rates, row(...flows))).toBe("number");
    expectError(greenBookRates(0), "#NUM!", /^periods: must be a whole number from 1 to 1000/);
    expectError(greenBookRates(200), "#NUM!", /^periods: .*year 125/);
  });
});

describe("CBA.IRR", () => {
  test("agrees with Excel's IRR where Excel finds a root, and the NPV at that rate is zero", () => {
    const flows = [-70000, 12000, 15000, 18000, 21000, 26000];
    const rate = single(irr(row(...flows)));
    expect(rate).toBeCloseTo(formulajs.IRR(flows) as number, 9);
    expect(single(npv([[rate]], row(...flows)))).toBeCloseTo(0, 6);
  });

  test("with two roots, the guess picks the nearer one", () => {
    const flows = row(-100, 230, -132); // NPV zero at 10% and 20%
    const low = single(irr(flows, 0.05));
    const high = single(irr(flows, 0.25));
    expect(low).toBeLessThan(high);
    for (const rate of [low, high]) expect(single(npv([[rate]], flows))).toBeCloseTo(0, 9);
  });

  test("no real root is #NUM! with the reason", () => {
    expectError(irr(row(100, 200)), "#NUM!", /^cashflows: .+/);
  });
});

describe("CBA.PAYBACK", () => {
  test("interpolates within the period of the crossing: (t − 1) + (−cum[t−1]) / net[t]", () => {
    expect(single(payback(row(-100, 60, 60)))).toBeCloseTo(1 + 40 / 60, 12);
    expect(payback(column(-100, 60, 60))).toBe(payback(row(-100, 60, 60)));
  });

  test("discounted payback with a rate is later than simple payback", () => {
    const discounted = grid(presentValues([[0.1]], row(-100, 60, 60)))[0]!;
    const expected = 1 + -(discounted[0]! + discounted[1]!) / discounted[2]!;
    expect(single(payback(row(-100, 60, 60), [[0.1]]))).toBeCloseTo(expected, 12);
  });

  test('"final" gives the last time it climbs back after dipping again; case and spaces do not matter', () => {
    const flows = row(-100, 150, -100, 100);
    expect(single(payback(flows))).toBeCloseTo(100 / 150, 12);
    expect(single(payback(flows, null as unknown as unknown[][], " Final "))).toBeCloseTo(2 + 50 / 100, 12);
  });

  test("never paying back is #N/A saying within how many periods", () => {
    expectError(payback(row(-100, 40, 40)), "#N/A", "cashflows: does not pay back within 2 periods");
  });

  test("trailing blank cells are not extra periods", () => {
    expectError(payback(row(-100, 40, 40, "", "")), "#N/A", "cashflows: does not pay back within 2 periods");
  });

  test("an unknown choice of crossing is refused", () => {
    expectError(
      payback(row(-100, 60, 60), undefined, "last"),
      "#VALUE!",
      'which: must be "first" or "final" (got "last")',
    );
  });
});

describe("CBA.ROI, CBA.BENEFITMULTIPLE, CBA.BCR", () => {
  const costs = [100, 50, 0];
  const benefits = [0, 150, 150];

  test("net ROI is (Σ benefits − Σ costs) / Σ costs, and the benefit multiple Σ benefits / Σ costs", () => {
    expect(single(roi(row(...costs), row(...benefits)))).toBeCloseTo(
      (total(benefits) - total(costs)) / total(costs),
      12,
    );
    expect(single(benefitMultiple(row(...costs), row(...benefits)))).toBeCloseTo(
      total(benefits) / total(costs),
      12,
    );
  });

  test("with a rate, ROI compares present values", () => {
    const pv = (values: number[]) => total(grid(presentValues([[0.1]], row(...values)))[0]!);
    expect(single(roi(row(...costs), row(...benefits), [[0.1]]))).toBeCloseTo(
      (pv(benefits) - pv(costs)) / pv(costs),
      12,
    );
  });

  test("the benefit–cost ratio discounts at 3.5% unless told otherwise", () => {
    const pv = (values: number[], rate: number) => total(values.map((v, t) => v / (1 + rate) ** t));
    expect(single(bcr(row(...costs), row(...benefits)))).toBeCloseTo(
      pv(benefits, 0.035) / pv(costs, 0.035),
      12,
    );
    expect(single(bcr(row(...costs), row(...benefits), [[0.1]]))).toBeCloseTo(
      pv(benefits, 0.1) / pv(costs, 0.1),
      12,
    );
  });

  test("a cost row left blank at the end still covers the same years as its benefits", () => {
    expect(roi(row(100, 50, "", ""), row(0, 150, 150, 150))).toEqual(
      roi(row(100, 50, 0, 0), row(0, 150, 150, 150)),
    );
  });

  test("rows over different numbers of periods, and zero costs, are refused", () => {
    expectError(
      roi(row(100, 50), row(0, 150, 150)),
      "#VALUE!",
      /^benefits: covers 3 periods but costs cover 2/,
    );
    expectError(roi(row(0, 0), row(10, 10)), "#N/A", /^costs: total zero/);
  });
});

describe("CBA.YEARSTORECOVER and CBA.PHASE", () => {
  test("years to recover is set-up ÷ the size of the annual saving", () => {
    expect(single(yearsToRecover(1858, -1804))).toBe(1858 / 1804);
    expect(yearsToRecover(1858, 1804)).toBe(yearsToRecover(1858, -1804));
    expectError(yearsToRecover(1858, 0), "#N/A", /^annualSaving: is zero/);
    expectError(yearsToRecover(null as unknown as number, 10), "#VALUE!", /^setUpCost: is blank/);
  });

  test("phasing multiplies the annual amount by each period's fraction and carries the last one on", () => {
    const profile = [0.25, 0.5, 1];
    expect(grid(phase(-1804, row(...profile), 5))).toEqual([[0.25, 0.5, 1, 1, 1].map((f) => -1804 * f)]);
    expect(grid(phase(1000, column(0, 1)))).toEqual([[0], [1000]]);
    expectError(phase(1000, row(0.5, -1)), "#NUM!", /^profile\[1\]: .*cannot be negative/);
    expectError(phase(1000, row(1), 5000), "#NUM!", /^periods: must be a whole number from 1 to 1000/);
  });
});

describe("CBA.RISKSCORE and CBA.RISKBAND", () => {
  test("scores are likelihood × impact cell by cell, the shape of the ratings", () => {
    const likelihood = [3, 2, 5];
    const impact = [4, 3, 5];
    expect(riskScore(column(...likelihood), column(...impact))).toEqual(
      likelihood.map((l, i) => [l * impact[i]!]),
    );
    expect(riskScore([[3]], [[4]])).toEqual([[12]]);
  });

  test("a row with both ratings blank gives a blank; a half-filled row is refused, naming the row", () => {
    expect(riskScore(column(3, "", 2), column(4, null, 3))).toEqual([[12], [""], [6]]);
    expectError(riskScore(column(3, ""), column(4, 2)), "#VALUE!", /^likelihood\[2\]: is blank/);
    expectError(
      riskScore(column(3, 6), column(4, 2)),
      "#NUM!",
      /^likelihood\[2\]: must be a whole number from 1 to 5/,
    );
    expectError(
      riskScore(column(3, 2), column(4, 2, 1)),
      "#VALUE!",
      /^impact: must be a single value or the same shape/,
    );
  });

  test("bands default to Hampshire's 1–10 Low, 11–15 Medium, 16–25 High", () => {
    expect(riskBand(column(10, 11, 15, 16, 25, ""))).toEqual([
      ["Low"],
      ["Medium"],
      ["Medium"],
      ["High"],
      ["High"],
      [""],
    ]);
  });

  test("a council's own thresholds and labels are used when given", () => {
    const bands = riskBand(
      row(4, 5, 9, 10, 20),
      row(4, 9, 16),
      row("Low", "Moderate", "Significant", "High"),
    );
    expect(bands).toEqual([["Low", "Moderate", "Moderate", "Significant", "High"]]);
  });

  test("bad bands are refused even when every score is blank", () => {
    expectError(riskBand(column(""), row(10, 15), row("Low", "High")), "#VALUE!", /labels/);
    expectError(riskBand(column(12), row(15, 10)), "#NUM!", /ascending/);
    expectError(riskBand(column(-1)), "#NUM!", /^score: cannot be negative/);
    expectError(riskBand(column(1, "high")), "#VALUE!", /^score\[2\]: is not a number/);
  });
});
