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
  npvPercentiles,
  payback,
  paybackDelay,
  phase,
  presentValues,
  riskBand,
  riskScore,
  roi,
  scenario,
  shares,
  switchingValue,
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

  test('a rate typed as a percentage in text, "10%", is the rate 0.1', () => {
    expect(payback(row(-100, 60, 60), [["10%"]])).toEqual(payback(row(-100, 60, 60), [[0.1]]));
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

  test('"first" gives the first crossing of a case that falls back below zero by the end; "final" says it falls back', () => {
    const flows = row(-100, 150, -100);
    expect(single(payback(flows, undefined, "first"))).toBeCloseTo(100 / 150, 12);
    expect(single(payback(flows))).toBeCloseTo(100 / 150, 12);
    expectError(
      payback(flows, undefined, "final"),
      "#N/A",
      "cashflows: pay back first at period 0.67 but fall back below zero by the end, so there is no final payback within 2 periods",
    );
  });

  test("one period is singular in the message", () => {
    expectError(payback(row(-100, 40)), "#N/A", "cashflows: does not pay back within 1 period");
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

describe("CBA.SCENARIO", () => {
  test("multiplies costs and benefits by their factors: savingFactor × benefits − costFactor × costs", () => {
    expect(grid(scenario(row(100, 0, 0), row(0, 60, 60), 1.2))).toEqual([[-120, 60, 60]]);
    expect(grid(scenario(row(100, 0, 0), row(0, 60, 60), null as unknown as number, 0.5))).toEqual([
      [-100, 30, 30],
    ]);
  });

  test("a delay shifts costs and benefits alike, zeros first, and cuts off at the last period", () => {
    expect(grid(scenario(row(100, 0, 0), row(0, 60, 60), undefined, undefined, 1))).toEqual([[0, -100, 60]]);
    expect(grid(scenario(row(100, 0, 0), row(0, 60, 60), undefined, undefined, 3))).toEqual([[0, 0, 0]]);
  });

  test("with no factors or delay it is benefits − costs, spilling the way the costs run", () => {
    expect(scenario(column(100, 50), column(0, 80))).toEqual([[-100], [30]]);
    expect(scenario(row(100, 50), column(0, 80))).toEqual([[-100, 30]]);
  });

  test("its result feeds CBA.NPV: NPV = savingFactor × PV(benefits) − costFactor × PV(costs), for any rows", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 })), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 300 }),
        (pairs, costPercent, savingPercent) => {
          const costs = pairs.map(([c]) => c);
          const benefits = pairs.map(([, b]) => b);
          const pv = (values: number[]) => single(npv([[0.035]], row(...values)));
          const net = scenario(row(...costs), row(...benefits), costPercent / 100, savingPercent / 100);
          expect(single(npv([[0.035]], net as unknown[][]))).toBeCloseTo(
            (savingPercent / 100) * pv(benefits) - (costPercent / 100) * pv(costs),
            6,
          );
        },
      ),
    );
  });

  test("a cost row left blank at the end still covers the same periods as its benefits", () => {
    expect(scenario(row(100, "", ""), row(0, 60, 60))).toEqual([[-100, 60, 60]]);
  });

  test("negative factors, fractional delays and rows over different periods are refused, naming the argument", () => {
    expectError(scenario(row(100), row(0), -1), "#NUM!", /^costFactor: is -1: a factor cannot be negative/);
    expectError(scenario(row(100), row(0), 1, -0.5), "#NUM!", /^savingFactor: .*cannot be negative/);
    expectError(
      scenario(row(100), row(0), 1, 1, 1.5),
      "#NUM!",
      "delay: must be a whole number from 0 to 1000 (got 1.5)",
    );
    expectError(
      scenario(row(100), row(0), "high" as unknown as number),
      "#VALUE!",
      /^costFactor: is not a number/,
    );
    expectError(
      scenario(row(100, 50), row(0, 60, 60)),
      "#VALUE!",
      /^benefits: cover 3 periods but costs cover 2/,
    );
  });
});

describe("CBA.SWITCHINGVALUE", () => {
  test("benefits worth 207 next year against 100 now can halve at 3.5%; costs can double", () => {
    expect(single(switchingValue(row(100, 0), row(0, 207)))).toBeCloseTo(-0.5, 12);
    expect(
      single(switchingValue(row(100, 0), row(0, 207), null as unknown as unknown[][], "costs")),
    ).toBeCloseTo(1, 12);
    expect(switchingValue(row(100, 0), row(0, 207), [[0.035]], " Costs ")).toEqual(
      switchingValue(row(100, 0), row(0, 207), undefined, "costs"),
    );
  });

  test("with a rate it is PV(costs) / PV(benefits) − 1, and a row of rates discounts cumulatively", () => {
    expect(single(switchingValue(row(100, 0), row(0, 150), [[0.1]]))).toBeCloseTo(100 / (150 / 1.1) - 1, 12);
    const rates = row(0.035, 0.03);
    const benefitValue = 60 / 1.035 + 60 / (1.035 * 1.03);
    expect(single(switchingValue(row(100, 0, 0), row(0, 60, 60), rates))).toBeCloseTo(
      100 / benefitValue - 1,
      12,
    );
  });

  test("substituted back through CBA.SCENARIO, the switching value brings CBA.NPV to zero, for either driver", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 })), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.constantFrom(0, 0.035, 0.1),
        (pairs, rate) => {
          const costs = row(...pairs.map(([c]) => c));
          const benefits = row(...pairs.map(([, b]) => b));
          const scale = total(pairs.map(([c, b]) => c + b));
          for (const driver of ["benefits", "costs"] as const) {
            const change = switchingValue(costs, benefits, [[rate]], driver);
            if (change instanceof RuntimeErrorDouble) {
              // Only a driver with nothing in it has no switching value here (all amounts are positive).
              expect(change.code).toBe("#N/A");
              expect(total(pairs.map(([c, b]) => (driver === "costs" ? c : b)))).toBe(0);
              continue;
            }
            const factor = 1 + single(change);
            const net =
              driver === "benefits"
                ? scenario(costs, benefits, 1, factor)
                : scenario(costs, benefits, factor, 1);
            expect(Math.abs(single(npv([[rate]], net as unknown[][])))).toBeLessThan(
              1e-9 * Math.max(1, scale),
            );
          }
        },
      ),
    );
  });

  test("no change in benefits that have no present value moves the NPV: #N/A with the reason", () => {
    expectError(
      switchingValue(row(100, 0), row(0, 0)),
      "#N/A",
      "benefits: the benefits have no present value, so no change in them moves the NPV",
    );
    expectError(
      switchingValue(row(0, 0), row(0, 50), undefined, "costs"),
      "#N/A",
      /^costs: the costs have no present value/,
    );
  });

  test("an unknown driver, a bad rate and rows over different periods are refused, naming the argument", () => {
    expectError(
      switchingValue(row(100, 0), row(0, 207), undefined, "savings"),
      "#VALUE!",
      'driver: must be "benefits" or "costs" (got "savings")',
    );
    expectError(switchingValue(row(100, 0), row(0, 207), [[-1]]), "#NUM!", /^rate: /);
    expectError(switchingValue(row(100, 0), row(0, 207, 1)), "#VALUE!", /^benefits: cover 3 periods/);
  });
});

describe("CBA.PAYBACKDELAY", () => {
  test("100 now and 60 a year for three years: a one-year delay still pays back, a two-year delay does not", () => {
    expect(single(paybackDelay(row(100, 0, 0, 0), row(0, 60, 60, 60)))).toBe(2);
    expect(
      single(payback(scenario(row(100, 0, 0, 0), row(0, 60, 60, 60), 1, 1, 1) as unknown[][])),
    ).toBeCloseTo(2 + 40 / 60, 12);
  });

  test("agrees with the final CBA.PAYBACK of CBA.SCENARIO: pays back at one period less of delay, not at the delay found", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 500 })), {
          minLength: 2,
          maxLength: 10,
        }),
        fc.constantFrom(undefined, 0.035),
        (pairs, rate) => {
          const costs = row(...pairs.map(([c]) => c));
          const benefits = row(...pairs.map(([, b]) => b));
          const rateRange = rate === undefined ? undefined : [[rate]];
          const delayed = (delay: number) =>
            payback(scenario(costs, benefits, 1, 1, delay) as unknown[][], rateRange, "final");
          const found = paybackDelay(costs, benefits, rateRange);
          if (found instanceof RuntimeErrorDouble) {
            expect(found.code).toBe("#N/A");
            return;
          }
          const delay = single(found);
          expect(typeof delayed(delay - 1)).toBe("number");
          expectError(delayed(delay), "#N/A", /does not pay back|no final payback/);
        },
      ),
    );
  });

  test("discounting makes payback later, so a discounted case bears no more delay than the simple one", () => {
    const costs = row(100, 0, 0, 0, 0);
    const benefits = row(0, 40, 40, 40, 40);
    expect(single(paybackDelay(costs, benefits))).toBe(2);
    expect(single(paybackDelay(costs, benefits, [[0.1]]))).toBe(1);
  });

  test("a case that never pays back, or pays back whatever the delay, is #N/A saying which", () => {
    expectError(
      paybackDelay(row(100, 0, 0), row(0, 40, 40)),
      "#N/A",
      "costs and benefits: do not pay back within 2 periods even without a delay",
    );
    expectError(
      paybackDelay(row(0, 0, 0), row(10, 10, 10)),
      "#N/A",
      "costs and benefits: pay back within 2 periods whatever the delay, so no delay loses payback",
    );
  });
});

describe("CBA.NPVPERCENTILES", () => {
  const costs = [2545, 300, 40, 40, 40, 40, 40, 40, 40, 40, 40];
  const benefits = [0, 500, 1400, 1950, 1950, 1950, 1950, 1950, 1950, 1950, 1950];
  const scaled = (values: readonly number[], factor: number) => row(...values.map((v) => v * factor));
  const ranges = () =>
    [
      scaled(costs, 0.9),
      row(...costs),
      scaled(costs, 1.3),
      scaled(benefits, 0.6),
      row(...benefits),
      scaled(benefits, 1.1),
    ] as const;
  // Triangular(0, 50, 100): P(X ≤ x) = x² / 5000 below the mode, so P10 = √500 and P90 = 100 − √500.
  const triangularP10 = Math.sqrt(500);

  test("with no uncertainty every percentile is the NPV of benefits − costs at 3.5%", () => {
    const net = costs.map((c, t) => benefits[t]! - c);
    const expected = single(npv([[0.035]], row(...net)));
    const result = grid(
      npvPercentiles(
        row(...costs),
        row(...costs),
        row(...costs),
        row(...benefits),
        row(...benefits),
        row(...benefits),
      ),
    );
    expect(result).toHaveLength(1);
    expect(result[0]).toHaveLength(3);
    result[0]!.forEach((value) => expect(value).toBeCloseTo(expected, 5));
  });

  test("one benefit of 0 / 50 / 100 now: P10, P50 and P90 are the triangular distribution's own", () => {
    const [p10, p50, p90] = grid(npvPercentiles(row(0), row(0), row(0), row(0), row(50), row(100)))[0]!;
    expect(p10).toBeCloseTo(triangularP10, 1);
    expect(p50).toBeCloseTo(50, 1);
    expect(p90).toBeCloseTo(100 - triangularP10, 1);
  });

  test("a PERT range is narrower than the triangular one around the same likely value", () => {
    const [p10, p50, p90] = grid(
      npvPercentiles(row(0), row(0), row(0), row(0), row(50), row(100), undefined, undefined, "PERT"),
    )[0]!;
    expect(p10).toBeGreaterThan(triangularP10 + 1);
    expect(p50).toBeCloseTo(50, 1);
    expect(p90).toBeLessThan(100 - triangularP10 - 1);
  });

  test("a line moves as one across its periods, while the lines of a table vary independently", () => {
    const zero = row(0, 0);
    const oneLine = grid(npvPercentiles(zero, zero, zero, row(0, 0), row(50, 50), row(100, 100), [[0]]))[0]!;
    expect(oneLine[0]).toBeCloseTo(2 * triangularP10, 1);
    const twoLines = [
      [0, ""],
      ["", 0],
    ];
    const table = (amount: number) => [
      [amount, ""],
      ["", amount],
    ];
    const independent = grid(
      npvPercentiles(twoLines, twoLines, twoLines, table(0), table(50), table(100), [[0]]),
    )[0]!;
    expect(independent[0]).toBeGreaterThan(oneLine[0]! + 5);
    expect(independent[1]).toBeCloseTo(100, 0);
  });

  test("the same inputs and seed give the same percentiles every time; another seed draws again", () => {
    const first = npvPercentiles(...ranges(), undefined, undefined, undefined, 2000, 42);
    expect(npvPercentiles(...ranges(), undefined, undefined, undefined, 2000, 42)).toEqual(first);
    expect(npvPercentiles(...ranges(), undefined, undefined, undefined, 2000, 43)).not.toEqual(first);
  });

  test("the defaults are 3.5%, P10 / P50 / P90 in a row, triangular, 5,000 trials and seed 1", () => {
    expect(npvPercentiles(...ranges())).toEqual(
      npvPercentiles(...ranges(), [[0.035]], row(0.1, 0.5, 0.9), "triangular", 5000, 1),
    );
  });

  test("percentiles come back in the order asked, spilling the way they run, and rise with the percentile", () => {
    const asked = [0.95, 0.05, 0.5];
    const byColumn = grid(npvPercentiles(...ranges(), undefined, column(...asked)));
    expect(byColumn).toHaveLength(3);
    const [p95, p5, p50] = byColumn.map((r) => r[0]!);
    expect(p5).toBeLessThan(p50!);
    expect(p50).toBeLessThan(p95!);
    expect(grid(npvPercentiles(...ranges(), undefined, row(...asked)))).toEqual([[p95, p5, p50]]);
  });

  test("a row of per-period rates is used as CBA.NPV uses it", () => {
    const rates = grid(greenBookRates(10));
    const net = costs.map((c, t) => benefits[t]! - c);
    const [p50] = grid(
      npvPercentiles(
        row(...costs),
        row(...costs),
        row(...costs),
        row(...benefits),
        row(...benefits),
        row(...benefits),
        rates,
        [[0.5]],
      ),
    )[0]!;
    expect(p50).toBeCloseTo(single(npv(rates, row(...net))), 5);
  });

  test("a line given as a column gives the same answer as the same line given as a row", () => {
    const asColumns = ranges().map((range) => column(...range[0]!)) as unknown as ReturnType<typeof ranges>;
    expect(npvPercentiles(...asColumns, undefined, undefined, undefined, 500)).toEqual(
      npvPercentiles(...ranges(), undefined, undefined, undefined, 500),
    );
  });

  test("percentiles stay in order for any three-point lines and a small number of trials", () => {
    const threePoint = fc.tuple(
      fc.integer({ min: 0, max: 1000 }),
      fc.integer({ min: 0, max: 500 }),
      fc.integer({ min: 0, max: 500 }),
    );
    fc.assert(
      fc.property(
        // From two periods: a table one period wide is a single column, read as one line over periods.
        fc.integer({ min: 2, max: 4 }).chain((periods) =>
          fc.tuple(
            fc.array(fc.array(threePoint, { minLength: periods, maxLength: periods }), {
              minLength: 1,
              maxLength: 3,
            }),
            fc.array(fc.array(threePoint, { minLength: periods, maxLength: periods }), {
              minLength: 1,
              maxLength: 3,
            }),
          ),
        ),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.constantFrom("triangular", "pert"),
        ([costLines, benefitLines], trials, seed, distribution) => {
          const point = (lines: [number, number, number][][], k: 0 | 1 | 2) =>
            lines.map((line) => line.map(([low, up, higher]) => [low, low + up, low + up + higher][k]!));
          const result = grid(
            npvPercentiles(
              point(costLines, 0),
              point(costLines, 1),
              point(costLines, 2),
              point(benefitLines, 0),
              point(benefitLines, 1),
              point(benefitLines, 2),
              undefined,
              row(0, 0.1, 0.5, 0.9, 1),
              distribution,
              trials,
              seed,
            ),
          )[0]!;
          for (let k = 1; k < result.length; k++) expect(result[k]).toBeGreaterThanOrEqual(result[k - 1]!);
        },
      ),
      { numRuns: 60 },
    );
  });

  test("a likely below its low or a high below its likely is #NUM!, naming the cell", () => {
    expectError(
      npvPercentiles(row(10, 0), row(5, 0), row(12, 0), row(0, 9), row(0, 9), row(0, 9)),
      "#NUM!",
      "costsLikely[0]: is 5, below costsLow (10): give low ≤ likely ≤ high",
    );
    const low = [
      [0, 1],
      [0, 2],
    ];
    const high = [
      [0, 1],
      [0, 1],
    ];
    expectError(
      npvPercentiles(row(1, 1), row(1, 1), row(1, 1), low, low, high),
      "#NUM!",
      "benefitsHigh row 2, period 1: is 1, below benefitsLikely (2): give low ≤ likely ≤ high",
    );
  });

  test("ranges of different lines or periods are #VALUE!, naming the range", () => {
    const two = [
      [1, 1],
      [1, 1],
    ];
    expectError(
      npvPercentiles(two, row(1, 1), two, row(0, 9), row(0, 9), row(0, 9)),
      "#VALUE!",
      "costsLikely: has 1 line but costsLow has 2: give low, likely and high for the same lines",
    );
    expectError(
      npvPercentiles(row(1), row(1), row(1), row(0, 9), row(0, 9), row(0, 9)),
      "#VALUE!",
      /^costsLow: covers 1 period but benefitsLow covers 2/,
    );
    expectError(
      npvPercentiles(row(1), row("x"), row(1), row(1), row(1), row(1)),
      "#VALUE!",
      /^costsLikely\[0\]: is not a number/,
    );
  });

  test("bad percentiles, trials, seeds and distributions are refused, naming the argument", () => {
    const args = ranges();
    expectError(
      npvPercentiles(...args, undefined, row(10, 50)),
      "#NUM!",
      /^percentiles\[1\]: must be a fraction from 0 to 1/,
    );
    expectError(npvPercentiles(...args, undefined, row(0.1, "")), "#VALUE!", /^percentiles\[2\]: is blank/);
    expectError(
      npvPercentiles(...args, undefined, undefined, "normal"),
      "#VALUE!",
      'distribution: must be "triangular" or "pert" (got "normal")',
    );
    expectError(
      npvPercentiles(...args, undefined, undefined, undefined, 0),
      "#NUM!",
      "trials: must be a whole number from 1 to 100000 (got 0)",
    );
    expectError(
      npvPercentiles(...args, undefined, undefined, undefined, 100_001),
      "#NUM!",
      /^trials: must be a whole number from 1 to 100000/,
    );
    expectError(
      npvPercentiles(...args, undefined, undefined, undefined, undefined, -1),
      "#NUM!",
      /^seed: must be a whole number from 0 to 4294967295/,
    );
    expectError(npvPercentiles(...args, [[-2]]), "#NUM!", /^rate: /);
  });

  test("100,000 trials are accepted for a ten-year case; a simulation too large for a cell is refused with the trials it can take", () => {
    const result = grid(npvPercentiles(...ranges(), undefined, undefined, undefined, 100_000));
    expect(result[0]).toHaveLength(3);
    const manyLines = Array.from({ length: 500 }, () => [...costs]);
    const most = Math.floor(50_000_000 / (501 * 11));
    const tooMany = [
      manyLines,
      manyLines,
      manyLines,
      row(...benefits),
      row(...benefits),
      row(...benefits),
    ] as const;
    expectError(
      npvPercentiles(...tooMany, undefined, undefined, undefined, most + 1),
      "#NUM!",
      `trials: ${most + 1} trials of 501 lines over 11 periods are more than a cell should simulate; use at most ${most} trials`,
    );
  });

  test("PERT ranges count by their distinct shapes, so they take fewer trials than triangular ones", () => {
    // Each period's likely value sits at a different point of its range: 11 shapes per line.
    const low = Array.from({ length: 20 }, () => costs.map(() => 0));
    const likely = Array.from({ length: 20 }, () => costs.map((_, t) => t + 1));
    const high = Array.from({ length: 20 }, () => costs.map(() => 12));
    const tooMany = [low, likely, high, row(...low[0]!), row(...low[0]!), row(...low[0]!)] as const;
    const most = Math.floor(50_000_000 / (21 * 11 + 50 * 20 * 11));
    expectError(
      npvPercentiles(...tooMany, undefined, undefined, "pert", most + 1),
      "#NUM!",
      `trials: ${most + 1} trials of 21 lines over 11 periods with PERT ranges are more than a cell should simulate; use at most ${most} trials`,
    );
    expect(Array.isArray(npvPercentiles(...tooMany, undefined, undefined, "triangular", most + 1))).toBe(
      true,
    );
  });
});
